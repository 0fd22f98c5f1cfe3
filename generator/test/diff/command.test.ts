import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSpecs, runDiffCommand } from "../../src/diff/command.js";
import { findWorkspaceRoot } from "../../src/pipeline.js";
import { baseSpec, edited, input, members, traits, type Spec } from "./fixture.js";

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/cli.js");
const WORKSPACE = findWorkspaceRoot(dirname(fileURLToPath(import.meta.url)));

/** `dx-gen diff ARGS` in `cwd`, in this process (spawning a CLI per case made the suite slow). */
function run(cwd: string, args: string[]) {
  let out = "";
  let err = "";
  const [write, writeErr, before] = [process.stdout.write, process.stderr.write, process.cwd()];
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
  try {
    process.chdir(cwd);
    return { code: runDiffCommand(args), out, err };
  } finally {
    process.chdir(before);
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

/** The real executable, for what only it does (the `diff` dispatch of cli.ts). */
function spawnCli(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "diff", ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const writeSpec = (root: string, spec: Spec): void =>
  write(join(root, "spec/example.json"), JSON.stringify(spec, null, 2));
const git = (cwd: string, ...args: string[]): string =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd, encoding: "utf8" });

describe("dx-gen diff (command line)", () => {
  let root: string;
  beforeAll(() => {
    // A tiny workspace: a spec and a @dx/models manifest whose version marks the last release.
    root = mkdtempSync(join(tmpdir(), "dx-diff-"));
    write(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    write(join(root, "packages/models/package.json"), JSON.stringify({ name: "@dx/models", version: "1.0.0" }));
    writeSpec(root, baseSpec());
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-qm", "release 1.0.0");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("compares two files and prints the report by severity, then the packages", () => {
    write(
      join(root, "new.json"),
      JSON.stringify(
        edited((s) => void delete members(s, "ex#Thing")["Name"]),
        null,
        2,
      ),
    );
    const r = spawnCli(root, ["spec/example.json", "new.json"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Breaking changes (major): 1");
    expect(r.out).toMatch(/RemovedMember\s+ex#Thing\$Name: structure member removed/);
    expect(r.out).toMatch(/@dx\/models\s+major/);
  });

  it("--since last-release --changeset writes the bump, and removes it once the spec is back", () => {
    writeSpec(
      root,
      edited(
        (s) =>
          void (members(s, "ex#Kind")["MEDIUM"] = {
            target: "smithy.api#Unit",
            traits: { "smithy.api#enumValue": "medium" },
          }),
      ),
    );
    const r = run(root, ["--since", "last-release", "--changeset"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("AddedEnumValue");
    const changeset = readFileSync(join(root, ".changeset/spec-diff.md"), "utf8");
    expect(changeset).toMatch(/^---\n"@dx\/models": minor\n---\n/);
    expect(changeset).toContain('`ex#Kind$MEDIUM` enum value "medium" added (AddedEnumValue)');

    writeSpec(root, baseSpec());
    const back = run(root, ["--since", "HEAD", "--changeset"]);
    expect(back.code).toBe(0);
    expect(back.out).toContain("none affected");
    expect(existsSync(join(root, ".changeset/spec-diff.md"))).toBe(false);
  });

  it("--json gives the changes and the packages", () => {
    writeSpec(
      root,
      edited((s) => void (traits(s.shapes["ex#Thing"]!)["smithy.api#documentation"] = "Changed.")),
    );
    const r = run(root, ["--since", "HEAD", "--json"]);
    const parsed = JSON.parse(r.out) as { changes: { rule: string }[]; packages: { name: string; bump: string }[] };
    expect(parsed.changes.map((c) => c.rule)).toEqual(["ChangedDocumentation"]);
    expect(parsed.packages).toContainEqual(expect.objectContaining({ name: "@dx/models", bump: "patch" }));
    writeSpec(root, baseSpec());
  });

  it("--check-changeset fails on a spec change without a large enough changeset, passes with one", () => {
    rmSync(join(root, ".changeset"), { recursive: true, force: true });
    writeSpec(
      root,
      edited((s) => void delete members(s, "ex#Thing")["Name"]),
    );
    const none = run(root, ["--since", "last-release", "--check-changeset"]);
    expect(none.code).toBe(1);
    expect(none.err).toContain("@dx/models needs a major changeset; pending changesets give it nothing");

    // A breaking change released as a patch is refused too.
    write(join(root, ".changeset/too-small.md"), '---\n"@dx/models": patch\n---\n\nOops.\n');
    expect(run(root, ["--since", "last-release", "--check-changeset"]).code).toBe(1);

    expect(run(root, ["--since", "last-release", "--changeset"]).code).toBe(0);
    const covered = run(root, ["--since", "last-release", "--check-changeset"]);
    expect(covered.code).toBe(0);
    expect(covered.out).toContain("has a large enough changeset");
    rmSync(join(root, ".changeset"), { recursive: true, force: true });
    writeSpec(root, baseSpec());
  });

  it("--check-changeset passes when the history holds no release to compare with", () => {
    const bare = mkdtempSync(join(tmpdir(), "dx-diff-bare-"));
    try {
      write(join(bare, "pnpm-workspace.yaml"), "packages: []\n");
      writeSpec(bare, baseSpec());
      git(bare, "init", "-q");
      const r = run(bare, ["--since", "last-release", "--check-changeset"]);
      expect(r.code).toBe(0);
      expect(r.out).toContain("nothing to check");
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it("reports bad usage with exit 2 and an unknown ref or a broken spec with exit 1", () => {
    expect(run(root, ["only-one.json"]).code).toBe(2);
    expect(run(root, ["--bogus"]).code).toBe(2);
    const unknown = run(root, ["--since", "no-such-ref"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('unknown git ref "no-such-ref"');
    write(join(root, "broken.json"), "{ not json");
    const broken = run(root, ["spec/example.json", "broken.json"]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\.json:1:\d+/);
  });
});

describe("packages affected by a change are the ones whose generated files differ", () => {
  const diff = (after: Spec) =>
    diffSpecs({ root: WORKSPACE, before: input(baseSpec()), after: input(after), from: "a", to: "b" });

  it("documentation reaches @dx/models (TSDoc) as a patch", () => {
    const r = diff(edited((s) => void (traits(s.shapes["ex#Thing"]!)["smithy.api#documentation"] = "Changed.")));
    expect(r.packages).toContainEqual(expect.objectContaining({ name: "@dx/models", bump: "patch" }));
  });

  it("a breaking change makes every affected package major", () => {
    const r = diff(edited((s) => void delete members(s, "ex#Kind")["LARGE"]));
    expect(r.packages.length).toBeGreaterThan(0);
    for (const p of r.packages) expect(p.bump).toBe("major");
    expect(r.packages.map((p) => p.name)).toContain("@dx/models");
  });

  it("identical specs affect no package", () => {
    expect(diff(baseSpec()).packages).toEqual([]);
  });
});
