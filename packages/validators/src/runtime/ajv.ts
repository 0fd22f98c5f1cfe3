import { describe, issue, ValidationError, valueAt, type ValidationIssue } from "./errors.js";

/**
 * What `@dx/validators/ajv` adds to Ajv's standalone code: the type of its validate functions and
 * the translation of Ajv's error objects into dx's issues (JSON pointer, expected, found).
 */

/** An error object of Ajv's standalone code (`messages: false`: dx words them, see ajvIssues). */
export interface AjvError {
  /** JSON pointer of the value that failed ("" for the root). */
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * An Ajv validate function: true when `data` is valid (a `T`, the wire form's type); else false, with the first fault (and, under
 * an `anyOf`, each alternative's) in `errors` until the next call.
 */
export interface AjvValidateFunction<T = unknown> {
  (data: unknown): data is T;
  errors?: AjvError[] | null;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  "date-time": "an RFC 3339 date-time with an offset, like 2024-01-02T03:04:05Z",
  "http-date": "an IMF-fixdate, like Sun, 06 Nov 1994 08:49:37 GMT",
  byte: "a base64 string",
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
const escape = (t: string): string =>
  t.indexOf("~") < 0 && t.indexOf("/") < 0 ? t : t.replace(/~/g, "~0").replace(/\//g, "~1");
const child = (pointer: string, key: string): string => `${pointer}/${escape(key)}`;
/** Longest member name shown in a message (the pointer itself stays whole). */
const MAX_KEY_SHOWN = 60;
const shownChild = (pointer: string, key: string): string =>
  key.length > MAX_KEY_SHOWN
    ? `${pointer}/${escape(key.slice(0, MAX_KEY_SHOWN))}…(${key.length} characters)`
    : child(pointer, key);

/** Where a fault is: its pointer, and for a member's fault the object and the member's key (read directly, not through the pointer). */
interface Where {
  pointer: string;
  expected: string;
  found?: string;
  key?: string;
}

function expectation(e: AjvError): Where {
  const p = e.params;
  const limit = p["limit"] as number;
  const at = e.instancePath;
  switch (e.keyword) {
    case "type":
      return {
        pointer: at,
        expected: ([] as unknown[])
          .concat(p["type"])
          .map((t) => (t === "number" ? "a finite number" : t === "integer" ? "an integer" : String(t)))
          .join(" or "),
      };
    case "required": {
      const key = String(p["missingProperty"]);
      return { pointer: child(at, key), expected: "a value (the member is required)", found: "nothing", key };
    }
    case "additionalProperties": {
      const key = String(p["additionalProperty"]);
      return { pointer: child(at, key), expected: "no such member (the spec does not know it)", key };
    }
    case "enum":
      return { pointer: at, expected: `one of ${(p["allowedValues"] as unknown[]).map(String).join(", ")}` };
    case "format":
      return { pointer: at, expected: FORMAT_NAMES[String(p["format"])] ?? `format ${String(p["format"])}` };
    case "pattern":
      return { pointer: at, expected: `a string matching /${String(p["pattern"])}/` };
    case "minLength":
      return { pointer: at, expected: `at least ${plural(limit, "character")}` };
    case "maxLength":
      return { pointer: at, expected: `at most ${plural(limit, "character")}` };
    case "minimum":
      return { pointer: at, expected: `a number >= ${limit}` };
    case "maximum":
      return { pointer: at, expected: `a number <= ${limit}` };
    case "minItems":
      return { pointer: at, expected: `at least ${plural(limit, "item")}` };
    case "maxItems":
      return { pointer: at, expected: `at most ${plural(limit, "item")}` };
    case "minProperties":
      return { pointer: at, expected: `at least ${plural(limit, "member")}` };
    case "maxProperties":
      return { pointer: at, expected: `at most ${plural(limit, "member")}` };
    case "uniqueItems":
      return {
        pointer: at,
        expected: "unique items",
        found: `items ${String(p["j"])} and ${String(p["i"])} are equal`,
      };
    case "not":
    case "if":
      // the wire form of a union: exactly one member that is not null
      return { pointer: at, expected: "exactly one member set (a union)" };
    default:
      return { pointer: at, expected: e.message ?? e.keyword };
  }
}

function found(e: AjvError, value: unknown): string {
  if ((e.keyword === "minLength" || e.keyword === "maxLength") && typeof value === "string")
    return `${describe(value)} (${plural([...value].length, "character")})`;
  if ((e.keyword === "minItems" || e.keyword === "maxItems") && Array.isArray(value))
    return plural(value.length, "item");
  if ((e.keyword === "minProperties" || e.keyword === "maxProperties") && typeof value === "object" && value)
    return plural(Object.keys(value).length, "member");
  return describe(value);
}

function member(object: unknown, key: string): unknown {
  return typeof object === "object" && object !== null && Object.hasOwn(object, key)
    ? (object as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Ajv's errors (a validate function's `errors` after it returned false) as dx's issues, worded as
 * the emitted validators word them. Ajv lists the errors of an `anyOf`'s alternatives before the
 * `anyOf` error itself (a nullable member is `anyOf: [member, null]`, a double `anyOf: [number,
 * "NaN"…]`): the alternatives that failed deeper than the value are its real faults; when all
 * failed at the value itself, they become one issue listing what each alternative expected. A bad
 * map key (`propertyNames`) is reported at the key.
 */
export function ajvIssues(errors: readonly AjvError[] | null | undefined, data: unknown): ValidationIssue[] {
  const all = errors ?? [];
  const under = (e: AjvError, at: string): boolean => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
  // Each anyOf or propertyNames error owns the errors listed before it (not owned yet) at or under its value.
  const owner: number[] = all.map(() => -1);
  const members = new Map<number, number[]>();
  all.forEach((e, j) => {
    if (e.keyword !== "anyOf" && e.keyword !== "propertyNames") return;
    const mine: number[] = [];
    for (let i = 0; i < j; i++) if (owner[i] === -1 && under(all[i] as AjvError, e.instancePath)) mine.push(i);
    for (const i of mine) owner[i] = j;
    members.set(j, mine);
  });
  type Fault = { pointer: string; expected: string; found: string; shown?: string };
  const plain = (e: AjvError): Fault => {
    const x = expectation(e);
    if (x.key !== undefined) {
      const value = member(valueAt(data, e.instancePath), x.key);
      const shown = shownChild(e.instancePath, x.key);
      return { pointer: x.pointer, expected: x.expected, found: x.found ?? found(e, value), shown };
    }
    return { pointer: x.pointer, expected: x.expected, found: x.found ?? found(e, valueAt(data, x.pointer)) };
  };
  /** The faults a group stands for, its nested groups resolved first. */
  const resolve = (j: number): Fault[] => {
    const e = all[j] as AjvError;
    const at = e.instancePath;
    const inner = (members.get(j) ?? []).flatMap((i) => (members.has(i) ? resolve(i) : [plain(all[i] as AjvError)]));
    if (e.keyword === "propertyNames") {
      const key = String(e.params["propertyName"]);
      const expected = [...new Set(inner.map((f) => f.expected))].join(" or ") || "allowed";
      const shown = shownChild(at, key);
      return [
        { pointer: child(at, key), expected: `a key that is ${expected}`, found: `the key ${describe(key)}`, shown },
      ];
    }
    // A fault deeper than the value is the one to show (the other alternative, null, only says
    // that the value is not null); else one fault at the value listing every alternative.
    const deeper = inner.filter((f) => f.pointer !== at);
    if (deeper.length > 0) return deeper;
    const expected = [...new Set(inner.map((f) => f.expected))].join(" or ");
    return [
      { pointer: at, expected: expected || "a value of one of the allowed forms", found: describe(valueAt(data, at)) },
    ];
  };
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const add = (f: Fault): void => {
    const i = issue(f.pointer, f.expected, f.found, f.shown);
    if (!seen.has(i.message)) issues.push(i), seen.add(i.message);
  };
  all.forEach((e, j) => {
    if (owner[j] !== -1) return;
    for (const f of members.has(j) ? resolve(j) : [plain(e)]) add(f);
  });
  return issues;
}

/** Throws a ValidationError with Ajv's errors as issues unless `validate(data)` holds. */
export function assertAjv<T>(validate: AjvValidateFunction<T>, data: unknown, what?: string): asserts data is T {
  if (!validate(data)) throw new ValidationError(ajvIssues(validate.errors, data), what);
}
