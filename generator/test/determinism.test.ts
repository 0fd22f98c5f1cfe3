/**
 * Output is a function of the spec alone: byte-identical across runs and processes, free of machine
 * paths, and produced without mutating the parsed spec or the IR.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../src/check/check.js";
import { EMITTERS } from "../src/emit/index.js";
import { buildIr } from "../src/ir/build.js";
import { mergeFiles } from "../src/load/load.js";
import { parseJsonFile } from "../src/load/parse-json.js";
import { runPipeline } from "../src/pipeline.js";
import { deepFreeze, fixturesDir, repoRoot, runCli, snapshotTree, tempDir } from "./support.js";

const SPECS = {
  "spec/": [join(repoRoot, "spec/dataexchange-listjobs.json")],
  "the hostile fixture": [join(fixturesDir, "hostile.json"), join(fixturesDir, "hostile-apply.json")],
};

function outputsOf(specs: string[]): Record<string, string> {
  const { outputs } = runPipeline({ root: repoRoot, specs });
  return Object.fromEntries(outputs.flatMap((o) => [...o.files].map(([path, text]) => [`${o.outDir}/${path}`, text])));
}

describe.each(Object.entries(SPECS))("determinism of %s", (_, specs) => {
  it("two runs give byte-identical output", () => {
    expect(outputsOf(specs)).toEqual(outputsOf(specs));
  });

  it("the parsed spec and the IR are not mutated (both frozen) and the output is the same", () => {
    const parsed = specs.map((path) => {
      const file = parseJsonFile(path.slice(repoRoot.length + 1), readFileSync(path, "utf8"));
      if (Array.isArray(file) || !("locate" in file)) throw new Error(JSON.stringify(file));
      deepFreeze(file.value);
      return file;
    });
    const copies = parsed.map((p) => structuredClone(p.value));
    const model = mergeFiles(parsed);
    const ir = deepFreeze(
      buildIr(
        model,
        checkModel(model, []),
        parsed.map((p) => p.file),
      ),
    );
    const frozen = Object.fromEntries(
      EMITTERS.flatMap((e) => [...e.emit(ir)].map(([path, text]) => [`${e.outDir}/${path}`, text])),
    );
    expect(parsed.map((p) => p.value)).toEqual(copies);
    expect(frozen).toEqual(outputsOf(specs));
  });
});

describe("determinism across processes", () => {
  it("two CLI runs into different folders write the same bytes, with no machine path inside", () => {
    const [a, b] = [tempDir(), tempDir()];
    expect(runCli(["--out", a]).status).toBe(0);
    expect(runCli(["--out", b]).status).toBe(0);
    const tree = snapshotTree(a);
    expect(snapshotTree(b)).toEqual(tree);
    for (const [path, base64] of Object.entries(tree)) {
      if (path.endsWith("/")) continue;
      const text = Buffer.from(base64, "base64").toString("utf8");
      for (const machinePath of [repoRoot, a, b]) expect(text, path).not.toContain(machinePath);
    }
  });
});
