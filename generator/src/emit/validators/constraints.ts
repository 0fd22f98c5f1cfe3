import type { IrConstraints } from "../../ir/types.js";

/** Member constraints narrow the target's: both hold. */
export function mergeConstraints(shape: IrConstraints, member: IrConstraints): IrConstraints {
  const lo = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
  const hi = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
  const out: IrConstraints = {};
  const length = { min: lo(shape.length?.min, member.length?.min), max: hi(shape.length?.max, member.length?.max) };
  if (length.min !== undefined || length.max !== undefined)
    out.length = {
      ...(length.min !== undefined && { min: length.min }),
      ...(length.max !== undefined && { max: length.max }),
    };
  const range = { min: lo(shape.range?.min, member.range?.min), max: hi(shape.range?.max, member.range?.max) };
  if (range.min !== undefined || range.max !== undefined)
    out.range = {
      ...(range.min !== undefined && { min: range.min }),
      ...(range.max !== undefined && { max: range.max }),
    };
  const pattern = member.pattern ?? shape.pattern;
  if (pattern !== undefined) out.pattern = pattern;
  if (shape.uniqueItems || member.uniqueItems) out.uniqueItems = true;
  return out;
}
