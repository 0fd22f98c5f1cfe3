// A consumer of @dx/models alone: compiled by tsc against the published types, then run.
import { State, type JobEntry, type ListJobsResponse } from "@dx/models";

const job: JobEntry = {
  Arn: "arn:aws:dataexchange:us-east-1:123456789012:jobs/6cabd4f5b2b9a3e0d8f4c6a1b7e9d2f3",
  CreatedAt: new Date("2024-01-01T00:00:00Z"),
  Details: {},
  Id: "6cabd4f5b2b9a3e0d8f4c6a1b7e9d2f3",
  State: State.COMPLETED,
  Type: "IMPORT_ASSETS_FROM_S3",
  UpdatedAt: new Date("2024-01-01T00:05:00Z"),
};
const page: ListJobsResponse = { Jobs: [job] };

// @ts-expect-error: the published union type must reject a state the spec does not have.
const notAState: State = "NOT_A_STATE";

// Enums are values at run time, not only types.
if (!Object.values(State).includes(job.State)) throw new Error(`State has no ${job.State}`);
if (Object.values(State).includes(notAState)) throw new Error("State accepts anything");
console.log(`@dx/models consumer ok: ${page.Jobs?.length ?? 0} job, ${Object.keys(State).length} states`);
