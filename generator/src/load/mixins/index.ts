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
import type { LoadedModel, LoadedShape } from "../load.js";
import { checkMixinShape, checkReferences, readEdges, removeCycles, reporter, reportUninherited } from "./faults.js";
import {
  type FlatMember,
  flattenShape,
  holdsMembers,
  holdsProperties,
  resolveMembers,
  traitResolver,
} from "./flatten.js";
import { contentEdges, bottomUp, walk } from "./graph.js";
import { type InheritedApplies, MIXIN_TRAIT } from "./types.js";
import { traitsOf } from "../ast.js";

export { MIXIN_TRAIT, type InheritedApplies, type PendingApplies } from "./types.js";

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
