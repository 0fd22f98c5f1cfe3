/**
 * `@input` and `@output` structures, as Smithy's OperationInputOutputValidator checks them (errors):
 * such a structure is the input (or output) of one operation only, never the other side of an
 * operation, and no member targets it.
 */
import { pointer, type Diagnostic } from "../diagnostics.js";
import { bindingRefs, memberRefs, SERVICE_TYPES, traitsOf } from "../load/ast.js";
import { whereIn, type LoadedModel, type LoadedShape } from "../load/load.js";

const ROLES = { input: "smithy.api#input", output: "smithy.api#output" } as const;

export function checkInputOutput(model: LoadedModel, out: Diagnostic[]): void {
  const marked = (id: unknown, role: keyof typeof ROLES): boolean => {
    const shape = typeof id === "string" ? model.shapes.get(id) : undefined;
    return shape !== undefined && ROLES[role] in traitsOf(shape.node);
  };
  const users = new Map<string, LoadedShape[]>();
  for (const shape of model.shapes.values()) {
    if (shape.prelude) continue;
    const type = shape.node["type"];
    if (type === "operation") {
      for (const ref of bindingRefs(shape.node)) {
        if (ref.member !== "input" && ref.member !== "output") continue;
        const other = ref.member === "input" ? "output" : "input";
        if (marked(ref.target, other))
          out.push({
            ...whereIn(shape, ref.at),
            message: `operation ${ref.member} cannot target ${String(ref.target)}, a structure marked with the @${other} trait`,
          });
        else if (marked(ref.target, ref.member)) {
          const key = `${ref.member}\0${String(ref.target)}`;
          users.set(key, [...(users.get(key) ?? []), shape]);
        }
      }
    } else if (typeof type !== "string" || !SERVICE_TYPES.has(type))
      for (const ref of memberRefs(shape.node))
        for (const role of ["input", "output"] as const)
          if (marked(ref.target, role))
            out.push({
              ...whereIn(shape, `${ref.at}/target`),
              message: `members cannot target structures marked with the @${role} trait: ${String(ref.target)} (give the member a structure of its own)`,
            });
  }
  for (const [key, ops] of users) {
    if (ops.length < 2) continue;
    const [role, id] = key.split("\0") as [keyof typeof ROLES, string];
    const shape = model.shapes.get(id) as LoadedShape;
    out.push({
      ...whereIn(shape, pointer("traits", ROLES[role])),
      message: `${id} is marked with the @${role} trait, so it can be the ${role} of one operation only, but ${ops.map((o) => o.id).join(", ")} use it (give each its own structure)`,
    });
  }
}
