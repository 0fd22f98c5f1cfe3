/**
 * Flattens Smithy 2.0 mixins, as smithy-model's flattenAndRemoveMixins does and the spec's "Mixins"
 * chapter defines: each shape that uses mixins gets their members and traits copied in, and the
 * mixin shapes leave the model, so every later stage (check, ir, the emitters, `dx-gen diff`) sees
 * a flat model. A model with mixins thus generates the same bytes as the same model written flat.
 *
 * - Members: inherited ones first, in a depth-first walk of the mixins (a mixin's own mixins before
 *   its members), then the shape's own. A member may be mixed in or redefined several times if every
 *   definition targets the same shape; its traits are merged, the shape's own (and `apply`'s) first,
 *   then later mixins over earlier ones. The same holds for a list's member and a map's key and value.
 * - Traits: a shape inherits its mixins' traits but `smithy.api#mixin` and the mixin's `localTraits`;
 *   later mixins win over earlier ones, the shape's own traits over all.
 * - Services merge `operations`, `resources`, `errors` (in member order) and `rename` (local keys
 *   win) and keep their own `version`; operations merge `errors`. An operation mixin's input and
 *   output are Unit; a resource mixin defines nothing but traits.
 *
 * Cost: each shape that is not a mixin is resolved by walks over the mixins it reaches that give it
 * something (members, traits, properties); a mixin used by several shapes is resolved once and
 * passed on whole (bottomUp). Nothing recurses, so a chain of any length is fine; the load time per
 * mixin stays flat from 2,500 to 16,000 mixins chained or shared (bench/generate.bench.mjs).
 */
import { pointer, type Diagnostic } from "../diagnostics.js";
import { bindingRefs, memberRefs, SERVICE_TYPES, traitsOf } from "./ast.js";
import { isObject, whereIn, type LoadedModel, type LoadedShape, type Origin } from "./load.js";
import { UNIT } from "./prelude.js";

export const MIXIN_TRAIT = "smithy.api#mixin";

/**
 * Traits `apply` gives to members a shape does not define itself, by shape id and member name:
 * they are the shape's own traits of members it inherits, so they wait for the flattening.
 */
export type InheritedApplies = Map<string, PendingApplies>;
/** The traits applied to one shape's inherited members, by member name, with where each was applied. */
export type PendingApplies = Map<
  string,
  { traits: Record<string, unknown>; origins: Map<string, Origin>; apply: Origin }
>;

/** Properties that services and operations merge from their mixins. */
const LIST_PROPERTIES: Record<string, readonly string[]> = {
  service: ["operations", "resources", "errors"],
  operation: ["errors"],
};
const SCALAR_PROPERTIES: Record<string, readonly string[]> = { service: ["version"], operation: ["input", "output"] };
const MAP_PROPERTIES: Record<string, readonly string[]> = { service: ["rename"] };
/** The keys of a shape that are not properties merged from mixins. */
const NODE_KEYS = new Set(["type", "traits", "mixins"]);

interface Edge {
  target: string;
  /** Index in the `mixins` array. */
  index: number;
}

/** A trait value with where it was written. */
interface TraitWrite {
  value: unknown;
  /** Where it was written when not in the shape itself (or `apply` for the shape's own). */
  origin: Origin | undefined;
}
type ResolvedTraits = ReadonlyMap<string, TraitWrite>;

/** Sets a property as JSON.parse would, even one named "__proto__" (a member may be). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Flattens the model's mixins in place (the model's maps, never a parsed node); reports what is wrong. */
export function flattenMixins(model: LoadedModel, inherited: InheritedApplies): void {
  const report = reporter(model.diagnostics);
  const mixinIds = new Set<string>();
  for (const shape of model.shapes.values())
    if (!shape.prelude && MIXIN_TRAIT in traitsOf(shape.node)) {
      mixinIds.add(shape.id);
      checkMixinShape(shape, report);
    }
  const edges = readEdges(model, mixinIds, report);
  removeCycles(model, edges, report);
  checkReferences(model, mixinIds, report);

  // A mixin several shapes use is resolved once (see bottomUp).
  const used = new Set<string>();
  const shared = new Set<string>();
  for (const list of edges.values())
    for (const e of list) {
      if (used.has(e.target)) shared.add(e.target);
      used.add(e.target);
    }
  const memberGraph = contentEdges(edges, holdsMembers(model, inherited), (id) => shared.has(id));
  const propertyGraph = contentEdges(edges, holdsProperties(model)).out;
  const memberMemo = new Map<string, ReadonlyMap<string, FlatMember>>();
  const shapeTraits = traitResolver(model, edges, shared);
  const flattened: LoadedShape[] = [];
  for (const id of edges.keys()) {
    const shape = model.shapes.get(id) as LoadedShape;
    // Mixins are resolved through the shapes that use them; an unused one on its own, for its faults.
    if (used.has(id)) continue;
    const members = bottomUp(
      id,
      memberGraph,
      (l) => shared.has(l),
      memberMemo,
      (from, w, forUsers) => resolveMembers(model, from, w, (l) => memberMemo.get(l), inherited, forUsers, report),
    );
    const properties = walk(id, (o) => propertyGraph.get(o) ?? []);
    const flat = flattenShape(model, shape, members, properties, shapeTraits);
    if (!mixinIds.has(id)) flattened.push(flat);
  }
  for (const [id, byMember] of inherited)
    if (!edges.has(id) || mixinIds.has(id)) reportUninherited(model, id, byMember, edges, report);
  for (const flat of flattened) model.shapes.set(flat.id, flat);
  for (const id of mixinIds) {
    model.mixins.set(id, model.shapes.get(id) as LoadedShape);
    model.shapes.delete(id);
  }
}

/** Adds diagnostics once each: a fault in a mixin is found again through every shape that uses it. */
function reporter(out: Diagnostic[]): (where: Origin, message: string) => void {
  const seen = new Set<string>();
  return (where, message) => {
    const key = `${where.file}\0${where.pointer}\0${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file: where.file, pointer: where.pointer, message });
  };
}

/** The mixin trait's value, and what a mixin of some types may not define. */
function checkMixinShape(shape: LoadedShape, report: (where: Origin, message: string) => void): void {
  const value = traitsOf(shape.node)[MIXIN_TRAIT];
  const at = pointer("traits", MIXIN_TRAIT);
  if (!isObject(value)) report(whereIn(shape, at), `bad value for trait ${MIXIN_TRAIT}: expected an object`);
  else
    for (const [key, v] of Object.entries(value)) {
      if (key !== "localTraits")
        report(whereIn(shape, `${at}${pointer(key)}`), `${MIXIN_TRAIT} has no property "${key}" (only localTraits)`);
      else if (!Array.isArray(v) || !v.every((t) => typeof t === "string"))
        report(whereIn(shape, `${at}/localTraits`), "localTraits must be an array of trait shape ids");
    }
  const type = shape.node["type"];
  if (type === "operation")
    for (const key of ["input", "output"]) {
      const ref = shape.node[key];
      if (ref !== undefined && !(isObject(ref) && ref["target"] === UNIT))
        report(
          whereIn(shape, pointer(key)),
          `an operation mixin's ${key} must be ${UNIT} (Smithy: operations do not share input and output structures)`,
        );
    }
  if (type === "resource")
    for (const key of Object.keys(shape.node))
      if (!NODE_KEYS.has(key))
        report(whereIn(shape, pointer(key)), `a resource mixin cannot define "${key}" (Smithy: only traits)`);
}

/** Each shape's valid `mixins` entries; the invalid ones are reported and left out. */
function readEdges(
  model: LoadedModel,
  mixinIds: ReadonlySet<string>,
  report: (where: Origin, message: string) => void,
): Map<string, Edge[]> {
  const edges = new Map<string, Edge[]>();
  for (const shape of model.shapes.values()) {
    const mixins = shape.node["mixins"];
    if (mixins === undefined || shape.prelude) continue;
    const list: Edge[] = [];
    edges.set(shape.id, list);
    if (!Array.isArray(mixins)) {
      report(whereIn(shape, "/mixins"), 'mixins must be an array of {"target": shape id}');
      continue;
    }
    const seen = new Set<string>();
    mixins.forEach((ref: unknown, index) => {
      const at = whereIn(shape, pointer("mixins", index));
      const target = isObject(ref) ? ref["target"] : undefined;
      if (typeof target !== "string") return report(at, 'a mixin must be {"target": shape id}');
      const mixin = model.shapes.get(target);
      if (!mixin || mixin.prelude) return report(at, `unknown mixin ${target}`);
      if (!mixinIds.has(target))
        return report(at, `${target} is not a mixin: a shape used in "mixins" needs the ${MIXIN_TRAIT} trait`);
      if (mixin.node["type"] !== shape.node["type"])
        return report(
          at,
          `a ${String(shape.node["type"])} cannot use the ${String(mixin.node["type"])} mixin ${target} (a mixin is used by shapes of its own type)`,
        );
      if (seen.has(target)) return report(at, `mixin ${target} is listed twice`);
      seen.add(target);
      list.push({ target, index });
    });
  }
  return edges;
}

/** Reports each `mixins` entry that closes a cycle, and drops it, so that what follows walks a DAG. */
function removeCycles(
  model: LoadedModel,
  edges: Map<string, Edge[]>,
  report: (where: Origin, message: string) => void,
): void {
  const state = new Map<string, "open" | "done">();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const list = edges.get(top.id) ?? [];
      const edge = list[top.next];
      if (edge === undefined) {
        state.set(top.id, "done");
        stack.pop();
        continue;
      }
      const s = state.get(edge.target);
      if (s === "open") {
        const from = stack.findIndex((f) => f.id === edge.target);
        const cycle = [...stack.slice(from).map((f) => f.id), edge.target];
        const shown =
          cycle.length <= 6 ? cycle : [...cycle.slice(0, 3), `… (${cycle.length - 5} more)`, ...cycle.slice(-2)];
        report(
          whereIn(model.shapes.get(top.id) as LoadedShape, pointer("mixins", edge.index)),
          `mixins form a cycle: ${shown.join(" -> ")}`,
        );
        list.splice(top.next, 1);
        continue;
      }
      top.next++;
      if (s === undefined) {
        state.set(edge.target, "open");
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
}

/** Smithy: a mixin is used only in `mixins`, never targeted by a member or bound to an operation or service. */
function checkReferences(
  model: LoadedModel,
  mixinIds: ReadonlySet<string>,
  report: (where: Origin, message: string) => void,
): void {
  if (mixinIds.size === 0) return;
  for (const shape of model.shapes.values()) {
    if (shape.prelude) continue;
    const type = shape.node["type"];
    const service = typeof type === "string" && SERVICE_TYPES.has(type);
    for (const ref of service ? bindingRefs(shape.node) : memberRefs(shape.node))
      if (typeof ref.target === "string" && mixinIds.has(ref.target))
        report(
          whereIn(shape, service ? ref.at : `${ref.at}/target`),
          `${ref.target} is a mixin: it can only be used in "mixins", not ${service ? `as ${ref.member}` : "targeted by a member"}`,
        );
  }
}

/** Edges pruned to the mixins that give something, see contentEdges. */
interface ContentEdges {
  /** Each shape's edges, pruned; none for a leaf. */
  out: Map<string, Edge[]>;
  /** A leaf's own pruned edges (what it resolves itself from). */
  below: Map<string, Edge[]>;
}

/**
 * The mixins edges that lead to something (`holds`): an edge to a mixin whose mixins hold nothing
 * is dropped, and one to a mixin that holds nothing itself and passes on a single such edge goes
 * where that edge goes. A walk (below) then visits only mixins that give something, so a long
 * chain of mixins that add nothing of a kind costs the shapes that use it nothing of that kind. A
 * `leaf` is visited but not walked through (its mixins reach its users through it only).
 */
function contentEdges(
  edges: ReadonlyMap<string, readonly Edge[]>,
  holds: (id: string) => boolean,
  leaf: (id: string) => boolean = () => false,
): ContentEdges {
  /** Where a walk reaching the mixin goes instead: itself, a mixin below it, or nowhere (null). */
  const jump = new Map<string, string | null>();
  const out = new Map<string, Edge[]>();
  const below = new Map<string, Edge[]>();
  for (const start of edges.keys()) {
    if (jump.has(start)) continue;
    const stack = [{ id: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const list = edges.get(top.id) ?? [];
      const edge = list[top.next++];
      if (edge !== undefined) {
        if (jump.has(edge.target)) continue;
        if (edges.has(edge.target)) stack.push({ id: edge.target, next: 0 });
        else jump.set(edge.target, holds(edge.target) ? edge.target : null);
        continue;
      }
      stack.pop();
      const kept: Edge[] = [];
      for (const e of list) {
        const to = jump.get(e.target);
        if (to !== null && to !== undefined) kept.push({ target: to, index: e.index });
      }
      if (leaf(top.id)) {
        below.set(top.id, kept);
        out.set(top.id, []);
        jump.set(top.id, holds(top.id) || kept.length > 0 ? top.id : null);
      } else {
        out.set(top.id, kept);
        jump.set(top.id, holds(top.id) || kept.length > 1 ? top.id : (kept[0]?.target ?? null));
      }
    }
  }
  return { out, below };
}

/** What holds members (or traits applied to members it inherits). */
function holdsMembers(model: LoadedModel, inherited: InheritedApplies): (id: string) => boolean {
  return (id) => memberRefs((model.shapes.get(id) as LoadedShape).node).length > 0 || inherited.has(id);
}

/** What holds properties that services and operations merge. */
function holdsProperties(model: LoadedModel): (id: string) => boolean {
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

/** The walks over the mixins a shape reaches, with each mixin once. */
interface Walk {
  /** Children before parents, mixins in their order, the shape last: the order of members. */
  post: string[];
  /** Parents before children, later mixins first: the precedence of traits (first wins). */
  precedence: string[];
  /** The tree of the walk: each mixin's parent and its index in the parent's `mixins`. */
  parent: Map<string, { id: string; index: number }>;
}

function walk(root: string, edgesOf: (id: string) => readonly Edge[]): Walk {
  const post: string[] = [];
  const parent = new Map<string, { id: string; index: number }>();
  const seen = new Set([root]);
  const stack = [{ id: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; next: number };
    const edge = edgesOf(top.id)[top.next++];
    if (edge === undefined) {
      post.push(top.id);
      stack.pop();
    } else if (!seen.has(edge.target)) {
      seen.add(edge.target);
      parent.set(edge.target, { id: top.id, index: edge.index });
      stack.push({ id: edge.target, next: 0 });
    }
  }
  // Smithy copies each mixin's resolved traits over the earlier ones: the last copy of a trait in the
  // tree of mixins (each mixin expanded wherever it is used) wins, that is the first one met in a
  // walk that takes later mixins first and visits each parent before its mixins.
  const precedence: string[] = [];
  const met = new Set<string>();
  const todo = [root];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (met.has(id)) continue;
    met.add(id);
    precedence.push(id);
    for (const edge of edgesOf(id)) if (!met.has(edge.target)) todo.push(edge.target);
  }
  return { post, precedence, parent };
}

/**
 * Resolves `root` once every leaf its walk meets is resolved, each leaf once and after the leaves
 * its own walk meets (bottom up, without recursion). A leaf is a mixin resolved on its own, whose
 * result its users take as a whole: one used by several shapes (so a chain of such mixins costs
 * each of them one step), or one whose localTraits filter what is below it.
 */
function bottomUp<T>(
  root: string,
  graph: ContentEdges,
  isLeaf: (id: string) => boolean,
  memo: Map<string, T>,
  resolve: (id: string, w: Walk, forUsers: boolean) => T,
): T {
  const walkFrom = (from: string): Walk =>
    walk(from, (id) => (id === from && isLeaf(id) ? graph.below.get(id) : graph.out.get(id)) ?? []);
  const stack = [root];
  for (;;) {
    const id = stack[stack.length - 1] as string;
    const w = walkFrom(id);
    const missing = w.precedence.filter((l) => l !== id && isLeaf(l) && !memo.has(l));
    if (missing.length > 0) {
      for (const l of missing) stack.push(l);
      continue;
    }
    stack.pop();
    if (id === root) return resolve(root, w, false);
    if (!memo.has(id)) memo.set(id, resolve(id, w, true));
  }
}

/** A member of the flattened shape being built. */
interface FlatMember {
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
function resolveMembers(
  model: LoadedModel,
  root: string,
  w: Walk,
  leafMembers: (id: string) => ReadonlyMap<string, FlatMember> | undefined,
  inherited: InheritedApplies,
  forUsers: boolean,
  report: (where: Origin, message: string) => void,
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

function flattenShape(
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
function traitResolver(
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

/**
 * Two definitions of a member with different targets. Reported where they meet: at the member the
 * later one redefines, or at the `mixins` entry that brings the second one in.
 */
function reportConflict(
  model: LoadedModel,
  w: Walk,
  first: FlatMember,
  second: { name: string; target: unknown; from: string; at: string; via: string },
  report: (where: Origin, message: string) => void,
): void {
  const ancestors = new Set<string>();
  for (let a: string | undefined = first.via; a !== undefined; a = w.parent.get(a)?.id) ancestors.add(a);
  let child: string | undefined;
  let meet = second.via;
  while (!ancestors.has(meet)) {
    child = meet;
    meet = (w.parent.get(meet) as { id: string }).id;
  }
  const owner = model.shapes.get(meet) as LoadedShape;
  const was = `${String(first.target)} (from ${first.from})`;
  if (child === undefined)
    report(
      whereIn(owner, `${second.at}/target`),
      `member "${second.name}" targets ${String(second.target)}, but the member it redefines targets ${was}; a mixed-in member can be redefined only with the same target`,
    );
  else {
    const entry = w.parent.get(child) as { id: string; index: number };
    report(
      whereIn(owner, pointer("mixins", entry.index)),
      `mixin ${child} brings member "${second.name}" targeting ${String(second.target)} (from ${second.from}), but it already targets ${was}; members mixed in under one name must target the same shape`,
    );
  }
}

/** Traits applied to members of a mixin or a shape that does not inherit them. */
function reportUninherited(
  model: LoadedModel,
  id: string,
  byMember: PendingApplies,
  edges: ReadonlyMap<string, readonly Edge[]>,
  report: (where: Origin, message: string) => void,
): void {
  const names = new Set<string>();
  for (const owner of walk(id, (o) => edges.get(o) ?? []).post)
    for (const ref of memberRefs((model.shapes.get(owner) as LoadedShape).node)) names.add(ref.member as string);
  for (const [name, pending] of byMember)
    if (!names.has(name)) report(pending.apply, `apply targets unknown shape or member ${id}$${name}`);
}
