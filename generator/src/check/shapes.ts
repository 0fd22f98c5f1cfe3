import { pointer, type Diagnostic } from "../diagnostics.js";
import { AGGREGATE_TYPES, bindingRefs, KNOWN_TYPES, memberRefs, SERVICE_TYPES, traitsOf } from "../load/ast.js";
import { isObject, whereIn, type LoadedModel, type LoadedShape } from "../load/load.js";
import { UNIT } from "../load/prelude.js";
import { collisionKey, enumKey, isIdentifier } from "../naming.js";
import { checkDefaults } from "./defaults.js";
import { checkInputOutput } from "./io.js";
import { checkTraitValue } from "./traits.js";

const SHAPE_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*$/;

/** What each binding of an operation, service or resource must target. */
const BINDING_TYPES: Record<string, string> = {
  input: "structure",
  output: "structure",
  errors: "structure",
  operations: "operation",
  collectionOperations: "operation",
  resources: "resource",
  create: "operation",
  put: "operation",
  read: "operation",
  update: "operation",
  delete: "operation",
  list: "operation",
};

/**
 * Structural checks of every shape in the model: ids, types, members, targets and trait values. The
 * mixins are checked as written (the flat model no longer has them), so a fault in one is found once
 * at its place even when no shape uses it; what shapes inherit from it is found again at the same
 * place and reported once.
 */
export function checkShapes(model: LoadedModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const shape of model.shapes.values()) if (!shape.prelude) checkShape(model, shape, out);
  for (const mixin of model.mixins.values()) checkShape(model, mixin, out);
  checkIdCase(model, out);
  checkInputOutput(model, out);
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.file}\0${d.pointer}\0${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Smithy's ShapeIdConflictValidator: two shape ids of one model may not differ only in case. */
function checkIdCase(model: LoadedModel, out: Diagnostic[]): void {
  const seen = new Map<string, string>();
  for (const shape of [...model.shapes.values(), ...model.mixins.values()]) {
    const key = shape.id.toLowerCase();
    const other = seen.get(key);
    if (other === undefined) seen.set(key, shape.id);
    else if (!shape.prelude)
      out.push({
        ...whereIn(shape, ""),
        message: `shape id ${shape.id} differs from ${other} only in case; Smithy refuses such ids in one model (rename one of them)`,
      });
  }
}

function checkShape(model: LoadedModel, shape: LoadedShape, out: Diagnostic[]): void {
  // A part applied from another file, or inherited from a mixin, is reported where it was written.
  const at = (suffix: string, message: string): void => void out.push({ ...whereIn(shape, suffix), message });
  if (!SHAPE_ID.test(shape.id)) at("", `invalid shape id "${shape.id}"; expected namespace#Name`);
  const type = shape.node["type"];
  if (typeof type !== "string" || !KNOWN_TYPES.has(type)) {
    at("/type", `unknown shape type ${JSON.stringify(type)}`);
    return;
  }
  checkTraits(shape.node, "", at);

  const refs = SERVICE_TYPES.has(type) ? bindingRefs(shape.node) : memberRefs(shape.node);
  const seenNames = new Map<string, string>();
  for (const ref of refs) {
    if (AGGREGATE_TYPES.has(type) && ref.member !== undefined) {
      if (!isIdentifier(ref.member))
        at(ref.at, `member name "${ref.member}" is not a valid identifier ([A-Za-z_][A-Za-z0-9_]*)`);
      const key = collisionKey(ref.member);
      const other = seenNames.get(key);
      if (other !== undefined)
        at(ref.at, `member "${ref.member}" collides with member "${other}" (names must differ in more than case)`);
      seenNames.set(key, ref.member);
    }
    checkTraits({ traits: ref.traits }, ref.at, at);
    checkTarget(model, type, ref.member ?? "", ref.target, ref.at, at);
  }
  if (type === "service") checkRename(shape.node["rename"], at);
  checkDefaults(model, shape, at);
  if (type === "enum" || type === "intEnum") checkEnumShape(shape, type, at);
  const enumTrait = traitsOf(shape.node)["smithy.api#enum"];
  if (type === "string" && Array.isArray(enumTrait)) checkEnumTrait(enumTrait, at);
  if (
    (type === "structure" || type === "union" || type === "enum" || type === "intEnum") &&
    !isObject(shape.node["members"] ?? {})
  )
    at("/members", "members must be an object");
  // The parts a collection cannot do without (memberRefs lists only the parts that are present); a
  // mixin as written may leave them to its own mixins.
  const parts =
    shape.node["mixins"] !== undefined
      ? []
      : type === "list" || type === "set"
        ? ["member"]
        : type === "map"
          ? ["key", "value"]
          : [];
  for (const part of parts)
    if (!(part in shape.node)) at("", `a ${type} needs a "${part}" (an object with a "target")`);
  if (type === "map" && isObject(shape.node["key"])) checkMapKey(model, shape.node["key"]["target"], at);
}

/** Smithy: a map's key targets a string shape (an enum is one); JSON object keys are strings. */
function checkMapKey(model: LoadedModel, target: unknown, at: (suffix: string, message: string) => void): void {
  const key = typeof target === "string" ? model.shapes.get(target) : undefined;
  if (key && key.node["type"] !== "string" && key.node["type"] !== "enum")
    at(
      "/key/target",
      `a map key must target a string or enum shape, but ${String(target)} is a ${String(key.node["type"])}`,
    );
}

function checkTraits(node: Record<string, unknown>, base: string, at: (suffix: string, message: string) => void): void {
  if (node["traits"] !== undefined && !isObject(node["traits"]))
    return at(`${base}/traits`, "traits must be an object");
  for (const [trait, value] of Object.entries(traitsOf(node))) {
    if (!SHAPE_ID.test(trait)) at(`${base}/traits${pointer(trait)}`, `invalid trait id "${trait}"`);
    const problem = checkTraitValue(trait, value);
    if (problem) at(`${base}/traits${pointer(trait)}`, `bad value for trait ${trait}: ${problem}`);
  }
}

function checkTarget(
  model: LoadedModel,
  ownerType: string,
  role: string,
  target: unknown,
  refAt: string,
  at: (suffix: string, message: string) => void,
): void {
  const where = SERVICE_TYPES.has(ownerType) ? refAt : `${refAt}/target`;
  if (typeof target !== "string") return at(where, "missing target (expected a shape id string)");
  if (!SHAPE_ID.test(target)) return at(where, `invalid shape id "${target}" as target`);
  // A mixin as a target is reported by the flattening (load/mixins/faults.ts).
  if (model.mixins.has(target)) return;
  const targetShape = model.shapes.get(target);
  if (!targetShape) return at(where, `unknown shape target "${target}"`);
  const targetType = targetShape.node["type"];
  if (SERVICE_TYPES.has(ownerType)) {
    const expected = BINDING_TYPES[role];
    if (expected && targetType !== expected)
      at(where, `${role} must target a ${expected}, but ${target} is a ${String(targetType)}`);
    if (role === "errors" && !("smithy.api#error" in traitsOf(targetShape.node)))
      at(where, `error ${target} lacks the smithy.api#error trait`);
  } else if (typeof targetType === "string" && SERVICE_TYPES.has(targetType)) {
    at(where, `a member cannot target the ${targetType} ${target}`);
  } else if ((ownerType === "enum" || ownerType === "intEnum") && target !== UNIT) {
    at(where, `enum members must target ${UNIT}`);
  }
}

/** A service's `rename`: shape ids to the names they take in the service (identifiers). */
function checkRename(rename: unknown, at: (suffix: string, message: string) => void): void {
  if (rename === undefined) return;
  if (!isObject(rename)) return at("/rename", "rename must be an object of shape ids to names");
  for (const [id, name] of Object.entries(rename)) {
    // A member id (`ns#Shape$member`) is a shape id too: check/rename.ts says members cannot be renamed.
    if (!SHAPE_ID.test(id.replace(/\$[A-Za-z_][A-Za-z0-9_]*$/, "")))
      at(pointer("rename", id), `rename: invalid shape id "${id}"`);
    if (typeof name !== "string" || !isIdentifier(name))
      at(pointer("rename", id), `rename: ${JSON.stringify(name)} is not a valid shape name ([A-Za-z_][A-Za-z0-9_]*)`);
  }
}

function checkEnumShape(shape: LoadedShape, type: string, at: (suffix: string, message: string) => void): void {
  const values = new Map<string | number, string>();
  const keys = new Map<string, string>();
  for (const ref of memberRefs(shape.node)) {
    const name = ref.member ?? "";
    const value = ref.traits["smithy.api#enumValue"] ?? (type === "enum" ? name : undefined);
    const valueAt = `${ref.at}/traits${pointer("smithy.api#enumValue")}`;
    if (type === "intEnum" && !Number.isInteger(value))
      at(valueAt, "intEnum members need an integer smithy.api#enumValue");
    if (type === "enum" && typeof value !== "string") at(valueAt, "enum values must be strings");
    if (typeof value !== "string" && typeof value !== "number") continue;
    if (values.has(value)) at(ref.at, `enum value ${JSON.stringify(value)} repeats member ${values.get(value)}`);
    values.set(value, name);
    noteKey(keys, enumKey(name, value), name, ref.at, at);
  }
}

function checkEnumTrait(defs: unknown[], at: (suffix: string, message: string) => void): void {
  const values = new Set<string>();
  const keys = new Map<string, string>();
  defs.forEach((def, i) => {
    if (!isObject(def) || typeof def["value"] !== "string") return;
    const ptr = pointer("traits", "smithy.api#enum", i);
    if (values.has(def["value"])) at(ptr, `enum value ${JSON.stringify(def["value"])} is listed twice`);
    values.add(def["value"]);
    const name = typeof def["name"] === "string" ? def["name"] : undefined;
    noteKey(keys, enumKey(name, def["value"]), name ?? def["value"], ptr, at);
  });
}

function noteKey(
  keys: Map<string, string>,
  key: string,
  source: string,
  ptr: string,
  at: (suffix: string, message: string) => void,
): void {
  const other = keys.get(key);
  if (other !== undefined) at(ptr, `enum entry "${source}" collides with "${other}": both become the key ${key}`);
  keys.set(key, source);
}
