import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { worstSeverity, type Severity } from "../../src/diff/changes.js";
import { diffIr } from "../../src/diff/compare.js";
import { runPipeline } from "../../src/pipeline.js";
import { CASES } from "./cases.js";
import { baseSpec, input, type Spec } from "./fixture.js";

const irOf = (spec: Spec) => runPipeline({ root: "/nonexistent", inputs: input(spec), emitters: [] }).ir;
const key = ([severity, rule, subject]: [Severity, string, string]): string => `${severity} ${rule} ${subject}`;

/** The shapes an edit's changes name: two edits are independent when they name different shapes. */
function shapesOf(expected: readonly [Severity, string, string][]): Set<string> {
  return new Set(expected.map(([, , subject]) => subject.split("$")[0] as string));
}

// Edits that change something and touch shapes no other chosen edit touches.
const EDITS = CASES.filter(([, , expected]) => expected.length > 0);
const independentSubsets = fc
  .uniqueArray(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 6 })
  .map((picks) => {
    const seen = new Set<string>();
    return picks.filter((i) => {
      const shapes = [...shapesOf(EDITS[i]![2])];
      if (shapes.some((s) => seen.has(s))) return false;
      for (const s of shapes) seen.add(s);
      return true;
    });
  });

describe("diffIr composes", () => {
  it("edits to different shapes, applied together, give the union of their changes and the worst severity", () => {
    fc.assert(
      fc.property(independentSubsets, (picks) => {
        const spec = baseSpec();
        for (const i of picks) EDITS[i]![1](spec);
        const changes = diffIr(irOf(baseSpec()), irOf(spec));
        const expected = picks.flatMap((i) => EDITS[i]![2]);
        expect(changes.map((c) => key([c.severity, c.rule, c.subject])).sort()).toEqual(expected.map(key).sort());
        expect(worstSeverity(changes)).toBe(worstSeverity(expected.map(([severity]) => ({ severity }))));
      }),
      { numRuns: 60 },
    );
  });

  it("a spec compared with itself, after any of the edits, has no change", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: EDITS.length - 1 }), (i) => {
        const spec = baseSpec();
        EDITS[i]![1](spec);
        expect(diffIr(irOf(spec), irOf(spec))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
