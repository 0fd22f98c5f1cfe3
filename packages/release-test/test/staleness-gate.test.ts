/**
 * The gate CI runs (`pnpm run check:generated`) fails on a stale or hand-edited generated file,
 * committed or not, naming the file, whether or not a build (which regenerates) ran before it.
 * Proven in a copy of the workspace; the real working tree is never touched.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cleanEnv } from "./support/run.js";
import { copyWorkspace, GIT_IDENTITY } from "./support/workspace-copy.js";

const EDITED = "packages/models/src/generated/shapes.gen.ts";

describe("the staleness gate (in a copy of the workspace)", () => {
  let tmp: string;
  let repo: string;
  const sh = (command: string, args: string[]) =>
    spawnSync(command, args, { cwd: repo, env: cleanEnv({ CI: "true" }), encoding: "utf8", timeout: 240_000 });
  const gate = () => sh("pnpm", ["run", "check:generated"]);
  const handEdit = () => appendFileSync(join(repo, EDITED), "export type HandEdited = true;\n");
  const commit = () => expect(sh("git", [...GIT_IDENTITY, "commit", "-qam", "hand edit"]).status).toBe(0);

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "dx-gate-"));
    repo = join(tmp, "repo");
    await copyWorkspace(repo, { withDist: false });
    const tag = sh("git", ["tag", "pristine"]);
    expect(tag.status).toBe(0);
  }, 300_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  beforeEach(() => {
    expect(sh("git", ["reset", "-q", "--hard", "pristine"]).status).toBe(0);
  });

  it("passes on the workspace as it is (the control)", () => {
    const r = gate();
    expect(r.status, r.stderr).toBe(0);
  });

  it("fails on a committed hand edit, naming the file, when it runs first", () => {
    handEdit();
    commit();
    const r = gate();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(EDITED);
  });

  it("fails on a committed hand edit after `pnpm main` regenerated the working tree (CI's order)", () => {
    handEdit();
    commit();
    const main = sh("pnpm", ["main"]);
    expect(main.status, main.stderr).toBe(0);
    const r = gate();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`stale in HEAD: ${EDITED}`);
  });

  it("fails on an uncommitted hand edit, naming the file", () => {
    handEdit();
    const r = gate();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`stale: ${EDITED}`);
  });

  it("fails on a generated file that is not committed, and on a committed orphan", () => {
    appendFileSync(join(repo, "packages/models/src/generated/orphan.gen.ts"), "export {};\n");
    expect(sh("git", ["add", "-A"]).status).toBe(0);
    commit();
    const r = gate();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("orphaned in HEAD: packages/models/src/generated/orphan.gen.ts");
  });
});
