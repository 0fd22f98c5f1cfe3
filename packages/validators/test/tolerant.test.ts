import { describe, expect, it } from "vitest";
import { isJobEntry, parseJobEntry, parseListJobsResponse, type Drift } from "../src/index.js";
import { issuesOf } from "./support/api.js";
import { wireJob } from "./support/fixtures.js";

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
