import * as fc from "fast-check";

/**
 * Building blocks of the generated arbitraries (generated/arbitraries.gen.ts). Only the
 * `@dx/validators/arbitraries` entry point imports this module, so fast-check stays optional.
 */

/** Strings of any Unicode code points; lengths count code points, as Smithy's `length` and Ajv do. */
export function text(minLength?: number, maxLength?: number): fc.Arbitrary<string> {
  return fc.string({
    unit: "binary",
    ...(minLength !== undefined && { minLength }),
    ...(maxLength !== undefined && { maxLength }),
  });
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Strings matching an ECMA-262 pattern (as Ajv reads it, without flags) within the length bounds. */
export function matching(pattern: string, minLength?: number, maxLength?: number): fc.Arbitrary<string> {
  const re = new RegExp(pattern);
  const fits = (s: string): boolean => {
    const n = codePoints(s);
    return (minLength === undefined || n >= minLength) && (maxLength === undefined || n <= maxLength);
  };
  // A long minimum needs long repetitions, which fast-check's default size rarely makes.
  const size = minLength === undefined || minLength <= 8 ? undefined : minLength <= 80 ? "medium" : "large";
  let base: fc.Arbitrary<string>;
  try {
    base = fc.stringMatching(re, size ? { size } : {});
  } catch {
    // A construct fast-check cannot generate from: fall back to filtering (slow, but correct).
    base = text(minLength, maxLength).filter((s) => re.test(s));
  }
  return minLength === undefined && maxLength === undefined ? base : base.filter(fits);
}

/** Integers in the bounds (safe integers when unbounded). */
export function integer(min?: number, max?: number): fc.Arbitrary<number> {
  const lo = Math.max(min ?? Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
  const hi = Math.min(max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (lo >= -0x80000000 && hi <= 0x7fffffff) return fc.integer({ min: lo, max: hi });
  return fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number);
}

/** -0 has no JSON form (it is written as 0), so it is left out. */
const noNegativeZero = (n: number): number => (Object.is(n, -0) ? 0 : n);

/**
 * A double in the bounds, or any double (NaN and infinities included) when unbounded. A ranged one is
 * finite, as its validator requires (a range with one bound alone let fast-check make an infinity).
 */
export function double(min?: number, max?: number): fc.Arbitrary<number> {
  if (min === undefined && max === undefined) return fc.double().map(noNegativeZero);
  return fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(min !== undefined && { min }),
      ...(max !== undefined && { max }),
    })
    .map(noNegativeZero);
}

/** A number (bigDecimal) in the bounds. */
export function finite(min?: number, max?: number): fc.Arbitrary<number> {
  return fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(min !== undefined && { min }),
      ...(max !== undefined && { max }),
    })
    .map(noNegativeZero);
}

/** Dates that the member's wire format can carry exactly. */
export function timestamp(format: "date-time" | "epoch-seconds" | "http-date"): fc.Arbitrary<Date> {
  switch (format) {
    case "date-time": // RFC 3339 has four-digit years
      return fc.date({
        min: new Date("0001-01-01T00:00:00.000Z"),
        max: new Date("9999-12-31T23:59:59.999Z"),
        noInvalidDate: true,
      });
    case "epoch-seconds":
      return fc.date({
        min: new Date("0001-01-01T00:00:00.000Z"),
        max: new Date("9999-12-31T23:59:59.999Z"),
        noInvalidDate: true,
      });
    case "http-date": // whole seconds only
      return fc
        .date({
          min: new Date("0001-01-01T00:00:00.000Z"),
          max: new Date("9999-12-31T23:59:59.000Z"),
          noInvalidDate: true,
        })
        .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
  }
}

export function bytes(minLength?: number, maxLength?: number): fc.Arbitrary<Uint8Array> {
  return fc.uint8Array({
    ...(minLength !== undefined && { minLength }),
    ...(maxLength !== undefined && { maxLength }),
  });
}

export function list<T>(
  item: fc.Arbitrary<T>,
  options: { minLength?: number; maxLength?: number; unique?: boolean; sparse?: boolean },
): fc.Arbitrary<(T | null)[]> {
  const element: fc.Arbitrary<T | null> = options.sparse ? fc.option(item, { nil: null }) : item;
  const bounds = {
    ...(options.minLength !== undefined && { minLength: options.minLength }),
    ...(options.maxLength !== undefined && { maxLength: options.maxLength }),
  };
  // Items are unique by value, as JSON Schema's uniqueItems compares them.
  const items = options.unique
    ? fc.uniqueArray(element, { ...bounds, depthIdentifier, selector: (v) => JSON.stringify(v) })
    : fc.array(element, { ...bounds, depthIdentifier });
  return options.minLength ? items : orEmpty<(T | null)[]>([], items);
}

export function map<T>(
  key: fc.Arbitrary<string>,
  value: fc.Arbitrary<T>,
  options: { minKeys?: number; maxKeys?: number; sparse?: boolean },
): fc.Arbitrary<Record<string, T | null>> {
  const v: fc.Arbitrary<T | null> = options.sparse ? fc.option(value, { nil: null }) : value;
  const entries = fc.dictionary(key, v, {
    noNullPrototype: true,
    depthIdentifier,
    ...(options.minKeys !== undefined && { minKeys: options.minKeys }),
    ...(options.maxKeys !== undefined && { maxKeys: options.maxKeys }),
  });
  return options.minKeys ? entries : orEmpty<Record<string, T | null>>({}, entries);
}

/**
 * One depth shared by every structure and list: the deeper a value, the likelier its optional members
 * are left out and its lists short, so large models (MediaConvert's Job) give values of sane size.
 */
const depthIdentifier = fc.createDepthIdentifier();

/**
 * Past this depth optional members are left out, lists and maps that may be empty are, and a union
 * takes its first member: a value of a shape that reaches itself through a required list or map, or
 * through unions, ends (without a bound it could nest until the stack overflows).
 */
const MAX_DEPTH = 12;

/** `items`, or the empty value, always so past MAX_DEPTH. */
function orEmpty<T>(empty: T, items: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof(
    { depthIdentifier, maxDepth: MAX_DEPTH },
    { arbitrary: fc.constant(empty), weight: 1 },
    { arbitrary: items, weight: 4 },
  );
}

export function structure(
  members: Record<string, fc.Arbitrary<unknown>>,
  requiredKeys: string[],
): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(requiredKeys);
  // No prototype, so that a member named "__proto__" is a key like any other.
  const model: Record<string, fc.Arbitrary<unknown>> = Object.create(null);
  for (const [name, arb] of Object.entries(members))
    model[name] = required.has(name) ? arb : fc.option(arb, { nil: undefined, depthIdentifier, maxDepth: MAX_DEPTH });
  return fc.record(model, { noNullPrototype: true }).map((record) => {
    for (const name of Object.keys(record)) if (record[name] === undefined) delete record[name];
    return record;
  });
}

/** Exactly one member set. */
export function union(members: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const variants = Object.entries(members).map(([name, arb]) => arb.map((v) => ({ [name]: v })));
  return variants.length === 0 ? fc.constant({}) : fc.oneof({ depthIdentifier, maxDepth: MAX_DEPTH }, ...variants);
}

export function oneOf<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...values);
}

export const boolean = (): fc.Arbitrary<boolean> => fc.boolean();
/** -0 anywhere in a JSON value (fc.jsonValue makes it) read back as 0, as it comes through JSON text. */
const jsonNumbers = (v: unknown): unknown =>
  typeof v === "number"
    ? noNegativeZero(v)
    : Array.isArray(v)
      ? v.map(jsonNumbers)
      : typeof v === "object" && v !== null
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonNumbers(x)]))
        : v;

/**
 * A document is any JSON value but null at its top: the wire's null for a member means absent (as in
 * the AWS SDKs). Its numbers are never -0, which JSON text cannot carry.
 */
export const document = (): fc.Arbitrary<unknown> =>
  fc
    .jsonValue()
    .filter((v) => v !== null)
    .map(jsonNumbers);
export const unit = (): fc.Arbitrary<Record<string, never>> => fc.constant({});
