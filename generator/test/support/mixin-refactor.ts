/**
 * The mixin-refactored twin of a flat model: members, traits and service or operation properties of
 * random shapes move into new mixin shapes (nested ones, shared ones, ones with localTraits), some
 * members are redefined locally with part of their traits, some traits reach an inherited member by
 * `apply`, and decoys (values that would change the output if they won) sit where Smithy says they
 * lose. Flattening the twin as Smithy does gives back the flat model, so both generate the same bytes.
 */
type Node = Record<string, any>;
export type Model = { smithy: string; shapes: Record<string, Node> };

const MIXIN = "smithy.api#mixin";
const DOC = "smithy.api#documentation";
const NAMED = new Set(["structure", "union", "enum", "intEnum"]);
const SIMPLE = new Set([
  "string",
  "integer",
  "long",
  "short",
  "byte",
  "float",
  "double",
  "boolean",
  "blob",
  "timestamp",
]);

/** A small deterministic generator (mulberry32), so that one seed is one twin. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Refactored {
  model: Model;
  /** How many mixin shapes the twin has (a run that made none proves nothing). */
  mixins: number;
}

export function refactorIntoMixins(flat: Model, seed: number): Refactored {
  const next = random(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const chance = (p: number): boolean => next() < p;
  const model = structuredClone(flat);
  const shapes = model.shapes;
  let count = 0;
  const fresh = (id: string): string => {
    let n = 0;
    while (`${id}Mx${n}` in shapes) n++;
    return `${id}Mx${n}`;
  };
  const mixin = (id: string, node: Node, local: string[] = []): string => {
    const mid = fresh(id);
    node.traits = { ...node.traits, [MIXIN]: local.length > 0 ? { localTraits: local } : {} };
    // Smithy: a list has its member and a map its key and value, a mixin too (with the same targets).
    const original = flat.shapes[id] as Node;
    for (const part of original["type"] === "list" ? ["member"] : original["type"] === "map" ? ["key", "value"] : [])
      node[part] ??= { target: original[part].target };
    shapes[mid] = node;
    count++;
    return mid;
  };
  /** Splits `items` in order into up to `max` consecutive non-empty groups. */
  const groups = <T>(items: T[], max: number): T[][] => {
    const out: T[][] = [];
    let rest = items;
    while (rest.length > 0) {
      const size = out.length === max - 1 ? rest.length : 1 + pick(rest.length);
      out.push(rest.slice(0, size));
      rest = rest.slice(size);
    }
    return out;
  };

  for (const id of Object.keys(flat.shapes).sort()) {
    const shape = shapes[id] as Node;
    const type = shape["type"] as string;
    if (!chance(0.6)) continue;
    const mixins: string[] = [];
    /** Chains of mixins holding the parts: [inner, outer] when nested, the outer one using the inner one. */
    const addChain = (parts: Node[]): void => {
      let previous: string | undefined;
      for (const part of parts) {
        const node: Node = { type, ...part };
        if (previous !== undefined) node.mixins = [{ target: previous }];
        previous = mixin(id, node);
      }
      if (previous !== undefined) mixins.push(previous);
    };

    if (NAMED.has(type) || type === "list" || type === "map") {
      const named = NAMED.has(type);
      const all: [string, Node][] = named
        ? Object.entries(shape.members ?? {})
        : (type === "list" ? ["member"] : ["key", "value"]).map((k) => [k, shape[k]]);
      // Only a prefix can be inherited: inherited members come first.
      const moved = named ? all.slice(0, pick(all.length + 1)) : chance(0.7) ? all : [];
      const kept = new Map<string, Node>();
      const applied = new Map<string, Node>();
      const toMixin = (name: string, member: Node): Node => {
        const traits = { ...member.traits };
        const stay: Record<string, unknown> = {};
        const apply: Record<string, unknown> = {};
        for (const t of Object.keys(traits)) {
          // An intEnum member, a mixin's too, has its value (Smithy checks the mixin as a shape).
          if (t === "smithy.api#enumValue") continue;
          const r = next();
          if (r < 0.2) {
            stay[t] = traits[t];
            delete traits[t];
          } else if (r < 0.3 && named && !(`${id}$${name}` in shapes)) {
            // dx's apply reaches members under `members` (not a list's member or a map's key and value).
            apply[t] = traits[t];
            delete traits[t];
          }
        }
        // A decoy documentation in the mixin loses to the shape's own.
        if (DOC in stay && chance(0.5)) traits[DOC] = "Decoy that must lose to the redefined member.";
        if (DOC in apply && chance(0.5)) traits[DOC] = "Decoy that must lose to apply.";
        if (Object.keys(stay).length > 0 || chance(0.1))
          kept.set(name, { target: member.target, ...(Object.keys(stay).length > 0 && { traits: stay }) });
        if (Object.keys(apply).length > 0) applied.set(name, apply);
        return { target: member.target, ...(Object.keys(traits).length > 0 && { traits }) };
      };
      const parts = groups(moved, 3).map((group) =>
        Object.fromEntries(group.map(([name, m]) => [name, toMixin(name, m)])),
      );
      for (const part of parts) {
        // Some parts nest: the first half of their members in a mixin of the mixin.
        const names = Object.keys(part);
        if (named && names.length > 1 && chance(0.4)) {
          const cut = 1 + pick(names.length - 1);
          const inner = Object.fromEntries(names.slice(0, cut).map((n) => [n, part[n]]));
          const outer = Object.fromEntries(names.slice(cut).map((n) => [n, part[n]]));
          addChain([{ members: inner }, { members: outer }]);
        } else addChain([named ? { members: part } : part]);
      }
      if (named) {
        const rest = Object.fromEntries(all.filter(([name]) => !moved.some(([n]) => n === name)));
        // Redefined members are written anywhere: their place is the inherited one.
        const redefined = Object.fromEntries(kept);
        const local = chance(0.5) ? { ...rest, ...redefined } : { ...redefined, ...rest };
        if (Object.keys(local).length > 0 || shape.members !== undefined) shape.members = local;
      } else
        for (const [name] of moved) {
          if (kept.has(name)) shape[name] = kept.get(name);
          else delete shape[name];
        }
      for (const [name, traits] of applied) shapes[`${id}$${name}`] = { type: "apply", traits };
    } else if (type === "service" || type === "operation") {
      for (const key of type === "service" ? ["operations", "resources", "errors"] : ["errors"]) {
        const list: Node[] = shape[key] ?? [];
        const cut = pick(list.length + 1);
        if (cut === 0) continue;
        addChain([{ [key]: list.slice(0, cut) }]);
        if (cut === list.length && chance(0.5)) delete shape[key];
        else shape[key] = list.slice(cut);
      }
      if (type === "service" && shape.rename && chance(0.5)) {
        addChain([{ rename: shape.rename }]);
        delete shape.rename;
      }
    } else if (!SIMPLE.has(type)) continue;

    // Shape traits: some move into mixins; decoys lose to the shape's own, to later mixins, or to localTraits.
    const traits: Node = { ...shape.traits };
    const moving = Object.keys(traits).filter(() => chance(0.4));
    if (moving.length > 0) {
      const held = Object.fromEntries(moving.map((t) => [t, traits[t]]));
      for (const t of moving) delete traits[t];
      if (DOC in held && chance(0.5)) {
        // An earlier mixin's decoy loses to the later one.
        mixins.unshift(mixin(id, { type, traits: { [DOC]: "Decoy that must lose to a later mixin." } }));
      }
      addChain([{ traits: held }]);
    }
    if (DOC in traits && chance(0.3))
      mixins.push(mixin(id, { type, traits: { [DOC]: "Decoy that must lose to the shape." } }));
    if (!(DOC in traits) && !moving.includes(DOC) && chance(0.3))
      mixins.push(mixin(id, { type, traits: { [DOC]: "Decoy that localTraits keeps in the mixin." } }, [DOC]));
    if (mixins.length === 0) continue;
    // A mixin shared by two paths (a diamond) adds nothing but must be allowed.
    if (mixins.length > 1 && chance(0.3)) {
      const shared = mixin(id, { type });
      for (const m of mixins.slice(0, 2)) {
        const node = shapes[m] as Node;
        node.mixins = [...(node.mixins ?? []), { target: shared }];
      }
    }
    // Some mixins get a second user (a mixin nobody uses), so that they are resolved once for both.
    if (chance(0.4)) for (const m of mixins) mixin(id, { type, mixins: [{ target: m }] });
    if (Object.keys(traits).length > 0 || shape.traits !== undefined) shape.traits = traits;
    shape.mixins = mixins.map((target) => ({ target }));
    // Property order in a shape means nothing: put `mixins` first or last.
    if (chance(0.5)) shapes[id] = { mixins: shape.mixins, ...shape };
  }
  return { model, mixins: count };
}
