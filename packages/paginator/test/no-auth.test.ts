/**
 * Operations whose `smithy.api#auth` names no SigV4 are sent unsigned. The IAM Identity Center portal
 * (sdkId "SSO") marks ListAccounts and ListAccountRoles `@auth([])`: the caller holds only a bearer
 * token (the `x-amz-sso_bearer_token` header), no AWS credentials, and the AWS SDKs send them with
 * Smithy's noAuth. The /signed binding says so with `auth: "none"`, and `SignedClient` then neither
 * signs nor asks for credentials.
 */
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";
import { captureFetch } from "./support/capture-fetch.js";
import { emittedSignedBinding } from "./support/emitted.js";

/** The SSO portal's shape: a sigv4 service whose paginated operation has `@auth([])` and a bearer-token header. */
function spec(listAuth: unknown, serviceAuth?: unknown) {
  const paginated = { inputToken: "nextToken", outputToken: "nextToken", items: "accountList", pageSize: "maxResults" };
  return {
    smithy: "2.0",
    shapes: {
      "ex#Portal": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#ListAccounts" }, { target: "ex#ListRoles" }],
        traits: {
          "aws.protocols#restJson1": {},
          "aws.api#service": { sdkId: "Portal", endpointPrefix: "portal.sso" },
          "aws.auth#sigv4": { name: "awsssoportal" },
          ...(serviceAuth !== undefined && { "smithy.api#auth": serviceAuth }),
        },
      },
      "ex#ListAccounts": {
        type: "operation",
        input: { target: "ex#ListInput" },
        output: { target: "ex#ListOutput" },
        traits: {
          ...(listAuth !== undefined && { "smithy.api#auth": listAuth }),
          "smithy.api#optionalAuth": {},
          "smithy.api#http": { method: "GET", uri: "/assignment/accounts", code: 200 },
          "smithy.api#paginated": paginated,
        },
      },
      "ex#ListRoles": {
        type: "operation",
        input: { target: "ex#ListInput" },
        output: { target: "ex#ListOutput" },
        traits: {
          "smithy.api#http": { method: "GET", uri: "/assignment/roles", code: 200 },
          "smithy.api#paginated": paginated,
        },
      },
      "ex#ListInput": {
        type: "structure",
        members: {
          nextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "next_token" } },
          maxResults: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "max_result" } },
          accessToken: {
            target: "smithy.api#String",
            traits: { "smithy.api#httpHeader": "x-amz-sso_bearer_token", "smithy.api#required": {} },
          },
        },
      },
      "ex#ListOutput": {
        type: "structure",
        members: { nextToken: { target: "smithy.api#String" }, accountList: { target: "ex#Accounts" } },
      },
      "ex#Accounts": { type: "list", member: { target: "smithy.api#String" } },
    },
  };
}

function signedBindings(s: unknown): { accounts: string; roles: string } {
  return { accounts: emittedSignedBinding(s, "ListAccounts"), roles: emittedSignedBinding(s, "ListRoles") };
}

describe("the emitted /signed binding", () => {
  it('says auth: "none" for an operation whose @auth is empty, and nothing for one signed as before', () => {
    const { accounts, roles } = signedBindings(spec([]));
    expect(accounts).toContain('  signingName: "awsssoportal",\n  endpointPrefix: "portal.sso",\n  auth: "none",\n');
    expect(accounts).toContain('    "accessToken": ["header", "x-amz-sso_bearer_token"],');
    expect(roles).toContain('  endpointPrefix: "portal.sso",\n  method: "GET",');
    expect(roles).not.toContain("auth:");
  });

  it("takes the service's @auth when the operation has none, and the operation's when it has one", () => {
    const service = signedBindings(spec(undefined, []));
    expect(service.accounts).toContain('  auth: "none",\n');
    expect(service.roles).toContain('  auth: "none",\n');
    const override = signedBindings(spec(["aws.auth#sigv4"], []));
    expect(override.accounts).not.toContain("auth:");
    expect(override.roles).toContain('  auth: "none",\n');
    // An @auth that lists SigV4 among other schemes is signed.
    expect(signedBindings(spec(["aws.auth#sigv4", "smithy.api#httpBearerAuth"])).accounts).not.toContain("auth:");
  });

  it("refuses an @auth trait that is not a list of scheme ids", () => {
    expect(() => signedBindings(spec("aws.auth#sigv4"))).toThrow(/smithy\.api#auth.*expected an array of auth scheme/s);
  });
});

const listAccounts = (auth: Partial<HttpBinding>): HttpBinding => ({
  protocol: "restJson1",
  signingName: "awsssoportal",
  endpointPrefix: "portal.sso",
  method: "GET",
  uri: "/assignment/accounts",
  members: { accessToken: ["header", "x-amz-sso_bearer_token"], maxResults: ["query", "max_result"] },
  ...auth,
});

describe('SignedClient and auth: "none"', () => {
  it("sends the request unsigned and needs no credentials", async () => {
    const { fetch, seen } = captureFetch('{"accountList":[]}');
    const client = new SignedClient({ region: "eu-west-1", fetch });
    const out = (await client.send(listAccounts({ auth: "none" }), { accessToken: "tok", maxResults: 5 })) as {
      body: unknown;
    };
    expect(out.body).toEqual({ accountList: [] });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe("https://portal.sso.eu-west-1.amazonaws.com/assignment/accounts?max_result=5");
    expect(seen[0]?.headers.get("x-amz-sso_bearer_token")).toBe("tok");
    expect(seen[0]?.headers.get("authorization")).toBeNull();
    expect(seen[0]?.headers.get("x-amz-date")).toBeNull();
  });

  it("does not sign it even when the client has credentials", async () => {
    const { fetch, seen } = captureFetch('{"accountList":[]}');
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
    await new SignedClient({ region: "eu-west-1", credentials, fetch }).send(listAccounts({ auth: "none" }), {
      accessToken: "tok",
    });
    expect(seen[0]?.headers.get("authorization")).toBeNull();
    await new SignedClient({ region: "eu-west-1", credentials, fetch }).send(listAccounts({}), { accessToken: "tok" });
    expect(seen[1]?.headers.get("authorization")).toMatch(/\/eu-west-1\/awsssoportal\/aws4_request/);
  });

  it("refuses a signed binding without credentials before sending anything", async () => {
    const { fetch, seen } = captureFetch('{"accountList":[]}');
    const client = new SignedClient({ region: "eu-west-1", fetch });
    await expect(client.send(listAccounts({}), { accessToken: "tok" })).rejects.toThrow(
      new TypeError('signedClient: credentials are required to sign requests to "awsssoportal"'),
    );
    expect(seen).toHaveLength(0);
  });
});
