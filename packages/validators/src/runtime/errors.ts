/** One fault in a value: where, what the spec expects there, and what was found. */
export interface ValidationIssue {
  /** JSON pointer of the fault ("" for the value itself). */
  pointer: string;
  expected: string;
  found: string;
  /** `pointer: expected …; got …`, for people. */
  message: string;
}

/** Issues shown in a ValidationError's message (all kept ones are in `issues`). */
const SHOWN_ISSUES = 20;

export class ValidationError extends Error {
  /** The faults found, in order, up to 100 (see `count`). */
  readonly issues: readonly ValidationIssue[];
  /** How many faults were found; more than `issues.length` when the value had more than 100. */
  readonly count: number;
  constructor(issues: readonly ValidationIssue[], what?: string, count: number = issues.length) {
    const head = what ? `invalid ${what}` : "invalid value";
    const lines = issues.slice(0, SHOWN_ISSUES).map((i) => `  ${i.message}`);
    if (count > lines.length) lines.push(`  … and ${count - lines.length} more`);
    super(`${head} (${count} issue${count === 1 ? "" : "s"}):\n${lines.join("\n")}`);
    this.name = "ValidationError";
    this.issues = issues;
    this.count = count;
  }
}

/** Longest pointer and expectation shown in a message: a 1 MB member name makes a short message. */
const MAX_POINTER_SHOWN = 200;
const MAX_EXPECTED_SHOWN = 300;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** An issue; `shown` is the pointer as the message shows it (default: the pointer, cut). */
export function issue(pointer: string, expected: string, found: string, shown?: string): ValidationIssue {
  const where = shown ?? pointer;
  return {
    pointer,
    expected,
    found,
    message: `${where === "" ? "(root)" : cut(where, MAX_POINTER_SHOWN)}: expected ${cut(expected, MAX_EXPECTED_SHOWN)}; got ${found}`,
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
  // At most six keys are read: describing a value with a million members stays cheap.
  const keys: string[] = [];
  for (const k in value as object) {
    if (!Object.hasOwn(value as object, k)) continue;
    keys.push(k);
    if (keys.length > 5) break;
  }
  const shownKeys = keys
    .slice(0, 5)
    .map((k) => JSON.stringify(k.length > MAX_SHOWN ? `${k.slice(0, MAX_SHOWN)}…` : k))
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
