import type { Ir } from "../../ir/types.js";
import { tsHeader } from "../header.js";
import type { Emitter, FileSet } from "../types.js";
import { renderArbitraries } from "./arbitraries.js";
import { renderAjvDeclarations, renderValidators } from "./code.js";
import { buildBundle, patternWarnings, VARIANTS, variantName } from "./schema.js";
import { renderWireTypes } from "./wire-types.js";

/**
 * Emits `@dx/validators`: JSON Schemas (draft 2020-12) of the wire and model forms, strict and
 * tolerant (for other tools); the validators' code, emitted from the IR (code.ts); and fast-check
 * arbitraries. A pure function of the IR.
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
  for (const v of VARIANTS)
    files.set(`schemas/${variantName(v)}.gen.json`, `${JSON.stringify(buildBundle(ir, v, true), null, 2)}\n`);
  files.set("validators.gen.ts", ts(renderValidators(ir)));
  files.set("arbitraries.gen.ts", ts(renderArbitraries(ir)));
  files.set("index.gen.ts", ts('export * from "./validators.gen.js";\n'));
  files.set("ajv/wire.gen.d.ts", ts(renderAjvDeclarations(ir)));
  files.set("wire.gen.ts", ts(renderWireTypes(ir)));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
