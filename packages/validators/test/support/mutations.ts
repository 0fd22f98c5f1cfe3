/**
 * Single mutations of a valid value, found by walking it alongside the JSON Schema bundle of its
 * form, so they follow the spec (and work for any generated model): each names the JSON pointer
 * that a validator must report.
 */
import { expect } from "vitest";
import { issuesOf } from "./api.js";

export type Schema = { [keyword: string]: unknown };
export interface Bundle {
  $defs: Record<string, Schema>;
}

export type MutationKind = "wrong-type" | "missing-required" | "bad-enum" | "bad-timestamp" | "out-of-range";

export interface Mutation {
  kind: MutationKind;
  pointer: string;
  /** The replacement; absent for a deleted member. */
  replacement?: unknown;
  delete?: true;
}

const token = (t: string | number): string => String(t).replace(/~/g, "~0").replace(/\//g, "~1");

/** A wire member that may be null (meaning absent): `{ anyOf: [schema, { type: "null" }] }`. */
function nonNull(schema: Schema): Schema {
  const any = schema["anyOf"];
  if (!Array.isArray(any) || any.length !== 2) return schema;
  const [first, second] = any as Schema[];
  if (second?.["type"] !== "null" || Object.keys(second).length !== 1) return schema;
  const { anyOf: _anyOf, ...own } = schema;
  return { ...own, ...first };
}

function resolve(bundle: Bundle, schema: Schema): Schema {
  let s = nonNull(schema);
  for (let guard = 0; typeof s["$ref"] === "string" && guard < 100; guard++) {
    const { $ref, ...own } = s;
    const target = bundle.$defs[($ref as string).replace("#/$defs/", "")];
    if (!target) throw new Error(`no ${String($ref)}`);
    s = { ...target, ...own };
  }
  return s;
}

/** A value of another JSON type than the schema allows. */
function wrongType(s: Schema): unknown {
  if (s["dxModel"] === "date") return "2024-01-02T03:04:05Z";
  if (s["dxModel"] === "bytes") return [1, 2, 3];
  if (s["dxModel"] === "double") return "1.5";
  if (s["anyOf"]) return true; // neither alternative (a sparse item or a non-finite double) is a boolean
  switch (s["type"]) {
    case "string":
      return 42;
    case "number":
    case "integer":
    case "boolean":
      return "42";
    case "array":
    case "object":
      return 42;
    default:
      return undefined;
  }
}

export function mutations(bundle: Bundle, root: Schema, value: unknown): Mutation[] {
  const out: Mutation[] = [];
  const walk = (schema: Schema, v: unknown, pointer: string): void => {
    if (v === undefined) return;
    const s = resolve(bundle, schema);
    const wrong = wrongType(s);
    if (wrong !== undefined) out.push({ kind: "wrong-type", pointer, replacement: wrong });
    if (Array.isArray(s["enum"]) && s["type"] === "string")
      out.push({ kind: "bad-enum", pointer, replacement: "NOT_IN_THE_SPEC" });
    if (s["format"] === "date-time") out.push({ kind: "bad-timestamp", pointer, replacement: "2023-02-29T12:00:00Z" });
    if (s["format"] === "http-date")
      out.push({ kind: "bad-timestamp", pointer, replacement: "Wed, 29 Feb 2023 12:00:00 GMT" });
    if (s["dxModel"] === "date") out.push({ kind: "bad-timestamp", pointer, replacement: new Date(Number.NaN) });
    // (a bound so large that ±1 is the same double gives no mutation)
    const max = s["maximum"];
    const min = s["minimum"];
    if (typeof max === "number" && max + 1 > max) out.push({ kind: "out-of-range", pointer, replacement: max + 1 });
    if (typeof min === "number" && min - 1 < min) out.push({ kind: "out-of-range", pointer, replacement: min - 1 });
    if (Array.isArray(v) && s["items"]) v.forEach((item, i) => walk(s["items"] as Schema, item, `${pointer}/${i}`));
    if (
      typeof v === "object" &&
      v !== null &&
      !Array.isArray(v) &&
      !(v instanceof Date) &&
      !(v instanceof Uint8Array)
    ) {
      const record = v as Record<string, unknown>;
      for (const key of (s["required"] as string[] | undefined) ?? []) {
        if (Object.hasOwn(record, key))
          out.push({ kind: "missing-required", pointer: `${pointer}/${token(key)}`, delete: true });
      }
      const properties = (s["properties"] as Record<string, Schema> | undefined) ?? {};
      for (const key of Object.keys(record)) {
        const sub = Object.hasOwn(properties, key)
          ? properties[key]
          : typeof s["additionalProperties"] === "object"
            ? (s["additionalProperties"] as Schema)
            : undefined;
        if (sub) walk(sub, record[key], `${pointer}/${token(key)}`);
      }
    }
  };
  walk(root, value, "");
  return out;
}

/** A copy of `value` with the mutation applied (the original is left alone). */
export function applyMutation(value: unknown, m: Mutation): unknown {
  const copy = structuredClone(value);
  if (m.pointer === "") return m.replacement;
  const tokens = m.pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = tokens.pop() as string;
  let parent = copy as Record<string, unknown>;
  for (const t of tokens) parent = parent[t] as Record<string, unknown>;
  if (m.delete) delete parent[last];
  else
    Object.defineProperty(parent, last, { value: m.replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `parse` refuses the mutated value, and every issue it reports points where the mutation is. */
export function expectReportedAt(parse: (json: unknown) => unknown, json: unknown, m: Mutation): void {
  const issues = issuesOf(() => parse(applyMutation(json, m)));
  expect(
    issues.map((i) => i.pointer),
    m.kind,
  ).toEqual(issues.map(() => m.pointer));
  expect(issues.length).toBeGreaterThan(0);
}
