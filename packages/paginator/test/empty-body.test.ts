/**
 * A restJson1 request whose input has body members none of which is set, over the generated `/signed`
 * binding (found on Application Signals' ListServiceLevelObjectives: `POST /slos` with an optional
 * `KeyAttributes` in the body). The AWS SDK for JavaScript v3 (`@aws-sdk/core`'s restJson1 protocol,
 * `serializeRequest` and `resolveRestContentType`) gives such a request a content type from its input's
 * shape, not from what is set: `application/json` for body members or a structure payload, and then the
 * body `{}`; `text/plain` or `application/octet-stream` for a string or blob payload, with no body; a
 * content type bound to a header member wins; an input whose members are all bound elsewhere has
 * neither. `/signed` sent such a POST with no body and no content type (checked against
 * `@aws-sdk/client-application-signals` 3.1006.0: `{}` and `application/json`), and a body member
 * given as null as `null` in the body, where the SDK leaves it out.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatedSigned } from "./support/generated-signed.js";

const KEY = { accessKeyId: "AKIDEMPTY", secretAccessKey: "empty-secret" };
const S = "smithy.api#String";
const query = { target: S, traits: { "smithy.api#httpQuery": "token" } };
const paginated = { inputToken: "NextToken", outputToken: "NextToken", items: "Items" };

/** One POST operation per kind of input (its members besides the query token). */
const INPUTS: Record<string, Record<string, unknown>> = {
  BodyMembers: { Filter: { target: "ex#Filter" }, Name: { target: S } },
  StructPayload: { Doc: { target: "ex#Filter", traits: { "smithy.api#httpPayload": {} } } },
  BlobPayload: { Data: { target: "smithy.api#Blob", traits: { "smithy.api#httpPayload": {} } } },
  TextPayload: { Text: { target: S, traits: { "smithy.api#httpPayload": {} } } },
  AllBound: { Mode: { target: S, traits: { "smithy.api#httpHeader": "X-Mode" } } },
  TypedHeader: { Name: { target: S }, Type: { target: S, traits: { "smithy.api#httpHeader": "Content-Type" } } },
  GetWithBody: { Filter: { target: "ex#Filter" } },
};

const shapes: Record<string, unknown> = {
  "ex#Things": {
    type: "service",
    version: "1",
    operations: Object.keys(INPUTS).map((name) => ({ target: `ex#List${name}` })),
    traits: {
      "aws.protocols#restJson1": {},
      "aws.api#service": { sdkId: "Things" },
      "aws.auth#sigv4": { name: "things" },
    },
  },
  "ex#Filter": { type: "structure", members: { Kind: { target: S } } },
  "ex#Page": { type: "structure", members: { NextToken: { target: S }, Items: { target: "ex#Names" } } },
  "ex#Names": { type: "list", member: { target: S } },
};
for (const [name, members] of Object.entries(INPUTS)) {
  shapes[`ex#List${name}`] = {
    type: "operation",
    input: { target: `ex#List${name}Input` },
    output: { target: "ex#Page" },
    traits: {
      "smithy.api#http": { method: name.startsWith("Get") ? "GET" : "POST", uri: `/${name.toLowerCase()}`, code: 200 },
      "smithy.api#paginated": paginated,
    },
  };
  shapes[`ex#List${name}Input`] = { type: "structure", members: { NextToken: query, ...members } };
}

type Paginate = (client: unknown, params: object) => AsyncIterable<unknown>;
const out = mkdtempSync(join(tmpdir(), "dx-empty-body-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
let generated: Promise<Record<string, unknown>> | undefined;

/** The content type and body of the first request of `paginate<op>` with `params`. */
async function sent(op: string, params: object): Promise<{ type: string | null; body: string | undefined }> {
  const api = await (generated ??= generatedSigned(out, "things", { smithy: "2.0", shapes }));
  const seen: { type: string | null; body: string | undefined }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    new Request(url, init); // as fetch, refuses a body on GET and HEAD
    const body = init?.body;
    seen.push({
      type: new Headers(init?.headers).get("content-type"),
      body: body == null ? undefined : typeof body === "string" ? body : new TextDecoder().decode(body as Uint8Array),
    });
    return new Response('{"Items":[]}', { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  const client = (api["signedClient"] as (o: object) => unknown)({ region: "us-east-1", credentials: KEY, fetch });
  for await (const page of (api[`paginate${op}`] as Paginate)(client, params)) void page;
  return seen[0] ?? { type: null, body: undefined };
}

describe("a restJson1 request with nothing set in its body, as the SDK sends it", () => {
  it("body members unset: application/json and {}", async () => {
    expect(await sent("ListBodyMembers", {})).toEqual({ type: "application/json", body: "{}" });
    expect(await sent("ListBodyMembers", { Name: null })).toEqual({ type: "application/json", body: "{}" });
    expect(await sent("ListBodyMembers", { Name: "n" })).toEqual({ type: "application/json", body: '{"Name":"n"}' });
    // A null member is left out of the body as the SDK leaves it out (the body was {"Name":null}).
    expect(await sent("ListBodyMembers", { Name: null, Filter: { Kind: "k" } })).toEqual({
      type: "application/json",
      body: '{"Filter":{"Kind":"k"}}',
    });
  });

  it("a structure payload unset: application/json and {}", async () => {
    expect(await sent("ListStructPayload", {})).toEqual({ type: "application/json", body: "{}" });
  });

  it("a blob or string payload unset: its content type and no body", async () => {
    expect(await sent("ListBlobPayload", {})).toEqual({ type: "application/octet-stream", body: undefined });
    expect(await sent("ListTextPayload", {})).toEqual({ type: "text/plain", body: undefined });
  });

  it("every member bound elsewhere: neither a content type nor a body", async () => {
    expect(await sent("ListAllBound", { Mode: "m" })).toEqual({ type: null, body: undefined });
  });

  it("a GET with body members over fetch: the content type, and no body (fetch refuses one), as the SDK's fetch handler", async () => {
    expect(await sent("ListGetWithBody", {})).toEqual({ type: "application/json", body: undefined });
    expect(await sent("ListGetWithBody", { Filter: { Kind: "k" } })).toEqual({
      type: "application/json",
      body: undefined,
    });
  });

  it("a content type bound to a header member wins", async () => {
    expect(await sent("ListTypedHeader", { Type: "application/x-thing" })).toEqual({
      type: "application/x-thing",
      body: "{}",
    });
  });
});
