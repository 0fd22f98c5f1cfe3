import Ajv2020 from "ajv/dist/2020.js";
import * as fc from "fast-check";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../src/arbitraries.js";
import wireBundle from "../src/generated/schemas/wire.gen.json" with { type: "json" };
import * as dx from "../src/index.js";
import { formats } from "../src/runtime/formats.js";
import { throughJson } from "./support/api.js";
import { edgePages, hostile, wirePage } from "./support/fixtures.js";
import { applyMutation, mutations, type Bundle, type Schema } from "./support/mutations.js";

/**
 * Three implementations of the wire check agree: the Ajv standalone code that the build compiles
 * from the shipped schema (`@dx/validators/ajv`, read from dist/), Ajv compiling the same schema at
 * run time, and the validators emitted from the IR (`checkX`, and `parseX`'s verdict and pointers).
 */
const dist = join(dirname(fileURLToPath(import.meta.url)), "../dist");
const standalone = (await import(pathToFileURL(join(dist, "ajv.js")).href)) as typeof import("../src/ajv.js");

const ajv = new Ajv2020.default({ strict: true, allErrors: true, unicodeRegExp: false });
for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
ajv.addSchema(wireBundle);
const runtime = (name: string) => ajv.getSchema(`${wireBundle.$id}#/$defs/${name}`)!;
const bundle = wireBundle as unknown as Bundle;

type Fn = (value: unknown, options?: dx.ValidateOptions) => unknown;
const api = dx as unknown as Record<string, Fn>;
const validators = standalone as unknown as Record<string, import("../src/ajv.js").AjvValidateFunction>;

/** The shapes with every function: validate (Ajv), check, parse and serialize (dx), an arbitrary. */
const shapes = Object.keys(arbitraries).filter((name) => typeof validators[`validate${name}`] === "function");

function dxPointers(name: string, json: unknown, mode: "strict" | "tolerant" = "strict"): string[] {
  try {
    api[`parse${name}`]!(json, { mode });
    return [];
  } catch (e) {
    return [...new Set((e as dx.ValidationError).issues.map((i) => i.pointer))].sort();
  }
}

function standalonePointers(name: string, json: unknown): string[] {
  const validate = validators[`validate${name}`]!;
  if (validate(json)) return [];
  return [...new Set(standalone.ajvIssues(validate.errors, json).map((i) => i.pointer))].sort();
}

describe("@dx/validators/ajv: Ajv standalone code of the shipped wire schema", () => {
  it("exports one validate function per structure and union, typed as Ajv's", () => {
    expect(shapes.length).toBeGreaterThan(20);
    expect(shapes).toContain("ListJobsResponse");
    for (const name of Object.keys(arbitraries))
      if (typeof api[`parse${name}`] === "function")
        expect(typeof validators[`validate${name}`], name).toBe("function");
    const validate = standalone.validateListJobsResponse;
    expect(validate(throughJson(wirePage(3)))).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it("agrees with run-time Ajv and the emitted checks on arbitraries and single mutations of them", () => {
    for (const name of shapes) {
      const serialize = api[`serialize${name}`]!;
      const check = api[`check${name}`]!;
      const validate = validators[`validate${name}`]!;
      const compiled = runtime(name);
      fc.assert(
        fc.property(arbitraries[name as keyof typeof arbitraries] as fc.Arbitrary<unknown>, fc.nat(), (value, pick) => {
          const json = throughJson(serialize(value));
          expect(validate(json), name).toBe(true);
          expect(compiled(json), name).toBe(true);
          expect(check(json), name).toBe(true);
          const candidates = mutations(bundle, bundle.$defs[name] as Schema, json);
          fc.pre(candidates.length > 0);
          const mutated = applyMutation(json, candidates[pick % candidates.length]!);
          expect(validate(mutated), name).toBe(false);
          expect(compiled(mutated), name).toBe(false);
          expect(check(mutated), name).toBe(false);
          // One fault: the standalone code (first fault only) and parseX name the same place.
          expect(standalonePointers(name, mutated), name).toEqual(dxPointers(name, mutated));
        }),
        { numRuns: name === "ListJobsResponse" ? 200 : 15 },
      );
    }
  });

  it("agrees on nulls for optional members and other edges of the wire form", () => {
    const pages = edgePages();
    for (const [what, page] of pages) {
      const valid = runtime("ListJobsResponse")(page);
      expect(standalone.validateListJobsResponse(page), what).toBe(valid);
      expect(dx.checkListJobsResponse(page), what).toBe(valid);
      // the standalone code stops at the first fault: one of those parseX reports
      const first = standalonePointers("ListJobsResponse", page);
      expect(first.length > 0, what).toBe(!valid);
      for (const pointer of first) expect(dxPointers("ListJobsResponse", page), what).toContain(pointer);
    }
  });

  it("words Ajv's errors as dx's issues and throws them as a ValidationError", () => {
    const page = throughJson(wirePage(2)) as { Jobs: Record<string, unknown>[] };
    page.Jobs[1]!["State"] = "DONE";
    expect(() => standalone.assertAjv(standalone.validateListJobsResponse, page, "ListJobsResponse")).toThrow(
      new dx.ValidationError(
        [
          {
            pointer: "/Jobs/1/State",
            expected: "one of WAITING, IN_PROGRESS, ERROR, COMPLETED, CANCELLED, TIMED_OUT",
            found: '"DONE"',
            message:
              '/Jobs/1/State: expected one of WAITING, IN_PROGRESS, ERROR, COMPLETED, CANCELLED, TIMED_OUT; got "DONE"',
          },
        ],
        "ListJobsResponse",
      ).message,
    );
    delete page.Jobs[0]!["Arn"];
    expect(standalone.validateListJobsResponse(page)).toBe(false);
    expect(standalone.ajvIssues(standalone.validateListJobsResponse.errors, page).map((i) => i.message)).toEqual([
      "/Jobs/0/Arn: expected a value (the member is required); got nothing",
    ]);
  });

  it("rejects the hostile pages (the first fault ends the check)", () => {
    const pages: [string, unknown][] = [
      ["KmsKeysToGrant 2,000x over its max", { Jobs: [hostile.kmsKeys(20_000)] }],
      ["10,000 faults under Details", { Jobs: [hostile.unionFaults(10_000)] }],
      ["a 1 MB unknown member name", { Jobs: [hostile.longName(1_000_000)] }],
    ];
    for (const [what, page] of pages) {
      expect(standalone.validateListJobsResponse(page), what).toBe(false);
      expect(standalone.validateListJobsResponse.errors?.length, what).toBeLessThan(10);
      expect(dx.checkListJobsResponse(page), what).toBe(false);
    }
  });
});

describe("checkX: the wire check alone", () => {
  it("narrows to the wire form's type, as validateX does (type-level, checked by tsc)", () => {
    const json: unknown = throughJson(wirePage(1));
    if (!dx.checkListJobsResponse(json) || !standalone.validateListJobsResponse(json)) throw new Error("invalid");
    const created: string = json.Jobs![0]!.CreatedAt;
    const token: string | null | undefined = json.NextToken;
    // @ts-expect-error the wire form's timestamps are strings, not Dates
    const wrong: Date = json.Jobs![0]!.UpdatedAt;
    const back = dx.serializeListJobsResponse(dx.parseListJobsResponse(json));
    if (!dx.checkListJobsResponse(back)) throw new Error("serializeX must give the wire form");
    expect([typeof created, token, typeof wrong, back.Jobs!.length]).toEqual(["string", "next", "string", 1]);
  });

  it("builds nothing and changes nothing: the same verdicts as parseX in both modes", () => {
    const page = throughJson(wirePage(5)) as { Jobs: Record<string, unknown>[] };
    const before = JSON.stringify(page);
    expect(dx.checkListJobsResponse(page)).toBe(true);
    page.Jobs[2]!["Unknown"] = { a: 1 };
    page.Jobs[3]!["State"] = "PAUSED";
    expect(dx.checkListJobsResponse(page)).toBe(false);
    const drifts: dx.Drift[] = [];
    expect(dx.checkListJobsResponse(page, { mode: "tolerant", onDrift: (d) => drifts.push(d) })).toBe(true);
    expect(drifts.map((d) => d.pointer)).toEqual(["/Jobs/2/Unknown", "/Jobs/3/State"]);
    page.Jobs[2]!["CreatedAt"] = "yesterday";
    expect(dx.checkListJobsResponse(page, { mode: "tolerant" })).toBe(false);
    const original = JSON.parse(before) as typeof page;
    delete page.Jobs[2]!["Unknown"];
    page.Jobs[3]!["State"] = original.Jobs[3]!["State"];
    page.Jobs[2]!["CreatedAt"] = original.Jobs[2]!["CreatedAt"];
    expect(JSON.stringify(page)).toBe(before);
  });
});
