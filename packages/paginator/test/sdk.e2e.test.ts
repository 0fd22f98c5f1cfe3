/**
 * End to end: the generated paginateListJobs drives the real AWS SDK client (signing, retries, error
 * classes) over HTTP against the local endpoint.
 */
import {
  paginateListJobs as sdkPaginateListJobs,
  ResourceNotFoundException,
  type DataExchangeClient,
} from "@aws-sdk/client-dataexchange";
import {
  everyKth,
  makeJobs,
  onRequests,
  startLocalEndpoint,
  toWire,
  type FaultPlan,
  type LocalEndpoint,
  type WireJob,
} from "@dx/local-endpoint";
import { ValidationError } from "@dx/validators";
import { afterEach, describe, expect, it } from "vitest";
import {
  PageRequestError,
  PageValidationError,
  PaginationAbortedError,
  RepeatedTokenError,
  TokenRewindError,
  paginateListJobs,
  type PageDrift,
} from "../src/index.js";
import { collect } from "./support/things.js";
import { fetchTransport, sdkClient } from "./support/endpoint.js";

const JOBS = makeJobs(60, 5);
const IDS = JOBS.map((j) => j.Id);

let endpoint: LocalEndpoint | undefined;
let client: DataExchangeClient | undefined;
afterEach(async () => {
  client?.destroy();
  await endpoint?.close();
  endpoint = client = undefined;
});

async function serve(
  faults?: FaultPlan,
  jobs: WireJob[] = toWire(JOBS),
): Promise<{ endpoint: LocalEndpoint; client: DataExchangeClient }> {
  endpoint = await startLocalEndpoint({ jobs, ...(faults && { faults }) });
  client = sdkClient(endpoint.url);
  return { endpoint, client };
}

describe("paginateListJobs over the AWS SDK client", () => {
  it("lists every job in order as typed model-form pages, signed, with PageSize as maxResults", async () => {
    const { endpoint, client } = await serve();
    const pages = await collect(paginateListJobs(client, { PaginationConfig: { PageSize: 7 } }));
    expect(pages.length).toBe(9);
    expect(pages.flatMap((p) => p.Jobs ?? []).map((j) => j.Id)).toEqual(IDS);
    expect(pages[0]?.Jobs?.[0]?.CreatedAt).toBeInstanceOf(Date);
    expect(pages[0]).not.toHaveProperty("$metadata");
    expect(
      endpoint.requests.every((r) => r.query["maxResults"] === "7" && r.authorization?.startsWith("AWS4-HMAC-SHA256")),
    ).toBe(true);
  });

  it("refuses an object that only looks like an SDK client, as the SDK's own paginator does", async () => {
    const lookalike = { send: async () => ({ Jobs: [] }), destroy: () => undefined };
    const error = await collect(paginateListJobs(lookalike)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageRequestError);
    expect((error as PageRequestError).cause).toBeInstanceOf(TypeError);
    expect((error as PageRequestError).message).toMatch(/expected a DataExchangeClient/);
  });

  it("gives the same jobs as the SDK's own paginateListJobs", async () => {
    const { client } = await serve();
    const theirs: string[] = [];
    for await (const page of sdkPaginateListJobs({ client, pageSize: 11 }, {}))
      theirs.push(...(page.Jobs ?? []).map((j) => j.Id ?? ""));
    const ours = await paginateListJobs(client, { PaginationConfig: { PageSize: 11 } }).buildFullResult();
    expect(ours.Jobs?.map((j) => j.Id)).toEqual(theirs);
  });

  it("resumes from MaxItems tokens through the SDK without loss or repetition", async () => {
    const { client } = await serve();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const result = await paginateListJobs(client, {
        PaginationConfig: { PageSize: 8, MaxItems: 13, ...(token && { StartingToken: token }) },
      }).buildFullResult();
      seen.push(...(result.Jobs ?? []).map((j) => j.Id));
      token = result.NextToken;
    } while (token !== undefined);
    expect(seen).toEqual(IDS);
  });

  it("rides over 500s and 429s with the SDK's own retries", async () => {
    const { endpoint, client } = await serve((n) => [
      ...everyKth(3, { kind: "status", status: 500 })(n),
      ...everyKth(5, { kind: "status", status: 429 })(n),
    ]);
    const result = await paginateListJobs(client, { PaginationConfig: { PageSize: 10 } }).buildFullResult();
    expect(result.Jobs?.map((j) => j.Id)).toEqual(IDS);
    expect(endpoint.requests.filter((r) => r.status >= 500 || r.status === 429).length).toBeGreaterThan(0);
  });

  it("wraps a service error, keeping the SDK's error class, the failed page and a resume token", async () => {
    const { client } = await serve();
    const error = await collect(paginateListJobs(client, { DataSetId: "no-such-data-set" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageRequestError);
    const failure = error as PageRequestError;
    expect(failure.cause).toBeInstanceOf(ResourceNotFoundException);
    expect(failure.page).toBe(1);
    expect(Buffer.from(failure.resumeToken, "base64").toString()).toBe('{"NextToken": null}');
  });

  it("resumes after the retries run out, from the failed page's token", async () => {
    // Requests 4, 5, 6 fail: the SDK's three attempts at page 4 all fail, then the caller resumes.
    const { client } = await serve(onRequests([4, 5, 6], { kind: "status", status: 500 }));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const job of paginateListJobs(client, { PaginationConfig: { PageSize: 10 } }).items())
        seen.push(job.Id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageRequestError);
    expect((error as PageRequestError).page).toBe(4);
    for await (const job of paginateListJobs(client, {
      PaginationConfig: { PageSize: 10, StartingToken: (error as PageRequestError).resumeToken },
    }).items())
      seen.push(job.Id);
    expect(seen).toEqual(IDS);
  });

  it("reports a malformed body as a failed page whose cause is the SDK's error", async () => {
    const { client } = await serve(onRequests([2], { kind: "malformed" }));
    const error = await collect(paginateListJobs(client, { PaginationConfig: { PageSize: 10 } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PageRequestError);
    expect((error as PageRequestError).page).toBe(2);
    expect((error as PageRequestError).cause).toBeInstanceOf(Error);
  });

  it("stops on a repeated token (or ends quietly when asked) and on a rewound one", async () => {
    const { client } = await serve(onRequests([2], { kind: "repeat-token" }));
    await expect(collect(paginateListJobs(client, { PaginationConfig: { PageSize: 10 } }))).rejects.toBeInstanceOf(
      RepeatedTokenError,
    );
    await endpoint?.close();
    const again = await serve(onRequests([2], { kind: "repeat-token" }));
    const quiet = await paginateListJobs(
      again.client,
      { PaginationConfig: { PageSize: 10 } },
      { stopOnSameToken: true },
    ).buildFullResult();
    expect(quiet.Jobs?.map((j) => j.Id)).toEqual(IDS.slice(0, 20));
    await endpoint?.close();
    const rewound = await serve(onRequests([3], { kind: "rewind-token" }));
    await expect(
      collect(paginateListJobs(rewound.client, { PaginationConfig: { PageSize: 10 } })),
    ).rejects.toBeInstanceOf(TokenRewindError);
  });

  it("aborts during a slow request", async () => {
    const { client } = await serve(everyKth(2, { kind: "delay", ms: 5_000 }));
    const controller = new AbortController();
    const pending = collect(
      paginateListJobs(client, { PaginationConfig: { PageSize: 10 } }, { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 100);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationAbortedError);
    expect((error as PaginationAbortedError).page).toBe(2);
  });
});

describe("validation of pages", () => {
  const drifting = (): WireJob[] =>
    toWire(JOBS).map((job, i) =>
      i % 4 === 0 ? { ...job, State: "PAUSED" } : i % 4 === 1 ? { ...job, Extra: i % 2 } : job,
    );

  it("tolerant by default: unknown enum values pass, reported once per path and value", async () => {
    const { client } = await serve(undefined, drifting());
    const drifts: PageDrift[] = [];
    const result = await paginateListJobs(
      client,
      { PaginationConfig: { PageSize: 10 } },
      { onDrift: (d) => drifts.push(d) },
    ).buildFullResult();
    expect(result.Jobs?.length).toBe(60);
    // The SDK drops unknown members itself, so only the enum value reaches us.
    expect(drifts.map((d) => [d.path, d.kind, d.value, d.page])).toEqual([
      ["/Jobs/*/State", "unknown-enum-value", "PAUSED", 1],
    ]);
  });

  it("reports unknown members too over a wire transport, once per path and value", async () => {
    await serve(undefined, drifting());
    const drifts: PageDrift[] = [];
    const result = await paginateListJobs(
      fetchTransport(endpoint?.url ?? ""),
      { PaginationConfig: { PageSize: 10 } },
      { onDrift: (d) => drifts.push(d) },
    ).buildFullResult();
    expect(result.Jobs?.map((j) => j.Id)).toEqual(IDS);
    expect(result.Jobs?.[0]?.CreatedAt).toBeInstanceOf(Date);
    expect(drifts.map((d) => `${d.kind} ${d.path} ${JSON.stringify(d.value)}`).sort()).toEqual([
      'unknown-enum-value /Jobs/*/State "PAUSED"',
      "unknown-member /Jobs/*/Extra 1",
    ]);
  });

  it("strict on request: drift fails the page with the ValidationError as cause", async () => {
    const { client } = await serve(undefined, drifting());
    const error = await collect(paginateListJobs(client, {}, { validation: "strict" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageValidationError);
    expect((error as PageValidationError).cause).toBeInstanceOf(ValidationError);
  });

  it("off on request: pages are passed through unchecked and nothing is reported", async () => {
    const { client } = await serve(undefined, drifting());
    const drifts: PageDrift[] = [];
    const result = await paginateListJobs(
      client,
      {},
      { validation: "off", onDrift: (d) => drifts.push(d) },
    ).buildFullResult();
    expect(result.Jobs?.length).toBe(60);
    expect(drifts).toEqual([]);
  });
});
