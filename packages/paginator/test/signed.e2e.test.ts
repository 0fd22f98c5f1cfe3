/**
 * The lean signed transport (`@dx/paginator/signed`) against the local endpoint verifying SigV4 with a
 * known key: listing, a wrong secret (403), the standard retry behaviour under injected 500s and 429s,
 * Retry-After, typed service errors, and awsJson requests.
 */
import {
  everyKth,
  makeJobs,
  onRequests,
  startLocalEndpoint,
  toWire,
  type FaultPlan,
  type LocalEndpoint,
} from "@dx/local-endpoint";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { splitHeader } from "@smithy/core/serde";
import { PaginationAbortedError, pageFailureOf } from "../src/index.js";
import { buildRequest, type HttpBinding } from "../src/runtime/signed/binding.js";
import { paginateListJobs as paginateOverSdk } from "../src/sdk.js";
import { captureFetch } from "./support/capture-fetch.js";
import { sdkClient } from "./support/endpoint.js";
import { paginateListJobsOperation } from "../src/generated/paginateListJobs.gen.js";
import {
  createSignedPaginator,
  paginateListJobs,
  ServiceError,
  signedClient,
  SignedClient,
  type SignedClientOptions,
} from "../src/signed.js";
import * as onNode from "../src/signed.node.js";

const JOBS = makeJobs(45, 9);
const IDS = JOBS.map((j) => j.Id);
const KEY = { accessKeyId: "AKIDSIGNEDTEST", secretAccessKey: "the-right-secret" };

let endpoint: LocalEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function serve(faults?: FaultPlan): Promise<LocalEndpoint> {
  endpoint = await startLocalEndpoint({
    jobs: toWire(JOBS),
    sigv4: { ...KEY, region: "us-east-1" },
    ...(faults && { faults }),
  });
  return endpoint;
}

/** The portable client (fetch, @aws-crypto's SHA-256) and the one `@dx/paginator/signed` gives on Node. */
const platforms = [
  ["fetch (browsers, and the portable entry)", signedClient],
  ["node:http (the package's node condition)", onNode.signedClient],
] as const;
let makeClient: (options: SignedClientOptions) => SignedClient = signedClient;
const client = (url: string, options: Partial<SignedClientOptions> = {}) =>
  makeClient({ region: "us-east-1", endpoint: url, credentials: KEY, retryBaseDelayMs: 1, ...options });

describe.each(platforms)("paginateListJobs over signedClient, %s", (_, make) => {
  beforeEach(() => {
    makeClient = make;
  });

  it("lists every job, signed (verified by the endpoint), with PageSize, resume tokens and $metadata", async () => {
    const e = await serve();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const paginator = paginateListJobs(client(e.url), {
        PaginationConfig: { PageSize: 7, MaxItems: 10, StartingToken: token },
      });
      for await (const page of paginator) {
        seen.push(...(page.Jobs ?? []).map((j) => j.Id));
        expect(page.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
        expect(page.Jobs?.[0]?.CreatedAt).toBeInstanceOf(Date);
      }
      token = paginator.resumeToken;
    } while (token !== undefined);
    expect(seen).toEqual(IDS);
    expect(
      e.requests.every(
        (r) => r.status === 200 && r.authorization?.startsWith("AWS4-HMAC-SHA256 Credential=AKIDSIGNEDTEST/"),
      ),
    ).toBe(true);
  });

  it("takes credentials from a provider function (the SDK's interface), as fromNodeProviderChain() gives", async () => {
    const e = await serve();
    let calls = 0;
    const provider = async () => {
      calls++;
      return { ...KEY, sessionToken: undefined };
    };
    const result = await paginateListJobs(client(e.url, { credentials: provider })).buildFullResult();
    expect(result.Jobs?.length).toBe(45);
    expect(calls).toBeGreaterThan(0);
  });

  it("a wrong secret is a 403 InvalidSignatureException, not retried, with the page and a resume token", async () => {
    const e = await serve();
    const error = await paginateListJobs(client(e.url, { credentials: { ...KEY, secretAccessKey: "wrong" } }))
      .buildFullResult()
      .catch((x: unknown) => x);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).name).toBe("InvalidSignatureException");
    expect((error as ServiceError).$fault).toBe("client");
    expect((error as ServiceError).$metadata.httpStatusCode).toBe(403);
    expect(pageFailureOf(error)?.page).toBe(1);
    expect(e.requests.map((r) => r.status)).toEqual([403]);
  });

  it("rides over 500s and 429s with standard retries", async () => {
    const e = await serve((n) => [
      ...everyKth(3, { kind: "status", status: 500 })(n),
      ...everyKth(5, { kind: "status", status: 429 })(n),
    ]);
    const result = await paginateListJobs(client(e.url), { PaginationConfig: { PageSize: 5 } }).buildFullResult();
    expect(result.Jobs?.map((j) => j.Id)).toEqual(IDS);
    expect(e.requests.filter((r) => r.status !== 200).length).toBeGreaterThan(3);
  });

  it("gives up after maxAttempts with the service's error, and resumes from the failed page", async () => {
    const e = await serve(onRequests([4, 5, 6], { kind: "status", status: 500 }));
    const error = await paginateListJobs(client(e.url), { PaginationConfig: { PageSize: 10 } })
      .buildFullResult()
      .catch((x: unknown) => x);
    expect((error as ServiceError).name).toBe("InternalServerException");
    expect((error as ServiceError).$metadata.attempts).toBe(3);
    const failure = pageFailureOf(error);
    expect(failure?.page).toBe(4);
    const partial = failure?.partialResult as { Jobs: { Id: string }[] };
    const rest = await paginateListJobs(client(e.url), {
      PaginationConfig: { PageSize: 10, StartingToken: failure?.resumeToken },
    }).buildFullResult();
    expect([...partial.Jobs, ...(rest.Jobs ?? [])].map((j) => j.Id)).toEqual(IDS);
  });

  it("maps a service error to its name, and waits as Retry-After says", async () => {
    const e = await serve();
    const error = await paginateListJobs(client(e.url), { DataSetId: "missing" })
      .buildFullResult()
      .catch((x: unknown) => x);
    expect((error as ServiceError).name).toBe("ResourceNotFoundException");
    expect((error as ServiceError).message).toBe("Data set missing was not found.");
    let calls = 0;
    const started = Date.now();
    const slowDown: typeof fetch = async () => {
      calls++;
      return calls === 1
        ? new Response(JSON.stringify({ message: "slow down" }), {
            status: 503,
            headers: { "retry-after": "0.3", "x-amzn-errortype": "ServiceUnavailableException" },
          })
        : new Response(JSON.stringify({ Jobs: [] }), { status: 200 });
    };
    const pages = await paginateListJobs(client("http://127.0.0.1:9", { fetch: slowDown })).buildFullResult();
    expect(pages).toEqual({ Jobs: [] });
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("an abort during a request ends the run at once, with where to resume", async () => {
    const e = await serve(onRequests([2], { kind: "delay", ms: 2_000 }));
    const controller = new AbortController();
    const started = Date.now();
    const pages: number[] = [];
    const paginator = paginateListJobs(
      client(e.url),
      { PaginationConfig: { PageSize: 5 } },
      { signal: controller.signal },
    );
    const error = await (async () => {
      for await (const page of paginator) {
        pages.push(page.Jobs?.length ?? 0);
        setTimeout(() => controller.abort(), 50);
      }
    })().catch((x: unknown) => x);
    expect(error).toBeInstanceOf(PaginationAbortedError);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(pages).toEqual([5]);
    expect((error as PaginationAbortedError).resumeToken).toBe(paginator.resumeToken);
  });

  it("sends no request for a misspelt member or an option given as a param (it would be a GET body)", async () => {
    const e = await serve();
    for (const params of [{ DatasetId: "ds" }, { validation: "strict" }]) {
      // @ts-expect-error: neither is a ListJobs member
      const paginator = paginateListJobs(client(e.url), params);
      await expect(paginator.buildFullResult()).rejects.toThrow(
        /^Unknown parameter in input: "\w+", must be one of: DataSetId, RevisionId/,
      );
    }
    expect(e.requests).toEqual([]);
  });

  it.each([
    [{ region: "" }, 'region must be a host label (letters, digits, inner hyphens), as us-east-1, got ""'],
    // A region is part of the default host: this one would send the signed request to evil.test.
    [
      { region: "evil.test/x", endpoint: undefined },
      'region must be a host label (letters, digits, inner hyphens), as us-east-1, got "evil.test/x"',
    ],
    [
      { credentials: { accessKeyId: "AKID" } },
      "credentials must be { accessKeyId, secretAccessKey } (strings) or a provider function, got an object with accessKeyId",
    ],
    [
      { credentials: "AKID:secret" },
      'credentials must be { accessKeyId, secretAccessKey } (strings) or a provider function, got "AKID:secret"',
    ],
    [{ endpoint: "localhost:8080/" }, 'endpoint must be an http or https URL, got "localhost:8080/"'],
    [{ maxAttempts: 0 }, "maxAttempts must be an integer of at least 1, got 0"],
    [{ retryBaseDelayMs: Number.NaN }, "retryBaseDelayMs must be a finite number of at least 0, got NaN"],
  ])("refuses bad options when the client is made (plain JavaScript): %j", (bad, message) => {
    const options = { region: "us-east-1", endpoint: "http://127.0.0.1:1", credentials: KEY, ...bad };
    expect(() => makeClient(options as SignedClientOptions)).toThrow(new TypeError(`signedClient: ${message}`));
  });

  it("refuses what is not a SignedClient when the paginator is created", () => {
    // @ts-expect-error: a SignedClient only
    expect(() => paginateListJobs({ send: async () => ({}) })).toThrow(/expected a SignedClient/);
  });
});

describe("on Node", () => {
  it("@dx/paginator/signed resolves to the node:http client under Node, and to the portable one elsewhere", () => {
    const script = `import("@dx/paginator/signed").then((m) => console.log(typeof m.nodeHttpHandler, typeof m.fetchHandler))`;
    expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe("function function");
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      exports: Record<string, Record<string, string>>;
    };
    const exports = manifest.exports["./signed"];
    expect(exports).toMatchObject({
      node: { default: "./dist/signed.node.js" },
      default: { default: "./dist/signed.js" },
    });
  });

  it("sends with node:http: the global fetch is not used, and each client keeps its connections alive", async () => {
    const e = await serve();
    const saved = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error("fetch must not be used"));
    try {
      const c = onNode.signedClient({ region: "us-east-1", endpoint: e.url, credentials: KEY });
      expect(c).toBeInstanceOf(SignedClient);
      const result = await paginateListJobs(c, { PaginationConfig: { PageSize: 5 } }).buildFullResult();
      expect(result.Jobs?.map((j) => j.Id)).toEqual(IDS);
    } finally {
      globalThis.fetch = saved;
    }
    expect(new Set(e.requests.map((r) => r.remotePort)).size).toBe(1);
  });

  it("decodes the body once, as it arrives, characters split between packets included", async () => {
    const text = JSON.stringify({ Jobs: [{ Id: "caf\u00e9 \u{1f600} \u6f22" }] });
    const bytes = Buffer.from(text, "utf8");
    const cut = bytes.indexOf(0xf0) + 2; // inside the 4-byte emoji
    const server = createServer((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "r" });
      res.write(bytes.subarray(0, cut));
      setTimeout(() => res.end(bytes.subarray(cut)), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await onNode.nodeHttpHandler()({
        method: "GET",
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        headers: {},
      });
      expect([response.status, response.header("x-amzn-requestid"), response.body]).toEqual([200, "r", text]);
    } finally {
      server.close();
    }
  });

  it("retries a network failure, then throws it as a TypeError with its cause, as fetch's", async () => {
    const error = await paginateListJobs(
      onNode.signedClient({
        region: "us-east-1",
        endpoint: "http://127.0.0.1:9",
        credentials: KEY,
        retryBaseDelayMs: 1,
        maxAttempts: 2,
      }),
    )
      .buildFullResult()
      .catch((x: unknown) => x);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: "ECONNREFUSED" });
    expect(pageFailureOf(error)?.page).toBe(1);
  });
});

describe("the endpoint's SigV4 check", () => {
  it("accepts the AWS SDK's own signatures (so it checks SigV4, not this transport's reading of it)", async () => {
    endpoint = await startLocalEndpoint({
      jobs: toWire(JOBS),
      sigv4: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-secret", region: "us-east-1" },
    });
    const sdk = sdkClient(endpoint.url);
    try {
      const result = await paginateOverSdk(sdk, {
        PaginationConfig: { PageSize: 20 },
      }).buildFullResult();
      expect(result.Jobs?.length).toBe(45);
      const wrong = sdkClient(endpoint.url, 1);
      wrong.config.credentials = async () => ({ accessKeyId: "AKIDLOCALTEST", secretAccessKey: "nope" });
      await expect(paginateOverSdk(wrong).buildFullResult()).rejects.toMatchObject({
        name: "InvalidSignatureException",
      });
      wrong.destroy();
    } finally {
      sdk.destroy();
    }
  });
});

describe("awsJson1_1 end to end", () => {
  it("lists over POST / with X-Amz-Target and a signed JSON body, resuming from tokens", async () => {
    endpoint = await startLocalEndpoint({ jobs: toWire(JOBS), sigv4: KEY, protocol: "awsJson1_1" });
    const paginateOverAwsJson = createSignedPaginator(paginateListJobsOperation, {
      protocol: "awsJson1_1",
      signingName: "dataexchange",
      method: "POST",
      uri: "/",
      target: "DataExchange.ListJobs",
      members: {
        DataSetId: ["body", "DataSetId"],
        MaxResults: ["body", "MaxResults"],
        NextToken: ["body", "NextToken"],
        RevisionId: ["body", "RevisionId"],
      },
    });
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const paginator = paginateOverAwsJson(client(endpoint.url), {
        PaginationConfig: { PageSize: 6, MaxItems: 20, StartingToken: token },
      });
      for await (const job of paginator.items()) seen.push(job.Id);
      token = paginator.resumeToken;
    } while (token !== undefined);
    expect(seen).toEqual(IDS);
    expect(endpoint.requests.every((r) => r.method === "POST" && r.path === "/" && r.status === 200)).toBe(true);
    const missing = await paginateOverAwsJson(client(endpoint.url), { DataSetId: "nope" })
      .buildFullResult()
      .catch((e: unknown) => e);
    expect((missing as ServiceError).name).toBe("ResourceNotFoundException");
  });
});

describe("requests by protocol", () => {
  it("awsJson1_1: a POST to / with X-Amz-Target and the input as JSON (wire names)", () => {
    const request = buildRequest(
      {
        protocol: "awsJson1_1",
        signingName: "logs",
        method: "POST",
        uri: "/",
        target: "Logs_20140328.DescribeLogGroups",
        members: { NextToken: ["body", "nextToken"], Limit: ["body", "limit"] },
      },
      { NextToken: "t1", Limit: 5 },
      new URL("https://logs.us-east-1.amazonaws.com"),
    );
    expect(request).toEqual({
      method: "POST",
      path: "/",
      query: {},
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Logs_20140328.DescribeLogGroups" },
      body: '{"nextToken":"t1","limit":5}',
    });
  });

  it("restJson1: labels, query and headers bound, the rest in a JSON body", () => {
    const request = buildRequest(
      {
        protocol: "restJson1",
        signingName: "x",
        method: "POST",
        uri: "/things/{Owner}/list?mode=all",
        members: {
          Owner: ["label", "Owner"],
          Token: ["query", "token"],
          Trace: ["header", "X-Trace"],
          Filter: ["body", "filter"],
        },
      },
      { Owner: "a b/c", Token: "t", Trace: "on", Filter: { kind: "k" } },
      new URL("https://x.example/base/"),
    );
    expect(request).toEqual({
      method: "POST",
      path: "/base/things/a%20b%2Fc/list",
      query: { token: "t", mode: "all" },
      headers: { "x-trace": "on", "content-type": "application/json" },
      body: '{"filter":{"kind":"k"}}',
    });
  });

  it("restJson1: a query map (@httpQueryParams) and prefix headers (@httpPrefixHeaders); a named query member wins", () => {
    const request = buildRequest(
      {
        protocol: "restJson1",
        signingName: "x",
        method: "GET",
        uri: "/things",
        members: {
          Token: ["query", "token"],
          Extra: ["queryParams", "Extra"],
          Meta: ["prefixHeaders", "X-Meta-"],
        },
      },
      {
        Token: "t",
        Extra: JSON.parse('{"token":"not me","tag":["a","b"],"mode":"x","toString":"ts","__proto__":"p"}'),
        Meta: { Color: "red", Size: "L" },
      },
      new URL("https://x.example"),
    );
    expect(request).toEqual({
      method: "GET",
      path: "/things",
      query: JSON.parse('{"token":"t","tag":["a","b"],"mode":"x","toString":"ts","__proto__":"p"}'),
      headers: { "x-meta-color": "red", "x-meta-size": "L" },
    });
  });

  it("restJson1: an @httpPayload member is the whole body: a structure's JSON, text or bytes", () => {
    const binding = (kind: "json" | "text" | "bytes"): HttpBinding => ({
      protocol: "restJson1",
      signingName: "x",
      method: "POST",
      uri: "/things/{Id}",
      members: { Id: ["label", "Id"], Doc: ["payload", "doc", kind], Type: ["header", "Content-Type"] },
    });
    const base = new URL("https://x.example");
    expect(buildRequest(binding("json"), { Id: "1", Doc: { a: 1, when: new Date(0) } }, base)).toEqual({
      method: "POST",
      path: "/things/1",
      query: {},
      headers: { "content-type": "application/json" },
      body: '{"a":1,"when":"1970-01-01T00:00:00.000Z"}',
    });
    // Through the validators' serializer (as generated bindings send), which gives the payload's wire form.
    const serialized = buildRequest(
      { ...binding("json"), serialize: (() => ({ a: 1, when: 0 })) as NonNullable<HttpBinding["serialize"]> },
      { Id: "1", Doc: { a: 1, when: new Date(0) } },
      base,
    );
    expect(serialized.body).toBe('{"a":1,"when":0}');
    expect(buildRequest(binding("text"), { Id: "2", Doc: "hello" }, base)).toMatchObject({
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    // A Content-Type member of the input wins over the default one.
    const bytes = buildRequest(binding("bytes"), { Id: "3", Doc: new Uint8Array([1, 2, 3]), Type: "image/png" }, base);
    expect(bytes.headers).toEqual({ "content-type": "image/png" });
    expect(bytes.body).toEqual(new Uint8Array([1, 2, 3]));
    expect(() => buildRequest(binding("bytes"), { Id: "4", Doc: 5 }, base)).toThrow(
      new TypeError("signedClient: a blob payload must be a Uint8Array or a string, got 5"),
    );
  });

  it("timestamps and blobs: by location and format, and in a body without a serializer (epoch seconds, base64)", () => {
    const at = new Date(Date.UTC(2024, 1, 29, 12, 30));
    const request = buildRequest(
      {
        protocol: "restJson1",
        signingName: "x",
        method: "PUT",
        uri: "/at/{When}",
        members: {
          When: ["label", "When"],
          Since: ["query", "since"],
          Epoch: ["query", "epoch", "epoch-seconds"],
          Until: ["header", "X-Until"],
          UntilIso: ["header", "X-Until-Iso", "date-time"],
          Key: ["header", "X-Key"],
          Body: ["body", "body"],
          Raw: ["body", "raw"],
        },
      },
      {
        When: at,
        Since: [at, at],
        Epoch: at,
        Until: at,
        UntilIso: at,
        Key: new Uint8Array([1, 2, 255]),
        Body: at,
        Raw: new Uint8Array([104, 105]),
      },
      new URL("https://x.example"),
    );
    expect(request).toEqual({
      method: "PUT",
      path: "/at/2024-02-29T12%3A30%3A00Z",
      query: { since: ["2024-02-29T12:30:00Z", "2024-02-29T12:30:00Z"], epoch: "1709209800" },
      headers: {
        "x-until": "Thu, 29 Feb 2024 12:30:00 GMT",
        "x-until-iso": "2024-02-29T12:30:00Z",
        "x-key": "AQL/",
        "content-type": "application/json",
      },
      body: '{"body":1709209800,"raw":"aGk="}',
    });
  });

  it("a list in a header: items holding a comma or a quote are quoted, http-dates are not (Smithy's RestJsonInputAndOutputWithQuotedStringHeaders)", () => {
    const at = new Date(Date.UTC(2019, 11, 16, 23, 48, 18));
    const request = buildRequest(
      {
        protocol: "restJson1",
        signingName: "x",
        method: "POST",
        uri: "/InputAndOutputWithHeaders",
        members: {
          Strings: ["header", "X-StringList"],
          Plain: ["header", "X-Plain"],
          Times: ["header", "X-TimestampList"],
          Counts: ["header", "X-IntegerList"],
        },
      },
      { Strings: ["b,c", '"def"', "a"], Plain: ["a", "b", "c"], Times: [at, at], Counts: [1, 2] },
      new URL("https://x.example"),
    );
    // The protocol test's wire text, as the AWS SDKs send it (@smithy/core's quoteHeader).
    expect(request.headers).toEqual({
      "x-stringlist": '"b,c", "\\"def\\"", a',
      "x-plain": "a, b, c",
      "x-timestamplist": "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
      "x-integerlist": "1, 2",
    });
    // Read back as Smithy splits a header list, the items are the ones sent.
    expect(splitHeader(request.headers["x-stringlist"] ?? "")).toEqual(["b,c", '"def"', "a"]);
  });

  it("a @mediaType string in a header travels base64-encoded (Smithy's MediaTypeHeaderInputBase64); a list's timestamps in the list's format", () => {
    const at = new Date(Date.UTC(2019, 11, 16, 23, 48, 18));
    const request = buildRequest(
      {
        protocol: "restJson1",
        signingName: "x",
        method: "GET",
        uri: "/MediaTypeHeader",
        members: { Json: ["header", "X-Json", "base64"], Epochs: ["query", "epochs", "epoch-seconds"] },
      },
      { Json: "true", Epochs: [at, new Date(at.getTime() + 500)] },
      new URL("https://x.example"),
    );
    expect(request.headers).toEqual({ "x-json": "dHJ1ZQ==" });
    expect(request.query).toEqual({ epochs: ["1576540098", "1576540098.5"] });
    const unicode = buildRequest(
      {
        protocol: "restJson1",
        signingName: "x",
        method: "GET",
        uri: "/",
        members: { Json: ["header", "X-Json", "base64"] },
      },
      { Json: '{"k":"é"}' },
      new URL("https://x.example"),
    );
    expect(Buffer.from(unicode.headers["x-json"] ?? "", "base64").toString("utf8")).toBe('{"k":"é"}');
  });
});

describe("URLs as the AWS SDK writes them", () => {
  it("escapes query values and labels as the SDK does (RFC 3986: a space is %20, and !'()* are escaped)", async () => {
    const { DataExchangeClient, ListJobsCommand } = await import("@aws-sdk/client-dataexchange");
    const awkward = "a b+c!'()*~é/";
    // The SDK's request, caught before it leaves (no network).
    let sdkUrl = "";
    const sdk = new DataExchangeClient({
      region: "us-east-1",
      credentials: KEY,
      requestHandler: {
        handle: async (request: { path: string; query?: Record<string, string | string[] | null> }) => {
          const query = Object.entries(request.query ?? {})
            .map(([k, v]) => `${k}=${String(v)}`)
            .join("&");
          sdkUrl = `${request.path}?${query}`;
          throw new Error("caught");
        },
      } as never,
    });
    await sdk.send(new ListJobsCommand({ DataSetId: awkward, MaxResults: 5 })).catch(() => undefined);
    const { fetch, seen } = captureFetch('{"Jobs":[]}');
    const client = signedClient({ region: "us-east-1", credentials: KEY, fetch });
    for await (const page of paginateListJobs(client, { DataSetId: awkward, PaginationConfig: { PageSize: 5 } }))
      void page;
    const url = new URL(seen[0]?.url ?? "");
    expect(url.search).toBe("?dataSetId=a%20b%2Bc%21%27%28%29%2A~%C3%A9%2F&maxResults=5");
    // The SDK hands its handler the raw values, which its builder escapes the same way.
    expect(sdkUrl).toBe(`/v1/jobs?dataSetId=${awkward}&maxResults=5`);
    const { buildQueryString } = await import("@smithy/core/protocols");
    expect(url.search.slice(1)).toBe(buildQueryString({ dataSetId: awkward, maxResults: "5" }));
  });
});

describe("service errors", () => {
  it("carry the error body's other members, as the SDK's exceptions carry their modeled ones", async () => {
    const body = {
      __type: "ResourceNotFoundException",
      Message: "Data set x was not found.",
      ResourceId: "x",
      ResourceType: "DATA_SET",
      name: "not over the name",
      $metadata: "not over the metadata",
    };
    const fetch = (async () =>
      new Response(JSON.stringify(body), {
        status: 404,
        headers: { "content-type": "application/json", "x-amzn-requestid": "req-9" },
      })) as typeof globalThis.fetch;
    const client = signedClient({ region: "us-east-1", credentials: KEY, fetch });
    const error = await (async () => {
      for await (const page of paginateListJobs(client, { DataSetId: "x" })) void page;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    const e = error as ServiceError;
    expect([e.name, e.message, e["ResourceId"], e["ResourceType"]]).toEqual([
      "ResourceNotFoundException",
      "Data set x was not found.",
      "x",
      "DATA_SET",
    ]);
    expect(e.$metadata.requestId).toBe("req-9");
    expect(Object.keys(e)).not.toContain("__type");
  });
});
