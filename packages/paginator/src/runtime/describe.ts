/**
 * A value as the runtime's error messages name it: strings quoted, arrays and functions by kind,
 * class instances by class, plain objects with (the first of) their member names, the rest as printed.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return "an array";
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name === "string" && name !== "Object") return `a ${name}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return "an object";
  return `an object with ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", …" : ""}`;
}
