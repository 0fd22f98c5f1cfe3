import type { Ir } from "../../ir/types.js";
import { headerLines, tsHeader } from "../header.js";
import type { Emitter, FileSet } from "../types.js";
import { renderApi } from "./api.js";
import { renderArbitraries } from "./arbitraries.js";
import { compileVariant } from "./compile.js";
import { takePrecompiled } from "./precompile.js";
import { buildBundle, patternWarnings, VARIANTS, variantName } from "./schema.js";
import { renderTable } from "./table.js";

/**
 * Emits `@dx/validators`: JSON Schemas (draft 2020-12) of the wire and model forms, strict and
 * tolerant; the same schemas compiled ahead of time by Ajv's standalone code generation; the shape
 * table of the runtime's conversion and drift walkers; the typed per-shape functions; and
 * fast-check arbitraries.
 */
export const validatorsEmitter: Emitter = {
  name: "validators",
  outDir: "packages/validators/src/generated",
  emit: emitValidators,
  warnings: patternWarnings,
};

function emitValidators(ir: Ir): FileSet {
  const files = new Map<string, string>();
  const ts = (text: string): string => tsHeader(ir) + text;
  // The CLI has the variants compiled in a worker thread (precompile.ts); elsewhere they compile here.
  const compiled = takePrecompiled(ir) ?? VARIANTS.map((v) => compileVariant(ir, v));
  VARIANTS.forEach((v, i) => {
    files.set(`schemas/${variantName(v)}.gen.json`, `${JSON.stringify(buildBundle(ir, v, true), null, 2)}\n`);
    files.set(`compiled/${variantName(v)}.gen.ts`, headerComment(ir) + (compiled[i] as string));
  });
  files.set("table.gen.ts", ts(renderTable(ir)));
  files.set("validators.gen.ts", ts(renderApi(ir)));
  files.set("arbitraries.gen.ts", ts(renderArbitraries(ir)));
  files.set("index.gen.ts", ts('export * from "./validators.gen.js";\n'));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The compiled modules start with `// @ts-nocheck`, which TypeScript honours only before any code. */
function headerComment(ir: Ir): string {
  return `${headerLines(ir)
    .map((l) => `// ${l}`)
    .join("\n")}\n`;
}
