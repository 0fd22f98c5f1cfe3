import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { State } from "@dx/models";
import * as api from "../src/index.js";
import { arbitraries } from "../src/arbitraries.js";
import wireBundle from "../src/generated/schemas/wire.gen.json" with { type: "json" };
import modelBundle from "../src/generated/schemas/model.gen.json" with { type: "json" };
import { bodyOnly, issuesOf, shapeApis, throughJson } from "./support/api.js";
import { applyMutation, expectReportedAt, mutations, type Bundle, type Schema } from "./support/mutations.js";

const shapes = shapeApis(
  api as unknown as Record<string, unknown>,
  arbitraries as unknown as Record<string, fc.Arbitrary<unknown>>,
);
const wire = wireBundle as unknown as Bundle;
const model = modelBundle as unknown as Bundle;
const def = (bundle: Bundle, name: string): Schema => bundle.$defs[name] as Schema;

describe("generated arbitraries drive the validators", () => {
  it("covers every structure of the closure", () => {
    expect(shapes.map((s) => s.name)).toEqual(
      expect.arrayContaining(["JobEntry", "ListJobsResponse", "ListJobsRequest", "ResponseDetails", "JobError"]),
    );
  });

  for (const shape of shapes) {
    it(`${shape.name}: every value passes is/assert and survives serialize → JSON → parse`, () => {
      fc.assert(
        fc.property(shape.arbitrary, (value) => {
          expect(shape.is(value)).toBe(true);
          shape.assert(value);
          expect(shape.parse(throughJson(shape.serialize(value)))).toEqual(bodyOnly(model, shape.name, value));
        }),
        { numRuns: 60 },
      );
    });
  }

  for (const name of ["ListJobsResponse", "JobEntry", "ListJobsRequest"]) {
    const shape = shapes.find((s) => s.name === name)!;
    // ListJobsRequest's members all travel in the query: its JSON body has none to mutate
    if (name !== "ListJobsRequest")
      it(`${name}: one mutation of the wire JSON is rejected by parse, at the pointer of the mutation`, () => {
        fc.assert(
          fc.property(shape.arbitrary, fc.nat(), (value, pick) => {
            const json = throughJson(shape.serialize(value));
            const candidates = mutations(wire, def(wire, name), json);
            fc.pre(candidates.length > 0);
            const m = candidates[pick % candidates.length]!;
            expectReportedAt((v) => shape.parse(v), json, m);
          }),
          { numRuns: 300 },
        );
      });

    it(`${name}: one mutation of the model value is rejected by assert, at the pointer of the mutation`, () => {
      fc.assert(
        fc.property(shape.arbitrary, fc.nat(), (value, pick) => {
          const candidates = mutations(model, def(model, name), value);
          fc.pre(candidates.length > 0);
          const m = candidates[pick % candidates.length]!;
          const mutated = applyMutation(value, m);
          expect(shape.is(mutated)).toBe(false);
          const issues = issuesOf(() => shape.assert(mutated));
          expect(
            issues.map((i) => i.pointer),
            m.kind,
          ).toEqual(issues.map(() => m.pointer));
          expect(issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("reaches every mutation kind, every enum value and every detail variant", () => {
    const kinds = new Set<string>();
    const states = new Set<unknown>();
    const details = new Set<string>();
    const jobs = fc.sample(arbitraries.JobEntry, { numRuns: 400, seed: 1 });
    for (const job of jobs) {
      states.add(job.State);
      for (const k of Object.keys(job.Details)) details.add(k);
      for (const m of mutations(model, def(model, "JobEntry"), job)) kinds.add(m.kind);
      for (const m of mutations(wire, def(wire, "JobEntry"), throughJson(api.serializeJobEntry(job))))
        kinds.add(m.kind);
    }
    expect([...states].sort()).toEqual(Object.values(State).sort());
    expect(details.size).toBe(9);
    expect([...kinds].sort()).toEqual(["bad-enum", "bad-timestamp", "missing-required", "wrong-type"]);
    const request = mutations(model, def(model, "ListJobsRequest"), { MaxResults: 5 });
    expect(request.filter((m) => m.kind === "out-of-range").map((m) => m.replacement)).toEqual([201, 0]);
  });
});
