import { issuesFromAjv, type AjvErrorLike } from "./ajv-issues.js";
import { convert } from "./convert.js";
import { walkDrift } from "./drift.js";
import { issue, ValidationError } from "./errors.js";
import type { ValidateOptions } from "./options.js";
import type { ShapeTable } from "./table.js";

/** A validator function as Ajv's standalone code compiles it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly AjvErrorLike[] | null;
}

/** The four compiled validators of one shape: wire and model form, strict and tolerant. */
export interface CompiledForms {
  wire: CompiledValidator;
  wireTolerant: CompiledValidator;
  model: CompiledValidator;
  modelTolerant: CompiledValidator;
}

export type Guard<T> = (value: unknown, options?: ValidateOptions) => value is T;
export type Assertion<T> = (value: unknown, options?: ValidateOptions) => asserts value is T;
export type Parser<T> = (json: unknown, options?: ValidateOptions) => T;
export type Serializer<T> = (value: T) => unknown;

export interface ShapeValidators<T> {
  is: Guard<T>;
  assert: Assertion<T>;
  parse: Parser<T>;
  serialize: Serializer<T>;
}

/** A value so deeply nested that checking it overflowed the stack is reported, not thrown as a RangeError. */
const TOO_DEEP = issue("", "a value nested less deeply", "a value nested too deeply to check");

function tolerant(options: ValidateOptions | undefined): boolean {
  const mode = options?.mode ?? "strict";
  if (mode !== "strict" && mode !== "tolerant")
    throw new TypeError(`mode must be "strict" or "tolerant", not ${JSON.stringify(mode)}`);
  return mode === "tolerant";
}

/** Runs a compiled validator; returns undefined when valid, else the errors. */
function run(validator: CompiledValidator, value: unknown): readonly AjvErrorLike[] | "too-deep" | undefined {
  try {
    return validator(value) ? undefined : (validator.errors ?? []);
  } catch (e) {
    if (e instanceof RangeError) return "too-deep";
    throw e;
  }
}

function check(validator: CompiledValidator, value: unknown, what: string): void {
  const errors = run(validator, value);
  if (errors === undefined) return;
  throw new ValidationError(errors === "too-deep" ? [TOO_DEEP] : issuesFromAjv(errors, value), what);
}

/** Binds the generic runtime to one shape of the generated table and its compiled validators. */
export function bindShape<T>(table: ShapeTable, name: string, forms: CompiledForms): ShapeValidators<T> {
  const modelWhat = `${name} (model form)`;
  const wireWhat = `${name} (wire form)`;
  return {
    is: (value: unknown, options?: ValidateOptions): value is T => {
      const lenient = tolerant(options);
      if (run(lenient ? forms.modelTolerant : forms.model, value) !== undefined) return false;
      if (lenient && options?.onDrift) walkDrift(table, name, value, "model", "", options.onDrift);
      return true;
    },
    assert: (value: unknown, options?: ValidateOptions): asserts value is T => {
      const lenient = tolerant(options);
      check(lenient ? forms.modelTolerant : forms.model, value, modelWhat);
      if (lenient && options?.onDrift) walkDrift(table, name, value, "model", "", options.onDrift);
    },
    parse: (json: unknown, options?: ValidateOptions): T => {
      const lenient = tolerant(options);
      check(lenient ? forms.wireTolerant : forms.wire, json, wireWhat);
      if (lenient && options?.onDrift) walkDrift(table, name, json, "wire", "", options.onDrift);
      return convert(table, name, json, "model") as T;
    },
    serialize: (value: T): unknown => convert(table, name, value, "wire"),
  };
}
