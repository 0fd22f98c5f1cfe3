import { pointer } from "../diagnostics.js";
import { isObject, type LoadedModel, type LoadedShape } from "./load.js";

/** A reference from a shape to another shape, with the pointer suffix of the reference. */
export interface ShapeRef {
  /** Member name for structure, union, enum and list/map members ("member", "key", "value"). */
  member?: string;
  target: unknown;
  traits: Record<string, unknown>;
  /** Pointer of the member (or reference) relative to its shape. */
  at: string;
}

export const AGGREGATE_TYPES = new Set(["structure", "union", "enum", "intEnum"]);
export const NUMBER_TYPES = new Set([
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
]);
export const SIMPLE_TYPES = new Set(["string", "blob", "boolean", "document", "timestamp", ...NUMBER_TYPES]);
export const SERVICE_TYPES = new Set(["service", "operation", "resource"]);
export const KNOWN_TYPES = new Set([...AGGREGATE_TYPES, ...SIMPLE_TYPES, ...SERVICE_TYPES, "list", "set", "map"]);

export function traitsOf(node: Record<string, unknown>): Record<string, unknown> {
  return isObject(node["traits"]) ? node["traits"] : {};
}

const memberRefsCache = new WeakMap<object, readonly ShapeRef[]>();

/**
 * Members of structures, unions and enums, and the member/key/value of lists and maps. Read once per
 * node: check and ir ask for them many times, and loaded nodes are never changed after `apply`.
 */
export function memberRefs(node: Record<string, unknown>): readonly ShapeRef[] {
  let refs = memberRefsCache.get(node);
  if (refs === undefined) {
    refs = readMemberRefs(node);
    memberRefsCache.set(node, refs);
  }
  return refs;
}

function readMemberRefs(node: Record<string, unknown>): ShapeRef[] {
  const refs: ShapeRef[] = [];
  const add = (member: string, value: unknown, at: string): void => {
    const m = isObject(value) ? value : {};
    refs.push({ member, target: m["target"], traits: traitsOf(m), at });
  };
  const members = node["members"];
  if (isObject(members)) for (const [name, m] of Object.entries(members)) add(name, m, pointer("members", name));
  for (const part of ["member", "key", "value"]) if (part in node) add(part, node[part], pointer(part));
  return refs;
}

/** References from operations, services and resources to the shapes they bind. */
export function bindingRefs(node: Record<string, unknown>): ShapeRef[] {
  const refs: ShapeRef[] = [];
  const one = (key: string): void => {
    const v = node[key];
    if (v !== undefined)
      refs.push({ member: key, target: isObject(v) ? v["target"] : undefined, traits: {}, at: pointer(key) });
  };
  const many = (key: string): void => {
    const v = node[key];
    if (Array.isArray(v))
      v.forEach((r, i) =>
        refs.push({ member: key, target: isObject(r) ? r["target"] : undefined, traits: {}, at: pointer(key, i) }),
      );
  };
  for (const k of ["input", "output", "create", "put", "read", "update", "delete", "list"]) one(k);
  for (const k of ["errors", "operations", "collectionOperations", "resources"]) many(k);
  return refs;
}

/** Every operation bound to a service, through its resources too, sorted by id. */
export function serviceOperations(model: LoadedModel, service: LoadedShape): string[] {
  const ops = new Set<string>();
  const seen = new Set<string>();
  const walk = (shape: LoadedShape): void => {
    if (seen.has(shape.id)) return;
    seen.add(shape.id);
    for (const ref of bindingRefs(shape.node)) {
      if (ref.member === "input" || ref.member === "output" || ref.member === "errors") continue;
      const target = typeof ref.target === "string" ? model.shapes.get(ref.target) : undefined;
      if (!target) continue;
      if (target.node["type"] === "operation") ops.add(target.id);
      else if (target.node["type"] === "resource") walk(target);
    }
  };
  walk(service);
  return [...ops].sort();
}

/** The shapes reachable from the given operations (their input, output, errors and every member target). */
export function closureOf(model: LoadedModel, operations: readonly string[]): string[] {
  const seen = reachable(model, operations, (shape) =>
    shape.node["type"] === "operation" ? bindingRefs(shape.node) : memberRefs(shape.node),
  );
  for (const op of operations) seen.delete(op);
  return [...seen].sort();
}

/** The ids of the shapes reachable from `roots` (included) through the references `refsOf` gives; no recursion. */
export function reachable(
  model: LoadedModel,
  roots: readonly string[],
  refsOf: (shape: LoadedShape) => Iterable<{ target: unknown }>,
): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    const shape = model.shapes.get(id);
    if (!shape) continue;
    seen.add(id);
    for (const ref of refsOf(shape)) if (typeof ref.target === "string") stack.push(ref.target);
  }
  return seen;
}

export function shapeName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}
