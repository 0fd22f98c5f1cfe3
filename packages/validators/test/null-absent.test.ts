import { describe, expect, it } from "vitest";
import { parseJobEntry, parseListJobsResponse } from "../src/index.js";
import { issuesOf } from "./support/api.js";
import { wireJob } from "./support/fixtures.js";

/** null on the wire for an optional member is absent, in every mode, as the AWS SDKs read it. */
describe("null for an optional member", () => {
  for (const mode of ["strict", "tolerant"] as const) {
    it(`is absent in ${mode} mode (NextToken, Errors, unset ResponseDetails members)`, () => {
      const details = wireJob()["Details"] as Record<string, unknown>;
      const page = {
        Jobs: [wireJob({ Errors: null, Details: { ...details, ImportAssetsFromS3: null, ExportAssetsToS3: null } })],
        NextToken: null,
      };
      const before = JSON.stringify(page);
      const parsed = parseListJobsResponse(page, { mode });
      expect(Object.hasOwn(parsed, "NextToken")).toBe(false);
      const job = parsed.Jobs?.[0] as unknown as Record<string, unknown>;
      expect(Object.hasOwn(job, "Errors")).toBe(false);
      expect(Object.keys(job["Details"] as object)).toEqual(["ImportAssetsFromLakeFormationTagPolicy"]);
      expect(parsed).toEqual(parseListJobsResponse({ Jobs: [wireJob()] }));
      expect(JSON.stringify(page)).toBe(before); // the input is not changed
    });

    it(`keeps required members required in ${mode} mode`, () => {
      expect(issuesOf(() => parseJobEntry(wireJob({ Arn: null }), { mode })).map((i) => i.message)).toEqual([
        "/Arn: expected string; got null",
      ]);
      expect(issuesOf(() => parseJobEntry(wireJob({ Details: null }), { mode })).map((i) => i.pointer)).toEqual([
        "/Details",
      ]);
    });

    it(`leaves an empty structure when every member is null in ${mode} mode`, () => {
      const job = parseJobEntry(wireJob({ Details: { ImportAssetsFromS3: null } }), { mode });
      expect(job.Details).toEqual({});
    });
  }
});
