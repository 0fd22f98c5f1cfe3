import { codecs } from "./codecs.js";
import {
  converts,
  isCodec,
  isPlainObject,
  memberLookup,
  setOwn,
  type Form,
  type ShapeTable,
  type StructureInfo,
  type Target,
} from "./table.js";

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
      const plan = conversionPlan(table, info, to);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const step = plan.get(key);
        const item = value[key];
        if (!step) setOwn(out, key, item);
        else setOwn(out, step.key, step.target === null ? item : convert(table, step.target, item, to));
      }
      return out;
    }
  }
}

/** For each member key of the source form: its key in the target form and the target to convert it by (null: copy). */
type Plan = Map<string, { key: string; target: Target }>;
const plans = { model: new WeakMap<StructureInfo, Plan>(), wire: new WeakMap<StructureInfo, Plan>() };

function conversionPlan(table: ShapeTable, info: StructureInfo, to: Form): Plan {
  let plan = plans[to].get(info);
  if (!plan) {
    plan = new Map();
    for (const [key, member] of memberLookup(info, to === "model" ? "wire" : "model")) {
      plan.set(key, {
        key: to === "model" ? member[0] : member[1],
        target: converts(table, member[2]) ? member[2] : null,
      });
    }
    plans[to].set(info, plan);
  }
  return plan;
}
