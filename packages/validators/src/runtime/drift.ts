import type { Drift } from "./options.js";
import {
  childPointer,
  isCodec,
  isPlainObject,
  memberLookup,
  type Form,
  type ShapeTable,
  type Target,
} from "./table.js";

/**
 * Reports every member and enum value of a (tolerantly validated) value that the spec does not know.
 * Unknown members are reported and not entered: their content has no spec to compare with.
 */
export function walkDrift(
  table: ShapeTable,
  target: Target,
  value: unknown,
  form: Form,
  pointer: string,
  report: (drift: Drift) => void,
): void {
  if (target === null || value === null || value === undefined || isCodec(target)) return;
  const info = table[target];
  if (!info) return;
  switch (info.kind) {
    case "enum":
      if (!info.values.includes(value as string | number)) report({ pointer, kind: "unknown-enum-value", value });
      return;
    case "list":
      if (Array.isArray(value))
        value.forEach((item, i) => walkDrift(table, info.item, item, form, childPointer(pointer, i), report));
      return;
    case "map":
      if (!isPlainObject(value)) return;
      for (const key of Object.keys(value)) {
        const at = childPointer(pointer, key);
        if (info.keys && !info.keys.includes(key)) report({ pointer: at, kind: "unknown-enum-value", value: key });
        walkDrift(table, info.value, value[key], form, at, report);
      }
      return;
    case "structure":
    case "union": {
      if (!isPlainObject(value)) return;
      const members = memberLookup(info, form);
      for (const key of Object.keys(value)) {
        const member = members.get(key);
        const at = childPointer(pointer, key);
        if (!member) report({ pointer: at, kind: "unknown-member", value: value[key] });
        else walkDrift(table, member[2], value[key], form, at, report);
      }
    }
  }
}
