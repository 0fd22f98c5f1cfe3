import { pointer, type Diagnostic } from "../diagnostics.js";
import { closureOf, memberRefs, serviceOperations, shapeName, traitsOf } from "../load/ast.js";
import { isObject, whereIn, type LoadedModel, type LoadedShape } from "../load/load.js";
import {
  httpBinding,
  JSON_PROTOCOLS,
  jsonProtocol,
  localName,
  paginatedTrait,
  serviceErrors,
  wireName,
  type Selection,
} from "../load/model.js";
import { collisionKey, typeName } from "../naming.js";
import { checkEndpointRules } from "./endpoint-rules.js";
import { checkRenames } from "./rename.js";

export const COMMAND_LINE = "(command line)";

/** Finds the service and the selected operations; `names` are operation names or absolute ids. */
export function selectOperations(
  model: LoadedModel,
  names: readonly string[],
  out: Diagnostic[],
): Selection | undefined {
  const services = [...model.shapes.values()].filter((s) => s.node["type"] === "service");
  if (services.length !== 1) {
    const file = model.files[0]?.file ?? COMMAND_LINE;
    out.push({ file, pointer: "/shapes", message: `expected exactly one service shape, found ${services.length}` });
    return undefined;
  }
  const service = services[0] as LoadedShape;
  const protocol = jsonProtocol(service);
  if (protocol === undefined) {
    out.push({
      ...whereIn(service, "/traits"),
      message: `service ${service.id} must use one of the JSON protocols ${Object.keys(JSON_PROTOCOLS).join(", ")}; other protocols cannot be emitted yet`,
    });
  }
  const all = serviceOperations(model, service);
  let operations = all;
  if (names.length > 0) {
    operations = [];
    for (const name of names) {
      const id = all.find((op) => op === name || shapeName(op) === name);
      if (id) operations.push(id);
      else
        out.push({
          file: COMMAND_LINE,
          pointer: "",
          message: `--operation ${name}: no such operation in ${service.id} (it has ${all.map(shapeName).join(", ")})`,
        });
    }
    operations = [...new Set(operations)].sort();
  }
  // Errors bound to the service are errors of every operation (Smithy), so they join the closure.
  const errors = operations.length > 0 ? serviceErrors(service) : [];
  const closure = [
    ...new Set([
      ...closureOf(model, operations),
      ...errors.filter((id) => model.shapes.has(id)),
      ...closureOf(model, errors),
    ]),
  ].sort();
  return { service, protocol: protocol ?? "restJson1", operations, closure };
}

/** Checks that only matter for what will be emitted: name collisions, pagination, unsupported shapes. */
export function checkSelection(model: LoadedModel, sel: Selection, out: Diagnostic[]): void {
  const names = new Map<string, LoadedShape>();
  const topLevel = operationStructures(model, sel.operations);
  for (const id of sel.closure) {
    const shape = model.shapes.get(id);
    if (!shape || shape.prelude) continue;
    const type = shape.node["type"];
    const traits = traitsOf(shape.node);
    if (type === "structure" || type === "union") checkWireNames(shape, sel.protocol, out);
    if (type === "structure") checkHttpNames(shape, out);
    if (type === "structure" && topLevel.has(id) && sel.protocol === "restJson1") checkPayload(shape, out);
    checkStreamingTargets(model, shape, topLevel.has(id), out);
    if (!declaresType(type, traits)) continue;
    const name = typeName(localName(sel.service, id));
    const key = collisionKey(name);
    const other = names.get(key);
    if (other) {
      out.push({
        ...whereIn(shape, ""),
        message: `shape ${id} collides with ${other.id}: both are named ${name} in TypeScript (names must differ in more than case; a service can tell them apart with "rename")`,
      });
    } else names.set(key, shape);
  }
  // Operation names become the keys of generated maps such as the models' `Operations`.
  const operationNames = new Map<string, LoadedShape>();
  for (const id of sel.operations) {
    const op = model.shapes.get(id) as LoadedShape;
    const other = operationNames.get(collisionKey(shapeName(id)));
    if (other)
      out.push({
        ...whereIn(op, ""),
        message: `operation ${id} collides with ${other.id}: operation names must differ in more than case`,
      });
    else operationNames.set(collisionKey(shapeName(id)), op);
    checkPaginated(model, sel.service, op, out);
    if (sel.protocol === "restJson1") checkLabels(model, op, out);
    checkHostLabels(model, op, out);
  }
  checkEndpointDiscovery(model, sel, out);
  checkEndpointRules(model, sel, out);
  checkRenames(model, sel.service, out);
}

/** Shapes that become a named TypeScript declaration. */
export function declaresType(type: unknown, traits: Record<string, unknown>): boolean {
  return (
    type === "structure" ||
    type === "union" ||
    type === "enum" ||
    type === "intEnum" ||
    (type === "string" && Array.isArray(traits["smithy.api#enum"]))
  );
}

/** The input and output structures of the operations: the only places a streaming shape may be targeted. */
function operationStructures(model: LoadedModel, operations: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const id of operations) {
    const op = model.shapes.get(id);
    for (const key of ["input", "output"]) {
      const target = op ? targetOf(op.node[key]) : undefined;
      if (target !== undefined) ids.add(target);
    }
  }
  return ids;
}

/**
 * Smithy: a streaming blob or event stream is the payload of an operation's input or output, so only a
 * member of that structure may target it (a list of streams or a stream inside a value has no wire form).
 */
function checkStreamingTargets(model: LoadedModel, shape: LoadedShape, topLevel: boolean, out: Diagnostic[]): void {
  for (const ref of memberRefs(shape.node)) {
    const target = typeof ref.target === "string" ? model.shapes.get(ref.target) : undefined;
    if (!target || traitsOf(target.node)["smithy.api#streaming"] === undefined) continue;
    if (topLevel && shape.node["type"] === "structure") continue;
    out.push({
      ...whereIn(shape, ref.at),
      message: `${ref.member}: the streaming ${String(target.node["type"])} ${target.id} can only be targeted by a member of an operation's input or output structure`,
    });
  }
}

/**
 * restJson1 (Smithy's HTTP binding rules): each `{Label}` of the operation's URI is a required input
 * member with `@httpLabel`, and each such member has its `{Label}`; otherwise a request cannot be built.
 */
function checkLabels(model: LoadedModel, op: LoadedShape, out: Diagnostic[]): void {
  const http = traitsOf(op.node)["smithy.api#http"];
  if (!isObject(http) || typeof http["uri"] !== "string") return;
  const path = http["uri"].split("?")[0] as string;
  const labels = new Set([...path.matchAll(/\{([^}]*?)\+?\}/g)].map((m) => m[1] as string));
  const inputId = targetOf(op.node["input"]);
  const input = inputId === undefined ? undefined : model.shapes.get(inputId);
  const bound = new Map<string, string>();
  for (const r of input ? memberRefs(input.node) : []) {
    if (httpBinding(r.traits)?.location !== "label" || input === undefined) continue;
    bound.set(r.member as string, r.at);
    const where = whereIn(input, r.at);
    if (!labels.has(r.member as string))
      out.push({
        ...where,
        message: `${r.member} is an @httpLabel, but the URI of ${shapeName(op.id)} has no {${r.member}}`,
      });
    else if (!("smithy.api#required" in r.traits))
      out.push({
        ...where,
        message: `${r.member} is the URI label {${r.member}} of ${shapeName(op.id)}, so it must be @required`,
      });
  }
  for (const label of labels)
    if (!bound.has(label))
      out.push({
        ...whereIn(op, pointer("traits", "smithy.api#http", "uri")),
        message: `${shapeName(op.id)}: the URI label {${label}} names no @httpLabel member of the input`,
      });
}

/**
 * Smithy's endpoint rules: each `{Label}` of an operation's `smithy.api#endpoint` hostPrefix is a
 * required input member with `@hostLabel`; otherwise the host of the request cannot be built.
 */
function checkHostLabels(model: LoadedModel, op: LoadedShape, out: Diagnostic[]): void {
  const endpoint = traitsOf(op.node)["smithy.api#endpoint"];
  if (!isObject(endpoint) || typeof endpoint["hostPrefix"] !== "string") return;
  const inputId = targetOf(op.node["input"]);
  const input = inputId === undefined ? undefined : model.shapes.get(inputId);
  const members = new Map((input ? memberRefs(input.node) : []).map((r) => [r.member as string, r.traits]));
  for (const [, label] of endpoint["hostPrefix"].matchAll(/\{([^}]*)\}/g)) {
    const traits = members.get(label as string);
    const problem =
      traits === undefined || !("smithy.api#hostLabel" in traits)
        ? "names no @hostLabel member of the input"
        : !("smithy.api#required" in traits)
          ? "names an input member that is not @required"
          : undefined;
    if (problem)
      out.push({
        ...whereIn(op, pointer("traits", "smithy.api#endpoint", "hostPrefix")),
        message: `${shapeName(op.id)}: the host prefix label {${label}} ${problem}`,
      });
  }
}

/**
 * Endpoint discovery (Smithy's `aws.api#clientDiscoveredEndpoint`): the operations sent to a discovered
 * endpoint need the service's `aws.api#clientEndpointDiscovery`, whose `operation` is an operation of
 * the service (and its `error`, when given, an error structure); otherwise no host can be discovered.
 */
function checkEndpointDiscovery(model: LoadedModel, sel: Selection, out: Diagnostic[]): void {
  const { service } = sel;
  const discovered = sel.operations
    .map((id) => model.shapes.get(id) as LoadedShape)
    .filter((op) => isObject(traitsOf(op.node)["aws.api#clientDiscoveredEndpoint"]));
  const discovery = traitsOf(service.node)["aws.api#clientEndpointDiscovery"];
  const at = (where: LoadedShape, path: string[], message: string): void =>
    void out.push({ ...whereIn(where, pointer("traits", ...path)), message });
  if (!isObject(discovery)) {
    for (const op of discovered)
      at(
        op,
        ["aws.api#clientDiscoveredEndpoint"],
        `${shapeName(op.id)}: aws.api#clientDiscoveredEndpoint needs the service's aws.api#clientEndpointDiscovery (the operation that discovers endpoints); ${service.id} has none`,
      );
    return;
  }
  // A malformed trait value is reported by the trait value check.
  const { operation, error } = discovery;
  if (typeof operation === "string" && !serviceOperations(model, service).includes(operation))
    at(
      service,
      ["aws.api#clientEndpointDiscovery", "operation"],
      `aws.api#clientEndpointDiscovery names ${operation}, which is not an operation of ${service.id}`,
    );
  if (typeof error === "string" && !("smithy.api#error" in traitsOf(model.shapes.get(error)?.node ?? {})))
    at(
      service,
      ["aws.api#clientEndpointDiscovery", "error"],
      `aws.api#clientEndpointDiscovery names the error ${error}, which is not an error structure`,
    );
}

/**
 * restJson1 (Smithy's HTTP binding rules): an `@httpPayload` member is the whole body, so it is the
 * only one, and every other member is bound to a header, query, label or the status code.
 */
function checkPayload(shape: LoadedShape, out: Diagnostic[]): void {
  const refs = memberRefs(shape.node);
  const payload = refs.filter((r) => httpBinding(r.traits)?.location === "payload");
  const first = payload[0];
  if (first === undefined) return;
  for (const r of payload.slice(1))
    out.push({
      ...whereIn(shape, r.at),
      message: `${r.member}: a second @httpPayload member (${first.member} is the body already)`,
    });
  for (const r of refs)
    if (httpBinding(r.traits) === undefined)
      out.push({
        ...whereIn(shape, r.at),
        message: `${r.member} would be in the body, but ${first.member} is the @httpPayload (the whole body): bind it to a header, query or label`,
      });
}

/**
 * Two members of one structure with the same name on the wire (restJson1's `@jsonName`, or a
 * jsonName equal to another member's name) would overwrite each other in the JSON body: one is lost.
 */
function checkWireNames(shape: LoadedShape, protocol: string, out: Diagnostic[]): void {
  if (protocol !== "restJson1") return;
  const seen = new Map<string, string>();
  for (const ref of memberRefs(shape.node)) {
    const name = ref.member as string;
    // Members bound outside the body do not travel under a JSON name.
    if (httpBinding(ref.traits) !== undefined) continue;
    const wire = wireName(name, ref.traits);
    const other = seen.get(wire);
    if (other !== undefined)
      out.push({
        ...whereIn(shape, ref.at),
        message: `member "${name}" has the wire name "${wire}" of member "${other}": one would be lost in the JSON body`,
      });
    else seen.set(wire, name);
  }
}

/** The traits of which a structure has one member at most (Smithy's `structurallyExclusive: "member"`). */
const EXCLUSIVE = ["smithy.api#httpQueryParams", "smithy.api#httpPrefixHeaders", "smithy.api#httpResponseCode"];

/**
 * HTTP bindings of one structure that would lose a value, as Smithy's HttpHeaderTraitValidator,
 * HttpQueryTraitValidator, HttpPrefixHeadersTraitValidator and ExclusiveStructureMemberTraitValidator
 * refuse them (errors, whatever the protocol): two members bound to one header (names compared without
 * case) or to one query parameter (with case), a header under the `@httpPrefixHeaders` prefix, and a
 * second `@httpQueryParams`, `@httpPrefixHeaders` or `@httpResponseCode` member.
 */
function checkHttpNames(shape: LoadedShape, out: Diagnostic[]): void {
  const refs = memberRefs(shape.node);
  const headers = new Map<string, string>();
  const queries = new Map<string, string>();
  const first = new Map<string, string>();
  const prefixed = refs.find((r) => typeof r.traits["smithy.api#httpPrefixHeaders"] === "string");
  const prefix = (prefixed?.traits["smithy.api#httpPrefixHeaders"] as string | undefined)?.toLowerCase();
  const report = (ref: (typeof refs)[number], message: string): void =>
    void out.push({ ...whereIn(shape, ref.at), message: `${ref.member} ${message}` });
  for (const ref of refs) {
    const name = ref.member as string;
    for (const trait of EXCLUSIVE) {
      if (!(trait in ref.traits)) continue;
      const other = first.get(trait);
      if (other === undefined) first.set(trait, name);
      else report(ref, `is a second @${trait.slice(11)} member (${other} is one already)`);
    }
    const header = ref.traits["smithy.api#httpHeader"];
    if (typeof header === "string") {
      const other = headers.get(header.toLowerCase());
      if (other !== undefined)
        report(
          ref,
          `is bound to the header "${header}", as ${other} is (header names do not differ in case): one value would be lost`,
        );
      else headers.set(header.toLowerCase(), name);
      // An empty prefix is only a note to Smithy (every header "starts with" it): real models have one.
      if (prefix !== undefined && prefix !== "" && header.toLowerCase().startsWith(prefix))
        report(
          ref,
          `is bound to the header "${header}", which starts with the prefix "${prefix}" of the @httpPrefixHeaders member ${prefixed?.member}`,
        );
    }
    const query = ref.traits["smithy.api#httpQuery"];
    if (typeof query === "string") {
      const other = queries.get(query);
      if (other !== undefined)
        report(ref, `is bound to the query parameter "${query}", as ${other} is: one value would be lost`);
      else queries.set(query, name);
    }
  }
}

function checkPaginated(model: LoadedModel, service: LoadedShape, op: LoadedShape, out: Diagnostic[]): void {
  const trait = paginatedTrait(service, op);
  if (!trait) return;
  const at = (key: string, message: string): void =>
    void out.push({
      ...whereIn(op, pointer("traits", "smithy.api#paginated", ...(key === "" ? [] : [key]))),
      message: `${shapeName(op.id)}: ${message}`,
    });
  const input = targetOf(op.node["input"]);
  const output = targetOf(op.node["output"]);
  const expect = (key: string, root: string | undefined, path: unknown, types: string[], topLevel: boolean): void => {
    // A non-string value is already reported by the trait value check.
    if (typeof path !== "string") return;
    if (topLevel && path.includes(".")) return at(key, `${key} "${path}" must name a top-level member`);
    const found = resolvePath(model, root, path);
    if (found === undefined) return;
    if (typeof found === "string") return at(key, `${key} "${path}" ${found}`);
    if (!types.includes(found.type))
      at(key, `${key} "${path}" targets a ${found.type}; expected ${types.join(" or ")}`);
  };
  // Smithy lets tokens be maps (DynamoDB's ExclusiveStartKey / LastEvaluatedKey).
  expect("inputToken", input, trait["inputToken"], ["string", "map"], true);
  expect("outputToken", output, trait["outputToken"], ["string", "map"], false);
  expect("items", output, trait["items"], ["list", "set", "map"], false);
  expect("pageSize", input, trait["pageSize"], ["byte", "short", "integer", "long"], true);
  const inherits = isObject(traitsOf(service.node)["smithy.api#paginated"])
    ? " (with the service's trait merged in)"
    : "";
  for (const key of ["inputToken", "outputToken"] as const)
    if (trait[key] === undefined && !hasBadValue(op, service, key))
      at("", `a paginated operation needs ${key}${inherits}; it has none`);
}

/** A property given with a non-string value (the trait value check reports it already). */
function hasBadValue(op: LoadedShape, service: LoadedShape, key: string): boolean {
  return [op, service].some((s) => {
    const t = traitsOf(s.node)["smithy.api#paginated"];
    return isObject(t) && t[key] !== undefined && typeof t[key] !== "string";
  });
}

function targetOf(ref: unknown): string | undefined {
  return isObject(ref) && typeof ref["target"] === "string" ? ref["target"] : undefined;
}

/**
 * Follows a dotted member path from a structure; returns the final target's type, what is wrong, or
 * undefined when a member targets an unknown shape (the structural checks report that).
 */
function resolvePath(
  model: LoadedModel,
  root: string | undefined,
  path: string,
): { type: string } | string | undefined {
  if (root === undefined) return "cannot be resolved: the operation has no input or output structure";
  let current: LoadedShape | undefined = model.shapes.get(root);
  if (!current) return undefined;
  for (const segment of path.split(".")) {
    const owner: LoadedShape = current;
    const member = isObject(owner.node["members"])
      ? memberRefs(owner.node).find((r) => r.member === segment)
      : undefined;
    if (!member) return `names a member that does not exist in ${owner.id}`;
    current = typeof member.target === "string" ? model.shapes.get(member.target) : undefined;
    if (!current) return undefined;
  }
  const type = String(current.node["type"]);
  return { type: type === "enum" ? "string" : type };
}
