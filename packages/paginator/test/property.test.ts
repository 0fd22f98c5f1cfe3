/**
 * The property boto3 users rely on: however a listing is cut (job count, page size, MaxItems, chains of
 * resumes from StartingToken) and whatever faults break it (500, 429, malformed bodies, each surfacing as
 * a PageRequestError to resume from), with or without read-ahead, the items of all runs, concatenated, are the service's full list
 * in order: nothing lost, nothing repeated.
 */
import {
  everyKth,
  makeJobs,
  onRequests,
  startLocalEndpoint,
  toWire,
  noFaults,
  type FaultPlan,
} from "@dx/local-endpoint";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PageRequestError, paginateListJobs } from "../src/index.js";
import { fetchTransport } from "./support/endpoint.js";

const POOL = toWire(makeJobs(90, 11));

const faultPlan: fc.Arbitrary<{ plan: FaultPlan; label: string }> = fc.oneof(
  fc.constant({ plan: noFaults, label: "none" }),
  fc
    .record({ k: fc.integer({ min: 2, max: 6 }), status: fc.constantFrom(500 as const, 429 as const) })
    .map(({ k, status }) => ({
      plan: everyKth(k, { kind: "status", status }),
      label: `${status} every ${k}`,
    })),
  fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }).map((ns) => ({
    plan: onRequests(ns, { kind: "malformed" }),
    label: `malformed on ${ns.join(",")}`,
  })),
);

describe("concatenated runs equal the full listing", () => {
  it("for any job count, page size, MaxItems chain and faults", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 25 }),
        fc.array(fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), { minLength: 1, maxLength: 6 }),
        faultPlan,
        fc.boolean(),
        async (count, pageSize, maxItemsChain, faults, readAhead) => {
          const jobs = POOL.slice(0, count);
          const endpoint = await startLocalEndpoint({ jobs, faults: faults.plan });
          try {
            const transport = fetchTransport(endpoint.url);
            const seen: string[] = [];
            let token: string | undefined;
            for (let run = 0; ; run++) {
              if (run > 400) throw new Error("the chain of resumes does not end");
              const maxItems = maxItemsChain[run % maxItemsChain.length];
              const paginator = paginateListJobs(
                transport,
                {
                  PaginationConfig: {
                    PageSize: pageSize,
                    ...(maxItems !== undefined && { MaxItems: maxItems }),
                    ...(token !== undefined && { StartingToken: token }),
                  },
                },
                { readAhead },
              );
              try {
                for await (const job of paginator.items()) seen.push(job.Id);
                token = paginator.resumeToken;
              } catch (error) {
                if (!(error instanceof PageRequestError)) throw error;
                token = error.resumeToken; // an injected fault: resume from the failed page
              }
              if (token === undefined) break;
            }
            expect(seen).toEqual(jobs.map((j) => j.Id));
          } finally {
            await endpoint.close();
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
