// Ajv standalone validators of the shipped wire JSON Schemas (build step of @dx/validators).
//
// `node scripts/ajv-standalone.mjs` (after tsc) compiles dist/generated/schemas/wire.gen.json with
// Ajv 2020 (strict, pinned version, at build time only) into dist/generated/ajv/wire.gen.js: a plain
// ES module that exports `validateX` for every structure and union, calls one shared function per
// `$defs` entry (`inlineRefs: false`: never a copy of a shared sub-schema), and imports only dx's
// own runtime (format checks, code-point length, deep equality): no Ajv, eval or new Function when
// it runs. Its types are src/generated/ajv/wire.gen.d.ts (dx-gen writes them from the spec). Only
// the strict bundle is compiled: the tolerant one would add about 160 KB to a package whose limit
// is 600 KB (tolerant checks are the emitted validators' `{ mode: "tolerant" }`).
//
// Why here and not in dx-gen: compiling the bundle costs Ajv about 40 ms to load and 70-200 ms to
// compile on a cold process, which alone would make the validators' share of a cold `dx-gen` of
// spec/ about 50% (the issue's limit is 25%); the input is the shipped schema and Ajv's version is
// pinned, so the output is as reproducible as tsc's.
//
// Ajv's output is post-processed so that bundlers can shake it (no top-level statement with side
// effects: patterns are /* @__PURE__ */, Ajv's `evaluated` bookkeeping, which 2020-12 adds for
// $dynamicRef and these schemas never use, is removed, unused `schemaN` constants dropped), and every
// step checks that it found what it expects: a new Ajv version that emits something else fails the
// build instead of shipping code nobody read.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const standaloneCode = require("ajv/dist/standalone").default;
const { _ } = require("ajv/dist/compile/codegen");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/generated/ajv");
mkdirSync(out, { recursive: true });

/** The format checks of dx's runtime, by the names the schemas use. */
const FORMATS = { "date-time": "isDateTime", "http-date": "isHttpDate", byte: "isBase64" };
/** Ajv's run-time helpers and dx's equivalents (same semantics for JSON values). */
const HELPERS = {
  "ajv/dist/runtime/ucs2length": "codePoints",
  "ajv/dist/runtime/equal": "jsonEqual",
};

for (const variant of ["wire"]) {
  const shipped = JSON.parse(readFileSync(join(root, `dist/generated/schemas/${variant}.gen.json`), "utf8"));
  const bundle = withoutAnnotations(shipped);
  const types = readFileSync(join(root, `src/generated/ajv/${variant}.gen.d.ts`), "utf8");
  // The validators to export: those the generated declarations name (one per structure and union).
  const names = [...types.matchAll(/^export declare const validate(\w+):/gm)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`${variant}.gen.d.ts declares no validator`);
  const ajv = new Ajv2020({
    strict: true,
    allErrors: false, // the first fault ends a check: rejecting costs no more than accepting
    messages: false, // dx words the issues itself (ajvIssues)
    unicodeRegExp: false, // Smithy patterns are ECMA-262 patterns without flags
    inlineRefs: false, // one function per shared sub-schema, called where it is used
    ownProperties: needsOwnProperties(bundle),
    code: { source: true, esm: true, lines: true, formats: _`$formats` },
  });
  for (const name of Object.keys(FORMATS)) ajv.addFormat(name, () => true); // stand-ins: the runtime checks
  ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
  ajv.addKeyword({ keyword: "dxNotInBody", schemaType: "string" });
  ajv.addSchema(bundle);
  const refs = {};
  for (const name of names) {
    if (!bundle.$defs[name]) throw new Error(`${variant}: no $defs entry for ${name}`);
    refs[`validate${name}`] = `${bundle.$id}#/$defs/${name}`;
  }
  writeFileSync(join(out, `${variant}.gen.js`), toModule(standaloneCode(ajv, refs), variant));
  copyFileSync(join(root, `src/generated/ajv/${variant}.gen.d.ts`), join(out, `${variant}.gen.d.ts`));
}

/**
 * The schema without its annotations (descriptions, titles, comments): they change no verdict, and
 * Ajv copies a schema object into the code where its checks read it (the enum of a large
 * `additionalProperties` test, say). Walks schema positions only: a member named `description` stays.
 */
function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (typeof schema !== "object" || schema === null) return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === "description" || k === "title" || k === "$comment") continue;
    if (k === "properties" || k === "$defs")
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    else if (["items", "additionalProperties", "propertyNames", "not", "if", "then", "else"].includes(k))
      out[k] = withoutAnnotations(v);
    else if (["anyOf", "allOf", "oneOf"].includes(k)) out[k] = v.map(withoutAnnotations);
    else out[k] = v; // values (enum, required, pattern, …) as they are
  }
  return out;
}

/** With a member named like an Object.prototype property, presence must be checked on own properties. */
function needsOwnProperties(bundle) {
  let found = false;
  const walk = (node) => {
    if (typeof node !== "object" || node === null) return;
    if (!Array.isArray(node) && typeof node.properties === "object" && node.properties !== null)
      for (const k of Object.keys(node.properties)) if (k in Object.prototype) found = true;
    for (const v of Object.values(node)) walk(v);
  };
  walk(bundle);
  return found;
}

function replaceAll(code, pattern, replacement, what, atLeast = 1) {
  let n = 0;
  const next = code.replace(pattern, (...m) => {
    n++;
    return replacement.replace(/\$(\d)/g, (_d, i) => m[Number(i)]);
  });
  if (n < atLeast) throw new Error(`Ajv's standalone output changed: no ${what} found`);
  return next;
}

/** Ajv's standalone output as a tree-shakable ES module that imports dx's runtime only. */
function toModule(code, variant) {
  let body = code.replace(/^"use strict";\n?/, "");
  // 2020-12's dynamic-scope bookkeeping: a property of each function, read at its start. The
  // schemas have no $dynamicRef, so it never changes a verdict; as top-level assignments it would
  // keep every function in every bundle.
  body = replaceAll(
    body,
    /^const evaluated\d+ = (validate\d+)\.evaluated;\n(?:if\(evaluated\d+\.dynamic(?:Props|Items)\)\{\nevaluated\d+\.(?:props|items) = undefined;\n\}\n)*/gm,
    "",
    "evaluated reads",
  );
  body = replaceAll(body, /^validate\d+\.evaluated = \{[^\n]*\};\n/gm, "", "evaluated assignments");
  if (/evaluated/.test(body)) throw new Error(`${variant}: Ajv's evaluated bookkeeping is still used`);
  // What each call passes for $data, $dynamicRef and data mutation (none of which these schemas
  // use): only the instance path is kept (smaller code, no object of five members per call).
  body = replaceAll(
    body,
    /^function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)\{$/gm,
    'function $1(data, {instancePath=""}={}){',
    "validate function signatures",
  );
  body = replaceAll(
    body,
    /,parentData:[\w.]+,parentDataProperty:(?:"(?:[^"\\]|\\.)*"|\w+),rootData,dynamicAnchors\}/g,
    "}",
    "calls of shared validate functions",
  );
  if (/\b(?:parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(body))
    throw new Error(`${variant}: Ajv's output still uses parentData, rootData or dynamicAnchors`);
  // Unused copies of the schemas (Ajv keeps them for $data and errors' parentSchema, not used here).
  body = body.replace(/^const (schema\d+) = (\{.*\});\n/gm, (line, name) =>
    new RegExp(`\\b${name}\\b`).test(body.replace(line, "")) ? line : "",
  );
  body = body.replace(/^const (pattern\d+) = new RegExp\(/gm, "const $1 = /* @__PURE__ */ new RegExp(");
  const imports = new Set();
  body = body.replace(/^const (formats\d+) = \$formats\["([\w-]+)"\];\n/gm, (_m, local, format) => {
    const fn = FORMATS[format];
    if (!fn) throw new Error(`${variant}: unknown format ${format}`);
    imports.add(`import { ${fn} as ${local} } from "../../runtime/formats.js";`);
    return "";
  });
  body = body.replace(/^const (func\d+) = require\("([^"]+)"\)\.default;\n/gm, (_m, local, spec) => {
    const fn = HELPERS[spec];
    if (!fn) throw new Error(`${variant}: Ajv's output needs ${spec}, which dx's runtime does not provide`);
    imports.add(`import { ${fn} as ${local} } from "../../runtime/check.js";`);
    return "";
  });
  if (/\brequire\(|\$formats|new Function|\beval\(/.test(body))
    throw new Error(`${variant}: Ajv's output still has a require, a format table or code generation`);
  return [
    `// Ajv ${require("ajv/package.json").version} standalone code of schemas/${variant}.gen.json, compiled by scripts/ajv-standalone.mjs at build time.`,
    ...[...imports].sort(),
    body,
  ].join("\n");
}
