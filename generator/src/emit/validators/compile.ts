import { createRequire } from "node:module";
import type { Ir, IrShape } from "../../ir/types.js";
import { buildBundle, bundleId, type Variant } from "./schema.js";

// Ajv is CommonJS; its subpath modules are loaded the CommonJS way to get their exports as documented.
const require = createRequire(import.meta.url);
type CodeTag = typeof import("ajv/dist/compile/codegen/index.js")._;
type KeywordCxt = import("ajv/dist/compile/validate/index.js").KeywordCxt;
type Name = import("ajv/dist/compile/codegen/index.js").Name;

/**
 * Ajv, loaded on first use: when the CLI compiles in a worker thread (precompile.ts), the main
 * thread imports this module (for validatedShapes) but never compiles, so it need not load Ajv.
 */
const ajvLib = (() => {
  let lib: ReturnType<typeof load> | undefined;
  const load = () => ({
    Ajv2020: require("ajv/dist/2020").default as typeof import("ajv/dist/2020.js").default,
    standaloneCode: require("ajv/dist/standalone").default as typeof import("ajv/dist/standalone/index.js").default,
    _: (require("ajv/dist/compile/codegen") as typeof import("ajv/dist/compile/codegen/index.js"))._,
    usePattern: (require("ajv/dist/vocabularies/code") as typeof import("ajv/dist/vocabularies/code.js")).usePattern,
  });
  return () => (lib ??= load());
})();

/** Where the compiled modules (in generated/compiled/) find the hand-written format checks. */
const FORMATS_MODULE = "../../runtime/formats.js";
const COMPILED_VALIDATOR_TYPE = "../../runtime/bind.js";

/** The checks behind the model form's `dxModel` keyword, as JavaScript expressions over the value. */
const MODEL_CHECKS: Readonly<Record<string, (_: CodeTag, data: Name) => ReturnType<CodeTag>>> = {
  date: (_, data) => _`${data} instanceof Date && !Number.isNaN(${data}.getTime())`,
  bytes: (_, data) => _`${data} instanceof Uint8Array`,
  double: (_, data) => _`typeof ${data} == "number"`,
};

/** The shapes that get validators: structures and unions. */
export function validatedShapes(ir: Ir): IrShape[] {
  return ir.shapes.filter((s) => s.kind === "structure" || s.kind === "union");
}

/**
 * Compiles one variant's schemas with Ajv's standalone code generation (at generate time, in strict
 * mode) into an ES module that exports one validator per structure and union, and needs no schema
 * compilation, `eval` or `new Function` when it runs.
 */
export function compileVariant(ir: Ir, v: Variant): string {
  const { Ajv2020, standaloneCode, _, usePattern } = ajvLib();
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    messages: false, // issues are worded by the runtime from keyword and params
    unicodeRegExp: false, // Smithy patterns are ECMA-262 patterns without flags
    ownProperties: needsOwnProperties(ir),
    // Checking the bundle against the 2020-12 meta-schema means compiling the meta-schema first: a
    // third of a cold generation's compile time. compile.test.ts checks every variant's bundle instead.
    validateSchema: false,
    code: { source: true, esm: true, lines: true, formats: _`require(${FORMATS_MODULE}).formats` },
  });
  // Format checks run from the runtime's module; these stand-ins only let Ajv generate the calls.
  for (const name of ["date-time", "http-date", "byte"]) ajv.addFormat(name, () => true);
  ajv.addKeyword({
    keyword: "dxModel",
    schemaType: "string",
    code(cxt: KeywordCxt) {
      const check = MODEL_CHECKS[cxt.schema as string];
      if (!check) throw new Error(`unknown dxModel value ${String(cxt.schema)}`);
      cxt.fail(_`!(${check(_, cxt.data)})`);
    },
    error: { message: "dxModel", params: ({ schema }) => _`{model: ${schema as string}}` },
  });
  ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
  ajv.addKeyword({
    keyword: "dxPattern",
    type: "string",
    schemaType: "object",
    code(cxt: KeywordCxt) {
      const { star, min, max } = cxt.schema as FastPattern;
      const re = usePattern(cxt, star);
      cxt.fail(_`${cxt.data}.length < ${min} || ${cxt.data}.length > ${max} || !${re}.test(${cxt.data})`);
    },
    error: { message: "pattern", params: ({ schema }) => _`{pattern: ${(schema as FastPattern).source}}` },
  });
  const id = bundleId(ir, v);
  ajv.addSchema(compiledBundle(ir, v));
  const refs: Record<string, string> = {};
  for (const s of validatedShapes(ir)) refs[s.name] = `${id}#/$defs/${s.name}`;
  return toEsm(standaloneCode(ajv, refs));
}

/** The copy of a variant's bundle that is compiled: no documentation, small `$ref`s inlined, fast patterns. */
export function compiledBundle(ir: Ir, v: Variant): Schema {
  return fastPatterns(inlineRefs(buildBundle(ir, v, false))) as Schema;
}

/** With a member named like an Object.prototype property, presence must be checked on own properties. */
function needsOwnProperties(ir: Ir): boolean {
  return ir.shapes.some(
    (s) =>
      (s.kind === "structure" || s.kind === "union") &&
      s.members.some((m) => m.jsonName in Object.prototype || m.name in Object.prototype),
  );
}

/**
 * Ajv's "esm" output still `require`s its runtime helpers and the formats. This turns each into an
 * import: Ajv's CommonJS helpers by default import (with `.js`, as Node's ESM resolution needs, and
 * either interop shape), the runtime's own ES module by namespace import. The validators get the
 * type of a compiled validator.
 */
function toEsm(code: string): string {
  const imports = new Map<string, string>();
  const local = (spec: string): string => {
    let name = imports.get(spec);
    if (!name) imports.set(spec, (name = `import${imports.size}`));
    return name;
  };
  let body = code
    .replace(/^"use strict";\n?/, "")
    .replace(
      /require\("(ajv\/dist\/runtime\/[\w-]+)"\)\.default/g,
      (_m, spec: string) => `(${local(`${spec}.js`)}.default ?? ${local(`${spec}.js`)})`,
    )
    .replace(/require\("(\.[^"]+)"\)/g, (_m, spec: string) => local(spec));
  if (/\brequire\(/.test(body))
    throw new Error("standalone code has a require() that could not be turned into an import");
  const exported: string[] = [];
  body = body.replace(/^export const (\w+) = (\w+);$/gm, (_m, name: string, fn: string) => {
    exported.push(`export const ${name} = ${fn} as unknown as CompiledValidator;`);
    return "";
  });
  const importLines = [...imports].map(([spec, name]) =>
    spec.startsWith(".") ? `import * as ${name} from "${spec}";` : `import ${name} from "${spec}";`,
  );
  return [
    "// @ts-nocheck\n// Ajv's standalone output, compiled at generate time: JavaScript, not typed code.",
    `import type { CompiledValidator } from "${COMPILED_VALIDATOR_TYPE}";`,
    ...importLines,
    "",
    body.trim(),
    "",
    ...exported,
    "",
  ].join("\n");
}

/** Largest subschema (in schema objects) copied in place of a `$ref`; bigger ones stay shared functions. */
const INLINE_LIMIT = 40;

type Schema = { [keyword: string]: unknown };

/**
 * Replaces each `$ref` by a copy of its target (merged with the member's sibling keywords) when the
 * target is not part of a cycle and is small enough. Ajv then compiles a page into one function
 * instead of a call (with its option object and path string) per nested value: about 20% faster.
 * Only the compiled copy is inlined; the shipped schemas keep their `$ref`s.
 */
export function inlineRefs(bundle: Schema): Schema {
  const defs = bundle["$defs"] as Record<string, Schema>;
  const expanded = new Map<string, Schema>();
  const inProgress = new Set<string>();

  const expandDef = (name: string): Schema | undefined => {
    if (inProgress.has(name)) return undefined; // a cycle: keep the reference
    const done = expanded.get(name);
    if (done) return done;
    inProgress.add(name);
    const result = expand(defs[name] as Schema) as Schema;
    inProgress.delete(name);
    expanded.set(name, result);
    return result;
  };

  function expand(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(expand);
    if (typeof node !== "object" || node === null) return node;
    const out: Schema = {};
    for (const [k, v] of Object.entries(node as Schema)) out[k] = k === "enum" || k === "required" ? v : expand(v);
    const ref = out["$ref"];
    if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return out;
    const target = expandDef(ref.slice("#/$defs/".length));
    if (!target || size(target) > INLINE_LIMIT) return out;
    const { $ref: _ref, ...own } = out;
    const clash = Object.keys(own).some((k) => k in target && JSON.stringify(target[k]) !== JSON.stringify(own[k]));
    return clash ? out : { ...target, ...own };
  }

  const sizes = new WeakMap<object, number>();
  function size(node: unknown): number {
    if (typeof node !== "object" || node === null) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = Array.isArray(node) ? 0 : 1;
    for (const v of Object.values(node)) n += size(v);
    sizes.set(node, n);
    return n;
  }

  const inlined: Record<string, Schema> = {};
  for (const name of Object.keys(defs)) inlined[name] = expandDef(name) as Schema;
  return { ...bundle, $defs: inlined };
}

/** `^[class]{m,n}$` as the compiled copy checks it: a length test and `^[class]*$`. */
interface FastPattern {
  source: string;
  star: string;
  min: number;
  max: number;
}

/**
 * V8 runs a bounded repetition such as `^[a-zA-Z0-9]{30,40}$` about half as fast as the same class
 * starred after a length test, and Data Exchange ids use that pattern five times a job. The class
 * must hold only printable ASCII (never a surrogate), so UTF-16 length equals the counted length.
 */
const BOUNDED_CLASS = /^\^(\[(?:[\x20-\x5a\x5e-\x7e]|\\[dw/.+-])+\])\{(\d+)(?:,(\d+))?\}\$$/;

export function fastPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fastPatterns);
  if (typeof node !== "object" || node === null) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) {
    const m = k === "pattern" && typeof v === "string" ? BOUNDED_CLASS.exec(v) : null;
    if (m && !(m[1] as string).startsWith("[^")) {
      const min = Number(m[2]);
      out["dxPattern"] = {
        source: v as string,
        star: `^${m[1] as string}*$`,
        min,
        max: m[3] === undefined ? min : Number(m[3]),
      } satisfies FastPattern;
    } else out[k] = k === "enum" || k === "required" ? v : fastPatterns(v);
  }
  return out;
}
