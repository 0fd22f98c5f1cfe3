/**
 * `smithy.api#default` values, as the Smithy 2.0 spec constrains them ("Default value constraints"):
 * the value fits the shape's type (a boolean, a number, a string; a blob as base64; a timestamp as
 * epoch seconds or an RFC 3339 date-time; a document `true`, `false`, a string, a number, `[]` or
 * `{}`; a list `[]`, a map `{}`; none for a structure or union); an enum's or intEnum's is one of its
 * values, a string's is one of its `@enum` values; `null` only on a member (it drops the target's
 * default). A member that targets a shape with a default repeats that default or sets `null`
 * (Smithy's DefaultTraitValidator). The constraint traits (`@length`, `@pattern`; Smithy only warns
 * for `@range`) are not checked on defaults: Smithy refuses a default outside them, dx accepts it,
 * which changes no generated type (dx's validators check values, not defaults).
 */
import { pointer } from "../diagnostics.js";
import { memberRefs, NUMBER_TYPES, traitsOf } from "../load/ast.js";
import { isObject, type LoadedModel, type LoadedShape } from "../load/load.js";

const DEFAULT = "smithy.api#default";
const AT = pointer("traits", DEFAULT);
const INTEGER_TYPES = new Set(["byte", "short", "integer", "long", "bigInteger"]);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

type At = (suffix: string, message: string) => void;

/** Checks the shape's own default and its members' defaults. */
export function checkDefaults(model: LoadedModel, shape: LoadedShape, at: At): void {
  const own = traitsOf(shape.node);
  if (DEFAULT in own) {
    const value = own[DEFAULT];
    const problem =
      value === null ? "null is a member's default only (it drops its target's)" : valueProblem(shape, value);
    if (problem) at(AT, `bad value for trait ${DEFAULT}: ${problem}`);
  }
  if (shape.node["type"] !== "structure") return;
  for (const ref of memberRefs(shape.node)) {
    const target = typeof ref.target === "string" ? model.shapes.get(ref.target) : undefined;
    if (!target) continue;
    const where = `${ref.at}${AT}`;
    const has = DEFAULT in ref.traits;
    const value = ref.traits[DEFAULT];
    if (has && value !== null) {
      const problem = valueProblem(target, value);
      if (problem) {
        at(where, `bad value for trait ${DEFAULT}: ${problem}`);
        continue;
      }
    }
    // A mixin as written may leave the repeated default to the shapes that use it.
    if (model.mixins.has(shape.id)) continue;
    const targetTraits = traitsOf(target.node);
    const inherited = targetTraits[DEFAULT];
    if (inherited === undefined || inherited === null) continue;
    const shown = JSON.stringify(inherited);
    if (!has)
      at(
        ref.at,
        `${ref.member} targets ${target.id}, which has @default(${shown}): Smithy asks the member to repeat it ("smithy.api#default": ${shown}), or to set null for no default`,
      );
    else if (value !== null && JSON.stringify(value) !== shown)
      at(
        where,
        `${ref.member}'s default ${JSON.stringify(value)} differs from ${target.id}'s @default(${shown}); repeat it, or set null`,
      );
  }
}

/** What is wrong with `value` as the default of a value of `shape`, or undefined. */
function valueProblem(shape: LoadedShape, value: unknown): string | undefined {
  const type = String(shape.node["type"]);
  const traits = traitsOf(shape.node);
  if (type === "structure" || type === "union") return `a ${type} cannot have a default value`;
  if (type === "boolean") return typeof value === "boolean" ? undefined : "expected a boolean";
  if (NUMBER_TYPES.has(type)) {
    if (typeof value !== "number" || !Number.isFinite(value)) return "expected a number";
    return INTEGER_TYPES.has(type) && !Number.isInteger(value)
      ? `expected an integer (${type} values are whole numbers)`
      : undefined;
  }
  if (type === "blob")
    return typeof value === "string" && BASE64.test(value) ? undefined : "expected a base64 string for a blob";
  if (type === "timestamp")
    return (typeof value === "number" && Number.isFinite(value)) ||
      (typeof value === "string" && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
      ? undefined
      : "expected epoch seconds (a number) or an RFC 3339 date-time string for a timestamp";
  if (type === "document")
    return typeof value === "boolean" ||
      typeof value === "string" ||
      typeof value === "number" ||
      (Array.isArray(value) && value.length === 0) ||
      (isObject(value) && Object.keys(value).length === 0)
      ? undefined
      : "a document's default is true, false, a string, a number, [] or {}";
  if (type === "list" || type === "set")
    return Array.isArray(value) && value.length === 0 ? undefined : "a list's default can only be []";
  if (type === "map")
    return isObject(value) && Object.keys(value).length === 0 ? undefined : "a map's default can only be {}";
  if (type === "enum" || type === "intEnum") {
    const values = memberRefs(shape.node).map(
      (r) => r.traits["smithy.api#enumValue"] ?? (type === "enum" ? r.member : undefined),
    );
    return values.includes(value as string | number)
      ? undefined
      : `expected one of the values of ${shape.id} (${values.map((v) => JSON.stringify(v)).join(", ")})`;
  }
  if (type === "string") {
    if (typeof value !== "string") return "expected a string";
    const enumTrait = traits["smithy.api#enum"];
    if (Array.isArray(enumTrait) && !enumTrait.some((d) => isObject(d) && d["value"] === value))
      return `expected one of the @enum values of ${shape.id}`;
  }
  return undefined;
}
