import type { Ir, IrDeprecated, IrEnum, IrIntEnum, IrMember, IrStructure, IrUnion } from "../../ir/types.js";
import { tsdoc, tsHeader } from "../header.js";
import type { Emitter, FileSet } from "../types.js";
import { STREAMING_INPUT, STREAMING_OUTPUT, TypeExprs } from "./type-expr.js";
import { importLine, layoutDoc, MAX_LINE } from "../layout.js";

/**
 * Emits `@dx/models`: interfaces, enums (const object + union type) and operation types, with TSDoc.
 * The declarations are written as text, laid out as TypeScript's printer would (and as Biome keeps
 * them): a statement per group, a blank line between groups, lines within MAX_LINE where the spec's
 * names allow it.
 */
export const modelsEmitter: Emitter = {
  name: "models",
  outDir: "packages/models/src/generated",
  emit: emitModels,
};

function emitModels(ir: Ir): FileSet {
  const types = new TypeExprs(ir);
  const enums = ir.shapes.filter((s): s is IrEnum | IrIntEnum => s.kind === "enum" || s.kind === "intEnum");
  const aggregates = ir.shapes.filter((s): s is IrStructure | IrUnion => s.kind === "structure" || s.kind === "union");
  const declarations = aggregates.map((s) => (s.kind === "structure" ? structure(s, types) : union(s, types)));
  const shapeGroups = [
    importLine(
      enums.map((e) => e.name),
      "./enums.gen.js",
    ),
    ...(ir.shapes.some((s) => s.kind === "document") ? [documentType()] : []),
    ...(types.usesStreamingBlobs ? streamingTypes() : []),
    ...(aggregates.some((a) => a.kind === "union" && a.members.length > EXPLICIT_UNION_LIMIT) ? [oneOfType()] : []),
    ...declarations,
  ];
  const files: [string, string][] = [
    ["enums.gen.ts", file(ir, enums.map(enumStatements))],
    ["shapes.gen.ts", file(ir, shapeGroups)],
    ["operations.gen.ts", file(ir, operations(ir, types))],
    [
      "index.gen.ts",
      file(ir, [
        [
          'export * from "./enums.gen.js";',
          'export * from "./shapes.gen.js";',
          'export * from "./operations.gen.js";',
        ].join("\n"),
      ]),
    ],
  ];
  return new Map(files);
}

/** A generated file: the header, then its statement groups with one blank line between them. */
function file(ir: Ir, groups: readonly string[]): string {
  const body = groups.filter((g) => g !== "").join("\n\n");
  return `${tsHeader(ir)}${body}\n`;
}

/** The lines of a TSDoc comment at `indent` spaces (not included): one line when it has one line. */
function docComment(
  documentation: string | undefined,
  deprecated: IrDeprecated | undefined,
  indent: number,
  fromSpec = true,
): string[] {
  const text =
    documentation === undefined ? undefined : fromSpec ? layoutDoc(tsdoc(documentation), indent) : documentation;
  const lines = [...(text === undefined ? [] : text.split("\n")), ...deprecatedLines(deprecated, indent)];
  if (lines.length === 0) return [];
  // One line when `/** text */` fits; a text that fits only as ` * text` (wrapped to one line) keeps three.
  if (lines.length === 1 && indent + `/** ${lines[0]} */`.length <= MAX_LINE) return [`/** ${lines[0]} */`];
  return ["/**", ...lines.map((l) => (l === "" ? " *" : ` * ${l}`)), " */"];
}

/** `@deprecated`, with the trait's since and message when it has them. */
function deprecatedLines(d: IrDeprecated | undefined, indent: number): string[] {
  if (d === undefined) return [];
  const text = [d.since === undefined ? "" : `Since ${d.since}.`, d.message ?? ""].filter((t) => t !== "").join(" ");
  if (text === "") return ["@deprecated"];
  return layoutDoc(tsdoc(`@deprecated ${text}`).replace(/^\\@/, "@"), indent).split("\n");
}

function indented(lines: readonly string[], by: string): string[] {
  return lines.map((l) => by + l);
}

function member(m: IrMember, type: string): string[] {
  return [
    ...indented(docComment(m.documentation, m.deprecated, 2), "  "),
    `  ${m.name}${m.required ? "" : "?"}: ${type};`,
  ];
}

function structure(s: IrStructure, types: TypeExprs): string {
  return [
    ...docComment(s.documentation, s.deprecated, 0),
    `export interface ${s.name} {`,
    ...s.members.flatMap((m) => member(m, types.member(s, m))),
    "}",
  ].join("\n");
}

/** Beyond this many members a union is written through `OneOf`, so that its text stays linear in its members. */
export const EXPLICIT_UNION_LIMIT = 64;

/**
 * A union is one object type per member, with every other member `?: never`, so exactly one is set
 * (the AWS SDK v3's shape). A variant is one line when it fits, else one member a line. That text
 * grows with the square of the members, so a larger union (none of the sample's has more than 26)
 * is written as `OneOf<{ member: Type; ... }>`, which means the same.
 */
function union(s: IrUnion, types: TypeExprs): string {
  const doc = docComment(s.documentation, s.deprecated, 0);
  if (s.members.length > EXPLICIT_UNION_LIMIT) {
    const fields = s.members.map((m) => `  ${m.name}: ${types.member(s, m)};`);
    return [...doc, `export type ${s.name} = OneOf<{`, ...fields, "}>;"].join("\n");
  }
  const variants = s.members.map((m) => {
    const fields = s.members.map((o) => (o === m ? `${o.name}: ${types.member(s, o)}` : `${o.name}?: never`));
    const line = `  | { ${fields.join("; ")} }`;
    return line.length <= MAX_LINE ? line : ["  | {", ...fields.map((f) => `      ${f};`), "    }"].join("\n");
  });
  return [
    ...doc,
    variants.length > 0 ? `export type ${s.name} =\n${variants.join("\n")};` : `export type ${s.name} = never;`,
  ].join("\n");
}

function oneOfType(): string {
  return [
    "/** Exactly one member of T is set: each member alone, with every other member `?: never`. */",
    "type OneOf<T> = {",
    "  [K in keyof T]: { [P in K]: T[P] } & { [P in Exclude<keyof T, K>]?: never };",
    "}[keyof T];",
  ].join("\n");
}

/** AWS SDK v3's convention: an `as const` object keyed by name (sorted), and a union type of its values. */
function enumStatements(e: IrEnum | IrIntEnum): string {
  const values = [...e.values].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const doc = docComment(e.documentation, e.deprecated, 0);
  const alias = `export type ${e.name} = (typeof ${e.name})[keyof typeof ${e.name}];`;
  return [
    ...doc,
    `export const ${e.name} = {`,
    ...values.flatMap((v) => [
      ...indented(docComment(v.documentation, v.deprecated, 2), "  "),
      `  ${v.key}: ${JSON.stringify(v.value)},`,
    ]),
    "} as const;",
    ...doc,
    alias.length <= MAX_LINE ? alias : `export type ${e.name} =\n  (typeof ${e.name})[keyof typeof ${e.name}];`,
  ].join("\n");
}

function documentType(): string {
  return [
    "/** An untyped JSON value (a Smithy document). */",
    "export type DocumentType = null | boolean | number | string | DocumentType[] | { [key: string]: DocumentType };",
  ].join("\n");
}

/**
 * The AWS SDK v3's types of a streaming blob (`@smithy/types`' StreamingBlobPayloadInputTypes and
 * StreamingBlobPayloadOutputTypes), written without naming Node.js or DOM types: the web stream and
 * Blob types are the environment's where it declares them.
 */
function streamingTypes(): string[] {
  return [
    [
      "/** The instance type of a global class where the environment declares one (DOM or Node.js types), else never. */",
      "type GlobalInstance<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;",
    ].join("\n"),
    [
      "/**",
      " * A streaming blob in a request, as the AWS SDK v3 accepts one (StreamingBlobPayloadInputTypes): a",
      " * string, bytes, a web ReadableStream or Blob, or a Node.js Readable (an async iterable of chunks).",
      " */",
      `export type ${STREAMING_INPUT} =`,
      "  | string",
      "  | Uint8Array",
      '  | GlobalInstance<"ReadableStream">',
      '  | GlobalInstance<"Blob">',
      "  | AsyncIterable<Uint8Array | string>;",
    ].join("\n"),
    [
      "/**",
      " * A streaming blob in a response, as the AWS SDK v3 returns one (StreamingBlobPayloadOutputTypes):",
      " * the runtime's stream with the SDK's methods to consume it, once.",
      " */",
      `export interface ${STREAMING_OUTPUT} {`,
      "  transformToByteArray(): Promise<Uint8Array>;",
      "  transformToString(encoding?: string): Promise<string>;",
      '  transformToWebStream(): GlobalInstance<"ReadableStream">;',
      "}",
    ].join("\n"),
  ];
}

/** `errors: A | B;` inside an operation's entry, one error a line when that would be long. */
function errorsLines(errors: readonly string[]): string[] {
  const line = `  errors: ${errors.length > 0 ? errors.join(" | ") : "never"};`;
  if ("    ".length + line.length <= MAX_LINE) return [line];
  return ["  errors:", ...errors.map((e, i) => `    | ${e}${i === errors.length - 1 ? ";" : ""}`)];
}

/** Each selected operation's input, output and error types, keyed by operation name. */
function operations(ir: Ir, types: TypeExprs): string[] {
  const names = new Set<string>();
  const ref = (id: string | undefined): string => {
    if (id === undefined) return "Record<string, never>";
    const name = types.shapeName(id);
    names.add(name);
    return name;
  };
  const entries = ir.operations.flatMap((op) =>
    indented(
      [
        ...docComment(op.documentation, undefined, 2),
        `${op.name}: {`,
        `  input: ${ref(op.input)};`,
        `  output: ${ref(op.output)};`,
        ...errorsLines(op.errors.map(ref)),
        "};",
      ],
      "  ",
    ),
  );
  const description = layoutDoc(
    `The operations of ${ir.service.name} (version ${ir.service.version}) that were generated, with their input, output and error types.`,
    0,
  );
  return [
    importLine([...names], "./shapes.gen.js"),
    [...docComment(description, undefined, 0, false), "export interface Operations {", ...entries, "}"].join("\n"),
    "export type OperationName = keyof Operations;",
  ];
}
