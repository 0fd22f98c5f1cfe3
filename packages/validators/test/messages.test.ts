import { describe, expect, it } from "vitest";
import {
  assertJobEntry,
  parseJobEntry,
  assertListJobsRequest,
  parseListJobsResponse,
  ValidationError,
} from "../src/index.js";
import { issuesOf } from "./support/api.js";
import { wireJob, wirePage } from "./support/fixtures.js";

describe("ValidationError messages", () => {
  it("names the pointer, the expectation and the found value, as in the issue", () => {
    const page = wirePage(5);
    page.Jobs[3]!["State"] = "DONE";
    const issues = issuesOf(() => parseListJobsResponse(page));
    expect(issues).toEqual([
      {
        pointer: "/Jobs/3/State",
        expected: "one of WAITING, IN_PROGRESS, ERROR, COMPLETED, CANCELLED, TIMED_OUT",
        found: '"DONE"',
        message:
          '/Jobs/3/State: expected one of WAITING, IN_PROGRESS, ERROR, COMPLETED, CANCELLED, TIMED_OUT; got "DONE"',
      },
    ]);
  });

  it("lists every fault at once, and its message lists them for people", () => {
    const job = wireJob({ CreatedAt: "2024-01-02T03:04:05", Id: "short", Extra: true });
    delete job["Arn"];
    let error: unknown;
    try {
      parseJobEntry(job);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    expect(e.issues.map((i) => i.message)).toEqual([
      "/Arn: expected a value (the member is required); got nothing",
      '/CreatedAt: expected an RFC 3339 date-time with an offset, like 2024-01-02T03:04:05Z; got "2024-01-02T03:04:05"',
      '/Id: expected a string matching /^[a-zA-Z0-9]{30,40}$/; got "short"',
      "/Extra: expected no such member (the spec does not know it); got true",
    ]);
    expect(e.message).toContain("invalid JobEntry (wire form) (4 issues):\n  /Arn:");
  });

  it("words numbers, lengths and types", () => {
    expect(issuesOf(() => assertListJobsRequest({ MaxResults: 500 }))[0]?.message).toBe(
      "/MaxResults: expected a number <= 200; got 500",
    );
    expect(issuesOf(() => assertListJobsRequest({ MaxResults: 2.5 }))[0]?.message).toBe(
      "/MaxResults: expected an integer; got 2.5",
    );
    expect(issuesOf(() => parseListJobsResponse({ Jobs: {} }))[0]?.message).toBe(
      "/Jobs: expected array; got an empty object",
    );
    const catalog = wireJob();
    (catalog["Details"] as Record<string, Record<string, unknown>>)["ImportAssetsFromLakeFormationTagPolicy"]![
      "CatalogId"
    ] = "1234";
    expect(issuesOf(() => parseJobEntry(catalog)).map((i) => i.message)).toEqual([
      '/Details/ImportAssetsFromLakeFormationTagPolicy/CatalogId: expected at least 12 characters; got "1234" (4 characters)',
      '/Details/ImportAssetsFromLakeFormationTagPolicy/CatalogId: expected a string matching /^[\\d]{12}$/; got "1234"',
    ]);
  });

  it("reports the model form's Date faults", () => {
    const issues = issuesOf(() =>
      assertJobEntry({
        ...parseJobEntry(wireJob()),
        CreatedAt: "2024-01-02T03:04:05Z",
        UpdatedAt: new Date(Number.NaN),
      }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      '/CreatedAt: expected a valid Date; got "2024-01-02T03:04:05Z"',
      "/UpdatedAt: expected a valid Date; got an invalid Date",
    ]);
  });

  it("says (root) for the value itself", () => {
    expect(issuesOf(() => parseListJobsResponse(null))[0]?.message).toBe("(root): expected object; got null");
  });
});
