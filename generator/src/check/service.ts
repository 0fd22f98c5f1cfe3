import { pointer, type Diagnostic } from "../diagnostics.js";
import {
  bindingRefs,
  closureOf,
  memberRefs,
  NUMBER_TYPES,
  serviceOperations,
  shapeName,
  traitsOf,
} from "../load/ast.js";
import { isObject, type LoadedModel, type LoadedShape } from "../load/load.js";
import { collisionKey, typeName } from "../naming.js";

export const REST_JSON_1 = "aws.protocols#restJson1";
export const COMMAND_LINE = "(command line)";

export interface Selection {
  service: LoadedShape;
  /** Selected operation ids, sorted. */
  operations: string[];
  /** Shapes reachable from them, sorted. */
  closure: string[];
}

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
  if (!(REST_JSON_1 in traitsOf(service.node))) {
    out.push({
      file: service.file,
      pointer: `${service.pointer}/traits`,
      message: `service ${service.id} must use ${REST_JSON_1}; other protocols cannot be emitted yet`,
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
  return { service, operations, closure };
}

/** The shape ids of the service's own `errors`, in model order. */
export function serviceErrors(service: LoadedShape): string[] {
  return bindingRefs(service.node)
    .filter((r) => r.member === "errors" && typeof r.target === "string")
    .map((r) => r.target as string);
}

/** Checks that only matter for what will be emitted: name collisions, pagination, unsupported shapes. */
export function checkSelection(model: LoadedModel, sel: Selection, out: Diagnostic[]): void {
  const names = new Map<string, LoadedShape>();
  for (const id of sel.closure) {
    const shape = model.shapes.get(id);
    if (!shape || shape.prelude) continue;
    const type = shape.node["type"];
    const traits = traitsOf(shape.node);
    if (traits["smithy.api#streaming"] !== undefined) {
      out.push({
        file: shape.file,
        pointer: shape.pointer + pointer("traits", "smithy.api#streaming"),
        message: `streaming ${String(type)} ${id} cannot be emitted yet`,
      });
    }
    if (!declaresType(type, traits)) continue;
    const key = collisionKey(typeName(shapeName(id)));
    const other = names.get(key);
    if (other) {
      out.push({
        file: shape.file,
        pointer: shape.pointer,
        message: `shape ${id} collides with ${other.id}: both are named ${typeName(shapeName(id))} in TypeScript (names must differ in more than case)`,
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
        file: op.file,
        pointer: op.pointer,
        message: `operation ${id} collides with ${other.id}: operation names must differ in more than case`,
      });
    else operationNames.set(collisionKey(shapeName(id)), op);
    checkPaginated(model, sel.service, op, out);
  }
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

/** The operation's paginated trait merged over the service's, as Smithy merges them. */
export function paginatedTrait(service: LoadedShape, op: LoadedShape): Record<string, string> | undefined {
  const own = traitsOf(op.node)["smithy.api#paginated"];
  if (!isObject(own)) return undefined;
  const inherited = traitsOf(service.node)["smithy.api#paginated"];
  return { ...(isObject(inherited) ? inherited : {}), ...own } as Record<string, string>;
}

function checkPaginated(model: LoadedModel, service: LoadedShape, op: LoadedShape, out: Diagnostic[]): void {
  const trait = paginatedTrait(service, op);
  if (!trait) return;
  const at = (key: string, message: string): void =>
    void out.push({
      file: op.file,
      pointer: op.pointer + pointer("traits", "smithy.api#paginated", ...(key === "" ? [] : [key])),
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
  expect("inputToken", input, trait["inputToken"], ["string"], true);
  expect("outputToken", output, trait["outputToken"], ["string"], false);
  expect("items", output, trait["items"], ["list", "set", "map"], false);
  expect(
    "pageSize",
    input,
    trait["pageSize"],
    [...NUMBER_TYPES].filter((t) => ["byte", "short", "integer", "long"].includes(t)),
    true,
  );
  if ((trait["inputToken"] === undefined) !== (trait["outputToken"] === undefined))
    at("", "inputToken and outputToken must be given together");
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
