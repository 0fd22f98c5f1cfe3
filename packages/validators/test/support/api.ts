import type * as fc from "fast-check";
import { ValidationError, type ValidateOptions, type ValidationIssue } from "../../src/runtime/index.js";

/** The four functions of one shape, looked up by name in a generated validators module. */
export interface ShapeApi {
  name: string;
  is(value: unknown, options?: ValidateOptions): boolean;
  assert(value: unknown, options?: ValidateOptions): void;
  parse(json: unknown, options?: ValidateOptions): unknown;
  serialize(value: unknown): unknown;
  arbitrary: fc.Arbitrary<unknown>;
}

export function shapeApis(
  api: Record<string, unknown>,
  arbitraries: Record<string, fc.Arbitrary<unknown>>,
): ShapeApi[] {
  return Object.keys(arbitraries)
    .filter((name) => typeof api[`is${name}`] === "function")
    .map((name) => ({
      name,
      is: api[`is${name}`] as ShapeApi["is"],
      assert: api[`assert${name}`] as ShapeApi["assert"],
      parse: api[`parse${name}`] as ShapeApi["parse"],
      serialize: api[`serialize${name}`] as ShapeApi["serialize"],
      arbitrary: arbitraries[name] as fc.Arbitrary<unknown>,
    }));
}

/** The issues `run` throws as a ValidationError; fails if it throws anything else or nothing. */
export function issuesOf(run: () => unknown): readonly ValidationIssue[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
  throw new Error("expected a ValidationError, but the value was accepted");
}

/** What a value looks like after going through JSON text, as a service would send it. */
export function throughJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/**
 * What a round trip through the wire form gives back: the value without the members the JSON body
 * leaves out (bound to the query, a header, a label or the status code; streaming blobs and event
 * streams), which the model-form schema marks with `dxNotInBody`.
 */
export function bodyOnly(modelBundle: { $defs: Record<string, unknown> }, name: string, value: unknown): unknown {
  const def = modelBundle.$defs[name] as { properties?: Record<string, { dxNotInBody?: string }> } | undefined;
  const properties = def?.properties ?? {};
  const out = new Set(Object.keys(properties).filter((k) => properties[k]?.dxNotInBody !== undefined));
  if (out.size === 0 || typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !out.has(k)));
}
