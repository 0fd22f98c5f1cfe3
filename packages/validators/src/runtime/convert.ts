import { codecs } from "./codecs.js";
import { converts, isCodec, isPlainObject, memberLookup, setOwn, type Form, type ShapeTable, type Target } from "./table.js";

/**
 * Converts a validated value between the wire and model forms. New objects and arrays are built only
 * on the paths that hold something to convert; other subtrees are shared with the input, which is
 * never modified. Members unknown to the spec (tolerant mode) are kept under their own name.
 */
export function convert(table: ShapeTable, target: Target, value: unknown, to: Form): unknown {
  if (target === null || value === null || value === undefined) return value;
  if (isCodec(target)) {
    const codec = codecs[target];
    if (!codec) throw new Error(`unknown codec ${target}`);
    return to === "model" ? codec.toModel(value) : codec.toWire(value);
  }
  const info = table[target];
  if (!info || info.kind === "enum" || !info.convert) return value;
  switch (info.kind) {
    case "list": {
      if (!Array.isArray(value)) return value;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = convert(table, info.item, value[i], to);
      return out;
    }
    case "map": {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) setOwn(out, key, convert(table, info.value, value[key], to));
      return out;
    }
    case "structure":
    case "union": {
      if (!isPlainObject(value)) return value;
      const from: Form = to === "model" ? "wire" : "model";
      const members = memberLookup(info, from);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const member = members.get(key);
        const item = value[key];
        if (!member) setOwn(out, key, item);
        else setOwn(out, to === "model" ? member[0] : member[1], converts(table, member[2]) ? convert(table, member[2], item, to) : item);
      }
      return out;
    }
  }
}
