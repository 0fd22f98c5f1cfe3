// A consumer of @dx/validators alone: compiled by tsc against the published types, then run.
import {
  checkListJobsResponse,
  isJobEntry,
  parseListJobsResponse,
  serializeListJobsResponse,
  ValidationError,
  type Wire,
} from "@dx/validators";
import { ajvIssues, assertAjv, validateListJobsResponse } from "@dx/validators/ajv";

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
// The wire check alone and Ajv's standalone check agree, and both narrow to the wire types.
if (!checkListJobsResponse(wire)) throw new Error("checkListJobsResponse refused a valid page");
const wireJob: Wire.JobEntry | undefined = wire.Jobs?.[0];
if (typeof wireJob?.CreatedAt !== "string") throw new Error("the wire form's CreatedAt is not a string");
if (!validateListJobsResponse(wire)) throw new Error("Ajv standalone refused a valid page");
const broken: unknown = { Jobs: [{ ...wireJob, State: 7 }] };
if (checkListJobsResponse(broken) || validateListJobsResponse(broken)) throw new Error("a bad State was accepted");
const ajvPointers = ajvIssues(validateListJobsResponse.errors, broken).map((i) => i.pointer);
if (!ajvPointers.includes("/Jobs/0/State")) throw new Error(`Ajv's issues point at ${ajvPointers.join(", ")}`);
try {
  assertAjv(validateListJobsResponse, broken);
  throw new Error("assertAjv accepted a bad page");
} catch (e) {
  if (!(e instanceof ValidationError)) throw e;
}

console.log(
  `@dx/validators consumer ok: round trip of ${back.Jobs?.length ?? 0} job, malformed page refused with ${issues} issue(s)`,
);
