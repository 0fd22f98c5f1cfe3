import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isJobEntry, parseJobEntry, parseListJobsResponse, type Drift } from "../src/index.js";
import { issuesOf } from "./support/api.js";
import { hostile, wireJob } from "./support/fixtures.js";

/** A job as the service might send it in a later API version: a new state, a new detail variant, a new member. */
function futureJob(): Record<string, unknown> {
  return wireJob({
    State: "PAUSED",
    Details: { ImportAssetsFromFutureSource: { Where: "there" } },
    Priority: 3,
  });
}

describe("strict and tolerant modes", () => {
  it("strict (the default) rejects members and enum values the spec does not know", () => {
    const issues = issuesOf(() => parseJobEntry(futureJob()));
    expect(issues.map((i) => i.pointer).sort()).toEqual([
      "/Details/ImportAssetsFromFutureSource",
      "/Priority",
      "/State",
    ]);
    expect(issuesOf(() => parseJobEntry(futureJob(), { mode: "strict" }))).toEqual(issues);
  });

  it("tolerant accepts them, keeps them in the value and reports each as drift", () => {
    const drifts: Drift[] = [];
    const job = parseJobEntry(futureJob(), { mode: "tolerant", onDrift: (d) => drifts.push(d) });
    expect(drifts).toEqual([
      { pointer: "/Details/ImportAssetsFromFutureSource", kind: "unknown-member", value: { Where: "there" } },
      { pointer: "/State", kind: "unknown-enum-value", value: "PAUSED" },
      { pointer: "/Priority", kind: "unknown-member", value: 3 },
    ]);
    expect(job.State).toBe("PAUSED");
    expect((job as unknown as Record<string, unknown>)["Priority"]).toBe(3);
    expect(job.CreatedAt).toEqual(new Date("2024-01-02T03:04:05.123Z"));
  });

  it("tolerant still rejects what the spec does forbid", () => {
    const job = futureJob();
    job["CreatedAt"] = 1704164645;
    job["State"] = 7;
    const issues = issuesOf(() => parseJobEntry(job, { mode: "tolerant" }));
    expect(issues.map((i) => i.message)).toEqual([
      "/CreatedAt: expected string; got 1704164645",
      "/State: expected string; got 7",
    ]);
  });

  it("reports drift in the model form too, with pointers of the page", () => {
    const drifts: Drift[] = [];
    const model = parseJobEntry(futureJob(), { mode: "tolerant" });
    expect(isJobEntry(model)).toBe(false);
    expect(isJobEntry(model, { mode: "tolerant", onDrift: (d) => drifts.push(d) })).toBe(true);
    expect(drifts.map((d) => d.pointer)).toEqual(["/Details/ImportAssetsFromFutureSource", "/State", "/Priority"]);
    const page: Drift[] = [];
    parseListJobsResponse({ Jobs: [wireJob(), futureJob()] }, { mode: "tolerant", onDrift: (d) => page.push(d) });
    expect(page.map((d) => d.pointer)).toEqual([
      "/Jobs/1/Details/ImportAssetsFromFutureSource",
      "/Jobs/1/State",
      "/Jobs/1/Priority",
    ]);
  });

  it("rejects an unknown mode instead of guessing", () => {
    expect(() => parseJobEntry(wireJob(), { mode: "lenient" as never })).toThrow(TypeError);
  });

  // Plain JavaScript callers: TypeScript refuses each of these.
  it.each([
    ["options not an object", "tolerant", 'options must be an object ({ mode, onDrift }), not "tolerant"'],
    ["a misspelt option", { mdoe: "tolerant" }, 'unknown option "mdoe" (the options are mode and onDrift)'],
    ["onDrift not a function", { mode: "tolerant", onDrift: true }, "onDrift must be a function, not true"],
  ])("rejects %s instead of ignoring it", (_, options, message) => {
    expect(() => parseJobEntry(wireJob(), options as never)).toThrow(new TypeError(message));
    expect(() => isJobEntry(wireJob(), options as never)).toThrow(new TypeError(message));
  });
});

describe("values outside the spec's constraints (length, pattern, range, item count, unique items)", () => {
  const ID = "a string matching /^[a-zA-Z0-9]{30,40}$/";

  it("strict rejects them; tolerant keeps them and reports each as constraint drift, with what the spec asks", () => {
    expect(issuesOf(() => parseJobEntry(wireJob({ Id: "short-id" }))).map((i) => i.message)).toEqual([
      `/Id: expected ${ID}; got "short-id"`,
    ]);
    const drifts: Drift[] = [];
    const job = parseJobEntry(wireJob({ Id: "short-id" }), { mode: "tolerant", onDrift: (d) => drifts.push(d) });
    expect(job.Id).toBe("short-id");
    expect(drifts).toEqual([{ pointer: "/Id", kind: "constraint", value: "short-id", expected: ID }]);
    // Without a listener, tolerant mode accepts them silently, as it does unknown members.
    expect(parseJobEntry(wireJob({ Id: "short-id" }), { mode: "tolerant" }).Id).toBe("short-id");
  });

  it("a list over its length, and equal items where they must be unique", () => {
    const keys = "/Details/CreateS3DataAccessFromS3Bucket/AssetSource/KmsKeysToGrant";
    expect(issuesOf(() => parseJobEntry(hostile.kmsKeys(11))).map((i) => i.pointer)).toEqual([keys]);
    expect(issuesOf(() => parseJobEntry(hostile.kmsKeys(2))).map((i) => i.message)).toEqual([
      `${keys}: expected unique items; got items 0 and 1 are equal`,
    ]);
    const drifts: Drift[] = [];
    parseJobEntry(hostile.kmsKeys(11), { mode: "tolerant", onDrift: (d) => drifts.push(d) });
    parseJobEntry(hostile.kmsKeys(2), { mode: "tolerant", onDrift: (d) => drifts.push(d) });
    expect(drifts.map((d) => [d.pointer, d.kind, d.expected])).toEqual([
      [keys, "constraint", "at most 10 items"],
      [keys, "constraint", "unique items"],
    ]);
  });

  it("for any string the pattern refuses: strict faults it, tolerant reports it once and keeps it", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }).filter((id) => !/^[a-zA-Z0-9]{30,40}$/.test(id)),
        (id) => {
          expect(issuesOf(() => parseJobEntry(wireJob({ Id: id }))).map((i) => i.pointer)).toEqual(["/Id"]);
          const drifts: Drift[] = [];
          expect(parseJobEntry(wireJob({ Id: id }), { mode: "tolerant", onDrift: (d) => drifts.push(d) }).Id).toBe(id);
          expect(drifts).toEqual([{ pointer: "/Id", kind: "constraint", value: id, expected: ID }]);
        },
      ),
    );
  });

  it("the type still binds in tolerant mode: a number where the spec says string is a fault", () => {
    expect(issuesOf(() => parseJobEntry(wireJob({ Id: 12 }), { mode: "tolerant" })).map((i) => i.pointer)).toEqual([
      "/Id",
    ]);
  });
});
