/**
 * Writing is atomic per generated folder: an emitter that throws or a write that fails midway leaves
 * every previous folder as it was, and a swap cut short by a crash is repaired on the next run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Emitter } from "../src/emit/types.js";
import { modelsEmitter } from "../src/emit/models/index.js";
import { generate } from "../src/pipeline.js";
import { writeOutputs } from "../src/write/write.js";
import { repoRoot, snapshotTree, tempDir, writeFile } from "./support.js";

const A = "packages/a/src/generated";
const B = "packages/b/src/generated";

/** An emitter whose files are given directly. */
function fixed(outDir: string, files: [string, string][]): Emitter {
  return { name: outDir, outDir, emit: () => new Map(files) };
}

function leftovers(root: string): string[] {
  return [A, B]
    .map((dir) => join(root, dir, ".."))
    .filter(existsSync)
    .flatMap((parent) => readdirSync(parent).filter((e) => e.startsWith(".generated.")));
}

describe("atomic writes", () => {
  it("an emitter that throws leaves every generated folder intact", () => {
    const out = tempDir();
    generate({ root: repoRoot, outRoot: out });
    const before = snapshotTree(out);
    const failing: Emitter = {
      name: "failing",
      outDir: "packages/failing/src/generated",
      emit: () => {
        throw new Error("emitter bug");
      },
    };
    expect(() => generate({ root: repoRoot, outRoot: out, emitters: [modelsEmitter, failing] })).toThrow("emitter bug");
    expect(snapshotTree(out)).toEqual(before);
  });

  it("a write failure in the second folder leaves the first folder as it was too, with no staging left", () => {
    const out = tempDir();
    writeOutputs(out, [
      { outDir: A, files: new Map([["a.gen.ts", "a1\n"]]) },
      { outDir: B, files: new Map([["b.gen.ts", "b1\n"]]) },
    ]);
    const before = snapshotTree(out);
    // "x" is a file, so "x/y" cannot be created under it: writing B fails after A is staged.
    const emitters = [
      fixed(A, [["a.gen.ts", "a2\n"]]),
      fixed(B, [
        ["x", "file\n"],
        ["x/y", "under a file\n"],
      ]),
    ];
    expect(() =>
      writeOutputs(
        out,
        emitters.map((e) => ({ outDir: e.outDir, files: e.emit({} as never) })),
      ),
    ).toThrow(/ENOTDIR|EEXIST/);
    expect(snapshotTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it("a crash after the old folder was moved aside (and before the new one moved in) is rolled back", () => {
    const out = tempDir();
    const parent = join(out, "packages/a/src");
    // What a crash between the two renames leaves: no folder, the previous one aside, a staged new one.
    writeFile(join(parent, ".generated.old-generated-4242", "a.gen.ts"), "a1\n");
    writeFile(join(parent, ".generated.tmp-generated-4242", "a.gen.ts"), "a2 (half written");
    const reports = writeOutputs(out, [{ outDir: A, files: new Map([["a.gen.ts", "a1\n"]]) }]);
    // The previous folder was restored first, so the spec's output is found unchanged.
    expect(reports).toEqual([{ path: `${A}/a.gen.ts`, status: "unchanged" }]);
    expect(readdirSync(parent)).toEqual(["generated"]);
    expect(readFileSync(join(out, A, "a.gen.ts"), "utf8")).toBe("a1\n");
  });

  it("a crash after the swap (the old folder not yet removed) is cleaned up", () => {
    const out = tempDir();
    const parent = join(out, "packages/a/src");
    writeFile(join(parent, "generated", "a.gen.ts"), "a2\n");
    writeFile(join(parent, ".generated.old-generated-4242", "a.gen.ts"), "a1\n");
    const reports = writeOutputs(out, [{ outDir: A, files: new Map([["a.gen.ts", "a3\n"]]) }]);
    expect(reports).toEqual([{ path: `${A}/a.gen.ts`, status: "updated" }]);
    expect(readdirSync(parent)).toEqual(["generated"]);
    expect(readFileSync(join(out, A, "a.gen.ts"), "utf8")).toBe("a3\n");
  });

  it("replaces a folder as a whole: files no longer generated are removed, others beside it are kept", () => {
    const out = tempDir();
    writeOutputs(out, [
      {
        outDir: A,
        files: new Map([
          ["old.gen.ts", "old\n"],
          ["keep.gen.ts", "k\n"],
        ]),
      },
    ]);
    writeFile(join(out, "packages/a/src/index.ts"), "hand-written\n");
    const reports = writeOutputs(out, [
      {
        outDir: A,
        files: new Map([
          ["keep.gen.ts", "k\n"],
          ["sub/new.gen.ts", "n\n"],
        ]),
      },
    ]);
    expect(reports).toEqual([
      { path: `${A}/keep.gen.ts`, status: "unchanged" },
      { path: `${A}/sub/new.gen.ts`, status: "created" },
      { path: `${A}/old.gen.ts`, status: "removed" },
    ]);
    expect(snapshotTree(join(out, "packages/a/src"))).toEqual({
      "generated/": "(folder)",
      "generated/keep.gen.ts": Buffer.from("k\n").toString("base64"),
      "generated/sub/": "(folder)",
      "generated/sub/new.gen.ts": Buffer.from("n\n").toString("base64"),
      "index.ts": Buffer.from("hand-written\n").toString("base64"),
    });
  });

  it("does not replace a folder whose files are all unchanged", () => {
    const out = tempDir();
    writeOutputs(out, [{ outDir: A, files: new Map([["a.gen.ts", "a\n"]]) }]);
    // A swapped-in folder is a new directory, with a new inode.
    const inode = statSync(join(out, A)).ino;
    writeOutputs(out, [{ outDir: A, files: new Map([["a.gen.ts", "a\n"]]) }]);
    expect(statSync(join(out, A)).ino).toBe(inode);
    writeOutputs(out, [{ outDir: A, files: new Map([["a.gen.ts", "b\n"]]) }]);
    expect(statSync(join(out, A)).ino).not.toBe(inode);
  });
});
