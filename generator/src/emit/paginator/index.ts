import { lookup, type IrLookup } from "../../ir/lookup.js";
import type { Ir, IrMember, IrOperation, IrShape } from "../../ir/types.js";
import { awsSdkNames, paginatorName, validatorNames } from "../../naming.js";
import { tsdoc, tsHeader } from "../header.js";
import { layoutDoc } from "../layout.js";
import { compactConsts } from "./compact.js";
import type { Emitter, FileSet } from "../types.js";

/**
 * Emits `@dx/paginator`'s bindings: for every operation with a `smithy.api#paginated` trait (merged
 * with the service's by the IR), one `paginateX` that binds the trait's members and the operation's
 * types and validators to the hand-written runtime in `src/runtime/`; for an AWS service, the same
 * binding over its SDK v3 client and command in `sdk/` (the only generated files that import the SDK,
 * reached through `@dx/paginator/sdk`).
 *
 * A trait without `items`, or whose `items` is not a list (a map, say), gives a page-only paginator
 * (pages, PageSize, StartingToken, resume tokens); a trait this emitter cannot bind at all is skipped.
 * Both are reported as warnings, never as a crash.
 */
export const paginatorEmitter: Emitter = {
  name: "paginator",
  outDir: "packages/paginator/src/generated",
  emit: emitPaginators,
  warnings: (ir) => plan(ir).warnings,
};

/** A paginated operation with everything the binding needs resolved from the IR. */
interface Binding {
  op: IrOperation;
  fn: string;
  /** The exported operation descriptor that the plain and the SDK bindings share. */
  descriptor: string;
  input: string;
  output: string;
  inputToken: string;
  /** Member path of the output token (nested when the trait says `a.b`). */
  outputToken: string[];
  /** Member path of the items list; absent for a page-only paginator. */
  items?: string[];
  pageSize?: string;
}

function emitPaginators(ir: Ir): FileSet {
  const { bindings } = plan(ir);
  const files = new Map<string, string>();
  for (const b of bindings) files.set(`${b.fn}.gen.ts`, bindingFile(ir, b));
  const exports = bindings.map((b) => `export { ${b.fn} } from "./${b.fn}.gen.js";\n`).join("");
  files.set("index.gen.ts", tsHeader(ir) + (exports || "export {};\n"));
  const sdkId = ir.service.sdkId;
  const sdkBindings = sdkId === undefined ? [] : bindings;
  for (const b of sdkBindings) files.set(`sdk/${b.fn}.gen.ts`, sdkBindingFile(ir, b, sdkId as string));
  const sdkExports = sdkBindings.map((b) => `export { ${b.fn} } from "./${b.fn}.gen.js";\n`).join("");
  files.set("sdk/index.gen.ts", tsHeader(ir) + (sdkExports || "export {};\n"));
  const signed = bindings.filter((b) => httpBinding(ir, b) !== undefined);
  for (const b of signed) files.set(`signed/${b.fn}.gen.ts`, signedBindingFile(ir, b));
  // The service's endpoint rules, written once for every binding (they are a few kilobytes).
  if (signed.length > 0 && ir.service.endpointRules !== undefined)
    files.set("signed/endpointRules.gen.ts", endpointRulesFile(ir));
  const signedExports = signed.map((b) => `export { ${b.fn} } from "./${b.fn}.gen.js";\n`).join("");
  files.set("signed/index.gen.ts", tsHeader(ir) + (signedExports || "export {};\n"));
  return files;
}

/** The bindings to emit, and why any paginated operation got less than a full paginator. */
function plan(ir: Ir): { bindings: Binding[]; warnings: string[] } {
  const shapes = lookup(ir);
  const bindings: Binding[] = [];
  const warnings: string[] = [];
  for (const op of ir.operations) {
    if (op.pagination === undefined) continue;
    const result = binding(op, shapes);
    if (typeof result === "string") warnings.push(`${op.name}: ${result}; no paginator is emitted for it`);
    else {
      bindings.push(result.binding);
      if (result.warning !== undefined) warnings.push(`${op.name}: ${result.warning}`);
    }
  }
  const schemes = ir.service.endpointAuthSchemes;
  if (schemes !== undefined && bindings.length > 0)
    warnings.push(
      `service ${ir.service.id}: its endpoint rules (smithy.rules#endpointRuleSet) sign with ${schemes.join(", ")}; the /signed bindings sign SigV4 only and refuse, before sending, an endpoint whose rules allow no SigV4: use the /sdk bindings (an AWS SDK client that signs ${schemes.join(", ")}) for it`,
    );
  return { bindings, warnings };
}

/** The binding of one operation, or why there can be none. */
function binding(op: IrOperation, shapes: IrLookup): { binding: Binding; warning?: string } | string {
  const p = op.pagination ?? {};
  const input = op.input === undefined ? undefined : shapes.find(op.input);
  const output = op.output === undefined ? undefined : shapes.find(op.output);
  if (input?.kind !== "structure" || output?.kind !== "structure")
    return "a paginated operation needs structure input and output";
  if (p.inputToken === undefined || p.outputToken === undefined)
    return "the paginated trait (merged with the service's) has no inputToken or outputToken";
  // Tokens are strings, or maps (DynamoDB's keys), which the runtime compares by content.
  const token = (kind: IrShape["kind"] | undefined): boolean => kind === "string" || kind === "map";
  if (!token(kindAt(shapes, input, [p.inputToken])))
    return `inputToken ${p.inputToken} is not a string or map member of ${input.name}`;
  if (!token(kindAt(shapes, output, p.outputToken)))
    return `outputToken ${p.outputToken.join(".")} is not a string or map member of ${output.name}`;
  let warning: string | undefined;
  let pageSize = p.pageSize;
  if (pageSize !== undefined && kindAt(shapes, input, [pageSize]) !== "number") {
    warning = `pageSize ${pageSize} is not a number member of ${input.name}; PageSize is not offered`;
    pageSize = undefined;
  }
  let items = p.items;
  if (items !== undefined) {
    const kind = kindAt(shapes, output, items);
    if (kind !== "list") {
      const why =
        kind === "map"
          ? `items ${items.join(".")} is a map, which botocore cannot truncate or merge either`
          : `items ${items.join(".")} is not a list member of ${output.name}`;
      warning = `${why}; its paginator pages only (no items(), MaxItems or buildFullResult)`;
      items = undefined;
    }
  }
  const fn = paginatorName(op.name);
  return {
    binding: {
      op,
      fn,
      descriptor: `${fn}Operation`,
      input: input.name,
      output: output.name,
      inputToken: p.inputToken,
      outputToken: p.outputToken,
      ...(items !== undefined && { items }),
      ...(pageSize !== undefined && { pageSize }),
    },
    ...(warning !== undefined && { warning }),
  };
}

/** The kind of the shape at a member path from a structure, or undefined where the path leaves the structures. */
function kindAt(shapes: IrLookup, from: IrShape, path: readonly string[]): IrShape["kind"] | undefined {
  let shape: IrShape | undefined = from;
  for (const name of path) {
    if (shape?.kind !== "structure") return undefined;
    const member: IrMember | undefined = shape.members.find((m) => m.name === name);
    shape = member === undefined ? undefined : shapes.find(member.target);
  }
  return shape?.kind;
}

function bindingFile(ir: Ir, b: Binding): string {
  const q = JSON.stringify;
  const validators = validatorNames(b.output);
  const pageOnly = b.items === undefined;
  const inputMembers = inputMemberNames(ir, b)
    .map((m) => q(m))
    .join(", ");
  const status = statusCodeMember(ir, b);
  const headers = ir.service.protocol === "restJson1" ? outputHeaderBindings(ir, b) : {};
  const hasHeaders = Object.keys(headers).length > 0;
  const descriptorType = pageOnly ? "PagesOperation" : "PaginatedOperation";
  const typeArgs = [
    b.input,
    b.output,
    q(b.inputToken),
    q(b.outputToken),
    ...(pageOnly ? [] : [q(b.items)]),
    b.pageSize ? q(b.pageSize) : "never",
  ];
  const lines = [
    `import type { ${[b.input, b.output].sort().join(", ")} } from "@dx/models";`,
    `import { ${validators.assert}, ${validators.parse} } from "@dx/validators";`,
    ...(hasHeaders ? [`import { headerMembers } from "../runtime/header-members.js";`] : []),
    `import { ${pageOnly ? "createPagesPaginator" : "createPaginator"}, type ${descriptorType} } from "../runtime/index.js";`,
    ``,
    `/** The ${b.op.name} trait bound to its types and validators (shared with the SDK binding). */`,
    `export const ${b.descriptor}: ${descriptorType}<${typeArgs.join(", ")}> = {`,
    `  name: ${q(b.op.name)},`,
    `  inputToken: ${q(b.inputToken)},`,
    `  outputToken: ${q(b.outputToken)},`,
    ...(pageOnly ? [] : [`  items: ${q(b.items)},`]),
    ...(b.pageSize ? [`  pageSize: ${q(b.pageSize)},`] : []),
    `  inputMembers: [${inputMembers}],`,
    ...(status ? [`  statusCodeMember: ${q(status)},`] : []),
    ...(hasHeaders ? table("outputHeaders", headers, "/* @__PURE__ */ headerMembers(", ")") : []),
    `  parse: ${validators.parse},`,
    `  assert: ${validators.assert},`,
    `};`,
    ``,
    `/**`,
    ...docLines(b, "over a function transport or `wireTransport(fn)`"),
    ` */`,
    `export const ${b.fn} = /* @__PURE__ */ ${pageOnly ? "createPagesPaginator" : "createPaginator"}(${b.descriptor});`,
  ];
  return `${tsHeader(ir) + lines.join("\n")}\n`;
}

function sdkBindingFile(ir: Ir, b: Binding, sdkId: string): string {
  const sdk = awsSdkNames(sdkId, b.op.name);
  const create = b.items === undefined ? "createSdkPagesPaginator" : "createSdkPaginator";
  const lines = [
    `import { ${sdk.client}, ${sdk.command} } from ${JSON.stringify(sdk.packageName)};`,
    `import { ${create} } from "../../runtime/sdk.js";`,
    `import { ${b.descriptor} } from "../${b.fn}.gen.js";`,
    ``,
    `/**`,
    ...docLines(b, `over a \`${sdk.client}\` of ${sdk.packageName}`),
    ` */`,
    `export const ${b.fn} = /* @__PURE__ */ ${create}(${b.descriptor}, ${sdk.client}, ${sdk.command});`,
  ];
  return `${tsHeader(ir) + lines.join("\n")}\n`;
}

/** The structure `id` names (an operation's input or output), if it is one. */
function structure(ir: Ir, id: string | undefined): Extract<IrShape, { kind: "structure" }> | undefined {
  const shape = id === undefined ? undefined : lookup(ir).find(id);
  return shape?.kind === "structure" ? shape : undefined;
}

/** The operation's input structure, if it has one. */
function inputStructure(ir: Ir, b: Binding): Extract<IrShape, { kind: "structure" }> | undefined {
  return structure(ir, b.op.input);
}

/** The output member bound to the HTTP status code (`@httpResponseCode`, QuickSight's `Status`), if any. */
function statusCodeMember(ir: Ir, b: Binding): string | undefined {
  return structure(ir, b.op.output)?.members.find((m) => m.http?.location === "responseCode")?.name;
}

/** The input's member names, so that the runtime can refuse params naming others (botocore's check). */
function inputMemberNames(ir: Ir, b: Binding): string[] {
  return inputStructure(ir, b)?.members.map((m) => m.name) ?? [];
}

/** The operation's HTTP binding as `@dx/paginator/signed` reads it, or undefined for a restJson1 operation without `smithy.api#http`. */
function httpBinding(
  ir: Ir,
  b: Binding,
): { members: Record<string, readonly string[]>; [key: string]: unknown } | undefined {
  const protocol = ir.service.protocol;
  if (protocol === "restJson1" && b.op.http === undefined) return undefined;
  const find = lookup(ir);
  // No prototype: a member named "__proto__" is a key like any other (an assignment to {} would set the prototype).
  const members: Record<string, readonly string[]> = Object.create(null);
  for (const m of inputStructure(ir, b)?.members ?? []) {
    const at = m.http;
    const shape = find.find(m.target);
    const target = shape?.kind;
    if (at !== undefined && (at.location === "query" || at.location === "header" || at.location === "label")) {
      members[m.name] = [at.location, at.name ?? m.name, ...outsideBodyText(find, m, at.location)];
    } else if (at?.location === "queryParams") members[m.name] = ["queryParams", m.name];
    else if (at?.location === "prefixHeaders") members[m.name] = ["prefixHeaders", at.name ?? ""];
    else if (at?.location === "payload")
      // The member is the whole body: JSON (its serialized form), text or bytes, by what it targets.
      members[m.name] = [
        "payload",
        m.jsonName,
        target === "blob" ? "bytes" : target === "string" || target === "enum" ? "text" : "json",
      ];
    else members[m.name] = ["body", m.jsonName];
  }
  // SigV4's name is the service's aws.auth#sigv4 name (not its sdkId: CloudWatch Logs signs as "logs");
  // without the trait, the sdkId or service name lower-cased. The host's prefix only where it differs.
  const signingName = ir.service.signingName ?? (ir.service.sdkId ?? ir.service.name).toLowerCase().replace(/\s+/g, "");
  const prefix = ir.service.endpointPrefix;
  // With endpoint rules, the rules give the host and the signing scope, as in the SDKs: the binding
  // names them (written in the file as a reference to endpointRules.gen.ts) and how the operation binds
  // their parameters. Without rules, the host is <prefix>.<region>.<partition's domain>.
  const endpoint =
    ir.service.endpointRules !== undefined
      ? { endpointRules: true, ...(b.op.endpointParams !== undefined && { endpointParams: b.op.endpointParams }) }
      : {
          ...(prefix !== undefined && prefix !== signingName && { endpointPrefix: prefix }),
          // A service with dual-stack endpoints only (Aurora DSQL) is at <prefix>.<region>.api.aws, as the SDKs send.
          ...(ir.service.dualStackOnly === true && { dualStackOnly: true }),
        };
  // An operation whose @auth names no SigV4 (the SSO portal's) is sent unsigned, as the SDKs do.
  const auth = b.op.auth === "none" ? { auth: "none" } : {};
  // An operation's own host prefix (MWAA's "api."), put before the service's host as the SDKs do.
  const host = b.op.hostPrefix === undefined ? {} : { hostPrefix: b.op.hostPrefix };
  // Members the client fills with a UUID when the caller leaves them out (@idempotencyToken), as the SDKs do.
  const tokens = (inputStructure(ir, b)?.members ?? []).filter((m) => m.idempotencyToken).map((m) => m.name);
  const idempotency = tokens.length === 0 ? {} : { idempotencyTokens: tokens };
  // A service that serves the operation only at a discovered host (Timestream's cells): the discovery
  // operation, sent first as the SDKs send it. Where discovery is optional (DynamoDB) the SDKs skip it.
  const found = ir.service.endpointDiscovery;
  const discovery =
    b.op.discoveredEndpoint === "required" && found !== undefined
      ? {
          discovery: {
            ...(protocol === "restJson1"
              ? { method: found.http?.method, uri: found.http?.uri }
              : { target: `${ir.service.name}.${found.operation}` }),
            ...(found.error !== undefined && { error: found.error }),
          },
        }
      : {};
  // Where it is sent and how it is signed, the same on every protocol (in the order the binding is written).
  const sending = { protocol, signingName, ...endpoint, ...host, ...discovery, ...idempotency, ...auth };
  return protocol === "restJson1"
    ? { ...sending, method: b.op.http?.method, uri: b.op.http?.uri, members }
    : {
        ...sending,
        method: "POST",
        uri: "/",
        target: `${ir.service.name}.${b.op.name}`,
        // SQS and the other services moved from awsQuery: the query-mode header and awsQuery error codes.
        ...(ir.service.awsQueryCompatible && { queryCompatible: true }),
        members,
      };
}

/**
 * The output members restJson1 binds to response headers, as the signed transport reads them:
 * `["header", name, kind, format?]` (kind: the value's type, `[]` after it for a list; "encoded" for a
 * string with `@mediaType`, which travels base64-encoded) or `["prefixHeaders", prefix]`.
 */
function outputHeaderBindings(ir: Ir, b: Binding): Record<string, readonly string[]> {
  const find = lookup(ir);
  const output: Record<string, readonly string[]> = Object.create(null); // "__proto__" a key like any other
  for (const m of structure(ir, b.op.output)?.members ?? []) {
    const at = headerBinding(find, m);
    if (at !== undefined) output[m.name] = at;
  }
  return output;
}

/**
 * Wire names the runtime reads as an error's name or message, and so does not copy from the body onto
 * the error (`ERROR_ENVELOPE` of runtime/signed/errors.ts), less those the SDKs fold into `message`
 * (`message`, `Message`: the SDK deletes a `Message` member). A modeled member of such a name is still
 * one of the error's members, as the SDKs give it: Signer's `code` on every error.
 */
const ERROR_ENVELOPE: ReadonlySet<string> = new Set(["__type", "code"]);

/**
 * The members of the operation's errors that a ServiceError gets under their member names beyond
 * the error body's wire names: restJson1 members bound to headers (Lambda's `retryAfterSeconds`
 * from `Retry-After`), body members with another `@jsonName` (`["body", jsonName]`), and body
 * members whose wire name is one the runtime reads as the error's code or message (`ERROR_ENVELOPE`),
 * in any protocol. By error name; errors with none are left out.
 */
function errorMemberTables(ir: Ir, b: Binding): Record<string, Record<string, readonly string[]>> {
  const restJson = ir.service.protocol === "restJson1";
  const find = lookup(ir);
  const tables: Record<string, Record<string, readonly string[]>> = Object.create(null); // "__proto__" a key like any other
  for (const id of new Set(b.op.errors)) {
    const table: Record<string, readonly string[]> = Object.create(null); // "__proto__" a key like any other
    for (const m of structure(ir, id)?.members ?? []) {
      if (restJson && m.http !== undefined) {
        const at = headerBinding(find, m);
        if (at !== undefined) table[m.name] = at;
        continue;
      }
      const wire = restJson ? m.jsonName : m.name;
      if (wire !== m.name || ERROR_ENVELOPE.has(wire)) table[m.name] = ["body", wire];
    }
    if (Object.keys(table).length > 0) tables[id.slice(id.indexOf("#") + 1)] = table;
  }
  return tables;
}

/**
 * How a member bound to a query parameter, header or label is written, when not as its value's text:
 * a timestamp's resolved format (a list's, its member shape's own format; else the location's
 * default, which the runtime applies), or `base64` for a `@mediaType` string in a header, which
 * Smithy sends base64-encoded (its protocol test MediaTypeHeaderInputBase64).
 */
function outsideBodyText(find: IrLookup, m: IrMember, location: "query" | "header" | "label"): string[] {
  const shape = find.find(m.target);
  if (shape?.kind === "timestamp") return m.timestampFormat ? [m.timestampFormat] : [];
  const item = shape?.kind === "list" ? find.find(shape.member.target) : undefined;
  if (item?.kind === "timestamp") return item.format ? [item.format] : [];
  if (location === "header" && shape?.kind === "string" && shape.mediaType !== undefined) return ["base64"];
  return [];
}

/** How the signed transport reads a member bound to a response header (see `outputHeaderBindings`), if it is one. */
function headerBinding(find: IrLookup, m: IrMember): readonly string[] | undefined {
  if (m.http?.location === "prefixHeaders") return ["prefixHeaders", (m.http.name ?? "").toLowerCase()];
  if (m.http?.location !== "header") return undefined;
  const target = find.find(m.target);
  const item = target?.kind === "list" ? find.find(target.member.target) : undefined;
  const kind = headerKind(item ?? target);
  if (kind === undefined) return undefined;
  // A list's timestamps: their shape's format, else http-date (a header's default).
  const format =
    target?.kind === "timestamp"
      ? m.timestampFormat
      : item?.kind === "timestamp"
        ? (item.format ?? "http-date")
        : undefined;
  return ["header", (m.http.name ?? m.name).toLowerCase(), item ? `${kind}[]` : kind, ...(format ? [format] : [])];
}

/** How a header's text becomes a value of this shape; undefined for a shape Smithy does not allow in headers. */
function headerKind(shape: IrShape | undefined): string | undefined {
  switch (shape?.kind) {
    case "string":
      return shape.mediaType === undefined ? "string" : "encoded";
    case "enum":
      return "string";
    case "number":
    case "intEnum":
      return "number";
    case "boolean":
    case "timestamp":
    case "blob":
      return shape.kind;
    default:
      return undefined;
  }
}

/** A record of member bindings as the generated code writes it: `  name: {` entries of string tuples `},`. */
function table(name: string, record: Record<string, readonly string[]>, open = "", close = ""): string[] {
  const q = JSON.stringify;
  return [
    `  ${name}: ${open}{`,
    // A member named like an Object.prototype property (hasOwnProperty, toString) takes that property
    // as its contextual type, so its bare array literal would widen to string[]: `as const` keeps the
    // tuple. A computed key: `"__proto__": ...` in a literal would set the prototype, not add the member.
    ...Object.entries(record).map(
      ([k, at]) =>
        `    ${k === "__proto__" ? `[${q(k)}]` : q(k)}: [${at.map((v) => q(v)).join(", ")}]${k in Object.prototype ? " as const" : ""},`,
    ),
    `  }${close},`,
  ];
}

/**
 * The fault (`client` or `server`) of each modeled error of the operation, by error name: the SDKs give a
 * modeled error the `$fault` of its `@error` trait whatever the status it came with (Data Pipeline's
 * `InternalServiceError` is a server error and has no `@httpError`); other errors take it from the status.
 */
function errorFaults(ir: Ir, b: Binding): [string, string][] {
  const faults: [string, string][] = [];
  for (const id of new Set(b.op.errors)) {
    const fault = structure(ir, id)?.error;
    if (fault !== undefined) faults.push([id.slice(id.indexOf("#") + 1), fault]);
  }
  return faults;
}

function signedBindingFile(ir: Ir, b: Binding): string {
  const create = b.items === undefined ? "createSignedPagesPaginator" : "createSignedPaginator";
  const { members, ...rest } = httpBinding(ir, b) ?? { members: {} };
  const faults = errorFaults(ir, b);
  const errors = errorMemberTables(ir, b);
  const hasErrors = Object.keys(errors).length > 0;
  // The request body through the validators' serializer: JSON names, timestamp formats and base64 blobs at any depth.
  const input = inputStructure(ir, b);
  const serialize = input === undefined ? undefined : validatorNames(input.name).serialize;
  const q = JSON.stringify;
  const binding = [
    "{",
    ...Object.entries(rest).map(([k, v]) => (k === "endpointRules" ? "  endpointRules," : `  ${k}: ${q(v)},`)),
    ...table("members", members),
    ...(faults.length === 0
      ? []
      : [
          "  faults: {",
          // a computed key: `"__proto__": ...` in a literal would set the prototype, not add the error
          ...faults.map(([name, fault]) => `    ${name === "__proto__" ? `[${q(name)}]` : q(name)}: ${q(fault)},`),
          "  },",
        ]),
    ...(hasErrors
      ? [
          "  errors: /* @__PURE__ */ errorMembers({",
          ...Object.entries(errors).flatMap(([name, record]) =>
            table(name === "__proto__" ? `[${q(name)}]` : q(name), record).map((line) => `  ${line}`),
          ),
          "  }),",
        ]
      : []),
    ...(serialize === undefined ? [] : [`  serialize: ${serialize},`]),
    "}",
  ].join("\n");
  const lines = [
    ...(serialize === undefined ? [] : [`import { ${serialize} } from "@dx/validators";`]),
    ...(hasErrors ? [`import { errorMembers } from "../../runtime/header-members.js";`] : []),
    `import { ${create} } from "../../runtime/signed/paginate.js";`,
    ...("endpointRules" in rest ? [`import { endpointRules } from "./endpointRules.gen.js";`] : []),
    `import { ${b.descriptor} } from "../${b.fn}.gen.js";`,
    ``,
    `/**`,
    ...docLines(b, "over a `SignedClient` (SigV4, standard retries; fetch, or node:http on Node; no SDK client)"),
    ` */`,
    `export const ${b.fn} = /* @__PURE__ */ ${create}(${b.descriptor}, ${binding});`,
  ];
  return `${tsHeader(ir) + lines.join("\n")}\n`;
}

/**
 * The service's endpoint rules as `@dx/paginator/signed` evaluates them (`@smithy/util-endpoints`):
 * the rule set or BDD of the IR, documentation dropped, repeated strings and subtrees written once.
 */
function endpointRulesFile(ir: Ir): string {
  const rules = ir.service.endpointRules as NonNullable<Ir["service"]["endpointRules"]>;
  const value = {
    parameters: rules.parameters,
    ...(rules.ruleSet !== undefined && { version: rules.ruleSet.version, rules: rules.ruleSet.rules }),
    ...(rules.bdd !== undefined && { bdd: rules.bdd }),
    ...(rules.clientContextParams !== undefined && { clientContextParams: rules.clientContextParams }),
  };
  const { consts, expression } = compactConsts(
    value as unknown as Parameters<typeof compactConsts>[0],
    new Set(["endpointRules"]),
  );
  const form = rules.bdd !== undefined ? "smithy.rules#endpointBdd" : "smithy.rules#endpointRuleSet";
  const lines = [
    `import type { EndpointRules } from "../../runtime/signed/endpoints.js";`,
    ``,
    ...consts,
    ``,
    `/** The service's \`${form}\`, evaluated per request as the AWS SDKs do. */`,
    `export const endpointRules: EndpointRules = ${expression};`,
  ];
  return `${tsHeader(ir) + lines.join("\n")}\n`;
}

function docLines(b: Binding, over: string): string[] {
  const what = b.items === undefined ? "Pages through" : "Paginates";
  const features =
    b.items === undefined
      ? "pages, PageSize, resumable StartingToken, search; its trait names no items list"
      : "MaxItems, PageSize, resumable StartingToken, buildFullResult, search";
  const text = [
    `${what} ${b.op.name} ${over} as boto3's paginator does (${features}).`,
    ...(b.op.documentation ? ["", b.op.documentation] : []),
    "",
    `Trait: inputToken ${b.inputToken}, outputToken ${b.outputToken.join(".")}${b.items ? `, items ${b.items.join(".")}` : ""}${b.pageSize ? `, pageSize ${b.pageSize}` : ""}.`,
  ].join("\n");
  return layoutDoc(tsdoc(text), 0)
    .split("\n")
    .map((l) => (l === "" ? " *" : ` * ${l}`));
}
