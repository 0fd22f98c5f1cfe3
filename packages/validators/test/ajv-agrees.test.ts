import Ajv2020 from "ajv/dist/2020.js";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../src/arbitraries.js";
import wireBundle from "../src/generated/schemas/wire.gen.json" with { type: "json" };
import wireTolerantBundle from "../src/generated/schemas/wire-tolerant.gen.json" with { type: "json" };
import { parseJobEntry, parseListJobsResponse, serializeListJobsResponse } from "../src/index.js";
import { formats } from "../src/runtime/formats.js";
import { throughJson } from "./support/api.js";
import { edgePages, wireJob } from "./support/fixtures.js";
import { applyMutation, mutations, type Bundle, type Schema } from "./support/mutations.js";

/**
 * Ajv's own habit, between two implementations: the validators emitted from the IR and a run-time
 * `ajv.compile` of the shipped JSON Schema (strict Ajv, 2020-12) agree on what is valid, and on
 * where the faults are, for valid pages, single mutations of them, nulls for optional members, and
 * strings at the edges of the patterns the emitted code checks without a regular expression.
 */
function runtimeAjv(bundle: { $id: string }) {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true, unicodeRegExp: false });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
  ajv.addSchema(bundle);
  return (name: string) => ajv.getSchema(`${bundle.$id}#/$defs/${name}`)!;
}
const strict = runtimeAjv(wireBundle);
const tolerant = runtimeAjv(wireTolerantBundle);
const bundle = wireBundle as unknown as Bundle;

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}
const token = (t: string) => t.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Where Ajv puts each fault, in the emitted validators' terms: a missing or unknown member is the
 * member's, and a nullable member's anyOf and its `type: null` branch are not faults of their own.
 */
function ajvPointers(errors: readonly AjvError[] | null | undefined): string[] {
  const out = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === "required") out.add(`${e.instancePath}/${token(String(e.params["missingProperty"]))}`);
    else if (e.keyword === "additionalProperties" && e.params["additionalProperty"] !== undefined)
      out.add(`${e.instancePath}/${token(String(e.params["additionalProperty"]))}`);
    // A nullable member's anyOf and its `type: null` branch fail wherever the member's own schema does.
    else if (e.keyword === "anyOf" || (e.keyword === "type" && e.params["type"] === "null")) continue;
    else if (e.keyword !== "if") out.add(e.instancePath);
  }
  return [...out].sort();
}

function dxPointers(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (e) {
    return [...new Set((e as { issues: { pointer: string }[] }).issues.map((i) => i.pointer))].sort();
  }
}

describe("the emitted validators agree with Ajv compiling the shipped schema at run time", () => {
  it("on valid pages and single mutations of them (validity and pointers)", () => {
    const runtime = strict("ListJobsResponse");
    fc.assert(
      fc.property(arbitraries.ListJobsResponse, fc.nat(), (page, pick) => {
        const json = throughJson(serializeListJobsResponse(page));
        expect(runtime(json)).toBe(true);
        expect(dxPointers(() => parseListJobsResponse(json))).toEqual([]);
        const candidates = mutations(bundle, bundle.$defs["ListJobsResponse"] as Schema, json);
        fc.pre(candidates.length > 0);
        const mutated = applyMutation(json, candidates[pick % candidates.length]!);
        expect(runtime(mutated)).toBe(false);
        expect(dxPointers(() => parseListJobsResponse(mutated))).toEqual(ajvPointers(runtime.errors as AjvError[]));
      }),
      { numRuns: 300 },
    );
  });

  it("on values outside the constraints: the strict schema refuses them, the tolerant one accepts them, as dx does", () => {
    const page = { Jobs: [wireJob({ Id: "short-id" })], NextToken: "n" };
    expect(strict("ListJobsResponse")(page)).toBe(false);
    expect(dxPointers(() => parseListJobsResponse(page))).toEqual(["/Jobs/0/Id"]);
    expect(tolerant("ListJobsResponse")(page)).toBe(true);
    expect(dxPointers(() => parseListJobsResponse(page, { mode: "tolerant" }))).toEqual([]);
  });

  it("on nulls for optional members and other edges of the wire form, in both modes", () => {
    const cases = edgePages();
    for (const [what, page] of cases)
      for (const [mode, ajv] of [
        ["strict", strict("ListJobsResponse")],
        ["tolerant", tolerant("ListJobsResponse")],
      ] as const) {
        const valid = ajv(page);
        const pointers = dxPointers(() => parseListJobsResponse(page, { mode }));
        expect(pointers.length === 0, `${what} (${mode})`).toBe(valid);
        if (!valid) expect(pointers, `${what} (${mode})`).toEqual(ajvPointers(ajv.errors as AjvError[]));
      }
  });

  it("on strings near the patterns checked by a length test and a character table", () => {
    const runtimeJob = strict("JobEntry");
    const strings = [
      "a".repeat(29),
      "a".repeat(30),
      "Z9".repeat(20),
      "a".repeat(41),
      `${"a".repeat(31)}-`,
      `${"a".repeat(31)}é`,
      `${"a".repeat(31)}\u0100`,
      "😀".repeat(16),
      "😀".repeat(20),
      "",
    ];
    for (const id of strings) {
      const expected = /^[a-zA-Z0-9]{30,40}$/.test(id);
      expect(dxPointers(() => parseJobEntry(wireJob({ Id: id }))).length === 0, id).toBe(expected);
      expect(runtimeJob(wireJob({ Id: id })), id).toBe(expected);
    }
    for (const catalog of ["123456789012", "12345678901", "1234567890123", "12345678901a", "١٢٣٤٥٦٧٨٩٠١٢"]) {
      const details = {
        ImportAssetsFromLakeFormationTagPolicy: {
          CatalogId: catalog,
          RoleArn: "arn:aws:iam::123456789012:role/x",
          DataSetId: "a".repeat(32),
          RevisionId: "b".repeat(32),
        },
      };
      const expected = /^[\d]{12}$/.test(catalog);
      expect(dxPointers(() => parseJobEntry(wireJob({ Details: details }))).length === 0, catalog).toBe(expected);
      expect(runtimeJob(wireJob({ Details: details })), catalog).toBe(expected);
    }
  });
});
