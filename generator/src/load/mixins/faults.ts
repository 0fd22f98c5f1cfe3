/** What is wrong with mixins as written: their traits, `mixins` entries, cycles, references and conflicts. */
import { pointer, type Diagnostic } from "../../diagnostics.js";
import { bindingRefs, memberRefs, SERVICE_TYPES, traitsOf } from "../ast.js";
import { isObject, whereIn, type LoadedModel, type LoadedShape, type Origin } from "../load.js";
import { UNIT } from "../prelude.js";
import type { FlatMember } from "./flatten.js";
import { type Edge, type Walk, walk } from "./graph.js";
import { MIXIN_TRAIT, type PendingApplies, type Report } from "./types.js";

/** The keys of a shape that are not properties merged from mixins. */
const NODE_KEYS = new Set(["type", "traits", "mixins"]);

/** Adds diagnostics once each: a fault in a mixin is found again through every shape that uses it. */
export function reporter(out: Diagnostic[]): (where: Origin, message: string) => void {
  const seen = new Set<string>();
  return (where, message) => {
    const key = `${where.file}\0${where.pointer}\0${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file: where.file, pointer: where.pointer, message });
  };
}

/** The mixin trait's value, and what a mixin of some types may not define. */
export function checkMixinShape(shape: LoadedShape, report: Report): void {
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
export function readEdges(model: LoadedModel, mixinIds: ReadonlySet<string>, report: Report): Map<string, Edge[]> {
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
export function removeCycles(model: LoadedModel, edges: Map<string, Edge[]>, report: Report): void {
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
export function checkReferences(model: LoadedModel, mixinIds: ReadonlySet<string>, report: Report): void {
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

/**
 * Two definitions of a member with different targets. Reported where they meet: at the member the
 * later one redefines, or at the `mixins` entry that brings the second one in.
 */
export function reportConflict(
  model: LoadedModel,
  w: Walk,
  first: FlatMember,
  second: { name: string; target: unknown; from: string; at: string; via: string },
  report: Report,
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
export function reportUninherited(
  model: LoadedModel,
  id: string,
  byMember: PendingApplies,
  edges: ReadonlyMap<string, readonly Edge[]>,
  report: Report,
): void {
  const names = new Set<string>();
  for (const owner of walk(id, (o) => edges.get(o) ?? []).post)
    for (const ref of memberRefs((model.shapes.get(owner) as LoadedShape).node)) names.add(ref.member as string);
  for (const [name, pending] of byMember)
    if (!names.has(name)) report(pending.apply, `apply targets unknown shape or member ${id}$${name}`);
}
