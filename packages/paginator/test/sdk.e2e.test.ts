/**
 * End to end: the generated paginateListJobs drives the real AWS SDK client (signing, retries, error
 * classes) over HTTP against the local endpoint.
 */
import {
  InternalServerException,
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
import { serializeListJobsResponse, ValidationError } from "@dx/validators";
import { Readable } from "node:stream";
import { isDeepStrictEqual } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  pageFailureOf,
  PageValidationError,
  PaginationAbortedError,
  RepeatedTokenError,
  TokenRewindError,
  paginateListJobs as paginateOverFunctions,
  type PageDrift,
} from "../src/index.js";
import { paginateListJobs } from "../src/sdk.js";
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
  it("lists every job in order as typed model-form pages, signed, with PageSize as maxResults and the SDK's $metadata", async () => {
    const { endpoint, client } = await serve();
    const pages = await collect(paginateListJobs(client, { PaginationConfig: { PageSize: 7 } }));
    expect(pages.length).toBe(9);
    expect(pages.flatMap((p) => p.Jobs ?? []).map((j) => j.Id)).toEqual(IDS);
    expect(pages[0]?.Jobs?.[0]?.CreatedAt).toBeInstanceOf(Date);
    expect(pages.map((p) => p.$metadata.requestId)).toEqual(endpoint.requests.map((r) => `req-${r.n}`));
    expect(pages[0]?.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    expect(
      endpoint.requests.every((r) => r.query["maxResults"] === "7" && r.authorization?.startsWith("AWS4-HMAC-SHA256")),
    ).toBe(true);
  });

  it("refuses what is not a DataExchangeClient when the paginator is created (and at compile time)", () => {
    const lookalike = { send: async () => ({ Jobs: [] }), destroy: () => undefined };
    // @ts-expect-error: the SDK binding takes a DataExchangeClient only
    expect(() => paginateListJobs(lookalike)).toThrow(/paginateListJobs: expected a DataExchangeClient, got an object/);
    // @ts-expect-error: the plain binding takes functions and wire transports, not objects
    expect(() => paginateOverFunctions(lookalike)).toThrow(TypeError);
    const real = sdkClient("http://127.0.0.1:9");
    // @ts-expect-error: an SDK client belongs to @dx/paginator/sdk, and the message says so
    expect(() => paginateOverFunctions(real)).toThrow(/import paginateListJobs from "@dx\/paginator\/sdk"/);
    real.destroy();
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

  it("throws a service error as the SDK's own exception, with the failed page and a resume token added", async () => {
    const { client } = await serve();
    const error = await collect(paginateListJobs(client, { DataSetId: "no-such-data-set" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).name).toBe("ResourceNotFoundException");
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    const failure = pageFailureOf(error);
    expect(failure?.page).toBe(1);
    expect(Buffer.from(failure?.resumeToken ?? "", "base64").toString()).toBe('{"NextToken": null}');
  });

  it("resumes after the retries run out, from the failed page's token; buildFullResult keeps what it had", async () => {
    // Requests 4, 5, 6 fail: the SDK's three attempts at page 4 all fail, then the caller resumes.
    const { client } = await serve(onRequests([4, 5, 6], { kind: "status", status: 500 }));
    const error = await paginateListJobs(client, { PaginationConfig: { PageSize: 10 } })
      .buildFullResult()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerException);
    const failure = pageFailureOf(error);
    expect(failure?.page).toBe(4);
    const partial = failure?.partialResult as { Jobs: { Id: string }[]; NextToken: string };
    expect(partial.NextToken).toBe(failure?.resumeToken);
    const seen = partial.Jobs.map((j) => j.Id);
    for await (const job of paginateListJobs(client, {
      PaginationConfig: { PageSize: 10, StartingToken: failure?.resumeToken },
    }).items())
      seen.push(job.Id);
    expect(seen).toEqual(IDS);
  });

  it("reports a malformed body as the SDK's error, with the failed page", async () => {
    const { client } = await serve(onRequests([2], { kind: "malformed" }));
    const error = await collect(paginateListJobs(client, { PaginationConfig: { PageSize: 10 } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyntaxError);
    expect(pageFailureOf(error)?.page).toBe(2);
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

  it("tolerant by default over the SDK client: unknown members and enum values are kept and reported once per path", async () => {
    const { client } = await serve(undefined, drifting());
    const drifts: PageDrift[] = [];
    const result = await paginateListJobs(
      client,
      { PaginationConfig: { PageSize: 10 } },
      { onDrift: (d) => drifts.push(d) },
    ).buildFullResult();
    expect(result.Jobs?.length).toBe(60);
    expect((result.Jobs?.[1] as Record<string, unknown> | undefined)?.["Extra"]).toBe(1); // kept, as over wireTransport
    expect(drifts.map((d) => [d.path, d.kind, d.value, d.page])).toEqual([
      ["/Jobs/*/State", "unknown-enum-value", "PAUSED", 1],
      ["/Jobs/*/Extra", "unknown-member", 1, 1],
    ]);
  });

  it("reports unknown members too over a wire transport, once per path and value", async () => {
    await serve(undefined, drifting());
    const drifts: PageDrift[] = [];
    const result = await paginateOverFunctions(
      fetchTransport(endpoint?.url ?? ""),
      { PaginationConfig: { PageSize: 10 } },
      { onDrift: (d) => drifts.push(d) },
    ).buildFullResult();
    expect(result.Jobs?.map((j) => j.Id)).toEqual(IDS);
    expect(result.Jobs?.[0]?.CreatedAt).toBeInstanceOf(Date);
    // An unknown member is reported once per path (with its first value); enum values once per path and value.
    expect(drifts.map((d) => `${d.kind} ${d.path} ${JSON.stringify(d.value)}`).sort()).toEqual([
      'unknown-enum-value /Jobs/*/State "PAUSED"',
      "unknown-member /Jobs/*/Extra 1",
    ]);
  });

  it("strict over the SDK client refuses a member the spec does not know (the SDK would have dropped it)", async () => {
    const later = toWire(JOBS).map((job, i) => (i === 13 ? { ...job, AssetConfiguration: { Mode: "NEW" } } : job));
    const { client } = await serve(undefined, later);
    const error = await collect(
      paginateListJobs(client, { PaginationConfig: { PageSize: 10 } }, { validation: "strict" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageValidationError);
    expect((error as PageValidationError).page).toBe(2);
    expect(String((error as PageValidationError).cause)).toContain("/Jobs/3/AssetConfiguration");
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

describe("the body, read by dx over the SDK client", () => {
  /** An SDK client whose request handler answers every request with `body()` (no HTTP). */
  const answering = (body: () => unknown) => {
    const client = sdkClient("http://127.0.0.1:9");
    client.config.requestHandler = {
      handle: async () => ({
        response: { statusCode: 200, headers: { "x-amzn-requestid": "r1" }, body: body() },
      }),
    } as unknown as typeof client.config.requestHandler;
    return client;
  };
  const page = toWire(JOBS.slice(0, 3));
  const bytes = Buffer.from(JSON.stringify({ Jobs: page }), "utf8");
  // Chunks cut inside multi-byte characters (the jobs have non-ASCII text), as a socket may deliver them.
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
  expect(bytes.length).toBeGreaterThan(JSON.stringify({ Jobs: page }).length);

  it("decodes a Node stream chunk by chunk, characters split across chunks included", async () => {
    const result = await paginateListJobs(answering(() => Readable.from(chunks))).buildFullResult();
    expect(result.Jobs?.map((j) => j.Id)).toEqual(page.map((j) => j.Id));
    expect(isDeepStrictEqual(serializeListJobsResponse(result), { Jobs: page })).toBe(true);
  });

  it("takes any other body (a web stream) through the SDK's stream collector", async () => {
    const web = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
          controller.close();
        },
      });
    const result = await paginateListJobs(answering(web)).buildFullResult();
    expect(isDeepStrictEqual(serializeListJobsResponse(result), { Jobs: page })).toBe(true);
  });
});
