/**
 * `signedClient`'s endpoint options end to end, over the `/signed` binding generated for a small
 * hand-written service whose endpoint rules are written as AWS writes them: the host each request
 * goes to and its SigV4 credential scope (region, service) for `useFipsEndpoint`,
 * `useDualstackEndpoint`, a custom `endpoint`, a context parameter, a host prefix and an
 * `authSchemes` signing scope; the rules' own errors, raised before any request; and the cache that
 * keeps a paginator's next pages from running the rules again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";
import type { EndpointRules } from "../src/runtime/signed/endpoints.js";
import { EndpointResolutionError } from "../src/runtime/signed/errors.js";
import { captureFetch } from "./support/capture-fetch.js";
import { sentTo } from "./support/hosts.js";

const ref = (name: string) => ({ ref: name });
const is = (name: string, value: boolean) => ({ fn: "booleanEquals", argv: [ref(name), value] });
const endpoint = (url: string, conditions: unknown[] = [], properties?: unknown) => ({
  conditions,
  endpoint: { url, ...(properties !== undefined && { properties }), headers: {} },
  type: "endpoint",
});
const error = (message: string, conditions: unknown[] = []) => ({ conditions, error: message, type: "error" });

/** The rules: AWS's usual custom endpoint, FIPS and dual-stack rules, a global pseudo-region, an account host, a sigv4a-only region. */
const ruleSet = {
  version: "1.0",
  parameters: {
    Region: { builtIn: "AWS::Region", required: false, type: "String" },
    UseFIPS: { builtIn: "AWS::UseFIPS", required: true, default: false, type: "Boolean" },
    UseDualStack: { builtIn: "AWS::UseDualStack", required: true, default: false, type: "Boolean" },
    Endpoint: { builtIn: "SDK::Endpoint", required: false, type: "String" },
    AccountId: { required: false, type: "String" },
  },
  rules: [
    {
      conditions: [{ fn: "isSet", argv: [ref("Endpoint")] }],
      rules: [
        error("Invalid Configuration: FIPS and custom endpoint are not supported", [is("UseFIPS", true)]),
        error("Invalid Configuration: Dualstack and custom endpoint are not supported", [is("UseDualStack", true)]),
        { conditions: [], endpoint: { url: ref("Endpoint"), properties: {}, headers: {} }, type: "endpoint" },
      ],
      type: "tree",
    },
    {
      conditions: [
        { fn: "isSet", argv: [ref("Region")] },
        { fn: "aws.partition", argv: [ref("Region")], assign: "PartitionResult" },
      ],
      rules: [
        endpoint(
          "https://widgets.global.{PartitionResult#dnsSuffix}",
          [{ fn: "stringEquals", argv: [ref("Region"), "aws-global"] }],
          { authSchemes: [{ name: "sigv4", signingName: "widgets-global", signingRegion: "us-east-1" }] },
        ),
        endpoint(
          "https://widgets.sigv4a.{PartitionResult#dnsSuffix}",
          [{ fn: "stringEquals", argv: [ref("Region"), "us-west-2"] }],
          { authSchemes: [{ name: "sigv4a", signingName: "widgets", signingRegionSet: ["*"] }] },
        ),
        endpoint("https://{AccountId}.widgets.{Region}.{PartitionResult#dnsSuffix}", [
          { fn: "isSet", argv: [ref("AccountId")] },
        ]),
        endpoint("https://widgets-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", [
          is("UseFIPS", true),
          is("UseDualStack", true),
        ]),
        endpoint("https://widgets-fips.{Region}.{PartitionResult#dnsSuffix}", [is("UseFIPS", true)]),
        endpoint("https://widgets.{Region}.{PartitionResult#dualStackDnsSuffix}", [is("UseDualStack", true)]),
        endpoint("https://widgets.{Region}.{PartitionResult#dnsSuffix}"),
      ],
      type: "tree",
    },
    error("Invalid Configuration: Missing Region"),
  ],
};

/** Widgets: restJson1, ListThings (an `AccountId` context parameter) and ListApiThings (host prefix `api.`). */
function spec(withRules = true) {
  const paginated = { inputToken: "nextToken", outputToken: "nextToken", items: "things", pageSize: "maxResults" };
  const page = {
    nextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "nextToken" } },
    maxResults: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "maxResults" } },
  };
  return {
    smithy: "2.0",
    shapes: {
      "ex#Widgets": {
        type: "service",
        version: "2026-01-01",
        operations: [{ target: "ex#ListThings" }, { target: "ex#ListApiThings" }],
        traits: {
          "aws.protocols#restJson1": {},
          "aws.api#service": { sdkId: "Widgets", endpointPrefix: "widgets" },
          "aws.auth#sigv4": { name: "widgets" },
          ...(withRules && { "smithy.rules#endpointRuleSet": ruleSet }),
        },
      },
      "ex#ListThings": {
        type: "operation",
        input: { target: "ex#ListThingsInput" },
        output: { target: "ex#ListOutput" },
        traits: {
          "smithy.api#http": { method: "GET", uri: "/things", code: 200 },
          "smithy.api#readonly": {},
          "smithy.api#paginated": paginated,
        },
      },
      "ex#ListApiThings": {
        type: "operation",
        input: { target: "ex#ListApiThingsInput" },
        output: { target: "ex#ListOutput" },
        traits: {
          "smithy.api#endpoint": { hostPrefix: "api." },
          "smithy.api#http": { method: "GET", uri: "/api-things", code: 200 },
          "smithy.api#readonly": {},
          "smithy.api#paginated": paginated,
        },
      },
      "ex#ListThingsInput": {
        type: "structure",
        members: {
          ...page,
          AccountId: {
            target: "smithy.api#String",
            traits: { "smithy.api#httpHeader": "x-amz-account-id", "smithy.rules#contextParam": { name: "AccountId" } },
          },
        },
      },
      "ex#ListApiThingsInput": { type: "structure", members: page },
      "ex#ListOutput": {
        type: "structure",
        members: { nextToken: { target: "smithy.api#String" }, things: { target: "ex#Things" } },
      },
      "ex#Things": { type: "list", member: { target: "smithy.api#String" } },
    },
  };
}

const out = mkdtempSync(join(tmpdir(), "dx-endpoint-options-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** `url scope` of each request of two pages of `operation` from `region` with the client's `options`. */
async function requests(
  operation: string,
  region: string,
  options: object = {},
  input: object = {},
  model = spec(),
): Promise<string[]> {
  const { sent, pages } = await sentTo({
    out,
    name: model === undefined ? "widgets" : `widgets-${JSON.stringify(model).length}`,
    model,
    operation,
    input,
    pages: [{ things: ["a"], nextToken: "t2" }, { things: ["b"] }],
    region,
    options,
  });
  expect(pages.map((p) => p["things"])).toEqual([["a"], ["b"]]);
  return sent.map((s) => `${s.url} ${s.scope}`);
}

describe("signedClient's endpoint options, over a generated binding with endpoint rules", () => {
  it.each([
    ["us-east-1", {}, "https://widgets.us-east-1.amazonaws.com", "us-east-1"],
    ["us-east-1", { useFipsEndpoint: true }, "https://widgets-fips.us-east-1.amazonaws.com", "us-east-1"],
    ["us-east-1", { useDualstackEndpoint: true }, "https://widgets.us-east-1.api.aws", "us-east-1"],
    [
      "us-east-1",
      { useFipsEndpoint: true, useDualstackEndpoint: true },
      "https://widgets-fips.us-east-1.api.aws",
      "us-east-1",
    ],
    ["cn-north-1", {}, "https://widgets.cn-north-1.amazonaws.com.cn", "cn-north-1"],
    [
      "cn-north-1",
      { useDualstackEndpoint: true },
      "https://widgets.cn-north-1.api.amazonwebservices.com.cn",
      "cn-north-1",
    ],
    ["us-gov-west-1", { useFipsEndpoint: true }, "https://widgets-fips.us-gov-west-1.amazonaws.com", "us-gov-west-1"],
  ])("%s %j: sends to %s, signed for %s/widgets", async (region, options, host, scope) => {
    expect(await requests("ListThings", region, options)).toEqual([
      `${host}/things ${scope}/widgets/aws4_request`,
      `${host}/things?nextToken=t2 ${scope}/widgets/aws4_request`,
    ]);
  });

  it("signs with the signing name and region the rules' authSchemes give", async () => {
    expect((await requests("ListThings", "aws-global"))[0]).toBe(
      "https://widgets.global.amazonaws.com/things us-east-1/widgets-global/aws4_request",
    );
  });

  it("passes a custom endpoint to the rules as their Endpoint parameter (its path kept), signed for the client's region", async () => {
    expect(await requests("ListThings", "eu-west-1", { endpoint: "https://localhost:8443/base" })).toEqual([
      "https://localhost:8443/base/things eu-west-1/widgets/aws4_request",
      "https://localhost:8443/base/things?nextToken=t2 eu-west-1/widgets/aws4_request",
    ]);
  });

  it("binds an input member to its context parameter, per request", async () => {
    expect((await requests("ListThings", "eu-west-1", {}, { AccountId: "123456789012" }))[0]).toBe(
      "https://123456789012.widgets.eu-west-1.amazonaws.com/things eu-west-1/widgets/aws4_request",
    );
  });

  it("puts the operation's host prefix before the host the rules give, a custom endpoint's too, unless disableHostPrefix", async () => {
    expect((await requests("ListApiThings", "eu-west-1", { useFipsEndpoint: true }))[0]).toBe(
      "https://api.widgets-fips.eu-west-1.amazonaws.com/api-things eu-west-1/widgets/aws4_request",
    );
    expect((await requests("ListApiThings", "eu-west-1", { endpoint: "https://example.com" }))[0]).toBe(
      "https://api.example.com/api-things eu-west-1/widgets/aws4_request",
    );
    const local = { endpoint: "http://127.0.0.1:4566", disableHostPrefix: true };
    expect((await requests("ListApiThings", "eu-west-1", local))[0]).toBe(
      "http://127.0.0.1:4566/api-things eu-west-1/widgets/aws4_request",
    );
  });

  it("raises the rules' own error, typed, before any request: FIPS or dual-stack with a custom endpoint", async () => {
    for (const [flag, message] of [
      ["useFipsEndpoint", "Invalid Configuration: FIPS and custom endpoint are not supported"],
      ["useDualstackEndpoint", "Invalid Configuration: Dualstack and custom endpoint are not supported"],
    ] as const) {
      const failure = requests("ListThings", "us-east-1", { endpoint: "https://example.com", [flag]: true });
      await expect(failure).rejects.toThrow(message);
      await expect(failure).rejects.toMatchObject({ name: "EndpointResolutionError" });
    }
  });

  it("refuses, before any request, an endpoint the rules sign with sigv4a only", async () => {
    await expect(requests("ListThings", "us-west-2")).rejects.toThrow(
      /https:\/\/widgets\.sigv4a\.amazonaws\.com\/ the auth scheme\(s\) sigv4a; @dx\/paginator\/signed signs SigV4 only/,
    );
  });

  it("keeps today's hosts for a binding without rules, and says that FIPS and dual-stack need them", async () => {
    expect((await requests("ListThings", "eu-west-1", {}, {}, spec(false)))[0]).toBe(
      "https://widgets.eu-west-1.amazonaws.com/things eu-west-1/widgets/aws4_request",
    );
    await expect(requests("ListThings", "eu-west-1", { useFipsEndpoint: true }, {}, spec(false))).rejects.toThrow(
      /useFipsEndpoint needs the service's endpoint rules/,
    );
    await expect(requests("ListThings", "eu-west-1", { useDualstackEndpoint: true }, {}, spec(false))).rejects.toThrow(
      /useDualstackEndpoint needs the service's endpoint rules/,
    );
  });
});

describe("the endpoint cache", () => {
  /** The rules with a counter of evaluations (the engine reads `rules` once per evaluation). */
  function counted(): { rules: EndpointRules; evaluations: () => number } {
    let count = 0;
    const rules = {
      parameters: ruleSet.parameters,
      version: ruleSet.version,
      get rules() {
        count++;
        return ruleSet.rules;
      },
    } as EndpointRules;
    return { rules, evaluations: () => count };
  }
  const credentials = { accessKeyId: "AKIDCACHE", secretAccessKey: "cache-secret" };

  it("does not run the rules again when only the page token changes, and does when a parameter does", async () => {
    const { rules, evaluations } = counted();
    const binding: HttpBinding = {
      protocol: "restJson1",
      signingName: "widgets",
      endpointRules: rules,
      endpointParams: { contextParams: { AccountId: "AccountId" } },
      method: "GET",
      uri: "/things",
      members: { nextToken: ["query", "nextToken"], AccountId: ["header", "x-amz-account-id"] },
    };
    const { fetch, seen } = captureFetch("{}");
    const client = new SignedClient({ region: "eu-west-1", credentials, fetch });
    for (const token of [undefined, "t2", "t3", "t4"]) await client.send(binding, { nextToken: token });
    expect(evaluations()).toBe(1);
    await client.send(binding, { AccountId: "111122223333" });
    await client.send(binding, { AccountId: "111122223333", nextToken: "t2" });
    expect(evaluations()).toBe(2);
    // FIPS with a custom endpoint: the rules' error, an EndpointResolutionError, and nothing sent.
    const custom = new SignedClient({ region: "eu-west-1", credentials, fetch, endpoint: "https://example.com" });
    const fips = new SignedClient({
      ...{ region: "eu-west-1", credentials, fetch },
      endpoint: "https://example.com",
      useFipsEndpoint: true,
    });
    await custom.send(binding, {});
    await expect(fips.send(binding, {})).rejects.toThrow(
      new EndpointResolutionError(
        'the endpoint rules resolve no endpoint for Region="eu-west-1", UseFIPS=true, UseDualStack=false, Endpoint="https://example.com": Invalid Configuration: FIPS and custom endpoint are not supported',
      ),
    );
    await expect(fips.send(binding, {})).rejects.toBeInstanceOf(EndpointResolutionError);
    expect(seen.map((s) => new URL(s.url).host)).toEqual([
      ...Array(4).fill("widgets.eu-west-1.amazonaws.com"),
      "111122223333.widgets.eu-west-1.amazonaws.com",
      "111122223333.widgets.eu-west-1.amazonaws.com",
      "example.com",
    ]);
  });
});

describe("endpoint discovery with endpoint rules", () => {
  it("asks the discovery operation at the host the rules give (FIPS here), then sends to the address it answers", async () => {
    const seen: { url: string; target: string | null; scope: string | undefined }[] = [];
    const fake = (async (url: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      const scope = /Credential=[^/]+\/\d{8}\/([^,]+)/.exec(headers.get("authorization") ?? "")?.[1];
      seen.push({ url: String(url), target: headers.get("x-amz-target"), scope });
      const body = headers.get("x-amz-target")?.endsWith("DescribeEndpoints")
        ? { Endpoints: [{ Address: "cell-7.widgets.eu-west-1.amazonaws.com", CachePeriodInMinutes: 10 }] }
        : { things: [] };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/x-amz-json-1.0" } });
    }) as typeof fetch;
    const binding: HttpBinding = {
      protocol: "awsJson1_0",
      signingName: "widgets",
      endpointRules: ruleSet as EndpointRules,
      discovery: { target: "Widgets.DescribeEndpoints" },
      method: "POST",
      uri: "/",
      target: "Widgets.ListThings",
      members: {},
    };
    const credentials = { accessKeyId: "AKIDDISCOVER", secretAccessKey: "discover-secret" };
    const client = new SignedClient({ region: "eu-west-1", credentials, fetch: fake, useFipsEndpoint: true });
    await client.send(binding, {});
    await client.send(binding, { nextToken: "t2" });
    expect(seen.map((s) => `${s.target} ${s.url} ${s.scope}`)).toEqual([
      "Widgets.DescribeEndpoints https://widgets-fips.eu-west-1.amazonaws.com/ eu-west-1/widgets/aws4_request",
      "Widgets.ListThings https://cell-7.widgets.eu-west-1.amazonaws.com/ eu-west-1/widgets/aws4_request",
      "Widgets.ListThings https://cell-7.widgets.eu-west-1.amazonaws.com/ eu-west-1/widgets/aws4_request",
    ]);
  });
});

describe("signedClient's endpoint options are checked", () => {
  it.each([
    [{ useFipsEndpoint: "yes" }, /useFipsEndpoint must be a boolean, got "yes"/],
    [{ useDualstackEndpoint: 1 }, /useDualstackEndpoint must be a boolean, got 1/],
    [{ disableHostPrefix: null }, /disableHostPrefix must be a boolean/],
    [
      { clientContextParams: { A: 1 } },
      /clientContextParams must be an object of strings, booleans or lists of strings/,
    ],
  ])("%j", (options, message) => {
    expect(() => new SignedClient({ region: "us-east-1", ...(options as object) })).toThrow(message);
  });
});
