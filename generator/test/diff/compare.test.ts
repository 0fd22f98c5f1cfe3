import { describe, expect, it } from "vitest";
import { diffIr } from "../../src/diff/compare.js";
import type { Severity } from "../../src/diff/changes.js";
import { runPipeline } from "../../src/pipeline.js";
import { CASES, THING, withGetThing } from "./cases.js";
import { baseSpec, edited, input, members, traits, type Spec } from "./fixture.js";

function irOf(spec: Spec) {
  return runPipeline({ root: "/nonexistent", inputs: input(spec), emitters: [] }).ir;
}

/** The changes between two specs, as [severity, rule, subject] triples (the message is for people). */
function classify(before: Spec, after: Spec): [Severity, string, string][] {
  return sorted(diffIr(irOf(before), irOf(after)).map((c) => [c.severity, c.rule, c.subject]));
}

function sorted(triples: [Severity, string, string][]): [Severity, string, string][] {
  return [...triples].sort((a, b) => (a.join(" ") < b.join(" ") ? -1 : 1));
}

describe("diffIr classifies each spec change as smithy-diff does", () => {
  it.each(CASES)("%s", (_name, edit, expected) => {
    expect(classify(baseSpec(), edited(edit))).toEqual(sorted(expected));
  });

  it("a changed @deprecated message or since is a documentation change", () => {
    const deprecated = (value: Record<string, string>) =>
      edited((s) => void (traits(members(s, THING)["Kind"]!)["smithy.api#deprecated"] = value));
    expect(classify(deprecated({ message: "old" }), deprecated({ message: "new", since: "2" }))).toEqual([
      ["documentation", "ChangedDeprecatedTrait", "ex#Thing$Kind"],
    ]);
    expect(classify(deprecated({ message: "same" }), deprecated({ message: "same" }))).toEqual([]);
  });

  it("a changed protocol is breaking (wire names, timestamp defaults and bindings all change)", () => {
    const awsJson = edited((s) => {
      const svc = s.shapes["ex#Svc"] as { traits: Record<string, unknown> };
      delete svc.traits["aws.protocols#restJson1"];
      svc.traits["aws.protocols#awsJson1_1"] = {};
    });
    expect(classify(baseSpec(), awsJson).filter(([, rule]) => rule === "ChangedProtocol")).toEqual([
      ["breaking", "ChangedProtocol", "ex#Svc"],
    ]);
  });

  it("identical specs have no change", () => {
    expect(classify(baseSpec(), baseSpec())).toEqual([]);
  });

  it("removed operation is breaking, with the shapes only it used", () => {
    expect(classify(edited(withGetThing), baseSpec())).toEqual([
      ["breaking", "RemovedOperation", "ex#GetThing"],
      ["breaking", "RemovedShape", "ex#GetThingRequest"],
    ]);
  });

  it("every removal is breaking and every plain addition is additive, whichever way the pair is read", () => {
    for (const [, edit] of CASES) {
      const forward = classify(baseSpec(), edited(edit));
      const backward = classify(edited(edit), baseSpec());
      for (const [severity, rule] of [...forward, ...backward]) {
        if (rule.startsWith("Removed") && rule !== "RemovedRequiredTrait") expect(severity).toBe("breaking");
        if (["AddedShape", "AddedEnumValue", "AddedOperation", "AddedOperationError"].includes(rule))
          expect(severity).toBe("additive");
      }
      // A change seen one way is seen the other way too (the same subjects);
      // an enum constant renamed is named after the constant it had.
      if (forward.some(([, rule]) => rule === "ChangedEnumName")) continue;
      const subjects = (cs: [Severity, string, string][]): string[] => [...new Set(cs.map(([, , s]) => s))].sort();
      expect(subjects(backward)).toEqual(subjects(forward));
    }
  });
});
