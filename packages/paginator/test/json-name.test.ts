/**
 * restJson1 `@jsonName` on a paginated operation over the generated `/signed` binding, in the shape of
 * the Serverless Application Repository model (every body member has a camelCase `@jsonName`, its
 * tokens and page size are `@httpQuery` members, its paginators name no `items`): the input token
 * travels under its query name, the output token and the list are read from the body under their JSON
 * names, pages come back in model form (member names), resume tokens are keyed by member name, and
 * drift is reported at the wire (JSON-name) pointer. A POST variant sends the token in the body under
 * its JSON name. Smithy: `@jsonName` names a member in restJson1 bodies; `@httpQuery` names it in the
 * query string.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatedSigned } from "./support/generated-signed.js";

const KEY = { accessKeyId: "AKIDJSONNAME", secretAccessKey: "json-name-secret" };
const str = (traits: Record<string, unknown> = {}) => ({ target: "smithy.api#String", traits });

function spec(list: { method: string; uri: string; bind: (json: string, query: string) => Record<string, unknown> }) {
  return {
    smithy: "2.0",
    shapes: {
      "ex#Repo": {
        type: "service",
        version: "2017-09-08",
        operations: [{ target: "ex#ListApplications" }],
        traits: {
          "aws.protocols#restJson1": {},
          "aws.api#service": { sdkId: "Repo", endpointPrefix: "serverlessrepo" },
          "aws.auth#sigv4": { name: "serverlessrepo" },
        },
      },
      "ex#ListApplications": {
        type: "operation",
        input: { target: "ex#ListApplicationsRequest" },
        output: { target: "ex#ListApplicationsResponse" },
        traits: {
          "smithy.api#http": { method: list.method, uri: list.uri, code: 200 },
          "smithy.api#paginated": { inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxItems" },
        },
      },
      "ex#ListApplicationsRequest": {
        type: "structure",
        members: {
          MaxItems: { target: "ex#MaxItems", traits: list.bind("maxItems", "maxItems") },
          NextToken: str(list.bind("nextToken", "nextToken")),
        },
        traits: { "smithy.api#input": {} },
      },
      "ex#ListApplicationsResponse": {
        type: "structure",
        members: {
          Applications: { target: "ex#ApplicationList", traits: { "smithy.api#jsonName": "applications" } },
          NextToken: str({ "smithy.api#jsonName": "nextToken" }),
        },
        traits: { "smithy.api#output": {} },
      },
      "ex#ApplicationList": { type: "list", member: { target: "ex#ApplicationSummary" } },
      "ex#ApplicationSummary": {
        type: "structure",
        members: {
          ApplicationId: str({
            "smithy.api#jsonName": "applicationId",
            "smithy.api#required": {},
            "smithy.api#clientOptional": {},
          }),
          Name: str({ "smithy.api#jsonName": "name" }),
        },
      },
      "ex#MaxItems": { type: "integer", traits: { "smithy.api#range": { min: 1, max: 100 } } },
    },
  };
}

const getSpec = spec({ method: "GET", uri: "/applications", bind: (_, query) => ({ "smithy.api#httpQuery": query }) });
const postSpec = spec({
  method: "POST",
  uri: "/applications/search",
  bind: (json) => ({ "smithy.api#jsonName": json }),
});

type Pages = AsyncIterable<Record<string, unknown>> & { resumeToken: string | undefined };
type Paginate = (client: unknown, params: object, options?: object) => Pages;
type Signed = (options: object) => unknown;
interface Seen {
  method: string;
  url: URL;
  body: string;
}

/** A fake fetch answering each request with the next of `pages` (wire JSON). */
function fake(pages: unknown[]): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const f = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({
      method: init?.method ?? "GET",
      url: new URL(String(url)),
      body: typeof init?.body === "string" ? init.body : "",
    });
    return new Response(JSON.stringify(pages[seen.length - 1] ?? {}), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return { fetch: f, seen };
}
const app = (n: string) => ({ applicationId: `arn:aws:serverlessrepo:us-east-1:1:applications/${n}`, name: n });
const model = (n: string) => ({ ApplicationId: `arn:aws:serverlessrepo:us-east-1:1:applications/${n}`, Name: n });

const out = mkdtempSync(join(tmpdir(), "dx-json-name-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("restJson1 @jsonName on a paginated operation over /signed", () => {
  it("sends the token under its query name, reads token and list under their JSON names, pages in model form, resumes", async () => {
    const api = await generatedSigned(out, "get", getSpec);
    const paginate = api["paginateListApplications"] as Paginate;
    const { fetch, seen } = fake([
      { applications: [app("a"), app("b")], nextToken: "t2" },
      { applications: [app("c")], nextToken: "t3" },
    ]);
    const client = (api["signedClient"] as Signed)({ region: "us-east-1", credentials: KEY, fetch });
    const first = paginate(client, { PaginationConfig: { PageSize: 2 } });
    const pages: Record<string, unknown>[] = [];
    for await (const page of first) {
      pages.push(page);
      if (pages.length === 2) break;
    }
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual(["GET /applications", "GET /applications"]);
    expect(seen.map((s) => Object.fromEntries(s.url.searchParams))).toEqual([
      { maxItems: "2" },
      { maxItems: "2", nextToken: "t2" },
    ]);
    expect(pages).toMatchObject([
      { Applications: [model("a"), model("b")], NextToken: "t2" },
      { Applications: [model("c")], NextToken: "t3" },
    ]);
    expect(pages[0]).not.toHaveProperty("applications");
    expect(JSON.parse(Buffer.from(first.resumeToken ?? "", "base64").toString())).toEqual({ NextToken: "t3" });

    const rest = fake([{ applications: [app("d")] }]);
    const again = (api["signedClient"] as Signed)({ region: "us-east-1", credentials: KEY, fetch: rest.fetch });
    const more: Record<string, unknown>[] = [];
    for await (const page of paginate(again, { PaginationConfig: { PageSize: 2, StartingToken: first.resumeToken } }))
      more.push(page);
    expect(Object.fromEntries(rest.seen[0]?.url.searchParams ?? [])).toEqual({ maxItems: "2", nextToken: "t3" });
    expect(more).toMatchObject([{ Applications: [model("d")] }]);
    expect(more[0]).not.toHaveProperty("NextToken");
  });

  it("reports drift at the JSON-name pointer and takes the JSON names as known", async () => {
    const api = await generatedSigned(out, "drift", getSpec);
    const { fetch } = fake([{ applications: [{ ...app("a"), extra: 1 }], Bogus: true }]);
    const client = (api["signedClient"] as Signed)({ region: "us-east-1", credentials: KEY, fetch });
    const drift: string[] = [];
    const pages: Record<string, unknown>[] = [];
    for await (const page of (api["paginateListApplications"] as Paginate)(
      client,
      {},
      { onDrift: (d: { pointer: string }) => drift.push(d.pointer) },
    ))
      pages.push(page);
    expect(drift.sort()).toEqual(["/Bogus", "/applications/0/extra"]);
    expect(pages).toMatchObject([{ Applications: [model("a")] }]);
  });

  it("sends a body-bound token and page size under their JSON names (POST)", async () => {
    const api = await generatedSigned(out, "post", postSpec);
    const { fetch, seen } = fake([{ applications: [app("a")], nextToken: "t2" }, { applications: [app("b")] }]);
    const client = (api["signedClient"] as Signed)({ region: "us-east-1", credentials: KEY, fetch });
    const pages: Record<string, unknown>[] = [];
    for await (const page of (api["paginateListApplications"] as Paginate)(client, {
      PaginationConfig: { PageSize: 5 },
    }))
      pages.push(page);
    expect(seen.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).toEqual([
      "POST /applications/search",
      "POST /applications/search",
    ]);
    expect(seen.map((s) => JSON.parse(s.body) as unknown)).toEqual([{ maxItems: 5 }, { maxItems: 5, nextToken: "t2" }]);
    expect(pages).toMatchObject([{ Applications: [model("a")], NextToken: "t2" }, { Applications: [model("b")] }]);
  });
});
