/** A shape's members, traits and properties with its mixins', resolved as Smithy resolves them. */
import { pointer } from "../../diagnostics.js";
import { memberRefs, traitsOf } from "../ast.js";
import { isObject, whereIn, type LoadedModel, type LoadedShape, type Origin } from "../load.js";
import { reportConflict } from "./faults.js";
import { bottomUp, contentEdges, type Edge, type Walk } from "./graph.js";
import { type InheritedApplies, MIXIN_TRAIT, type Report } from "./types.js";

/** Properties that services and operations merge from their mixins. */
const LIST_PROPERTIES: Record<string, readonly string[]> = {
  service: ["operations", "resources", "errors"],
  operation: ["errors"],
};
const SCALAR_PROPERTIES: Record<string, readonly string[]> = { service: ["version"], operation: ["input", "output"] };
const MAP_PROPERTIES: Record<string, readonly string[]> = { service: ["rename"] };

/** A trait value with where it was written. */
interface TraitWrite {
  value: unknown;
  /** Where it was written when not in the shape itself (or `apply` for the shape's own). */
  origin: Origin | undefined;
}
export type ResolvedTraits = ReadonlyMap<string, TraitWrite>;

/** Sets a property as JSON.parse would, even one named "__proto__" (a member may be). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** What holds members (or traits applied to members it inherits). */
export function holdsMembers(model: LoadedModel, inherited: InheritedApplies): (id: string) => boolean {
  return (id) => memberRefs((model.shapes.get(id) as LoadedShape).node).length > 0 || inherited.has(id);
}

/** What holds properties that services and operations merge. */
export function holdsProperties(model: LoadedModel): (id: string) => boolean {
  return (id) => {
    const node = (model.shapes.get(id) as LoadedShape).node;
    const type = String(node["type"]);
    const keys = [
      ...(LIST_PROPERTIES[type] ?? []),
      ...(SCALAR_PROPERTIES[type] ?? []),
      ...(MAP_PROPERTIES[type] ?? []),
    ];
    return keys.some((k) => node[k] !== undefined);
  };
}

/** A member of the flattened shape being built. */
export interface FlatMember {
  name: string;
  target: unknown;
  /** Where it was first defined (its place in the order), and its pointer there. */
  from: string;
  at: string;
  /** The shape of the walk it was found at (`from`, or a leaf that passed it on). */
  via: string;
  traits: Record<string, unknown>;
  /** Where each trait not written in the shape itself was written. */
  origins: Map<string, Origin>;
  inheritedTraits: boolean;
}

/**
 * The members of `root`: in the walk's post order, each name where first met; a later definition
 * must have the same target; traits merged first writer wins in precedence order. A leaf passes on
 * its resolved members. `forUsers`: the result is a leaf's, every trait origin is kept.
 */
export function resolveMembers(
  model: LoadedModel,
  root: string,
  w: Walk,
  leafMembers: (id: string) => ReadonlyMap<string, FlatMember> | undefined,
  inherited: InheritedApplies,
  forUsers: boolean,
  report: Report,
): Map<string, FlatMember> {
  const get = (id: string): LoadedShape => model.shapes.get(id) as LoadedShape;
  const members = new Map<string, FlatMember>();
  const define = (d: { name: string; target: unknown; from: string; at: string }, via: string): void => {
    const m = members.get(d.name);
    if (m === undefined) members.set(d.name, { ...d, via, traits: {}, origins: new Map(), inheritedTraits: false });
    else if (typeof m.target === "string" && typeof d.target === "string" && m.target !== d.target)
      reportConflict(model, w, m, { ...d, via }, report);
  };
  for (const id of w.post) {
    const passed = id === root ? undefined : leafMembers(id);
    if (passed) for (const m of passed.values()) define(m, id);
    else
      for (const ref of memberRefs(get(id).node))
        define({ name: ref.member as string, target: ref.target, from: id, at: ref.at }, id);
  }
  for (const id of w.precedence) {
    const passed = id === root ? undefined : leafMembers(id);
    if (passed) {
      for (const p of passed.values()) {
        const m = members.get(p.name) as FlatMember;
        addMemberTraits(m, p.traits, (trait) => p.origins.get(trait) as Origin, true);
      }
      continue;
    }
    const owner = get(id);
    for (const ref of memberRefs(owner.node)) {
      const m = members.get(ref.member as string) as FlatMember;
      // The shape's own traits on a member placed by a mixin are noted too: the member points there.
      const elsewhere = forUsers || id !== root || m.from !== root;
      addMemberTraits(m, ref.traits, (trait) => whereIn(owner, `${ref.at}/traits${pointer(trait)}`), elsewhere);
    }
    for (const [name, pending] of inherited.get(id) ?? []) {
      const m = members.get(name);
      if (m)
        addMemberTraits(
          m,
          pending.traits,
          (trait) => pending.origins.get(`${pointer("members", name)}/traits${pointer(trait)}`) as Origin,
          true,
        );
      else if (id === root) report(pending.apply, `apply targets unknown shape or member ${id}$${name}`);
    }
  }
  return members;
}

export function flattenShape(
  model: LoadedModel,
  shape: LoadedShape,
  members: ReadonlyMap<string, FlatMember>,
  properties: Walk,
  shapeTraits: (id: string) => ResolvedTraits,
): LoadedShape {
  const get = (id: string): LoadedShape => model.shapes.get(id) as LoadedShape;
  const origins = new Map(shape.origins);
  const node: Record<string, unknown> = { ...shape.node };
  delete node["mixins"];
  const type = String(shape.node["type"]);
  if (members.size > 0) writeMembers(node, type, shape, members, origins, get);

  // Shape traits: the shape's own, then its mixins' (later over earlier).
  const traits: Record<string, unknown> = {};
  for (const [trait, write] of shapeTraits(shape.id)) {
    setOwn(traits, trait, write.value);
    if (write.origin !== undefined) origins.set(`/traits${pointer(trait)}`, write.origin);
  }
  if (Object.keys(traits).length > 0 || shape.node["traits"] !== undefined) node["traits"] = traits;

  mergeProperties(node, type, shape, properties, get, origins);
  const flat: LoadedShape = { ...shape, node };
  if (origins.size > 0) flat.origins = origins;
  else delete flat.origins;
  return flat;
}

function addMemberTraits(
  m: FlatMember,
  traits: Record<string, unknown>,
  origin: (trait: string) => Origin,
  elsewhere: boolean,
): void {
  for (const [trait, value] of Object.entries(traits)) {
    if (Object.hasOwn(m.traits, trait)) continue;
    setOwn(m.traits, trait, value);
    if (elsewhere) {
      m.origins.set(trait, origin(trait));
      m.inheritedTraits = true;
    }
  }
}

/** Writes the flattened members into the node: `members`, or a list's `member` and a map's `key` and `value`. */
function writeMembers(
  node: Record<string, unknown>,
  type: string,
  shape: LoadedShape,
  members: ReadonlyMap<string, FlatMember>,
  origins: Map<string, Origin>,
  get: (id: string) => LoadedShape,
): void {
  const named = type !== "list" && type !== "set" && type !== "map";
  const out: Record<string, unknown> = {};
  for (const m of members.values()) {
    const at = named ? pointer("members", m.name) : pointer(m.name);
    // A member the shape defines alone keeps its node (and what is cached of it).
    const own = shape.node["members"];
    const localNode = named ? (isObject(own) ? own[m.name] : undefined) : shape.node[m.name];
    const value =
      m.from === shape.id && !m.inheritedTraits && isObject(localNode)
        ? localNode
        : { target: m.target, ...(Object.keys(m.traits).length > 0 && { traits: m.traits }) };
    setOwn(named ? out : node, m.name, value);
    if (m.from !== shape.id) origins.set(at, whereIn(get(m.from), m.at));
    for (const [trait, origin] of m.origins) origins.set(`${at}/traits${pointer(trait)}`, origin);
  }
  if (named) node["members"] = out;
}

/**
 * The traits of shapes with mixins. Smithy copies each mixin's resolved traits (without the mixin
 * trait and the mixin's localTraits) over the earlier ones, then the shape's own: the last copy of a
 * trait in the tree of mixins wins, which is the first one met in the walk's precedence order. A
 * mixin with localTraits filters everything below it, and one used by several shapes is met by
 * several walks: either is resolved once on its own and passes on that result as a whole (a leaf of
 * the walk, see bottomUp). Mixins that add no trait are skipped.
 */
export function traitResolver(
  model: LoadedModel,
  edges: ReadonlyMap<string, readonly Edge[]>,
  shared: ReadonlySet<string>,
): (id: string) => ResolvedTraits {
  const get = (id: string): LoadedShape => model.shapes.get(id) as LoadedShape;
  const localTraits = (id: string): unknown[] => {
    const trait = traitsOf(get(id).node)[MIXIN_TRAIT];
    return isObject(trait) && Array.isArray(trait["localTraits"]) ? trait["localTraits"] : [];
  };
  const leaf = (id: string): boolean => shared.has(id) || localTraits(id).length > 0;
  const holds = (id: string): boolean => Object.keys(traitsOf(get(id).node)).some((t) => t !== MIXIN_TRAIT);
  const graph = contentEdges(edges, holds, leaf);
  const memo = new Map<string, ResolvedTraits>();

  /** First writer wins, in precedence order; `root` writes all its traits, a leaf its resolved ones. */
  const resolve = (root: string, w: Walk, forUsers: boolean): Map<string, TraitWrite> => {
    const resolved = new Map<string, TraitWrite>();
    for (const id of w.precedence) {
      if (id !== root && leaf(id)) {
        for (const [k, write] of memo.get(id) as ResolvedTraits) if (!resolved.has(k)) resolved.set(k, write);
        continue;
      }
      const shape = get(id);
      for (const [k, value] of Object.entries(traitsOf(shape.node)))
        if (!resolved.has(k) && (id === root || k !== MIXIN_TRAIT)) {
          // The shape's own traits are written in it (or applied from elsewhere); others where written.
          const at = `/traits${pointer(k)}`;
          resolved.set(k, { value, origin: id === root && !forUsers ? shape.origins?.get(at) : whereIn(shape, at) });
        }
    }
    return resolved;
  };
  return (root) =>
    bottomUp(root, graph, leaf, memo, (id, w, forUsers) => {
      const resolved = resolve(id, w, forUsers);
      if (forUsers) {
        resolved.delete(MIXIN_TRAIT);
        for (const k of localTraits(id)) resolved.delete(k as string);
      }
      return resolved;
    });
}

/** A service's or an operation's properties merged from its mixins (the spec's "non-member properties"). */
function mergeProperties(
  node: Record<string, unknown>,
  type: string,
  shape: LoadedShape,
  w: Walk,
  get: (id: string) => LoadedShape,
  origins: Map<string, Origin>,
): void {
  for (const key of LIST_PROPERTIES[type] ?? []) {
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (const id of w.post) {
      const list = get(id).node[key];
      if (!Array.isArray(list)) continue;
      list.forEach((entry: unknown, i) => {
        const k = isObject(entry) && typeof entry["target"] === "string" ? entry["target"] : JSON.stringify(entry);
        if (seen.has(k)) return;
        seen.add(k);
        // Every entry gets its origin: the shape's own move back behind the inherited ones.
        origins.set(pointer(key, out.length), whereIn(get(id), pointer(key, i)));
        out.push(entry);
      });
    }
    if (out.length > 0 || key in shape.node) node[key] = out;
  }
  for (const key of SCALAR_PROPERTIES[type] ?? []) {
    const id = w.precedence.find((p) => get(p).node[key] !== undefined);
    if (id === undefined || id === shape.id) continue;
    node[key] = get(id).node[key];
    origins.set(pointer(key), whereIn(get(id), pointer(key)));
  }
  for (const key of MAP_PROPERTIES[type] ?? []) {
    const out: Record<string, unknown> = {};
    for (const id of w.precedence) {
      const map = get(id).node[key];
      if (!isObject(map)) continue;
      for (const [k, v] of Object.entries(map)) {
        if (Object.hasOwn(out, k)) continue;
        setOwn(out, k, v);
        if (id !== shape.id) origins.set(pointer(key, k), whereIn(get(id), pointer(key, k)));
      }
    }
    if (Object.keys(out).length > 0 || key in shape.node) node[key] = out;
  }
}
