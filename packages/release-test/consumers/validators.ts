// A consumer of @dx/validators alone: compiled by tsc against the published types, then run.
import { isJobEntry, parseListJobsResponse, serializeListJobsResponse, ValidationError } from "@dx/validators";

type Page = Parameters<typeof serializeListJobsResponse>[0];
const page: Page = {
  Jobs: [
    {
      Arn: "arn:aws:dataexchange:us-east-1:123456789012:jobs/6cabd4f5b2b9a3e0d8f4c6a1b7e9d2f3",
      CreatedAt: new Date("2024-01-01T00:00:00Z"),
      Details: {},
      Id: "6cabd4f5b2b9a3e0d8f4c6a1b7e9d2f3",
      State: "COMPLETED",
      Type: "IMPORT_ASSETS_FROM_S3",
      UpdatedAt: new Date("2024-01-01T00:05:00Z"),
    },
  ],
  NextToken: "next",
};

// Model → wire JSON → model again: timestamps come back as the same Dates.
const wire: unknown = JSON.parse(JSON.stringify(serializeListJobsResponse(page)));
const back = parseListJobsResponse(wire);
const [job] = back.Jobs ?? [];
if (job === undefined || !isJobEntry(job)) throw new Error("the round trip lost the job");
if (!(job.CreatedAt instanceof Date) || job.CreatedAt.getTime() !== page.Jobs?.[0]?.CreatedAt.getTime())
  throw new Error("CreatedAt changed");

// A malformed page is refused with located issues.
let issues = 0;
try {
  parseListJobsResponse({ Jobs: [{ Arn: 42 }] });
} catch (e) {
  if (!(e instanceof ValidationError)) throw e;
  issues = e.issues.length;
}
if (issues === 0) throw new Error("a malformed page was accepted");
console.log(
  `@dx/validators consumer ok: round trip of ${back.Jobs?.length ?? 0} job, malformed page refused with ${issues} issue(s)`,
);
