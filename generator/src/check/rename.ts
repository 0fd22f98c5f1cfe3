/**
 * A service's `rename`, checked as Smithy's ServiceValidator does: each entry names a shape of the
 * service's closure (every shape its operations, resources and errors reach, whatever operations
 * `--operation` selects), one that can be renamed (not a member, operation, resource or error), and
 * gives it another name than its own. Names that are not identifiers are reported by shapes.ts.
 */
import { pointer, type Diagnostic } from "../diagnostics.js";
import { bindingRefs, memberRefs, reachable, SERVICE_TYPES, shapeName, traitsOf } from "../load/ast.js";
import { isObject, whereIn, type LoadedModel, type LoadedShape } from "../load/load.js";

export function checkRenames(model: LoadedModel, service: LoadedShape, out: Diagnostic[]): void {
  const rename = service.node["rename"];
  if (!isObject(rename) || Object.keys(rename).length === 0) return;
  const closure = serviceClosure(model, service);
  for (const [id, name] of Object.entries(rename)) {
    const at = (message: string): void => void out.push({ ...whereIn(service, pointer("rename", id)), message });
    const shape = model.shapes.get(id);
    if (id.includes("$")) at(`rename: ${id} is a member; members cannot be renamed (rename the shape it targets)`);
    else if (model.mixins.has(id))
      at(
        `rename: ${id} is a mixin, and mixins are not shapes of the service (Smithy removes them once they are copied into the shapes that use them); rename the shapes that use it`,
      );
    else if (shape === undefined || !closure.has(id))
      at(
        `rename: ${id} is not a shape of the service's closure (Smithy: "Service attempts to rename a shape not in the service"); remove the entry`,
      );
    else {
      const type = String(shape.node["type"]);
      if (type === "operation" || type === "resource") at(`rename: ${id} is an ${type}; ${type}s cannot be renamed`);
      else if ("smithy.api#error" in traitsOf(shape.node))
        at(`rename: ${id} is an error; errors cannot be renamed (their name is their wire identity)`);
      else if (name === shapeName(id)) at(`rename: ${JSON.stringify(name)} does not change the name of ${id}`);
    }
  }
}

/** Every shape the service reaches: bound operations, resources and errors, and all their members target. */
function serviceClosure(model: LoadedModel, service: LoadedShape): Set<string> {
  const seen = reachable(model, [service.id], (shape) => {
    const type = shape.node["type"];
    if (typeof type !== "string" || !SERVICE_TYPES.has(type)) return memberRefs(shape.node);
    // A resource's identifiers and properties target shapes too.
    const refs: { target: unknown }[] = [...bindingRefs(shape.node)];
    for (const key of ["identifiers", "properties"]) {
      const map = shape.node[key];
      if (isObject(map)) for (const v of Object.values(map)) if (isObject(v)) refs.push({ target: v["target"] });
    }
    return refs;
  });
  seen.delete(service.id);
  return seen;
}
