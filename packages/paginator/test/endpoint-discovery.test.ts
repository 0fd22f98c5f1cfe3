/**
 * Endpoint discovery (found on Timestream Write's model): every operation has
 * `aws.api#clientDiscoveredEndpoint {required: true}`, and the service's `aws.api#clientEndpointDiscovery`
 * names `DescribeEndpoints`, "the only action that Timestream Live Analytics regional endpoints
 * recognize". The AWS SDK sends DescribeEndpoints to `ingest.timestream.<region>.amazonaws.com` first,
 * then the operation to the `Address` it answers (the account's cell) until `CachePeriodInMinutes` runs
 * out. The `/signed` binding sent ListDatabases to the regional host, which cannot answer it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emittedSignedBinding } from "./support/emitted.js";
import { generatedSigned } from "./support/generated-signed.js";

const KEY = { accessKeyId: "AKIDDISCOVERY", secretAccessKey: "discovery-secret" };
const CELL = "ingest-cell2.timestream.us-east-1.amazonaws.com";

/** Timestream Write's shape: awsJson1_0, DescribeEndpoints, a paginated ListDatabases sent to the discovered host. */
function spec(options: { required?: boolean; serviceTrait?: object | null } = {}) {
  const {
    required = true,
    serviceTrait = { operation: "ex#DescribeEndpoints", error: "ex#InvalidEndpointException" },
  } = options;
  const errorMessage = { Message: { target: "smithy.api#String" } };
  return {
    smithy: "2.0",
    shapes: {
      "ex#Timestream_20181101": {
        type: "service",
        version: "2018-11-01",
        operations: [{ target: "ex#DescribeEndpoints" }, { target: "ex#ListDatabases" }],
        traits: {
          "aws.protocols#awsJson1_0": {},
          "aws.api#service": { sdkId: "Timestream Write", endpointPrefix: "ingest.timestream" },
          "aws.auth#sigv4": { name: "timestream" },
          ...(serviceTrait !== null && { "aws.api#clientEndpointDiscovery": serviceTrait }),
        },
      },
      "ex#DescribeEndpoints": {
        type: "operation",
        input: { target: "ex#DescribeEndpointsRequest" },
        output: { target: "ex#DescribeEndpointsResponse" },
      },
      "ex#DescribeEndpointsRequest": { type: "structure", members: {} },
      "ex#DescribeEndpointsResponse": {
        type: "structure",
        members: { Endpoints: { target: "ex#Endpoints", traits: { "smithy.api#required": {} } } },
      },
      "ex#Endpoints": { type: "list", member: { target: "ex#Endpoint" } },
      "ex#Endpoint": {
        type: "structure",
        members: {
          Address: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
          CachePeriodInMinutes: {
            target: "smithy.api#PrimitiveLong",
            traits: { "smithy.api#required": {}, "smithy.api#default": 0 },
          },
        },
      },
      "ex#ListDatabases": {
        type: "operation",
        input: { target: "ex#ListDatabasesRequest" },
        output: { target: "ex#ListDatabasesResponse" },
        errors: [{ target: "ex#InvalidEndpointException" }],
        traits: {
          "aws.api#clientDiscoveredEndpoint": { required },
          "smithy.api#paginated": { inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxResults" },
        },
      },
      "ex#ListDatabasesRequest": {
        type: "structure",
        members: { NextToken: { target: "smithy.api#String" }, MaxResults: { target: "smithy.api#Integer" } },
      },
      "ex#ListDatabasesResponse": {
        type: "structure",
        members: { Databases: { target: "ex#Names" }, NextToken: { target: "smithy.api#String" } },
      },
      "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
      "ex#InvalidEndpointException": {
        type: "structure",
        members: errorMessage,
        traits: { "smithy.api#error": "client", "smithy.api#httpError": 421 },
      },
    },
  };
}

describe("the emitted /signed binding", () => {
  it("names the discovery operation and its error where discovery is required, and nothing where it is optional", () => {
    expect(emittedSignedBinding(spec(), "ListDatabases")).toContain(
      '  endpointPrefix: "ingest.timestream",\n  discovery: {"target":"Timestream_20181101.DescribeEndpoints","error":"InvalidEndpointException"},\n  method: "POST",',
    );
    // DynamoDB's operations are `required: false`: the SDKs discover their endpoints only when asked to.
    expect(emittedSignedBinding(spec({ required: false }), "ListDatabases")).not.toContain("discovery");
  });

  it("refuses a discovered operation without the service's discovery trait, and a trait naming no operation", () => {
    expect(() => emittedSignedBinding(spec({ serviceTrait: null }), "ListDatabases")).toThrow(
      /ListDatabases: aws\.api#clientDiscoveredEndpoint needs the service's aws\.api#clientEndpointDiscovery.*ex#Timestream_20181101 has none/s,
    );
    expect(() => emittedSignedBinding(spec({ serviceTrait: { operation: "ex#Nope" } }), "ListDatabases")).toThrow(
      /aws\.api#clientEndpointDiscovery names ex#Nope, which is not an operation of ex#Timestream_20181101/,
    );
    expect(() =>
      emittedSignedBinding(
        spec({ serviceTrait: { operation: "ex#DescribeEndpoints", error: "ex#Names" } }),
        "ListDatabases",
      ),
    ).toThrow(/names the error ex#Names, which is not an error structure/);
    expect(() =>
      emittedSignedBinding(spec({ serviceTrait: { error: "ex#InvalidEndpointException" } }), "ListDatabases"),
    ).toThrow(/aws\.api#clientEndpointDiscovery.*missing "operation"/s);
  });
});

type Seen = { url: string; target: string; body: string; authorization: string };
type Answer = { status?: number; body: object };

/** A fake `fetch` answering DescribeEndpoints with `endpoints()` and ListDatabases from `pages`, in order. */
function service(endpoints: () => Answer, pages: Answer[]): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  let page = 0;
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const target = headers.get("x-amz-target") ?? "";
    seen.push({
      url: String(url),
      target,
      body: String(init?.body),
      authorization: headers.get("authorization") ?? "",
    });
    const answer = target.endsWith(".DescribeEndpoints") ? endpoints() : (pages[page++] ?? { body: {} });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "content-type": "application/x-amz-json-1.0" },
    });
  }) as typeof fetch;
  return { fetch: fake, seen };
}
const cell = (minutes = 1440): Answer => ({ body: { Endpoints: [{ Address: CELL, CachePeriodInMinutes: minutes }] } });

const out = mkdtempSync(join(tmpdir(), "dx-discovery-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
type Paginate = (client: unknown, params: object) => AsyncIterable<{ Databases?: string[] }>;
let api: Promise<Record<string, unknown>> | undefined;
async function paginate(): Promise<{ list: Paginate; client: (options: object) => unknown }> {
  api ??= generatedSigned(out, "discovery", spec());
  const m = await api;
  return {
    list: m["paginateListDatabases"] as Paginate,
    client: (options) =>
      (m["signedClient"] as (o: object) => unknown)({ region: "us-east-1", credentials: KEY, ...options }),
  };
}
async function names(pages: AsyncIterable<{ Databases?: string[] }>): Promise<string[]> {
  const got: string[] = [];
  for await (const page of pages) got.push(...(page.Databases ?? []));
  return got;
}

describe("the generated /signed binding over a fake service", () => {
  it("discovers the cell first, sends every page there, and keeps the cell for the next run", async () => {
    const { list, client } = await paginate();
    const { fetch, seen } = service(cell, [
      { body: { Databases: ["a"], NextToken: "t2" } },
      { body: { Databases: ["b"] } },
      { body: { Databases: ["c"] } },
    ]);
    const c = client({ fetch });
    expect(await names(list(c, { PaginationConfig: { PageSize: 1 } }))).toEqual(["a", "b"]);
    expect(seen.map((s) => `${s.url} ${s.target} ${s.body}`)).toEqual([
      "https://ingest.timestream.us-east-1.amazonaws.com/ Timestream_20181101.DescribeEndpoints {}",
      `https://${CELL}/ Timestream_20181101.ListDatabases {"MaxResults":1}`,
      `https://${CELL}/ Timestream_20181101.ListDatabases {"NextToken":"t2","MaxResults":1}`,
    ]);
    for (const s of seen)
      expect(s.authorization).toMatch(/Credential=AKIDDISCOVERY\/\d{8}\/us-east-1\/timestream\/aws4_request/);
    // The cell is kept for its CachePeriodInMinutes: a second run asks no discovery again.
    expect(await names(list(c, {}))).toEqual(["c"]);
    expect(seen.slice(3).map((s) => s.target)).toEqual(["Timestream_20181101.ListDatabases"]);
  });

  it("discovers once for runs started together, and again when the cache period is over", async () => {
    const { list, client } = await paginate();
    const { fetch, seen } = service(
      () => cell(0),
      [{ body: { Databases: ["a"] } }, { body: { Databases: ["b"] } }, { body: { Databases: ["c"] } }],
    );
    const c = client({ fetch });
    const both = await Promise.all([names(list(c, {})), names(list(c, {}))]);
    expect(both.flat().sort()).toEqual(["a", "b"]);
    expect(seen.filter((s) => s.target.endsWith(".DescribeEndpoints"))).toHaveLength(1);
    // CachePeriodInMinutes 0: the cell has expired by the next request.
    expect(await names(list(c, {}))).toEqual(["c"]);
    expect(seen.filter((s) => s.target.endsWith(".DescribeEndpoints"))).toHaveLength(2);
  });

  it("drops the cell on InvalidEndpointException, so the next run discovers again", async () => {
    const { list, client } = await paginate();
    const { fetch, seen } = service(cell, [
      { status: 421, body: { __type: "com.amazonaws.timestreamwrite#InvalidEndpointException", Message: "moved" } },
      { body: { Databases: ["a"] } },
    ]);
    const c = client({ fetch, maxAttempts: 1 });
    await expect(names(list(c, {}))).rejects.toMatchObject({ name: "InvalidEndpointException", message: "moved" });
    expect(await names(list(c, {}))).toEqual(["a"]);
    expect(seen.map((s) => s.target.split(".")[1])).toEqual([
      "DescribeEndpoints",
      "ListDatabases",
      "DescribeEndpoints",
      "ListDatabases",
    ]);
  });

  it("uses an endpoint given in the options as it is, with no discovery", async () => {
    const { list, client } = await paginate();
    const { fetch, seen } = service(cell, [{ body: { Databases: ["a"] } }]);
    expect(await names(list(client({ fetch, endpoint: "http://localhost:8000" }), {}))).toEqual(["a"]);
    expect(seen.map((s) => `${s.url} ${s.target}`)).toEqual([
      "http://localhost:8000/ Timestream_20181101.ListDatabases",
    ]);
  });

  it("refuses an answer with no endpoint, sends nothing to the regional host, and asks again next time", async () => {
    const { list, client } = await paginate();
    let answer: Answer = { body: { Endpoints: [] } };
    const { fetch, seen } = service(() => answer, [{ body: { Databases: ["a"] } }]);
    const c = client({ fetch });
    await expect(names(list(c, {}))).rejects.toMatchObject({
      name: "EndpointDiscoveryError",
      message:
        "signedClient: the endpoint discovery (Timestream_20181101.DescribeEndpoints) answered no endpoint: Endpoints is empty",
    });
    expect(seen.map((s) => s.target)).toEqual(["Timestream_20181101.DescribeEndpoints"]);
    answer = cell();
    expect(await names(list(c, {}))).toEqual(["a"]);
    expect(seen.map((s) => s.url)).toEqual([
      "https://ingest.timestream.us-east-1.amazonaws.com/",
      "https://ingest.timestream.us-east-1.amazonaws.com/",
      `https://${CELL}/`,
    ]);
  });
});
