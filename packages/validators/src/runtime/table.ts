/**
 * The shape table that the generator emits from the IR: just enough of each shape for the generic
 * walkers here (wire/model conversion and drift). A target is a shape name in the table, a codec
 * token (`@date-time`, `@epoch-seconds`, `@http-date`, `@blob`, `@double`), or null for a value the
 * walkers leave alone (plain JSON with no conversion and nothing that can drift).
 */
export type Target = string | null;

/** [model name, wire (JSON) name, target]. */
export type MemberInfo = readonly [name: string, jsonName: string, target: Target];

export interface StructureInfo {
  kind: "structure" | "union";
  /** Whether wire and model forms differ anywhere inside (timestamps, blobs, non-finite doubles). */
  convert: boolean;
  members: readonly MemberInfo[];
}

export interface ListInfo {
  kind: "list";
  convert: boolean;
  item: Target;
}

export interface MapInfo {
  kind: "map";
  convert: boolean;
  value: Target;
  /** The known keys, when the key shape is an enum. */
  keys?: readonly string[];
}

export interface EnumInfo {
  kind: "enum";
  values: readonly (string | number)[];
}

export type ShapeInfo = StructureInfo | ListInfo | MapInfo | EnumInfo;
export type ShapeTable = Readonly<Record<string, ShapeInfo>>;

export type Form = "wire" | "model";

/** Member lookups by the key each form uses, built once per structure. */
const lookups = new WeakMap<StructureInfo, { wire: Map<string, MemberInfo>; model: Map<string, MemberInfo> }>();

export function memberLookup(info: StructureInfo, form: Form): ReadonlyMap<string, MemberInfo> {
  let entry = lookups.get(info);
  if (!entry) {
    entry = { wire: new Map(info.members.map((m) => [m[1], m])), model: new Map(info.members.map((m) => [m[0], m])) };
    lookups.set(info, entry);
  }
  return entry[form];
}

export function isCodec(target: string): boolean {
  return target.charCodeAt(0) === 64; // "@"
}

/** Whether values of `target` differ between the wire and model forms. */
export function converts(table: ShapeTable, target: Target): boolean {
  if (target === null) return false;
  if (isCodec(target)) return true;
  const info = table[target];
  return info !== undefined && info.kind !== "enum" && info.convert;
}

/** Appends a reference token to a JSON pointer (RFC 6901 escaping). */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${typeof token === "number" ? token : token.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets an own enumerable property, also for the key `__proto__` (which `=` would turn into a prototype change). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
