/**
 * The emitter on a real AWS model: every paginated operation of the official Data Exchange model gets
 * a binding, and the bindings type-check (strict settings) against the models and validators generated
 * from the same model, the runtime of this package and the AWS SDK's own types.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@dx/generator";
import { referenceFile } from "@dx/test-support";
import { afterAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const repoRoot = resolve(packageDir, "..", "..");
/** The original beside the clone in CI, else the repo's facts-only copy. */
const official = referenceFile("aws-models/dataexchange-2017-07-25.json") as string;
const require = createRequire(import.meta.url);

/** The declaration entry of a dependency of this package. */
function typesOf(name: string): string {
  const dir = dirname(require.resolve(`${name}/package.json`));
  return join(dir, (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { types: string }).types);
}

function paginatedOperations(path: string): string[] {
  const shapes = (
    JSON.parse(readFileSync(path, "utf8")) as {
      shapes: Record<string, { type: string; traits?: Record<string, unknown> }>;
    }
  ).shapes;
  return Object.entries(shapes)
    .filter(([, s]) => s.type === "operation" && s.traits?.["smithy.api#paginated"] !== undefined)
    .map(([id]) => id.split("#")[1] as string)
    .sort();
}

describe("the official Data Exchange model", () => {
  const out = mkdtempSync(join(tmpdir(), "dx-paginator-official-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  generate({ root: repoRoot, specs: [official], outRoot: out });
  const generated = join(out, "packages", "paginator", "src", "generated");

  it("gets one binding per paginated operation", () => {
    const expected = paginatedOperations(official);
    expect(expected.length).toBe(7);
    const files = readdirSync(generated)
      .filter((f) => f !== "index.gen.ts" && f !== "sdk" && f !== "signed")
      .sort();
    expect(files).toEqual(expected.map((op) => `paginate${op}.gen.ts`));
    const index = readFileSync(join(generated, "index.gen.ts"), "utf8");
    for (const op of expected) expect(index).toContain(`export { paginate${op} } from "./paginate${op}.gen.js";`);
    const sdkIndex = readFileSync(join(generated, "sdk", "index.gen.ts"), "utf8");
    for (const op of expected) expect(sdkIndex).toContain(`export { paginate${op} } from "./paginate${op}.gen.js";`);
  });

  it("type-checks against its models and validators, the runtime and the AWS SDK's types", () => {
    // The generated folders sit beside the hand-written runtimes they import, as in the workspace.
    symlinkSync(join(packageDir, "src", "runtime"), join(out, "packages", "paginator", "src", "runtime"), "dir");
    symlinkSync(
      join(repoRoot, "packages", "validators", "src", "runtime"),
      join(out, "packages", "validators", "src", "runtime"),
      "dir",
    );
    const sdkTypes = join(
      dirname(require.resolve("@aws-sdk/client-dataexchange/package.json")),
      "dist-types",
      "index.d.ts",
    );
    const tsconfig = {
      extends: join(repoRoot, "tsconfig.base.json"),
      compilerOptions: {
        noEmit: true,
        typeRoots: [join(packageDir, "node_modules", "@types")],
        paths: {
          "@dx/models": [join(out, "packages", "models", "src", "generated", "index.gen.ts")],
          "@dx/validators": [join(out, "packages", "validators", "src", "generated", "index.gen.ts")],
          "@aws-sdk/client-dataexchange": [sdkTypes],
          // The signed transport's dependencies, as this package resolves them.
          "@smithy/signature-v4": [typesOf("@smithy/signature-v4")],
          "@aws-crypto/sha256-js": [typesOf("@aws-crypto/sha256-js")],
        },
      },
      files: [
        join(generated, "index.gen.ts"),
        join(generated, "sdk", "index.gen.ts"),
        join(generated, "signed", "index.gen.ts"),
      ],
    };
    writeFileSync(join(out, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }));
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(out, "tsconfig.json")], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 150_000);
});
