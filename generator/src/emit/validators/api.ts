import type { Ir } from "../../ir/types.js";
import { validatorNames } from "../../naming.js";
import { validatedShapes } from "./compile.js";
import { VARIANTS, variantName } from "./schema.js";

const FORM_KEYS: Readonly<Record<string, string>> = {
  wire: "wire",
  "wire-tolerant": "wireTolerant",
  model: "model",
  "model-tolerant": "modelTolerant",
};

/** The public, typed functions of each structure and union: thin bindings of the runtime to the compiled validators. */
export function renderApi(ir: Ir): string {
  const shapes = validatedShapes(ir);
  const modules = VARIANTS.map((v) => ({ key: FORM_KEYS[variantName(v)] as string, file: variantName(v) }));
  const lines: string[] = [];
  const types = shapes.map((s) => s.name);
  if (types.length > 0) lines.push(`import type { ${types.join(", ")} } from "@dx/models";`);
  lines.push(
    'import { bindShape, type Assertion, type Guard, type Parser, type Serializer } from "../runtime/bind.js";',
  );
  for (const m of modules) lines.push(`import * as ${m.key} from "./compiled/${m.file}.gen.js";`);
  lines.push('import { table } from "./table.gen.js";', "");
  for (const s of shapes) {
    const n = validatorNames(s.name);
    const forms = modules.map((m) => `${m.key}: ${m.key}.${s.name}`).join(", ");
    const ref = `{@link @dx/models#${s.name} | ${s.name}}`;
    lines.push(
      `const ${s.name}$ = /* @__PURE__ */ bindShape<${s.name}>(table, ${JSON.stringify(s.name)}, { ${forms} });`,
      `/** Whether \`value\` is a ${ref} in model form (timestamps as \`Date\`). */`,
      `export const ${n.is}: Guard<${s.name}> = ${s.name}$.is;`,
      `/** Throws a \`ValidationError\` listing every fault unless \`value\` is a ${ref} in model form. */`,
      `export const ${n.assert}: Assertion<${s.name}> = ${s.name}$.assert;`,
      `/** Validates the wire JSON of a ${ref} (throwing a \`ValidationError\`) and returns its model form. */`,
      `export const ${n.parse}: Parser<${s.name}> = ${s.name}$.parse;`,
      `/** The wire JSON of a ${ref} (the inverse of \`${n.parse}\`). */`,
      `export const ${n.serialize}: Serializer<${s.name}> = ${s.name}$.serialize;`,
      "",
    );
  }
  return lines.join("\n");
}
