/**
 * The runtime of the emitted arbitraries on what random models brought up (generator/test/random-models.test.ts):
 * documents with -0 inside, a shape that reaches itself through a required map or list, a member named __proto__.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { document, double, list, map, structure, union } from "../src/runtime/arbitrary.js";

describe("the runtime of the emitted arbitraries", () => {
  it("makes documents that come back equal through JSON, -0 inside objects and arrays too", () => {
    fc.assert(
      fc.property(document(), (v) => {
        expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      }),
      { numRuns: 20000, seed: 42 },
    );
  });

  it("ends a value of a structure that reaches itself through a required map, list or union", () => {
    const { node } = fc.letrec((tie) => ({
      node: structure(
        {
          kids: map(fc.string(), tie("node"), {}),
          list: list(tie("node"), {}),
          either: union({ a: tie("node"), b: tie("node") }),
        },
        ["kids", "list"],
      ),
    }));
    let count = 0;
    fc.assert(
      fc.property(node, (v) => {
        count += JSON.stringify(v).length > 0 ? 1 : 0;
      }),
      { numRuns: 200, seed: 3 },
    );
    expect(count).toBe(200);
  });

  it("makes finite doubles for a range with one bound (its validator wants a finite number)", () => {
    for (const arb of [double(0), double(undefined, 5)])
      fc.assert(
        fc.property(arb, (x) => {
          expect(Number.isFinite(x)).toBe(true);
        }),
        { numRuns: 2000, seed: 5 },
      );
  });

  it("keeps a member named __proto__ as an own key, never as the prototype", () => {
    const arb = structure({ ["__proto__"]: fc.constant("x"), other: fc.constant(1) }, ["__proto__", "other"]);
    for (const v of fc.sample(arb, { numRuns: 20, seed: 1 })) {
      expect(Object.keys(v)).toEqual(["__proto__", "other"]);
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    }
  });
});
