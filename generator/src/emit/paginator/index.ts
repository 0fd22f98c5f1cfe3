import type { Ir, IrOperation, IrPagination, IrShape } from "../../ir/types.js";
import { awsSdkNames, paginatorName, validatorNames } from "../../naming.js";
import { tsdoc, tsHeader } from "../header.js";
import type { Emitter, FileSet } from "../types.js";

/**
 * Emits `@dx/paginator`'s bindings: for every operation with a `smithy.api#paginated` trait, one
 * `paginateX` that binds the trait's members, the operation's types and validators (and, for an AWS
 * service, its SDK v3 command) to the hand-written runtime in `src/runtime/`.
 */
export const paginatorEmitter: Emitter = {
  name: "paginator",
  outDir: "packages/paginator/src/generated",
  emit: emitPaginators,
};

/** A paginated operation with everything the binding needs resolved from the IR. */
interface Binding {
  op: IrOperation;
  fn: string;
  input: string;
  output: string;
  inputToken: string;
  /** Member path of the output token (nested when the trait says `a.b`). */
  outputToken: string[];
  items: string[];
  pageSize?: string;
}

function emitPaginators(ir: Ir): FileSet {
  const shapes = new Map(ir.shapes.map((s) => [s.id, s]));
  const bindings = ir.operations.flatMap((op) => (op.pagination ? [binding(op, op.pagination, shapes)] : []));
  const files = new Map<string, string>();
  for (const b of bindings) files.set(`${b.fn}.gen.ts`, bindingFile(ir, b));
  const exports = bindings.map((b) => `export { ${b.fn} } from "./${b.fn}.gen.js";\n`).join("");
  files.set("index.gen.ts", tsHeader(ir) + (exports || "export {};\n"));
  return files;
}

function binding(op: IrOperation, p: IrPagination, shapes: ReadonlyMap<string, IrShape>): Binding {
  const name = (id: string | undefined): string => {
    const shape = id === undefined ? undefined : shapes.get(id);
    if (shape?.kind !== "structure")
      throw new Error(`${op.name}: a paginated operation needs structure input and output`);
    return shape.name;
  };
  // The checker has made sure the trait is complete for every emitted operation.
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${op.name}: the paginated trait has no ${what}`);
    return value;
  };
  return {
    op,
    fn: paginatorName(op.name),
    input: name(op.input),
    output: name(op.output),
    inputToken: required(p.inputToken, "inputToken"),
    outputToken: required(p.outputToken, "outputToken"),
    items: required(p.items, "items"),
    ...(p.pageSize !== undefined && { pageSize: p.pageSize }),
  };
}

function bindingFile(ir: Ir, b: Binding): string {
  const sdk = ir.service.sdkId === undefined ? undefined : awsSdkNames(ir.service.sdkId, b.op.name);
  const q = JSON.stringify;
  const validators = validatorNames(b.output);
  const typeArgs = [
    b.input,
    b.output,
    sdk ? "AwsSdkClient" : "never",
    q(b.inputToken),
    q(b.outputToken),
    q(b.items),
    ...(b.pageSize ? [q(b.pageSize)] : []),
  ];
  const lines = [
    `import type { ${[b.input, b.output].sort().join(", ")} } from "@dx/models";`,
    `import { ${validators.assert}, ${validators.parse} } from "@dx/validators";`,
    `import { createPaginator${sdk ? ", type AwsSdkClient" : ""} } from "../runtime/index.js";`,
    ``,
    `/**`,
    ...docLines(b),
    ` */`,
    `export const ${b.fn} = createPaginator<${typeArgs.join(", ")}>({`,
    `  name: ${q(b.op.name)},`,
    `  inputToken: ${q(b.inputToken)},`,
    `  outputToken: ${q(b.outputToken)},`,
    `  items: ${q(b.items)},`,
    ...(b.pageSize ? [`  pageSize: ${q(b.pageSize)},`] : []),
    `  parse: ${validators.parse},`,
    `  assert: ${validators.assert},`,
    ...(sdk
      ? [
          // The SDK is an optional peer: loaded on first use, so the package (and its types) work without it.
          `  sdk: async (client, request, { signal }) => {`,
          `    const { ${sdk.client}, ${sdk.command} } = await import(${q(sdk.packageName)});`,
          `    if (!(client instanceof ${sdk.client})) throw new TypeError(${q(`${b.fn}: expected a ${sdk.client} of ${sdk.packageName}`)});`,
          `    const { $metadata, ...page } = await client.send(new ${sdk.command}(request), signal ? { abortSignal: signal } : {});`,
          `    return page;`,
          `  },`,
        ]
      : []),
    `});`,
  ];
  return `${tsHeader(ir) + lines.join("\n")}\n`;
}

function docLines(b: Binding): string[] {
  const text = [
    `Paginates ${b.op.name} as boto3's paginator does (MaxItems, PageSize, resumable StartingToken, buildFullResult, search).`,
    ...(b.op.documentation ? ["", b.op.documentation] : []),
    "",
    `Trait: inputToken ${b.inputToken}, outputToken ${b.outputToken.join(".")}, items ${b.items.join(".")}${b.pageSize ? `, pageSize ${b.pageSize}` : ""}.`,
  ].join("\n");
  return tsdoc(text)
    .split("\n")
    .map((l) => (l === "" ? " *" : ` * ${l}`));
}
