import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../src/runtime/check.js";

/** JSON values as JSON.parse makes them (no -0, plain objects). */
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
/** The same members in another order. */
const reordered = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reordered)
    : typeof v === "object" && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reordered(x)]),
        )
      : v;

describe("jsonEqual (uniqueItems, and the Ajv standalone code's equal)", () => {
  it("agrees with deep equality on JSON values, member order aside", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(jsonEqual(a, b)).toBe(isDeepStrictEqual(a, b));
        expect(jsonEqual(a, reordered(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts own members only, and a missing member differs from one set to undefined", () => {
    const inherited = Object.assign(Object.create({ extra: 1 }) as object, { a: 1 });
    expect(jsonEqual(inherited, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual(new Date(5), new Date(5))).toBe(true);
    expect(jsonEqual(new Uint8Array([1]), new Uint8Array([2]))).toBe(false);
  });
});
