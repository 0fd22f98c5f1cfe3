import Ajv2020 from "ajv/dist/2020.js";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../src/arbitraries.js";
import * as compiled from "../src/generated/compiled/wire.gen.js";
import wireBundle from "../src/generated/schemas/wire.gen.json" with { type: "json" };
import { serializeListJobsResponse } from "../src/index.js";
import { formats } from "../src/runtime/formats.js";
import { throughJson } from "./support/api.js";
import { wireJob } from "./support/fixtures.js";
import { applyMutation, mutations, type Bundle, type Schema } from "./support/mutations.js";

/**
 * Ajv's own habit: the standalone validators (compiled at generate time, with small $refs inlined
 * and bounded patterns rewritten) and a run-time `ajv.compile` of the shipped schema agree, on valid
 * pages and on every kind of single mutation.
 */
const ajv = new Ajv2020.default({ strict: true, allErrors: true, unicodeRegExp: false });
for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
ajv.addSchema(wireBundle);
const runtime = ajv.getSchema(`${wireBundle.$id}#/$defs/ListJobsResponse`)!;
const bundle = wireBundle as unknown as Bundle;

describe("the standalone validators agree with Ajv compiling the shipped schema at run time", () => {
  it("on valid pages and single mutations of them", () => {
    fc.assert(
      fc.property(arbitraries.ListJobsResponse, fc.nat(), (page, pick) => {
        const json = throughJson(serializeListJobsResponse(page));
        expect(compiled.ListJobsResponse(json)).toBe(true);
        expect(runtime(json)).toBe(true);
        const candidates = mutations(bundle, bundle.$defs["ListJobsResponse"] as Schema, json);
        fc.pre(candidates.length > 0);
        const mutated = applyMutation(json, candidates[pick % candidates.length]!);
        expect(compiled.ListJobsResponse(mutated)).toBe(false);
        expect(runtime(mutated)).toBe(false);
        const paths = (errors: readonly { instancePath: string }[] | null | undefined) =>
          [...new Set((errors ?? []).map((e) => e.instancePath))].sort();
        expect(paths(compiled.ListJobsResponse.errors)).toEqual(paths(runtime.errors));
      }),
      { numRuns: 300 },
    );
  });

  it("on strings near the rewritten bounded patterns (lengths and characters at the bounds)", () => {
    const runtimeJob = ajv.getSchema(`${wireBundle.$id}#/$defs/JobEntry`)!;
    const strings = [
      "a".repeat(29),
      "a".repeat(30),
      "Z9".repeat(20),
      "a".repeat(41),
      `${"a".repeat(31)}-`,
      `${"a".repeat(31)}é`,
      "😀".repeat(16),
      "😀".repeat(20),
      "",
    ];
    for (const id of strings) {
      const expected = /^[a-zA-Z0-9]{30,40}$/.test(id);
      expect(compiled.JobEntry(wireJob({ Id: id })), id).toBe(expected);
      expect(runtimeJob(wireJob({ Id: id })), id).toBe(expected);
    }
    for (const catalog of ["123456789012", "12345678901", "1234567890123", "12345678901a"]) {
      const details = {
        ImportAssetsFromLakeFormationTagPolicy: {
          CatalogId: catalog,
          RoleArn: "arn:aws:iam::123456789012:role/x",
          DataSetId: "a".repeat(32),
          RevisionId: "b".repeat(32),
        },
      };
      expect(compiled.JobEntry(wireJob({ Details: details })), catalog).toBe(/^\d{12}$/.test(catalog));
    }
  });
});
