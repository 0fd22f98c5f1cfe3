/** The command line as a user runs it: help, bad flags, a bad spec that writes nothing, a clean run. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { positionOf, runCli, smallSpec, snapshotTree, specText, tempDir, writeFile } from "./support.js";

const MODELS = "packages/models/src/generated";

describe("dx-gen --help and bad flags", () => {
  it("--help documents every option and the exit codes, on stdout, with exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const r = runCli([flag]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("Usage: dx-gen [--spec FILE]... [--operation NAME]... [--out DIR] [--check]");
      for (const option of ["--spec FILE", "--operation NAME", "--out DIR", "--check", "--help"])
        expect(r.stdout).toContain(`  ${option}`);
      expect(r.stdout).toMatch(/Exit codes: 0 success, 1 invalid spec or stale files, 2 bad command line/);
    }
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--out"], "Option '--out <value>' argument missing"],
    [["stray-positional"], "Unexpected argument 'stray-positional'"],
    [["--check=yes"], "--check"],
  ])("exits 2 on %j, naming the problem and printing the usage", (args, problem) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(problem);
    expect(r.stderr).toContain("Usage: dx-gen");
  });
});

describe("dx-gen on a bad spec", () => {
  it("exits 1, prints every problem as file:line:column /pointer: message, and changes nothing under --out", () => {
    const out = tempDir();
    // A previous generation, plus a hand-made file beside it: all must survive byte for byte.
    expect(runCli(["--out", out]).status).toBe(0);
    writeFile(join(out, "packages/models/README.md"), "not generated\n");
    const before = snapshotTree(out);

    const spec = smallSpec();
    spec.shapes["ex#Thing"]!["members"].Name.target = "ex#Nope";
    spec.shapes["ex#Thing"]!["members"]["bad-name"] = { target: "smithy.api#String" };
    const text = specText(spec);
    const dir = tempDir();
    writeFile(join(dir, "bad.json"), text);

    const r = runCli(["--spec", "bad.json", "--out", out], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const target = positionOf(text, '"target": "ex#Nope"');
    const name = positionOf(text, '"bad-name"');
    expect(r.stderr.split("\n")).toEqual([
      `bad.json:${target.line}:${target.column} /shapes/ex#Thing/members/Name/target: unknown shape target "ex#Nope"`,
      `bad.json:${name.line}:${name.column} /shapes/ex#Thing/members/bad-name: member name "bad-name" is not a valid identifier ([A-Za-z_][A-Za-z0-9_]*)`,
      "dx-gen: 2 problem(s) in the spec; nothing was written.",
      "",
    ]);
    expect(snapshotTree(out)).toEqual(before);
  });

  it("exits 1 on malformed JSON with its line and column, and writes nothing", () => {
    const out = tempDir();
    const dir = tempDir();
    writeFile(join(dir, "broken.json"), '{\n  "smithy": "2.0",\n  "shapes": [,]\n}\n');
    const r = runCli(["--spec", "broken.json", "--out", out], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("broken.json:3:14 /shapes/0: malformed JSON: value expected\n");
    expect(snapshotTree(out)).toEqual({});
  });

  it("exits 1 when a spec file cannot be read", () => {
    const out = tempDir();
    const r = runCli(["--spec", join(out, "missing.json"), "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.json \/: cannot read file: ENOENT/);
  });
});

describe("dx-gen on a good spec", () => {
  it("generates spec/ under --out, lists each file, and reports them unchanged the second time", () => {
    const out = tempDir();
    const first = runCli(["--out", out]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^created +${MODELS}/shapes\\.gen\\.ts$`, "m"));
    expect(first.stdout).toMatch(/^dx-gen: (\d+) generated file\(s\), \1 changed\.$/m);
    const second = runCli(["--out", out]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`^unchanged ${MODELS}/shapes\\.gen\\.ts$`, "m"));
    expect(second.stdout).toMatch(/^dx-gen: \d+ generated file\(s\), 0 changed\.$/m);
  });

  it("--operation limits the output to that operation's closure", () => {
    const dir = tempDir();
    const out = tempDir();
    writeFile(join(dir, "small.json"), specText(smallSpec()));
    expect(runCli(["--spec", "small.json", "--operation", "ex#ListThings", "--out", out], dir).status).toBe(0);
    const ops = readFileSync(join(out, MODELS, "operations.gen.ts"), "utf8");
    expect(ops).toContain(
      "  ListThings: {\n    input: ListThingsInput;\n    output: ListThingsOutput;\n    errors: never;\n  };\n",
    );
  });
});
