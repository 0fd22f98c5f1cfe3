/**
 * restJson1 output members bound to response headers (`@httpHeader`, `@httpPrefixHeaders`) over the
 * generated `/signed` binding: the emitted operation descriptor names them, pages carry them typed as the models
 * type them (numbers, booleans, Dates, bytes, lists, a base64 `@mediaType` string, the prefix map),
 * a header that does not parse is a PageValidationError at the member's pointer with the resume token,
 * and `readHeaderMembers` reads back what smithy's own serializers write, for any value.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dateToUtcString, quoteHeader, toBase64 } from "@smithy/core/serde";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { headerMembers, type OutputBinding, readHeaderMembers } from "../src/runtime/header-members.js";
import { createSdkPaginator } from "../src/runtime/sdk.js";
import { nodeHttpHandler } from "../src/runtime/signed/node.js";
import { emittedDescriptor, emittedSignedBinding } from "./support/emitted.js";
import { generate } from "@dx/generator";
import { repoRoot, typecheckGenerated } from "./support/compile-generated.js";
import { generatedSigned } from "./support/generated-signed.js";

const KEY = { accessKeyId: "AKIDHEADERS", secretAccessKey: "header-secret" };
const header = (name: string, target: string) => ({ target, traits: { "smithy.api#httpHeader": name } });

const spec = {
  smithy: "2.0",
  shapes: {
    "ex#Store": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#ListItems" }],
      traits: {
        "aws.protocols#restJson1": {},
        "aws.api#service": { sdkId: "Store" },
        "aws.auth#sigv4": { name: "store" },
      },
    },
    "ex#ListItems": {
      type: "operation",
      input: { target: "ex#ListItemsInput" },
      output: { target: "ex#ListItemsOutput" },
      traits: {
        "smithy.api#http": { method: "GET", uri: "/items", code: 200 },
        "smithy.api#paginated": { inputToken: "NextToken", outputToken: "NextToken", items: "Items" },
      },
    },
    "ex#ListItemsInput": {
      type: "structure",
      members: { NextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "token" } } },
    },
    "ex#ListItemsOutput": {
      type: "structure",
      members: {
        Items: { target: "ex#Names" },
        NextToken: { target: "smithy.api#String" },
        Count: header("X-Item-Count", "smithy.api#Integer"),
        Ratio: header("X-Ratio", "smithy.api#Double"),
        Truncated: header("X-Truncated", "smithy.api#Boolean"),
        Modified: header("Last-Modified", "smithy.api#Timestamp"),
        Expires: {
          target: "smithy.api#Timestamp",
          traits: { "smithy.api#httpHeader": "X-Expires", "smithy.api#timestampFormat": "epoch-seconds" },
        },
        Tags: header("X-Tags", "ex#Names"),
        Dates: header("X-Dates", "ex#Dates"),
        Policy: header("X-Policy", "ex#JsonText"),
        Digest: header("X-Digest", "smithy.api#Blob"),
        Tier: header("X-Tier", "ex#Tier"),
        Meta: { target: "ex#Meta", traits: { "smithy.api#httpPrefixHeaders": "X-Meta-" } },
      },
    },
    "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
    "ex#Dates": { type: "list", member: { target: "smithy.api#Timestamp" } },
    "ex#JsonText": { type: "string", traits: { "smithy.api#mediaType": "application/json" } },
    "ex#Tier": {
      type: "enum",
      members: { HOT: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "hot" } } },
    },
    "ex#Meta": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
  },
};

type Pages = AsyncIterable<Record<string, unknown>> & { resumeToken: string | undefined };
type Paginate = (client: unknown, params: object, options?: object) => Pages;
type Signed = (options: object) => unknown;

/** A fake fetch answering each request with the next page: its wire JSON body and its headers. */
function fake(pages: { body: unknown; headers: Record<string, string> }[]): typeof fetch {
  let n = 0;
  return (async () => {
    const page = pages[n++] ?? { body: {}, headers: {} };
    return new Response(JSON.stringify(page.body), {
      status: 200,
      headers: { "content-type": "application/json", ...page.headers },
    });
  }) as typeof fetch;
}

const out = mkdtempSync(join(tmpdir(), "dx-header-members-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("output members bound to response headers over /signed", () => {
  it("the emitted operation descriptor names each with its header, type and timestamp format", () => {
    const text = emittedDescriptor(spec, "ListItems");
    expect(text).toContain(`"Count": ["header", "x-item-count", "number"]`);
    expect(text).toContain(`"Modified": ["header", "last-modified", "timestamp", "http-date"]`);
    expect(text).toContain(`"Expires": ["header", "x-expires", "timestamp", "epoch-seconds"]`);
    expect(text).toContain(`"Tags": ["header", "x-tags", "string[]"]`);
    expect(text).toContain(`"Dates": ["header", "x-dates", "timestamp[]", "http-date"]`);
    expect(text).toContain(`"Policy": ["header", "x-policy", "encoded"]`);
    expect(text).toContain(`"Tier": ["header", "x-tier", "string"]`);
    expect(text).toContain(`"Meta": ["prefixHeaders", "x-meta-"]`);
    expect(text).not.toMatch(/"(Items|NextToken)": \["header/);
    // Only a binding with such members imports their reader, so that other bundles leave it out.
    expect(text).toContain(`import { headerMembers } from "../runtime/header-members.js";`);
    expect(text).toContain("outputHeaders: /* @__PURE__ */ headerMembers({");
    const { Count, Ratio, Truncated, Modified, Expires, Tags, Dates, Policy, Digest, Tier, Meta, ...body } =
      spec.shapes["ex#ListItemsOutput"].members;
    const bodyOnly = { ...spec.shapes, "ex#ListItemsOutput": { type: "structure", members: body } };
    expect(emittedDescriptor({ ...spec, shapes: bodyOnly }, "ListItems")).not.toContain("headerMembers");
  });

  it("pages carry them typed as the models type them; an absent header leaves its member out", async () => {
    const api = await generatedSigned(out, "store", spec);
    const paginate = api["paginateListItems"] as Paginate;
    const policy = '{"Version":"2012-10-17"}';
    const fetch = fake([
      {
        body: { Items: ["a", "b"], NextToken: "t2" },
        headers: {
          "x-item-count": "2",
          "x-ratio": "NaN",
          "x-truncated": "true",
          "last-modified": "Tue, 29 Apr 2014 18:30:38 GMT",
          "x-expires": "1398796238.5",
          "x-tags": 'plain, "with, comma", "with \\"quote\\""',
          "x-dates": "Tue, 29 Apr 2014 18:30:38 GMT, Wed, 30 Apr 2014 18:30:38 GMT",
          "x-policy": Buffer.from(policy).toString("base64"),
          "x-digest": Buffer.from([0, 1, 255]).toString("base64"),
          "x-tier": "hot",
          "x-meta-owner": "me",
          "x-meta-__proto__": "still a key",
        },
      },
      { body: { Items: ["c"] }, headers: {} },
    ]);
    const client = (api["signedClient"] as Signed)({ region: "us-east-1", credentials: KEY, fetch });
    const pages: Record<string, unknown>[] = [];
    for await (const page of paginate(client, {})) pages.push(page);
    const [first, second] = pages as [Record<string, unknown>, Record<string, unknown>];
    expect(first).toMatchObject({
      Items: ["a", "b"],
      Count: 2,
      Truncated: true,
      Modified: new Date("2014-04-29T18:30:38Z"),
      Expires: new Date(1398796238500),
      Tags: ["plain", "with, comma", 'with "quote"'],
      Dates: [new Date("2014-04-29T18:30:38Z"), new Date("2014-04-30T18:30:38Z")],
      Policy: policy,
      Digest: new Uint8Array([0, 1, 255]),
      Tier: "hot",
    });
    expect(first["Ratio"]).toBeNaN();
    expect(Object.getPrototypeOf(first["Meta"])).toBe(Object.prototype);
    expect(Object.entries(first["Meta"] as object)).toEqual([
      ["__proto__", "still a key"],
      ["owner", "me"],
    ]);
    // The second page had none of the headers: its members are absent, its prefix map empty (as the SDKs give it).
    expect(Object.keys(second).sort()).toEqual(["$metadata", "Items", "Meta"]);
    expect(second["Meta"]).toEqual({});
  });

  it("the generated packages type-check, and pages are typed with the members (Date, Date[], number, a map)", () => {
    const root = join(out, "store-types");
    const specFile = join(out, "store-types.json");
    writeFileSync(specFile, JSON.stringify(spec));
    generate({ root: repoRoot, specs: [specFile], outRoot: root });
    const use = join(root, "use.ts");
    writeFileSync(
      use,
      `import { paginateListItems } from "./packages/paginator/src/generated/signed/index.gen.js";
import { signedClient } from "./packages/paginator/src/runtime/signed/client.js";
export async function use(): Promise<void> {
  for await (const page of paginateListItems(signedClient({ region: "us-east-1" }), {})) {
    const modified: Date | undefined = page.Modified;
    const dates: Date[] | undefined = page.Dates;
    const count: number | undefined = page.Count;
    const meta: Record<string, string> | undefined = page.Meta;
    void [modified, dates, count, meta];
  }
}
`,
    );
    const tsc = typecheckGenerated(root, undefined, [use]);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  }, 150_000);

  it("a header that does not parse fails its page with the member's pointer and the token that resumes there", async () => {
    const api = await generatedSigned(out, "store-bad", spec);
    const paginate = api["paginateListItems"] as Paginate;
    const fetch = fake([
      { body: { Items: ["a"], NextToken: "t2" }, headers: {} },
      { body: { Items: ["b"] }, headers: { "x-item-count": "two", "last-modified": "yesterday" } },
    ]);
    const client = (api["signedClient"] as Signed)({ region: "us-east-1", credentials: KEY, fetch });
    const pages = paginate(client, {});
    const error = await (async () => {
      for await (const _ of pages);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PageValidationError", page: 2, resumeToken: pages.resumeToken });
    expect(JSON.parse(Buffer.from(pages.resumeToken ?? "", "base64").toString())).toEqual({ NextToken: "t2" });
    const issues = (error as { cause: { issues: { pointer: string; expected: string }[] } }).cause.issues;
    expect(issues.map((i) => [i.pointer, i.expected])).toEqual([
      ["/Count", "a number in the x-item-count header"],
      ["/Modified", "a timestamp in the last-modified header"],
    ]);
  });
});

describe("error members bound to headers or other JSON names, over /signed", () => {
  const errorSpec = structuredClone(spec) as typeof spec & { shapes: Record<string, unknown> };
  Object.assign(errorSpec.shapes["ex#ListItems"], { errors: [{ target: "ex#Throttled" }, { target: "ex#NotFound" }] });
  Object.assign(errorSpec.shapes, {
    "ex#Throttled": {
      type: "structure",
      members: {
        message: { target: "smithy.api#String" },
        retryAfterSeconds: header("Retry-After", "smithy.api#String"),
        Window: header("X-Window", "smithy.api#Integer"),
      },
      traits: { "smithy.api#error": "client", "smithy.api#httpError": 429 },
    },
    "ex#NotFound": {
      type: "structure",
      members: {
        ErrorCode: { target: "smithy.api#String", traits: { "smithy.api#jsonName": "errorCode" } },
        Message: { target: "smithy.api#String", traits: { "smithy.api#jsonName": "message" } },
      },
      traits: { "smithy.api#error": "client", "smithy.api#httpError": 404 },
    },
  });

  const failing = (status: number, headers: Record<string, string>, body: unknown): typeof fetch =>
    (async () => new Response(JSON.stringify(body), { status, headers })) as typeof fetch;

  it("names them in the binding, and a ServiceError carries them under their member names too", async () => {
    const binding = emittedSignedBinding(errorSpec, "ListItems");
    expect(binding).toContain("errors: /* @__PURE__ */ errorMembers({");
    expect(binding).toContain(`"retryAfterSeconds": ["header", "retry-after", "string"]`);
    expect(binding).toContain(`"ErrorCode": ["body", "errorCode"]`);
    expect(emittedSignedBinding(spec, "ListItems")).not.toContain("errorMembers");

    const api = await generatedSigned(out, "store-errors", errorSpec);
    const paginate = api["paginateListItems"] as Paginate;
    const run = (fetch: typeof globalThis.fetch) =>
      (async () => {
        const client = (api["signedClient"] as Signed)({
          region: "us-east-1",
          credentials: KEY,
          fetch,
          maxAttempts: 1,
        });
        for await (const _ of paginate(client, {}));
      })().catch((e: unknown) => e as Record<string, unknown>);
    const throttled = await run(
      failing(
        429,
        { "x-amzn-errortype": "Throttled", "retry-after": "3", "x-window": "soon" },
        { message: "slow down" },
      ),
    );
    // The header that does not parse (X-Window) is left out; the error is still the service's.
    expect(throttled).toMatchObject({ name: "Throttled", message: "slow down", retryAfterSeconds: "3", page: 1 });
    expect(throttled).not.toHaveProperty("Window");
    const missing = await run(
      failing(404, { "x-amzn-errortype": "NotFound" }, { errorCode: "NoSuchApplication", message: "nope" }),
    );
    expect(missing).toMatchObject({
      name: "NotFound",
      message: "nope",
      ErrorCode: "NoSuchApplication",
      Message: "nope",
    });
    expect(missing).toHaveProperty("errorCode", "NoSuchApplication");
  });
});

describe("output members bound to response headers over an SDK client", () => {
  // The SDK sends; dx's deserializer reads the body (for drift) and now the headers too, which the SDK's would have read.
  class FakeCommand {
    constructor(readonly input: { NextToken?: string }) {}
    deserialize = async (_response: unknown, _context: unknown): Promise<unknown> => {
      throw new Error("replaced by dx for 2xx responses");
    };
  }
  class FakeClient {
    async send(command: FakeCommand): Promise<unknown> {
      const first = command.input.NextToken === undefined;
      const body = JSON.stringify(first ? { Items: ["a"], NextToken: "t2" } : { Items: ["b"] });
      const headers = first ? { "X-Item-Count": "1", "x-meta-owner": "me" } : {};
      return command.deserialize(
        { statusCode: 200, headers, body: "bytes" },
        { streamCollector: async () => new TextEncoder().encode(body) },
      );
    }
  }
  const operation = {
    name: "ListItems",
    inputToken: "NextToken" as const,
    outputToken: ["NextToken"] as const,
    items: ["Items"] as const,
    parse: (json: unknown) => json as { Items?: string[]; NextToken?: string; Count?: number },
    assert: () => {},
    outputHeaders: headerMembers({ Count: ["header", "x-item-count", "number"], Meta: ["prefixHeaders", "x-meta-"] }),
  };

  it("fills them from the SDK's response, whatever the case of its header names", async () => {
    const paginate = createSdkPaginator(operation, FakeClient, FakeCommand);
    const pages: Record<string, unknown>[] = [];
    for await (const page of paginate(new FakeClient(), {})) pages.push(page);
    expect(pages).toMatchObject([
      { Items: ["a"], Count: 1, Meta: { owner: "me" } },
      { Items: ["b"], Meta: {} },
    ]);
    expect(pages[1]).not.toHaveProperty("Count");
  });
});

describe("readHeaderMembers", () => {
  const headersOf = (record: Record<string, string>) => ({
    header: (name: string) => record[name],
    headerNames: () => Object.keys(record),
  });

  it("reads back any list of strings, numbers, booleans and timestamps as smithy's serializers write them", () => {
    const bindings: Record<string, OutputBinding> = {
      Strings: ["header", "x-s", "string[]"],
      Numbers: ["header", "x-n", "number[]"],
      Flags: ["header", "x-b", "boolean[]"],
      HttpDates: ["header", "x-h", "timestamp[]", "http-date"],
      Epochs: ["header", "x-e", "timestamp[]", "epoch-seconds"],
      Bytes: ["header", "x-bytes", "blob"],
    };
    const date = fc
      .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true })
      .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
    // Header values are visible ASCII and spaces (no leading or trailing space: a header's value is trimmed).
    const text = fc
      .string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1 })
      .filter((s) => s.trim() === s);
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 5 }),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(date, { minLength: 1, maxLength: 5 }),
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        (strings, numbers, flags, dates, bytes) => {
          const read = readHeaderMembers(
            bindings,
            headersOf({
              "x-s": strings.map(quoteHeader).join(", "),
              "x-n": numbers.map(String).join(", "),
              "x-b": flags.map(String).join(", "),
              "x-h": dates.map(dateToUtcString).join(", "),
              "x-e": dates.map((d) => String(d.getTime() / 1000)).join(", "),
              "x-bytes": toBase64(bytes),
            }),
          );
          expect(read).toEqual({
            Strings: strings,
            Numbers: numbers.map((n) => (Object.is(n, -0) ? 0 : n)),
            Flags: flags,
            HttpDates: dates,
            Epochs: dates,
            Bytes: bytes,
          });
        },
      ),
    );
  });

  it("reads node:http's responses: header names listed lower-case, repeated headers joined", async () => {
    const server = createServer((_, res) => {
      res.setHeader("X-Meta-Owner", "me");
      res.setHeader("X-Meta-Empty", "");
      res.setHeader("X-Tags", ["a", "b, c"]);
      res.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await nodeHttpHandler()({ method: "GET", url: `http://127.0.0.1:${port}/`, headers: {} });
      expect(
        readHeaderMembers({ Meta: ["prefixHeaders", "x-meta-"], Tags: ["header", "x-tags", "string[]"] }, response),
      ).toEqual({ Meta: { owner: "me", empty: "" }, Tags: ["a", "b", "c"] });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("leaves prefix headers out when the handler cannot list the headers", () => {
    expect(readHeaderMembers({ Meta: ["prefixHeaders", "x-meta-"] }, { header: () => "x" })).toEqual({});
  });
});

describe("error members named as the error envelope, or as ServiceError's awsQuery fields, over /signed", () => {
  // AWS Signer: every error models `message` and `code` (a string of its own, not the error's name);
  // Lambda: 38 errors model `Type`. The SDKs put both on the exception (Signer's `e.code`, Lambda's `e.Type`).
  const envelopeSpec = (protocol: string) => {
    const s = structuredClone(spec) as { smithy: string; shapes: Record<string, Record<string, unknown>> };
    const { "aws.protocols#restJson1": _, ...traits } = spec.shapes["ex#Store"].traits;
    s.shapes["ex#Store"] = { ...spec.shapes["ex#Store"], traits: { ...traits, [protocol]: {} } };
    Object.assign(s.shapes["ex#ListItems"] ?? {}, { errors: [{ target: "ex#Denied" }] });
    Object.assign(s.shapes, {
      "ex#Denied": {
        type: "structure",
        members: {
          message: { target: "smithy.api#String" },
          code: { target: "smithy.api#String" },
          Type: { target: "smithy.api#String" },
        },
        traits: { "smithy.api#error": "client", "smithy.api#httpError": 403 },
      },
    });
    return s;
  };

  it.each(["aws.protocols#restJson1", "aws.protocols#awsJson1_1"])(
    "%s: a ServiceError carries the modeled `code` and `Type` as the SDK's exception does",
    async (protocol) => {
      const s = envelopeSpec(protocol);
      expect(emittedSignedBinding(s, "ListItems")).toContain(`"code": ["body", "code"]`);
      const api = await generatedSigned(out, `store-envelope-${protocol.split("#")[1]}`, s);
      const client = (api["signedClient"] as Signed)({
        region: "us-east-1",
        credentials: KEY,
        maxAttempts: 1,
        fetch: (async () =>
          // An awsJson service names the error in the body's `__type` too, which the SDK reads before
          // `code` there (a `code` alone would name it, as error-code.test.ts shows).
          new Response(
            JSON.stringify({
              ...(protocol.endsWith("awsJson1_1") && { __type: "ex#Denied" }),
              message: "no",
              code: "SIGNER-42",
              Type: "User",
            }),
            {
              status: 403,
              headers: { "x-amzn-errortype": "Denied:http://internal.amazon.com/coral/" },
            },
          )) as typeof fetch,
      });
      const error = await (async () => {
        for await (const _ of (api["paginateListItems"] as Paginate)(client, {}));
      })().catch((e: unknown) => e as Record<string, unknown>);
      expect(error).toMatchObject({ name: "Denied", message: "no", code: "SIGNER-42", Type: "User" });
    },
  );
});
