import { describe, expect, it } from "vitest";
import {
  isJobEntry,
  isJobError,
  isListJobsRequest,
  parseJobEntry,
  parseJobError,
  assertListJobsRequest,
  parseListJobsResponse,
  serializeJobError,
  type Drift,
} from "../src/index.js";
import { issuesOf } from "./support/api.js";
import { hostile, wireJob } from "./support/fixtures.js";
import { ValidationError } from "../src/index.js";

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
}

describe("hostile input", () => {
  it("rejects a __proto__ key in strict mode and never changes a prototype", () => {
    const json = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(wireJob()).slice(1)}`) as unknown;
    expect(issuesOf(() => parseJobEntry(json)).map((i) => i.pointer)).toEqual(["/__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("keeps a __proto__ key in tolerant mode as an own member, without touching prototypes", () => {
    const json = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(wireJob()).slice(1)}`) as unknown;
    const drifts: Drift[] = [];
    const job = parseJobEntry(json, { mode: "tolerant", onDrift: (d) => drifts.push(d) });
    expect(Object.getPrototypeOf(job)).toBe(Object.prototype);
    expect(Object.hasOwn(job, "__proto__")).toBe(true);
    expect((job as unknown as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(drifts).toEqual([{ pointer: "/__proto__", kind: "unknown-member", value: { polluted: true } }]);
  });

  it('treats "constructor" and "toString" keys as unknown members', () => {
    const json = JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "toString": 1}') as unknown;
    expect(
      issuesOf(() => parseJobError(json))
        .map((i) => i.pointer)
        .sort(),
    ).toEqual(["/Code", "/Message", "/constructor", "/toString"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("rejects or accepts deeply nested values without overflowing", () => {
    const deep = nested(20_000);
    expect(issuesOf(() => parseJobEntry(wireJob({ Details: deep })))).toHaveLength(1);
    const drifts: Drift[] = [];
    const job = parseJobEntry(wireJob({ Extra: deep }), { mode: "tolerant", onDrift: (d) => drifts.push(d) });
    expect(drifts.map((d) => d.pointer)).toEqual(["/Extra"]);
    expect((job as unknown as Record<string, unknown>)["Extra"]).toBe(deep);
    // uniqueItems compares items deeply: a nesting too deep for the stack is a ValidationError, not a RangeError
    const grant = (extra: unknown) => ({ KmsKeyArn: "k", Extra: extra });
    const details = {
      CreateS3DataAccessFromS3Bucket: {
        AssetSource: { Bucket: "b", KmsKeysToGrant: [grant(nested(200_000)), grant(nested(200_000))] },
        DataSetId: "a".repeat(32),
        RevisionId: "b".repeat(32),
      },
    };
    expect(issuesOf(() => parseJobEntry(wireJob({ Details: details }), { mode: "tolerant" }))).toEqual([
      {
        pointer: "",
        expected: "a value nested less deeply",
        found: "a value nested too deeply to check",
        message: "(root): expected a value nested less deeply; got a value nested too deeply to check",
      },
    ]);
  });

  it("checks very long strings", () => {
    const long = "x".repeat(5_000_000);
    expect(isJobEntry(parseJobEntry(wireJob({ Arn: long })))).toBe(true);
    const issues = issuesOf(() => parseJobEntry(wireJob({ Id: long })));
    expect(issues.map((i) => i.message)).toEqual([
      `/Id: expected a string matching /^[a-zA-Z0-9]{30,40}$/; got "${"x".repeat(60)}"… (5000000 characters)`,
    ]);
  });

  it("rejects numbers JSON cannot carry (1e400 parses as Infinity) and NaN as an integer", () => {
    expect(issuesOf(() => assertListJobsRequest(JSON.parse('{"MaxResults": 1e400}'))).map((i) => i.message)).toEqual([
      "/MaxResults: expected an integer; got Infinity",
    ]);
    expect(
      issuesOf(() =>
        parseJobError(JSON.parse('{"Code": "MALWARE_DETECTED", "Message": "m", "LimitValue": 1e400}')),
      ).map((i) => i.pointer),
    ).toEqual(["/LimitValue"]);
    expect(isListJobsRequest({ MaxResults: Number.NaN })).toBe(false);
  });

  it('accepts NaN where Smithy allows it (a double), carried on the wire as the string "NaN"', () => {
    const error = { Code: "MALWARE_DETECTED" as const, Message: "m", LimitValue: Number.NaN };
    expect(isJobError(error)).toBe(true);
    expect(serializeJobError(error)).toEqual({ Code: "MALWARE_DETECTED", Message: "m", LimitValue: "NaN" });
    expect(parseJobError({ Code: "MALWARE_DETECTED", Message: "m", LimitValue: "-Infinity" }).LimitValue).toBe(
      Number.NEGATIVE_INFINITY,
    );
    expect(
      issuesOf(() => parseJobError({ Code: "MALWARE_DETECTED", Message: "m", LimitValue: "nan" })).map(
        (i) => i.message,
      ),
    ).toEqual(['/LimitValue: expected a finite number or one of NaN, Infinity, -Infinity; got "nan"']);
  });

  it("rejects non-objects at the top with the root pointer", () => {
    for (const value of [null, undefined, 42, "jobs", true, [], [wireJob()], () => 1, Symbol("s"), 10n]) {
      const issues = issuesOf(() => parseListJobsResponse(value));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.pointer).toBe("");
      expect(isJobEntry(value)).toBe(false);
    }
  });

  it("rejects a list 2,000 times over its max with bounded issues and message (the count kept)", () => {
    const error = thrown(() => parseJobEntry(hostile.kmsKeys(20_000)));
    expect(error.issues.map((i) => i.message)).toEqual([
      "/Details/CreateS3DataAccessFromS3Bucket/AssetSource/KmsKeysToGrant: expected at most 10 items; got 20000 items",
    ]);
    // uniqueItems is not checked once the max failed; within the max it is, and linear in the items
    expect(thrown(() => parseJobEntry(hostile.kmsKeys(3))).issues[0]?.found).toBe("items 0 and 1 are equal");
  });

  it("caps 10,000 faults under one union member at 100 issues, keeps the count, bounds the message", () => {
    const error = thrown(() => parseJobEntry(hostile.unionFaults(10_000)));
    expect(error.count).toBe(10_000);
    expect(error.issues).toHaveLength(100);
    expect(error.issues[99]?.pointer).toBe("/Details/ImportAssetsFromS3/AssetSources/99/Bucket");
    expect(error.message).toContain("(10000 issues)");
    expect(error.message).toContain("… and 9980 more");
    expect(error.message.length).toBeLessThan(16_384);
  });

  it("keeps the message short for a 1 MB unknown member name (pointer and value cut)", () => {
    const error = thrown(() => parseJobEntry(hostile.longName(1_000_000)));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.pointer).toHaveLength(1_000_001);
    expect(error.message.length).toBeLessThan(16_384);
    expect(error.message).toContain(`/${"x".repeat(60)}…(1000000 characters): expected no such member`);
  });
});

function thrown(run: () => unknown): ValidationError {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected a ValidationError");
}
