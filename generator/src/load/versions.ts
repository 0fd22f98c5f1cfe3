/**
 * The differences between Smithy IDL 1.0 and 2.0 files, as smithy-model's Version and ModelUpgrader
 * define them, so that a model mixing both reads as the 2.0 model Smithy builds from it:
 *
 * - A 1.0 file may not use what 2.0 added (enum and intEnum shapes, `@mixin`, `@default`); a 2.0
 *   file may not use `@box`, which 2.0 replaced with `@default`, nor `set`. All are refused where written.
 * - In a 1.0 file a boolean or number shape without `@box` has a zero value: it gets `@default`
 *   (false or 0). A structure member of a 1.0 file that targets such a shape (boolean or number,
 *   or a streaming blob that is not `@required`), where neither the member nor its target is boxed,
 *   gets `@default` of that zero value; a `@box` member gets `@default(null)`. A target is boxed
 *   when it has `@box` or, defined in a 2.0 file or the prelude, no zero `@default`
 *   (`smithy.api#Integer` is boxed, `smithy.api#PrimitiveInteger` is not).
 * - `set` is a 1.0 shape, a list with `@uniqueItems` (the IR reads it so); a 2.0 file may not
 *   define one (Smithy's LoaderShapeMap: "set shapes cannot be used in Smithy version 2.0").
 */
import { pointer, type Diagnostic } from "../diagnostics.js";
import { traitsOf } from "./ast.js";
import { isObject, type LoadedShape } from "./load.js";

const BOX = "smithy.api#box";
const DEFAULT = "smithy.api#default";
const REQUIRED = "smithy.api#required";

/** Shape types that had a zero value in Smithy 1.0, with it. */
const ZERO: Record<string, unknown> = {
  boolean: false,
  byte: 0,
  short: 0,
  integer: 0,
  long: 0,
  float: 0,
  double: 0,
};

/** Traits one IDL version refuses, with what to write instead. */
const REFUSED_TRAITS: Record<"1" | "2", Record<string, string>> = {
  "1": {
    [DEFAULT]:
      'the @default trait can only be used in Smithy 2.0 or later; set "smithy" to "2.0" (1.0 gives non-boxed booleans and numbers their zero value by itself)',
    "smithy.api#mixin": 'mixins can only be used in Smithy 2.0 or later; set "smithy" to "2.0"',
  },
  "2": {
    [BOX]:
      '@box is not supported in Smithy IDL 2.0: a member without @default is already optional; to keep a 1.0 model\'s meaning, leave the file at "smithy": "1.0"',
  },
};

/** The IDL version a `smithy` value names ("1", "1.0", "2", "2.0"), else undefined. */
export function idlVersion(value: unknown): "1" | "2" | undefined {
  if (value === "1" || value === "1.0") return "1";
  if (value === "2" || value === "2.0") return "2";
  return undefined;
}

/** What a file of the given version may not define: shape types and traits (on the shape, its members, or applied). */
export function checkVersioned(
  version: "1" | "2",
  node: Record<string, unknown>,
  file: string,
  ptr: string,
  diagnostics: Diagnostic[],
): void {
  const type = node["type"];
  if (version === "1" && (type === "enum" || type === "intEnum"))
    diagnostics.push({
      file,
      pointer: `${ptr}/type`,
      message: `${type} shapes can only be used in Smithy 2.0 or later; set "smithy" to "2.0", or write a string with the @enum trait`,
    });
  if (version === "2" && type === "set")
    diagnostics.push({
      file,
      pointer: `${ptr}/type`,
      message:
        'set shapes cannot be used in Smithy 2.0: write a "list" with the smithy.api#uniqueItems trait (or keep the file at "smithy": "1.0")',
    });
  const refused = REFUSED_TRAITS[version];
  const check = (holder: unknown, at: string): void => {
    if (!isObject(holder)) return;
    for (const trait of Object.keys(traitsOf(holder)))
      if (Object.hasOwn(refused, trait))
        diagnostics.push({ file, pointer: `${at}/traits${pointer(trait)}`, message: refused[trait] as string });
  };
  check(node, ptr);
  const members = node["members"];
  if (isObject(members)) for (const [name, m] of Object.entries(members)) check(m, `${ptr}${pointer("members", name)}`);
  for (const part of ["member", "key", "value"]) check(node[part], `${ptr}${pointer(part)}`);
}

/**
 * Upgrades the shapes defined in 1.0 files (`v1`, by id) as Smithy's ModelUpgrader does (see the
 * module comment). Nodes are copied before they change.
 */
export function upgradeV1(shapes: Map<string, LoadedShape>, v1: ReadonlySet<string>): void {
  if (v1.size === 0) return;
  // Root shapes first: whether a member's target is boxed depends on them.
  for (const id of v1) {
    const shape = shapes.get(id) as LoadedShape;
    const zero = ZERO[String(shape.node["type"])];
    const traits = traitsOf(shape.node);
    if (zero === undefined || BOX in traits || DEFAULT in traits) continue;
    shape.node = { ...shape.node, traits: { ...traits, [DEFAULT]: zero } };
  }
  for (const id of v1) {
    const shape = shapes.get(id) as LoadedShape;
    const members = shape.node["members"];
    if (shape.node["type"] !== "structure" || !isObject(members)) continue;
    let copied: Record<string, unknown> | undefined;
    for (const [name, m] of Object.entries(members)) {
      if (!isObject(m) || typeof m["target"] !== "string") continue;
      const target = shapes.get(m["target"]);
      if (!target) continue;
      const added = v1MemberDefault(traitsOf(m), target);
      if (added === undefined) continue;
      copied ??= { ...members };
      Object.defineProperty(copied, name, {
        value: { ...m, traits: { ...traitsOf(m), [DEFAULT]: added.value } },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    if (copied) shape.node = { ...shape.node, members: copied };
  }
}

/** The `@default` a 1.0 member gets, if any. */
function v1MemberDefault(member: Record<string, unknown>, target: LoadedShape): { value: unknown } | undefined {
  if (DEFAULT in member) return undefined;
  const targetTraits = traitsOf(target.node);
  const type = String(target.node["type"]);
  const zero =
    ZERO[type] ?? (type === "blob" && "smithy.api#streaming" in targetTraits && !(REQUIRED in member) ? "" : undefined);
  const boxed = BOX in member || BOX in targetTraits || (type in ZERO && targetTraits[DEFAULT] !== zero);
  if (zero !== undefined && !boxed) return { value: zero };
  if (BOX in member) return { value: null };
  return undefined;
}
