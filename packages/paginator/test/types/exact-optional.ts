/**
 * Compiled by tsc (`pnpm typecheck`, and test/types.test.ts with the flags spelled out): what a consumer
 * writes under `strict` and `exactOptionalPropertyTypes` must compile, and what is wrong must not.
 */
import type { DataExchangeClient } from "@aws-sdk/client-dataexchange";
import type { ListJobsResponse } from "@dx/models";
import { paginateListJobs, wireTransport, type PaginationConfig, type PaginatorOptions } from "../../src/index.js";
import { paginateListJobs as paginateOverSdk } from "../../src/sdk.js";

declare const send: (request: { NextToken?: string }) => Promise<unknown>;
declare const client: DataExchangeClient;
declare const previous: { resumeToken: string | undefined };
declare const maybe: { size: number | undefined; signal: AbortSignal | undefined };

export async function consumer(): Promise<void> {
  // The resume loop of the README: resumeToken is string | undefined, StartingToken takes it (aws-sdk-js-v3 #4017).
  const first = paginateListJobs(send, { PaginationConfig: { StartingToken: previous.resumeToken, MaxItems: 10 } });
  const next = paginateListJobs(wireTransport(send), {
    PaginationConfig: { StartingToken: first.resumeToken, PageSize: maybe.size },
  });
  const options: PaginatorOptions = { signal: maybe.signal, validation: undefined, onDrift: undefined };
  const config: PaginationConfig = { MaxItems: undefined };
  for await (const page of paginateOverSdk(client, { PaginationConfig: config }, options)) {
    const typed: ListJobsResponse = page;
    const requestId: string | undefined = page.$metadata.requestId;
    void typed;
    void requestId;
  }
  void next;

  // @ts-expect-error: a number is not a transport
  paginateListJobs(42);
  // @ts-expect-error: an SDK client belongs to @dx/paginator/sdk
  paginateListJobs(client);
  // @ts-expect-error: the SDK binding takes the service's client only
  paginateOverSdk(send);
  // @ts-expect-error: StartingToken is a string or undefined, not null
  paginateListJobs(send, { PaginationConfig: { StartingToken: null } });
  // @ts-expect-error: not a validation mode
  paginateListJobs(send, {}, { validation: "stirct" });
  // @ts-expect-error: the paginator manages the token member itself
  paginateListJobs(send, { NextToken: "x" });
}
