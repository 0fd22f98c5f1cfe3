import { Ctx, type Rec } from "./check.js";
import { issue, ValidationError, type ValidationIssue } from "./errors.js";
import type { ValidateOptions } from "./options.js";

/** A generated checker: checks `value`, records faults and drift in `c`, and returns the model form (parse) or nothing. */
export type Checker = (value: unknown, c: Ctx) => unknown;

/** A value so deeply nested that checking it overflowed the stack is reported, not thrown as a RangeError. */
const TOO_DEEP = issue("", "a value nested less deeply", "a value nested too deeply to check");

function context(options: ValidateOptions | undefined, checkOnly = false): Ctx {
  if (options !== undefined) checkOptions(options);
  const mode = options?.mode ?? "strict";
  return new Ctx(mode === "tolerant", mode === "tolerant" && options?.onDrift !== undefined, checkOnly);
}

/** Options as plain JavaScript callers may give them: a misspelt or mistyped one is not silently ignored. */
function checkOptions(options: ValidateOptions): void {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TypeError(
      `options must be an object ({ mode, onDrift }), not ${JSON.stringify(options) ?? String(options)}`,
    );
  for (const key in options)
    if (key !== "mode" && key !== "onDrift")
      throw new TypeError(`unknown option ${JSON.stringify(key)} (the options are mode and onDrift)`);
  const { mode, onDrift } = options;
  if (mode !== undefined && mode !== "strict" && mode !== "tolerant")
    throw new TypeError(`mode must be "strict" or "tolerant", not ${JSON.stringify(mode)}`);
  if (onDrift !== undefined && typeof onDrift !== "function")
    throw new TypeError(`onDrift must be a function, not ${JSON.stringify(onDrift) ?? String(onDrift)}`);
}

const escape = (t: string | number): string =>
  typeof t === "number" || (t.indexOf("~") < 0 && t.indexOf("/") < 0)
    ? String(t)
    : t.replace(/~/g, "~0").replace(/\//g, "~1");

/** RFC 6901 pointer of a record's path (stored innermost first). */
function pointer(p: readonly (string | number)[]): string {
  let out = "";
  for (let i = p.length - 1; i >= 0; i--) out += `/${escape(p[i] as string | number)}`;
  return out;
}

/** Longest reference token shown in a message (the pointer itself stays whole in `issue.pointer`). */
const MAX_TOKEN_SHOWN = 60;

/** The pointer as a message shows it: long tokens cut, without reading (or copying) the whole of them. */
function shownPointer(p: readonly (string | number)[]): string {
  let out = "";
  for (let i = p.length - 1; i >= 0; i--) {
    const t = p[i] as string | number;
    out +=
      typeof t === "string" && t.length > MAX_TOKEN_SHOWN
        ? `/${escape(t.slice(0, MAX_TOKEN_SHOWN))}…(${t.length} characters)`
        : `/${escape(t)}`;
  }
  return out;
}

/** Runs a checker; a stack overflow on a deeply nested value is a fault of the value. */
function run(check: Checker, value: unknown, c: Ctx): { out: unknown } | "too-deep" {
  try {
    return { out: check(value, c) };
  } catch (e) {
    if (e instanceof RangeError) return "too-deep";
    throw e;
  }
}

function finish(c: Ctx, options: ValidateOptions | undefined): void {
  if (!c.d) return;
  const onDrift = options?.onDrift as NonNullable<ValidateOptions["onDrift"]>;
  for (const r of c.r)
    if (r.k) onDrift({ pointer: pointer(r.p), kind: r.k, value: r.v, ...(r.x !== undefined && { expected: r.x }) });
}

function issues(c: Ctx): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const r of c.r as Rec[])
    if (r.e !== undefined) out.push(issue(pointer(r.p), r.e, r.f as string, shownPointer(r.p)));
  return out;
}

/** Checks and converts; throws a ValidationError naming `what` unless the value is valid. */
export function parseWith(check: Checker, value: unknown, options: ValidateOptions | undefined, what: string): unknown {
  const c = context(options);
  const result = run(check, value, c);
  if (result === "too-deep") throw new ValidationError([TOO_DEEP], what);
  if (c.n > 0) throw new ValidationError(issues(c), what, c.n);
  finish(c, options);
  return result.out;
}

/** Whether the value passes the checker; `checkOnly`: a wire checker builds no model form (checkX). */
export function isWith(
  check: Checker,
  value: unknown,
  options: ValidateOptions | undefined,
  checkOnly?: true,
): boolean {
  const c = context(options, checkOnly);
  const result = run(check, value, c);
  if (result === "too-deep" || c.n > 0) return false;
  finish(c, options);
  return true;
}
