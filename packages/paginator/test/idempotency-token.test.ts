/**
 * `@idempotencyToken` members of a paginated input (found on Timestream Query's model: Query's
 * `ClientToken`, "If the Query API is instantiated without a ClientToken, the Query SDK generates a
 * ClientToken on your behalf"). The AWS SDK fills a token left out with a fresh UUID for each request,
 * and its retries resend the same one, so that the service runs a retried request once. The `/signed`
 * binding sent none: a retry after a lost answer was a new query run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emittedSignedBinding } from "./support/emitted.js";
import { generatedSigned } from "./support/generated-signed.js";

const KEY = { accessKeyId: "AKIDTOKENS", secretAccessKey: "tokens-secret" };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Timestream Query's Query (awsJson1_0), or a restJson1 variant with the token in a header. */
function spec(protocol: "awsJson1_0" | "restJson1") {
  const rest = protocol === "restJson1";
  return {
    smithy: "2.0",
    shapes: {
      "ex#Timestream_20181101": {
        type: "service",
        version: "2018-11-01",
        operations: [{ target: "ex#Query" }],
        traits: {
          [`aws.protocols#${protocol}`]: {},
          "aws.api#service": { sdkId: "Timestream Query", endpointPrefix: "query.timestream" },
          "aws.auth#sigv4": { name: "timestream" },
        },
      },
      "ex#Query": {
        type: "operation",
        input: { target: "ex#QueryRequest" },
        output: { target: "ex#QueryResponse" },
        traits: {
          "smithy.api#paginated": {
            inputToken: "NextToken",
            outputToken: "NextToken",
            items: "Rows",
            pageSize: "MaxRows",
          },
          ...(rest && { "smithy.api#http": { method: "POST", uri: "/query", code: 200 } }),
        },
      },
      "ex#QueryRequest": {
        type: "structure",
        members: {
          QueryString: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
          ClientToken: {
            target: "smithy.api#String",
            traits: {
              "smithy.api#idempotencyToken": {},
              ...(rest && { "smithy.api#httpHeader": "x-amz-client-token" }),
            },
          },
          NextToken: { target: "smithy.api#String" },
          MaxRows: { target: "smithy.api#Integer" },
        },
      },
      "ex#QueryResponse": {
        type: "structure",
        members: { Rows: { target: "ex#Rows" }, NextToken: { target: "smithy.api#String" } },
      },
      "ex#Rows": { type: "list", member: { target: "smithy.api#String" } },
    },
  };
}

describe("the emitted /signed binding", () => {
  it("names the input's idempotency token members", () => {
    expect(emittedSignedBinding(spec("awsJson1_0"), "Query")).toContain(
      '  endpointPrefix: "query.timestream",\n  idempotencyTokens: ["ClientToken"],\n  method: "POST",',
    );
    expect(emittedSignedBinding(spec("restJson1"), "Query")).toContain('  idempotencyTokens: ["ClientToken"],\n');
  });
});

type Seen = { body: Record<string, unknown>; header: string | null };
/** Answers with `statuses` in turn (200 pages of one row, then the last page), recording each request. */
function service(statuses: number[]): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fake = (async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push({
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      header: headers.get("x-amz-client-token"),
    });
    const status = statuses[seen.length - 1] ?? 200;
    const last = seen.length >= statuses.length;
    const body =
      status === 200
        ? { Rows: [`r${seen.length}`], ...(!last && { NextToken: `n${seen.length}` }) }
        : { __type: "InternalServerException" };
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { fetch: fake, seen };
}

const out = mkdtempSync(join(tmpdir(), "dx-idempotency-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
type Paginate = (client: unknown, params: object) => AsyncIterable<unknown>;
const apis = new Map<string, Promise<Record<string, unknown>>>();
async function run(protocol: "awsJson1_0" | "restJson1", params: object, statuses: number[]): Promise<Seen[]> {
  let generated = apis.get(protocol);
  if (generated === undefined) apis.set(protocol, (generated = generatedSigned(out, protocol, spec(protocol))));
  const api = await generated;
  const { fetch, seen } = service(statuses);
  const client = (api["signedClient"] as (o: object) => unknown)({
    region: "us-east-1",
    credentials: KEY,
    fetch,
    retryBaseDelayMs: 0,
  });
  for await (const _ of (api["paginateQuery"] as Paginate)(client, params)) void _;
  return seen;
}

describe("the generated /signed binding", () => {
  it("fills a token left out with a fresh UUID for each page, as the SDK does", async () => {
    const seen = await run("awsJson1_0", { QueryString: "SELECT 1" }, [200, 200, 200]);
    const tokens = seen.map((s) => s.body["ClientToken"]);
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect(token).toMatch(UUID_V4);
    expect(new Set(tokens).size).toBe(3);
    expect(seen.map((s) => s.body["NextToken"])).toEqual([undefined, "n1", "n2"]);
  });

  it("sends the same token again when it retries a request", async () => {
    const seen = await run("awsJson1_0", { QueryString: "SELECT 1" }, [500, 200, 200]);
    expect(seen).toHaveLength(3);
    expect(seen[0]?.body["ClientToken"]).toMatch(UUID_V4);
    expect(seen[1]?.body["ClientToken"]).toBe(seen[0]?.body["ClientToken"]);
    expect(seen[2]?.body["ClientToken"]).not.toBe(seen[0]?.body["ClientToken"]);
  });

  it("keeps a token the caller gives, and fills one bound to a header (restJson1)", async () => {
    const given = await run(
      "awsJson1_0",
      { QueryString: "SELECT 1", ClientToken: "mine-0123456789abcdef0123456789ab" },
      [200, 200],
    );
    expect(given.map((s) => s.body["ClientToken"])).toEqual([
      "mine-0123456789abcdef0123456789ab",
      "mine-0123456789abcdef0123456789ab",
    ]);
    const rest = await run("restJson1", { QueryString: "SELECT 1" }, [200]);
    expect(rest[0]?.header).toMatch(UUID_V4);
    expect(rest[0]?.body).toEqual({ QueryString: "SELECT 1" });
  });
});
