/**
 * A modeled error's `$fault` over `/signed` is its `@error` trait's, as the AWS SDK gives it, whatever
 * status it comes with; an error the operation does not model takes it from the status. Found on Data
 * Pipeline's model (awsJson1_1), whose `InternalServiceError` is `@error("server")` with no
 * `@httpError`: answered with a 400, the SDK's exception is a server fault and `/signed`'s was a client
 * one (and a modeled client error answered with a 503 the reverse). The binding now lists its errors'
 * faults; the runtime is compared with the schema-based `@aws-sdk/client-verifiedpermissions`, whose
 * ListPolicies models `InternalServerException` (server) and `ValidationException` (client).
 */
import { ListPoliciesCommand, VerifiedPermissionsClient } from "@aws-sdk/client-verifiedpermissions";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";
import { emittedSignedBinding } from "./support/emitted.js";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const CT = "application/x-amz-json-1.0";

const spec = {
  smithy: "2.0",
  shapes: {
    "ex#Pipes": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#ListPipes" }],
      traits: { "aws.protocols#awsJson1_1": {}, "aws.auth#sigv4": { name: "pipes" } },
    },
    "ex#ListPipes": {
      type: "operation",
      input: { target: "ex#ListPipesInput" },
      output: { target: "ex#ListPipesOutput" },
      errors: [{ target: "ex#InternalServiceError" }, { target: "ex#InvalidRequestException" }],
      traits: { "smithy.api#paginated": { inputToken: "marker", outputToken: "marker", items: "ids" } },
    },
    "ex#ListPipesInput": { type: "structure", members: { marker: { target: "smithy.api#String" } } },
    "ex#ListPipesOutput": {
      type: "structure",
      members: { marker: { target: "smithy.api#String" }, ids: { target: "ex#Ids" } },
    },
    "ex#Ids": { type: "list", member: { target: "smithy.api#String" } },
    "ex#InternalServiceError": {
      type: "structure",
      members: { message: { target: "smithy.api#String" } },
      traits: { "smithy.api#error": "server" },
    },
    "ex#InvalidRequestException": {
      type: "structure",
      members: { message: { target: "smithy.api#String" } },
      traits: { "smithy.api#error": "client" },
    },
  },
};

/** `$fault` of the SDK's exception and of `/signed`'s ServiceError for a `status` answer naming `type`. */
async function faults(type: string, status: number): Promise<[unknown, unknown]> {
  const body = JSON.stringify({ __type: type, message: "m" });
  const requestHandler = {
    async handle() {
      return {
        response: { statusCode: status, headers: { "content-type": CT }, body: Readable.from([Buffer.from(body)]) },
      };
    },
  };
  const sdk = new VerifiedPermissionsClient({ region: "us-east-1", credentials, requestHandler, maxAttempts: 1 });
  const sdkError = (await sdk.send(new ListPoliciesCommand({ policyStoreId: "p" })).catch((e: unknown) => e)) as {
    $fault: unknown;
  };
  const binding: HttpBinding = {
    protocol: "awsJson1_0",
    signingName: "verifiedpermissions",
    method: "POST",
    uri: "/",
    target: "VerifiedPermissions.ListPolicies",
    members: {},
    faults: { InternalServerException: "server", ValidationException: "client" },
  };
  const fetch = (async () =>
    new Response(body, { status, headers: { "content-type": CT } })) as typeof globalThis.fetch;
  const signed = new SignedClient({ region: "us-east-1", credentials, fetch, maxAttempts: 1 });
  const signedError = (await signed.send(binding, {}).catch((e: unknown) => e)) as { $fault: unknown };
  return [signedError.$fault, sdkError.$fault];
}

describe("a ServiceError's $fault", () => {
  it("is the modeled error's own, whatever the status; else the status's, as the SDK's", async () => {
    for (const [type, status, expected] of [
      ["InternalServerException", 400, "server"],
      ["ValidationException", 503, "client"],
      ["ValidationException", 400, "client"],
      ["SomethingNew", 503, "server"],
      ["SomethingNew", 400, "client"],
    ] as const) {
      const [signed, sdk] = await faults(type, status);
      expect(sdk, `${type} ${status}`).toBe(expected);
      expect(signed, `${type} ${status}`).toBe(expected);
    }
  });

  it("is listed in the emitted binding for each modeled error of the operation", () => {
    const binding = emittedSignedBinding(spec, "ListPipes");
    expect(binding).toContain(
      '  faults: {\n    "InternalServiceError": "server",\n    "InvalidRequestException": "client",\n  },',
    );
  });
});
