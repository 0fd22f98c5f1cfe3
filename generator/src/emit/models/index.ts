import { createRequire } from "node:module";
import type {
  InterfaceDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  CodeBlockWriter,
  SourceFile,
  StatementStructures,
  WriterFunction,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import type { Ir, IrEnum, IrIntEnum, IrMember, IrShape, IrStructure, IrUnion } from "../../ir/types.js";
import { tsdoc, tsHeader } from "../header.js";
import type { Emitter, FileSet } from "../types.js";
import { typeExpr } from "./type-expr.js";
import { layoutDoc, MAX_LINE } from "./wrap.js";

// ts-morph is CommonJS: required directly, it skips the export scan Node runs when an ES module imports
// a CommonJS one (~130 ms of every cold generation).
const { IndentationText, NewLineKind, Project, StructureKind } = createRequire(import.meta.url)(
  "ts-morph",
) as typeof import("ts-morph");

/** Emits `@dx/models`: interfaces, enums (const object + union type) and operation types, with TSDoc. */
export const modelsEmitter: Emitter = {
  name: "models",
  outDir: "packages/models/src/generated",
  emit: emitModels,
};

function emitModels(ir: Ir): FileSet {
  const shapes = new Map(ir.shapes.map((s) => [s.id, s]));
  // The printer indents as we want, so no formatting pass is needed (it was most of the emit time).
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed },
  });
  const write = (name: string, statements: Statement[]): [string, string] => {
    const file = project.createSourceFile(name, { statements });
    return [name, render(ir, file)];
  };
  const enums = ir.shapes.filter((s): s is IrEnum | IrIntEnum => s.kind === "enum" || s.kind === "intEnum");
  const aggregates = ir.shapes.filter((s): s is IrStructure | IrUnion => s.kind === "structure" || s.kind === "union");
  const enumNames = enums.map((e) => e.name);

  const shapeStatements = separated([
    typeImport(enumNames, "./enums.gen.js"),
    ...(ir.shapes.some((s) => s.kind === "document") ? [[documentType()]] : []),
    ...aggregates.map((s) => [s.kind === "structure" ? structure(s, shapes) : union(s, shapes)]),
  ]);
  const files: [string, string][] = [
    write("enums.gen.ts", separated(enums.map(enumStatements))),
    write("shapes.gen.ts", shapeStatements),
    write("operations.gen.ts", operations(ir)),
    write("index.gen.ts", [
      'export * from "./enums.gen.js";',
      'export * from "./shapes.gen.js";',
      'export * from "./operations.gen.js";',
    ]),
  ];
  return new Map(files);
}

type Statement = string | WriterFunction | StatementStructures;

/** Statements with a blank line between groups (ts-morph puts none between consts and type aliases). */
function separated(groups: readonly (readonly Statement[])[]): Statement[] {
  const nonEmpty = groups.filter((g) => g.length > 0);
  return nonEmpty.flatMap((g, i) => (i === 0 ? [...g] : [(w: CodeBlockWriter) => void w.blankLineIfLastNot(), ...g]));
}

/** An `import type` of sorted names, one per line when a single line would be long. */
function typeImport(names: readonly string[], from: string): string[] {
  if (names.length === 0) return [];
  const sorted = [...names].sort();
  const line = `import type { ${sorted.join(", ")} } from "${from}";`;
  return [
    line.length <= MAX_LINE ? line : `import type {\n${sorted.map((n) => `  ${n},`).join("\n")}\n} from "${from}";`,
  ];
}

function render(ir: Ir, file: SourceFile): string {
  const text = file.getFullText();
  return tsHeader(ir) + (text.endsWith("\n") ? text : `${text}\n`);
}

/** A doc comment for ts-morph to print at `indent` spaces. */
function docs(
  documentation: string | undefined,
  deprecated: boolean | undefined,
  indent: number,
): OptionalKind<JSDocStructure>[] {
  if (documentation === undefined && !deprecated) return [];
  return [
    {
      description: layoutDoc(tsdoc(documentation ?? ""), indent),
      ...(deprecated && { tags: [{ tagName: "deprecated" }] }),
    },
  ];
}

function property(m: IrMember, shapes: ReadonlyMap<string, IrShape>) {
  return {
    name: m.name,
    type: typeExpr(m.target, shapes),
    hasQuestionToken: !m.required,
    docs: docs(m.documentation, m.deprecated, 2),
  };
}

function structure(s: IrStructure, shapes: ReadonlyMap<string, IrShape>): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: s.name,
    isExported: true,
    docs: docs(s.documentation, s.deprecated, 0),
    properties: s.members.map((m) => property(m, shapes)),
  };
}

/** A union is one object type per member, with every other member `?: never`, so exactly one is set. */
function union(s: IrUnion, shapes: ReadonlyMap<string, IrShape>): string {
  const variants = s.members.map((m) => {
    const fields = s.members.map((o) => (o === m ? `${o.name}: ${typeExpr(o.target, shapes)}` : `${o.name}?: never`));
    return `{ ${fields.join("; ")} }`;
  });
  // Written as text, one variant a line (ts-morph's printer would indent them as a continuation).
  return [
    ...(docComment(s.documentation, s.deprecated === true, 0)?.split("\n") ?? []),
    variants.length > 0
      ? `export type ${s.name} =\n${variants.map((v) => `  | ${v}`).join("\n")};`
      : `export type ${s.name} = never;`,
  ].join("\n");
}

/**
 * AWS SDK v3's convention: an `as const` object keyed by name (sorted), and a union type of its values.
 * The object is written as text: ts-morph's printer would indent its closing brace as a continuation.
 */
function enumStatements(e: IrEnum | IrIntEnum): Statement[] {
  const values = [...e.values].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const lines = [
    ...(docComment(e.documentation, e.deprecated === true, 0)?.split("\n") ?? []),
    `export const ${e.name} = {`,
    ...values.flatMap((v) => [
      ...(docComment(v.documentation, "deprecated" in v && v.deprecated === true, 2)?.split("\n") ?? []).map(
        (l) => `  ${l}`,
      ),
      `  ${v.key}: ${JSON.stringify(v.value)},`,
    ]),
    "} as const;",
  ];
  const alias = `export type ${e.name} = (typeof ${e.name})[keyof typeof ${e.name}];`;
  return [
    [
      ...lines,
      ...(docComment(e.documentation, e.deprecated === true, 0)?.split("\n") ?? []),
      alias.length <= MAX_LINE ? alias : `export type ${e.name} =\n  (typeof ${e.name})[keyof typeof ${e.name}];`,
    ].join("\n"),
  ];
}

/** A TSDoc comment as ts-morph prints one: on one line when it has one line, else one line each. */
function docComment(
  documentation: string | undefined,
  deprecated: boolean,
  indent: number,
  fromSpec = true,
): string | undefined {
  const text =
    documentation === undefined ? undefined : fromSpec ? layoutDoc(tsdoc(documentation), indent) : documentation;
  const lines = [...(text === undefined ? [] : text.split("\n")), ...(deprecated ? ["@deprecated"] : [])];
  if (lines.length === 0) return undefined;
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ["/**", ...lines.map((l) => (l === "" ? " *" : ` * ${l}`)), " */"].join("\n");
}

function documentType(): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: "DocumentType",
    isExported: true,
    docs: [{ description: "An untyped JSON value (a Smithy document)." }],
    type: "null | boolean | number | string | DocumentType[] | { [key: string]: DocumentType }",
  };
}

/** `errors: A | B;` inside an operation's entry, one error a line when that would be long. */
function errorsLines(errors: readonly string[]): string[] {
  const line = `  errors: ${errors.length > 0 ? errors.join(" | ") : "never"};`;
  if ("    ".length + line.length <= MAX_LINE) return [line];
  return ["  errors:", ...errors.map((e, i) => `    | ${e}${i === errors.length - 1 ? ";" : ""}`)];
}

/** Each selected operation's input, output and error types, keyed by operation name. */
function operations(ir: Ir): Statement[] {
  const names = new Set<string>();
  const shapes = new Map(ir.shapes.map((s) => [s.id, s]));
  const ref = (id: string | undefined): string => {
    if (id === undefined) return "Record<string, never>";
    const name = (shapes.get(id) as IrShape).name;
    names.add(name);
    return name;
  };
  // Written as text: ts-morph's printer would indent a multi-line property type as a continuation.
  const entries = ir.operations.flatMap((op) => {
    const errors = op.errors.map(ref);
    return [
      ...(docComment(op.documentation, false, 2)?.split("\n") ?? []),
      `${op.name}: {`,
      `  input: ${ref(op.input)};`,
      `  output: ${ref(op.output)};`,
      ...errorsLines(errors),
      "};",
    ].map((line) => `  ${line}`);
  });
  const description = layoutDoc(
    `The operations of ${ir.service.name} (version ${ir.service.version}) that were generated, with their input, output and error types.`,
    0,
  );
  const operationsInterface = [
    ...(docComment(description, false, 0, false)?.split("\n") ?? []),
    "export interface Operations {",
    ...entries,
    "}",
  ].join("\n");
  return separated([
    typeImport([...names], "./shapes.gen.js"),
    [
      operationsInterface,
      {
        kind: StructureKind.TypeAlias,
        name: "OperationName",
        isExported: true,
        type: "keyof Operations",
      },
    ],
  ]);
}
