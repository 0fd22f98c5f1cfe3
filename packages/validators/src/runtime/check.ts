import { describe } from "./errors.js";
import { readDateTimeMs, readHttpDate } from "./formats.js";

/**
 * What the generated checkers (src/generated/validators.gen.ts) call. One pass over a value checks
 * it, reports every fault and every drift, and (for `parse`) builds the model form copy-on-write.
 * Paths are not built while checking: a checker records a fault with the key it was checking, and
 * each caller adds its own key to the records its callee added (`at`), so a valid value costs no
 * path at all and a fault costs one token per level.
 *
 * The names are short because generated code calls them at every member; they are exported from
 * here only (never from the package root).
 */

/** Faults kept in full per validation; the rest are only counted. */
export const MAX_ISSUES = 100;

/** A fault (`e`: what was expected, `f`: what was found) or a drift (`k`: its kind, `v`: the value). */
export interface Rec {
  /** The path from the value being checked to the fault, innermost token first. */
  p: (string | number)[];
  e?: string;
  f?: string;
  k?: "unknown-member" | "unknown-enum-value" | "constraint";
  v?: unknown;
  /** A constraint drift's constraint, as a fault would word it. */
  x?: string;
}

/** The state of one validation. */
export class Ctx {
  /** Faults (up to MAX_ISSUES) and drifts, in the order found. */
  readonly r: Rec[] = [];
  /** Every fault found, kept or not. */
  n = 0;
  constructor(
    /** Tolerant mode: unknown members and enum values, and values outside the spec's constraints, are drift, not faults. */
    readonly t: boolean,
    /** Whether drift is recorded (tolerant mode with an onDrift callback). */
    readonly d: boolean,
    /** A check alone (`checkX`): the wire checkers build no model form (timestamps stay strings). */
    readonly o = false,
  ) {}
}

const path = (k: string | number | undefined): (string | number)[] => (k === undefined ? [] : [k]);

/** A fault at key `k` (undefined: the value itself). `len` adds the length to what was found. */
export function fail(c: Ctx, k: string | number | undefined, expected: string, found: unknown, len?: 1): void {
  if (c.n++ >= MAX_ISSUES) return;
  c.r.push({ p: path(k), e: expected, f: len ? describeLength(found) : describe(found) });
}

/**
 * A value of the right type outside the spec's constraints (length, pattern, range, item count, unique
 * items): a fault in strict mode, drift in tolerant mode (services send such values, and the spec's
 * constraints are then out of date, as its members are when a new one appears).
 */
export function bound(c: Ctx, k: string | number | undefined, expected: string, found: unknown, len?: 1): void {
  if (!c.t) fail(c, k, expected, found, len);
  else if (c.d) c.r.push({ p: path(k), k: "constraint", v: found, x: expected });
}

/** A map key outside the key shape's constraints: as `bound`, reported at the key. */
export function boundKey(c: Ctx, k: string, expected: string, _found?: unknown, _len?: 1): void {
  if (!c.t) failKey(c, k, expected);
  else if (c.d) c.r.push({ p: [k], k: "constraint", v: k, x: `a key that is ${expected}` });
}

/** A required member is absent. */
export function req(c: Ctx, k: string): void {
  fail(c, k, "a value (the member is required)", undefined);
}

/** The callee of a check added records from index `from`: they are under key `k`. */
export function at(c: Ctx, from: number, k: string | number): void {
  const r = c.r;
  for (let i = from; i < r.length; i++) (r[i] as Rec).p.push(k);
}

/** An enum value the spec does not know: a fault in strict mode, drift in tolerant mode. */
export function unknownValue(
  c: Ctx,
  k: string | number | undefined,
  values: ReadonlySet<string | number>,
  found: unknown,
): void {
  if (!c.t) fail(c, k, c.n < MAX_ISSUES ? `one of ${[...values].join(", ")}` : "", found);
  else if (c.d) c.r.push({ p: path(k), k: "unknown-enum-value", v: found });
}

const EXTRA = "no such member (the spec does not know it)";

/**
 * The slow path of a structure or union whose own key count differs from the known members found:
 * reports each unknown member (fault or drift). When `into` is given (a structure built afresh),
 * tolerant mode copies the unknown members into it, except those named like a renamed member's
 * model name (`taken`: the model form has that name for the member's own value). Returns how many
 * unknown members are not null (a union counts them as set).
 */
export function unknownMembers(
  c: Ctx,
  d: Record<string, unknown>,
  known: ReadonlySet<string>,
  into?: object,
  taken?: ReadonlySet<string>,
): number {
  let set = 0;
  for (const key of Object.keys(d)) {
    if (known.has(key)) continue;
    const v = d[key];
    if (v !== null && v !== undefined) set++;
    if (!c.t) fail(c, key, EXTRA, v);
    else {
      if (c.d) c.r.push({ p: [key], k: "unknown-member", v });
      if (into && !taken?.has(key)) setOwn(into as Record<string, unknown>, key, v);
    }
  }
  return set;
}

/** A union has `set` members that are not null (known and, in tolerant mode, unknown). */
export function unionCount(c: Ctx, set: number, d: unknown): void {
  if (set === 0) fail(c, undefined, "one member set (a union)", d);
  else if (set > 1 && !c.t) fail(c, undefined, "only one member set (a union)", d);
}

export function isObject(d: unknown): d is Record<string, unknown> {
  return typeof d === "object" && d !== null && !Array.isArray(d);
}

/** Own enumerable keys (what JSON.parse makes), counted without allocating. */
export function keyCount(d: object): number {
  let n = 0;
  for (const _ in d) n++;
  return n;
}

/** An own property, also for names that Object.prototype has (`constructor`, `__proto__`, …). */
export function own(d: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(d, key) ? d[key] : undefined;
}

/** A shallow copy (own enumerable members; `__proto__` stays an own member). */
export function copy<T extends object>(d: T): T {
  return (Array.isArray(d) ? d.slice() : { ...d }) as T;
}

/** Sets an own enumerable property, also for the key `__proto__` (which `=` would turn into a prototype change). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Removes a member of a copy (a null the wire sent for an optional member). */
export function drop(target: Record<string, unknown>, key: string): void {
  delete target[key];
}

/** Whether the string's length in Unicode code points (Smithy's `@length`) is within [min, max]. */
export function lengthIn(s: string, min: number, max: number): boolean {
  const units = s.length;
  if (units < min) return false;
  if (units <= max && units >= 2 * min) return true;
  const n = codePoints(s);
  return n >= min && n <= max;
}

export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function describeLength(v: unknown): string {
  if (typeof v === "string") return `${describe(v)} (${plural(codePoints(v), "character")})`;
  if (Array.isArray(v)) return plural(v.length, "item");
  if (typeof v === "object" && v !== null) return plural(Object.keys(v).length, "member");
  return describe(v);
}

/** `@uniqueItems`: a fault naming the first two equal items. Linear beyond a few items (compared by a canonical key). */
export function uniqueItems(c: Ctx, k: string | number | undefined, items: readonly unknown[]): void {
  const n = items.length;
  let dup: [number, number] | undefined;
  if (n <= 16) {
    for (let j = 1; j < n && !dup; j++) for (let i = 0; i < j; i++) if (jsonEqual(items[i], items[j])) dup = [i, j];
  } else {
    const seen = new Map<string, number>();
    for (let j = 0; j < n && !dup; j++) {
      const key = canonical(items[j]);
      const i = seen.get(key);
      if (i !== undefined) dup = [i, j];
      else seen.set(key, j);
    }
  }
  if (dup === undefined) return;
  if (c.t) {
    if (c.d) c.r.push({ p: path(k), k: "constraint", v: items, x: "unique items" });
  } else if (c.n++ < MAX_ISSUES)
    c.r.push({ p: path(k), e: "unique items", f: `items ${dup[0]} and ${dup[1]} are equal` });
}

/** JSON Schema equality of two values (Dates and bytes by content); also the Ajv standalone code's `equal`. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Uint8Array || b instanceof Uint8Array)
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], other[i])) return false;
    return true;
  }
  // Own enumerable members, walked without allocating (uniqueItems compares up to 120 pairs a list).
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const key in ra) {
    if (!Object.hasOwn(ra, key)) continue;
    if (!Object.hasOwn(rb, key) || !jsonEqual(ra[key], rb[key])) return false;
    count++;
  }
  for (const key in rb) if (Object.hasOwn(rb, key)) count--;
  return count === 0;
}

/** A string equal for values JSON Schema's uniqueItems calls equal (object member order does not count). */
function canonical(v: unknown): string {
  if (v === null || typeof v !== "object")
    return typeof v === "string" ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
  if (v instanceof Date) return `date:${v.getTime()}`;
  if (v instanceof Uint8Array) return `bytes:${v.join(",")}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((v as Record<string, unknown>)[key])}`).join(",")}}`;
}

// Formats of the wire form, fused with their conversion to the model form.

// Each returns undefined for a value that is not of its format; in a check alone (`c.o`), the value
// itself when it is (nothing is built).

/** An RFC 3339 date-time (offset required) as a Date, or undefined. */
export function dateTime(c: Ctx, s: string): Date | string | undefined {
  const ms = readDateTimeMs(s);
  return Number.isNaN(ms) ? undefined : c.o ? s : new Date(ms);
}

export function httpDate(c: Ctx, s: string): Date | string | undefined {
  const ms = readHttpDate(s);
  return ms === undefined ? undefined : c.o ? s : new Date(ms);
}

/** Epoch seconds (fractions kept to the millisecond) as a Date. */
export function epochSeconds(c: Ctx, n: number): Date | number {
  return c.o ? n : new Date(Math.round(n * 1000));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function base64(c: Ctx, s: string): Uint8Array | string | undefined {
  if (!BASE64.test(s)) return undefined;
  if (c.o) return s;
  const text = atob(s);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(text);
}

export function isDate(v: unknown): boolean {
  return v instanceof Date && !Number.isNaN(v.getTime());
}

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
};

/** restJson1 sends non-finite floats as "NaN", "Infinity" and "-Infinity": the number, or undefined. */
export function nonFinite(s: string): number | undefined {
  return Object.hasOwn(NON_FINITE, s) ? NON_FINITE[s] : undefined;
}

export function doubleToWire(n: number): number | string {
  return Number.isFinite(n) ? n : String(n);
}

/** A map key that breaks the key shape's constraints: reported at the key. */
export function failKey(c: Ctx, k: string, expected: string, _found?: unknown, _len?: 1): void {
  if (c.n++ >= MAX_ISSUES) return;
  c.r.push({ p: [k], e: `a key that is ${expected}`, f: `the key ${describe(k)}` });
}

/** A map key outside its enum: a fault in strict mode, drift in tolerant mode. */
export function unknownKey(c: Ctx, k: string, values: ReadonlySet<string | number>): void {
  if (!c.t) failKey(c, k, c.n < MAX_ISSUES ? `one of ${[...values].join(", ")}` : "");
  else if (c.d) c.r.push({ p: [k], k: "unknown-enum-value", v: k });
}

/** A lookup table of ASCII characters (for character classes of patterns). */
export function asciiSet(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** Whether every character of `s` is in the table (`^[class]*$` for an ASCII class). */
export function onlyAscii(s: string, table: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 128 || table[code] === 0) return false;
  }
  return true;
}
