/**
 * Signed bindings generated for other models, run end to end: an awsJson1_1 service against the local
 * endpoint (its awsJson1_1 mode, SigV4 verified), and a restJson1 service against a small server that
 * verifies SigV4 too and records what it got. Both inputs carry timestamps and blobs, so that each is
 * checked where it travels: awsJson and restJson1 bodies (epoch seconds unless `@timestampFormat`, at any
 * depth, blobs as base64, JSON names), restJson1 query and labels (date-time), headers (http-date).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeJobs, startLocalEndpoint, toWire, verifySigV4, type LocalEndpoint } from "@dx/local-endpoint";
import { afterAll, describe, expect, it } from "vitest";
import { generatedSigned } from "./support/generated-signed.js";

const KEY = { accessKeyId: "AKIDGENERATED", secretAccessKey: "generated-secret", region: "us-east-1" };
const timestamp = (traits: Record<string, unknown> = {}) => ({ target: "smithy.api#Timestamp", traits });
const dateTime = { "smithy.api#timestampFormat": "date-time" };

/** Shapes both specs share: a window with a nested timestamp and blobs. */
const window = {
  "ex#Window": {
    type: "structure",
    members: { From: timestamp(), Until: timestamp(dateTime), Keys: { target: "ex#Blobs" } },
  },
  "ex#Blobs": { type: "list", member: { target: "smithy.api#Blob" } },
};

/** A spec with one service of `protocol` and its one paginated operation `name` (`ex#<name>In` to `ex#<name>Out`). */
const spec = (protocol: string, name: string, traits: Record<string, unknown>, shapes: Record<string, unknown>) => ({
  smithy: "2.0",
  shapes: {
    "ex#Svc": { type: "service", version: "1", operations: [{ target: `ex#${name}` }], traits: { [protocol]: {} } },
    [`ex#${name}`]: {
      type: "operation",
      input: { target: `ex#${name}In` },
      output: { target: `ex#${name}Out` },
      traits,
    },
    ...shapes,
    ...window,
  },
});

const awsJsonSpec = spec(
  "aws.protocols#awsJson1_1",
  "ListJobs",
  {
    "smithy.api#paginated": {
      inputToken: "NextToken",
      outputToken: "NextToken",
      items: "Jobs",
      pageSize: "MaxResults",
    },
  },
  {
    "ex#ListJobsIn": {
      type: "structure",
      members: {
        NextToken: { target: "smithy.api#String" },
        MaxResults: { target: "smithy.api#Integer" },
        CreatedAfter: timestamp(),
        CreatedBefore: timestamp(dateTime),
        Marker: { target: "smithy.api#Blob" },
        Window: { target: "ex#Window" },
      },
    },
    "ex#ListJobsOut": {
      type: "structure",
      members: { Jobs: { target: "ex#JobList" }, NextToken: { target: "smithy.api#String" } },
    },
    "ex#JobList": { type: "list", member: { target: "ex#JobEntry" } },
    "ex#JobEntry": {
      type: "structure",
      members: {
        Id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
        CreatedAt: timestamp(dateTime),
        State: { target: "smithy.api#String" },
      },
    },
  },
);

const restJsonSpec = spec(
  "aws.protocols#restJson1",
  "ListThings",
  {
    "smithy.api#http": { method: "POST", uri: "/things/{Day}" },
    "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", items: "Things" },
  },
  {
    "ex#ListThingsIn": {
      type: "structure",
      members: {
        Day: timestamp({ "smithy.api#httpLabel": {}, "smithy.api#required": {} }),
        Since: timestamp({ "smithy.api#httpQuery": "since" }),
        SinceEpoch: timestamp({ "smithy.api#httpQuery": "sinceEpoch", "smithy.api#timestampFormat": "epoch-seconds" }),
        Until: timestamp({ "smithy.api#httpHeader": "X-Until" }),
        Key: { target: "smithy.api#Blob", traits: { "smithy.api#httpHeader": "X-Key" } },
        Cursor: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "cursor" } },
        At: timestamp(),
        Named: { target: "smithy.api#String", traits: { "smithy.api#jsonName": "named_it" } },
        Window: { target: "ex#Window" },
      },
    },
    "ex#ListThingsOut": {
      type: "structure",
      members: { Things: { target: "ex#ThingList" }, Cursor: { target: "smithy.api#String" } },
    },
    "ex#ThingList": { type: "list", member: { target: "smithy.api#String" } },
  },
);

const out = mkdtempSync(join(tmpdir(), "dx-signed-generated-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Generates the packages for `spec`, bundles its signed bindings with the runtime, and imports the bundle. */
const generated = (name: string, spec: object): Promise<Record<string, unknown>> => generatedSigned(out, name, spec);

// The bundles' own API, typed as far as this test uses it.
type Paginate = (
  client: unknown,
  params: object,
  options?: object,
) => AsyncIterable<Record<string, unknown>> & { items(): AsyncIterable<Record<string, unknown>>; resumeToken?: string };
type Signed = (options: object) => unknown;

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const window_ = {
  From: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 500)),
  Until: new Date(Date.UTC(2024, 0, 3)),
  Keys: [bytes("k1"), bytes("\u00ff\u0000")],
};
const wireWindow = { From: 1704164645.5, Until: "2024-01-03T00:00:00.000Z", Keys: ["azE=", "w78A"] };

describe("a generated awsJson1_1 binding, end to end", () => {
  let endpoint: LocalEndpoint | undefined;
  afterAll(() => endpoint?.close());

  it("lists the local endpoint's jobs, signed (verified), the body serialized as awsJson wants it", async () => {
    const api = await generated("awsjson", awsJsonSpec);
    const jobs = toWire(makeJobs(23, 4));
    endpoint = await startLocalEndpoint({ jobs, protocol: "awsJson1_1", sigv4: { ...KEY, service: "svc" } });
    const client = (api["signedClient"] as Signed)({ region: "us-east-1", endpoint: endpoint.url, credentials: KEY });
    const paginate = api["paginateListJobs"] as Paginate;
    const drift: string[] = [];
    const params = {
      CreatedAfter: new Date(Date.UTC(2024, 0, 1)),
      CreatedBefore: new Date(Date.UTC(2025, 0, 1, 12)),
      Marker: bytes("marker"),
      Window: window_,
    };
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const paginator = paginate(
        client,
        { ...params, PaginationConfig: { PageSize: 5, MaxItems: 8, StartingToken: token } },
        { onDrift: (d: { path: string }) => drift.push(d.path) },
      );
      for await (const job of paginator.items()) {
        expect(job["CreatedAt"]).toBeInstanceOf(Date);
        seen.push(job["Id"] as string);
      }
      token = paginator.resumeToken;
    } while (token !== undefined);
    expect(seen).toEqual(jobs.map((j) => j.Id));
    expect(endpoint.requests.every((r) => r.status === 200 && r.method === "POST")).toBe(true);
    expect(JSON.parse(endpoint.requests[1]?.body ?? "")).toEqual({
      CreatedAfter: 1704067200,
      CreatedBefore: "2025-01-01T12:00:00.000Z",
      Marker: "bWFya2Vy",
      Window: wireWindow,
      MaxResults: 5,
      NextToken: expect.any(String),
    });
    // Members the small spec does not know (Arn, Details, ...) are drift, seen over this transport too.
    expect(drift).toContain("/Jobs/*/Arn");
  });
});

describe("a generated restJson1 binding, end to end", () => {
  it("binds timestamps and blobs by location: label and query date-time, header http-date, body epoch seconds", async () => {
    const api = await generated("restjson", restJsonSpec);
    const got: { method: string; url: string; headers: IncomingHttpHeaders; body: string; refused: unknown }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const refused = verifySigV4({ ...KEY, service: "svc" }, req.method ?? "", req.url ?? "", req.headers, body);
        got.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: body.toString(),
          refused,
        });
        res.writeHead(refused ? 403 : 200, { "content-type": "application/json" });
        res.end(JSON.stringify(got.length === 1 ? { Things: ["a"], Cursor: "c1" } : { Things: ["b"] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = (api["signedClient"] as Signed)({ region: "us-east-1", endpoint: url, credentials: KEY });
      const things: unknown[] = [];
      for await (const thing of (api["paginateListThings"] as Paginate)(client, {
        Day: new Date(Date.UTC(2024, 1, 29)),
        Since: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 250)),
        SinceEpoch: new Date(Date.UTC(2024, 0, 1)),
        Until: new Date(Date.UTC(2024, 11, 31, 23, 59, 59)),
        Key: bytes("key"),
        At: new Date(Date.UTC(2024, 5, 1)),
        Named: "n",
        Window: window_,
      }).items())
        things.push(thing);
      expect(things).toEqual(["a", "b"]);
      expect(got.map((r) => r.refused)).toEqual([undefined, undefined]);
      const first = got[0];
      const url0 = new URL(first?.url ?? "", url);
      expect(first?.method).toBe("POST");
      expect(url0.pathname).toBe("/things/2024-02-29T00%3A00%3A00Z");
      expect(Object.fromEntries(url0.searchParams)).toEqual({
        since: "2024-01-01T00:00:00.250Z",
        sinceEpoch: "1704067200",
      });
      expect(first?.headers["x-until"]).toBe("Tue, 31 Dec 2024 23:59:59 GMT");
      expect(first?.headers["x-key"]).toBe("a2V5");
      expect(JSON.parse(first?.body ?? "")).toEqual({ At: 1717200000, named_it: "n", Window: wireWindow });
      expect(new URL(got[1]?.url ?? "", url).searchParams.get("cursor")).toBe("c1");
    } finally {
      server.close();
    }
  });
});

const payloadSpec = spec(
  "aws.protocols#restJson1",
  "SearchThings",
  {
    "smithy.api#http": { method: "POST", uri: "/search" },
    "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", items: "Things" },
  },
  {
    "ex#SearchThingsIn": {
      type: "structure",
      members: {
        Cursor: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "cursor" } },
        Filter: { target: "ex#Window", traits: { "smithy.api#httpPayload": {} } },
        Extra: { target: "ex#Params", traits: { "smithy.api#httpQueryParams": {} } },
        Meta: { target: "ex#Params", traits: { "smithy.api#httpPrefixHeaders": "X-Meta-" } },
      },
    },
    "ex#SearchThingsOut": {
      type: "structure",
      members: {
        Things: { target: "ex#ThingList" },
        Cursor: { target: "smithy.api#String" },
        Status: { target: "smithy.api#Integer", traits: { "smithy.api#httpResponseCode": {} } },
      },
    },
    "ex#ThingList": { type: "list", member: { target: "smithy.api#String" } },
    "ex#Params": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
  },
);

describe("a generated restJson1 binding with @httpPayload, @httpQueryParams, @httpPrefixHeaders and @httpResponseCode", () => {
  it("sends the payload as the whole body (serialized), the map as query parameters, the prefix headers", async () => {
    const api = await generated("payload", payloadSpec);
    const sent: { url: string; headers: Headers; body: unknown }[] = [];
    const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      sent.push({ url: String(url), headers: new Headers(init?.headers), body: init?.body });
      const page = sent.length === 1 ? { Things: ["a"], Cursor: "c1" } : { Things: ["b"] };
      return new Response(JSON.stringify(page), { status: 200, headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    const client = (api["signedClient"] as Signed)({ region: "us-east-1", credentials: KEY, fetch });
    const things: unknown[] = [];
    const params = { Filter: window_, Extra: { cursor: "from the map", tag: "t" }, Meta: { Color: "red" } };
    for await (const thing of (api["paginateSearchThings"] as Paginate)(client, params).items()) things.push(thing);
    expect(things).toEqual(["a", "b"]);
    const [first, second] = sent;
    // The map's entry goes while no @httpQuery member names it; once the token is set, the member wins (Smithy).
    expect(first?.url).toBe("https://svc.us-east-1.amazonaws.com/search?cursor=from%20the%20map&tag=t");
    expect(second?.url).toBe("https://svc.us-east-1.amazonaws.com/search?cursor=c1&tag=t");
    expect(first?.headers.get("x-meta-color")).toBe("red");
    expect(first?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(String(first?.body))).toEqual(wireWindow);
    // An output member bound to the status code (QuickSight's Status) is filled from the response.
    sent.length = 0;
    const pages: Record<string, unknown>[] = [];
    for await (const page of (api["paginateSearchThings"] as Paginate)(client, {})) pages.push(page);
    expect(pages.map((p) => [p["Things"], p["Status"]])).toEqual([
      [["a"], 200],
      [["b"], 200],
    ]);
  });
});
