import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { document } from "../src/runtime/arbitrary.js";

/** A document member's value goes through JSON text as it is (found by generator/test/random-models.test.ts). */
describe("the document arbitrary", () => {
  it("makes values that come back equal through JSON, -0 inside objects and arrays too", () => {
    fc.assert(
      fc.property(document(), (v) => {
        expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      }),
      { numRuns: 20000, seed: 42 },
    );
  });
});
