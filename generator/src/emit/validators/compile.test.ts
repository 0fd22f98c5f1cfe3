import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../pipeline.js";
import { repoRoot, runCli, tempDir } from "../../../test/support.js";
import { compiledBundle } from "./compile.js";
import { validatorsEmitter } from "./index.js";
import { VARIANTS, variantName } from "./schema.js";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default as typeof import("ajv/dist/2020.js").default;

const ir = runPipeline({ root: repoRoot, emitters: [] }).ir;

describe("the compiled copy of each variant", () => {
  // compileVariant skips Ajv's meta-schema check (it costs a third of the compile time), so it is made here.
  it.each(VARIANTS.map((v) => [variantName(v), v] as const))("%s is a valid draft 2020-12 schema", (_name, v) => {
    const ajv = new Ajv2020({ strict: false });
    const valid = ajv.validateSchema(compiledBundle(ir, v));
    expect(ajv.errors ?? [], ajv.errorsText()).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe("compilation in the CLI's worker thread", () => {
  it("writes the same modules as compiling in process", () => {
    const out = tempDir();
    const cli = runCli(["--out", out]);
    expect(cli.status, cli.stderr).toBe(0);
    const inProcess = validatorsEmitter.emit(ir);
    for (const v of VARIANTS) {
      const path = `compiled/${variantName(v)}.gen.ts`;
      expect(readFileSync(join(out, validatorsEmitter.outDir, path), "utf8"), path).toBe(inProcess.get(path));
    }
  });
});
