/** `--check` lists every stale, missing and orphaned generated file, exits 1, and writes nothing. */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { repoRoot, runCli, snapshotTree, tempDir, writeFile } from "./support.js";

const MODELS = "packages/models/src/generated";
let out: string;

beforeEach(() => {
  // A temporary copy of the generated folders, made by the generator itself from spec/.
  out = tempDir();
  expect(runCli(["--out", out]).status).toBe(0);
});

function check(args: string[] = []) {
  const before = snapshotTree(out);
  const r = runCli(["--check", "--out", out, ...args]);
  expect(snapshotTree(out)).toEqual(before);
  return r;
}

describe("dx-gen --check", () => {
  it("passes on freshly generated folders", () => {
    const r = check();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("dx-gen --check: generated files are up to date.\n");
  });

  it("catches a hand edit, a missing file and an orphan file, listing each", () => {
    const shapes = join(out, MODELS, "shapes.gen.ts");
    writeFileSync(
      shapes,
      readFileSync(shapes, "utf8").replace(
        "export interface JobEntry {",
        "export interface JobEntry {\n  Extra?: string;",
      ),
    );
    rmSync(join(out, MODELS, "enums.gen.ts"));
    writeFile(join(out, MODELS, "leftover.gen.ts"), "export {};\n");
    const r = check();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toEqual([
      `missing: ${MODELS}/enums.gen.ts`,
      `stale: ${MODELS}/shapes.gen.ts`,
      `orphaned: ${MODELS}/leftover.gen.ts`,
      "dx-gen --check: 3 generated file(s) differ from the spec; run `pnpm generate`.",
      "",
    ]);
  });

  it("catches a spec change", () => {
    const spec = JSON.parse(readFileSync(join(repoRoot, "spec/dataexchange-listjobs.json"), "utf8"));
    spec.shapes["com.amazonaws.dataexchange#State"].traits["smithy.api#enum"].push({ value: "PAUSED", name: "PAUSED" });
    const dir = tempDir();
    // Same file name under a spec/ folder, so that headers are the same and only the change shows.
    writeFile(join(dir, "pnpm-workspace.yaml"), "packages: []\n");
    writeFile(join(dir, "spec/dataexchange-listjobs.json"), JSON.stringify(spec, null, 2));
    const before = snapshotTree(out);
    const r = runCli(["--check", "--out", out], dir);
    expect(snapshotTree(out)).toEqual(before);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`stale: ${MODELS}/enums.gen.ts\n`);
    expect(r.stderr).not.toContain("shapes.gen.ts");
  });
});
