import { childPointer } from "./table.js";
import { describe, issue, valueAt, type ValidationIssue } from "./errors.js";

/** The part of an Ajv error object that the compiled validators produce and that is read here. */
export interface AjvErrorLike {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  "date-time": "an RFC 3339 date-time with an offset, like 2024-01-02T03:04:05Z",
  "http-date": "an IMF-fixdate, like Sun, 06 Nov 1994 08:49:37 GMT",
  byte: "a base64 string",
};

const MODEL_NAMES: Readonly<Record<string, string>> = {
  date: "a valid Date",
  bytes: "a Uint8Array",
  double: "a number",
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function expectation(e: AjvErrorLike): { pointer: string; expected: string; found?: string } {
  const p = e.params;
  const limit = p["limit"] as number;
  switch (e.keyword) {
    case "type":
      return {
        pointer: e.instancePath,
        expected: ([] as unknown[])
          .concat(p["type"])
          .map((t) => (t === "number" ? "a finite number" : t === "integer" ? "an integer" : String(t)))
          .join(" or "),
      };
    case "required":
      return {
        pointer: childPointer(e.instancePath, String(p["missingProperty"])),
        expected: "a value (the member is required)",
      };
    case "additionalProperties":
      return {
        pointer: childPointer(e.instancePath, String(p["additionalProperty"])),
        expected: "no such member (the spec does not know it)",
      };
    case "enum":
      return {
        pointer: e.instancePath,
        expected: `one of ${(p["allowedValues"] as unknown[]).map(String).join(", ")}`,
      };
    case "format":
      return {
        pointer: e.instancePath,
        expected: FORMAT_NAMES[String(p["format"])] ?? `format ${String(p["format"])}`,
      };
    case "pattern":
    case "dxPattern":
      return { pointer: e.instancePath, expected: `a string matching /${String(p["pattern"])}/` };
    case "minLength":
      return { pointer: e.instancePath, expected: `at least ${plural(limit, "character")}` };
    case "maxLength":
      return { pointer: e.instancePath, expected: `at most ${plural(limit, "character")}` };
    case "minimum":
      return { pointer: e.instancePath, expected: `a number >= ${limit}` };
    case "maximum":
      return { pointer: e.instancePath, expected: `a number <= ${limit}` };
    case "minItems":
      return { pointer: e.instancePath, expected: `at least ${plural(limit, "item")}` };
    case "maxItems":
      return { pointer: e.instancePath, expected: `at most ${plural(limit, "item")}` };
    case "minProperties":
      return {
        pointer: e.instancePath,
        expected: limit === 1 ? "one member set (a union)" : `at least ${plural(limit, "member")}`,
      };
    case "maxProperties":
      return {
        pointer: e.instancePath,
        expected: limit === 1 ? "only one member set (a union)" : `at most ${plural(limit, "member")}`,
      };
    case "uniqueItems":
      return {
        pointer: e.instancePath,
        expected: "unique items",
        found: `items ${String(p["j"])} and ${String(p["i"])} are equal`,
      };
    case "dxModel":
      return { pointer: e.instancePath, expected: MODEL_NAMES[String(p["model"])] ?? String(p["model"]) };
    default:
      return { pointer: e.instancePath, expected: e.message ?? e.keyword };
  }
}

/** Found text for a value, with a length where a length limit failed. */
function found(e: AjvErrorLike, value: unknown): string {
  const shown = describe(value);
  if ((e.keyword === "minLength" || e.keyword === "maxLength") && typeof value === "string")
    return `${shown} (${plural([...value].length, "character")})`;
  if ((e.keyword === "minItems" || e.keyword === "maxItems") && Array.isArray(value))
    return plural(value.length, "item");
  return shown;
}

/**
 * Turns Ajv errors into issues people can read. The alternatives of an `anyOf` (a sparse list's
 * null, a double's "NaN") become one issue that lists what each alternative expected.
 */
export function issuesFromAjv(errors: readonly AjvErrorLike[], root: unknown): ValidationIssue[] {
  const groups = errors.filter((e) => GROUPING.has(e.keyword));
  const inGroup = (e: AjvErrorLike, g: AjvErrorLike): boolean =>
    e.instancePath === g.instancePath && e.schemaPath.startsWith(`${g.schemaPath}/`);
  const issues: ValidationIssue[] = [];
  for (const e of errors) {
    if (groups.some((g) => inGroup(e, g))) continue;
    if (GROUPING.has(e.keyword)) {
      const alternatives = [...new Set(errors.filter((o) => inGroup(o, e)).map((o) => expectation(o).expected))].join(
        " or ",
      );
      if (e.keyword === "propertyNames") {
        const key = String(e.params["propertyName"]);
        issues.push(
          issue(
            childPointer(e.instancePath, key),
            `a key that is ${alternatives || "allowed"}`,
            `the key ${JSON.stringify(key)}`,
          ),
        );
      } else {
        issues.push(
          issue(
            e.instancePath,
            alternatives || "a value of one of the allowed forms",
            describe(valueAt(root, e.instancePath)),
          ),
        );
      }
      continue;
    }
    const x = expectation(e);
    issues.push(issue(x.pointer, x.expected, x.found ?? found(e, valueAt(root, x.pointer))));
  }
  return dedupe(issues);
}

/** Keywords whose failure is explained by the errors of their subschemas. */
const GROUPING: ReadonlySet<string> = new Set(["anyOf", "propertyNames"]);

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}
