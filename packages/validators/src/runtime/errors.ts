/** One fault in a value: where, what the spec expects there, and what was found. */
export interface ValidationIssue {
  /** JSON pointer of the fault ("" for the value itself). */
  pointer: string;
  expected: string;
  found: string;
  /** `pointer: expected …; got …`, for people. */
  message: string;
}

export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[], what?: string) {
    const head = what ? `invalid ${what}` : "invalid value";
    const lines = issues.slice(0, 20).map((i) => `  ${i.message}`);
    if (issues.length > 20) lines.push(`  … and ${issues.length - 20} more`);
    super(`${head} (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

export function issue(pointer: string, expected: string, found: string): ValidationIssue {
  return {
    pointer,
    expected,
    found,
    message: `${pointer === "" ? "(root)" : pointer}: expected ${expected}; got ${found}`,
  };
}

const MAX_SHOWN = 60;

/** A short, unambiguous rendering of a found value. */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "undefined":
      return "nothing";
    case "string": {
      const shown =
        value.length > MAX_SHOWN
          ? `${JSON.stringify(value.slice(0, MAX_SHOWN))}… (${value.length} characters)`
          : JSON.stringify(value);
      return shown;
    }
    case "number":
    case "boolean":
    case "bigint":
      return typeof value === "number" && Object.is(value, -0) ? "-0" : String(value);
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : `Date ${value.toISOString()}`;
  if (value instanceof Uint8Array) return `a Uint8Array of ${value.length} bytes`;
  const keys = Object.keys(value as object);
  const shownKeys = keys
    .slice(0, 5)
    .map((k) => JSON.stringify(k))
    .join(", ");
  return keys.length === 0 ? "an empty object" : `an object with ${shownKeys}${keys.length > 5 ? ", …" : ""}`;
}

/** The value at a JSON pointer, following own properties only; undefined when absent. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === "") return root;
  let value = root;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}
