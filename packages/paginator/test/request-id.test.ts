/**
 * `$metadata.requestId` of a `/signed` page or error, read from the headers the AWS SDK reads it from
 * (`@smithy/core`'s deserializeMetadata: `x-amzn-requestid`, `x-amzn-request-id`, then
 * `x-amz-request-id`). Found comparing responses with the SDK clients of this round's models:
 * `/signed` did not read `x-amzn-request-id`, so a service answering with it gave no request id.
 */
import { DataExchangeClient, ListJobsCommand } from "@aws-sdk/client-dataexchange";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const binding: HttpBinding = {
  protocol: "restJson1",
  signingName: "dataexchange",
  method: "GET",
  uri: "/v1/jobs",
  members: {},
};

const HEADERS: Record<string, string>[] = [
  { "x-amzn-requestid": "a" },
  { "x-amzn-request-id": "b" },
  { "x-amz-request-id": "c" },
  { "x-amzn-request-id": "b", "x-amz-request-id": "c" },
  { "x-amzn-requestid": "a", "x-amzn-request-id": "b" },
];

async function sdkRequestId(headers: Record<string, string>, status: number): Promise<string | undefined> {
  const requestHandler = {
    async handle() {
      return {
        response: {
          statusCode: status,
          headers: { "content-type": "application/json", ...headers },
          body: Readable.from([Buffer.from(status === 200 ? '{"Jobs":[]}' : '{"message":"no"}')]),
        },
      };
    },
  };
  const client = new DataExchangeClient({ region: "us-east-1", credentials, requestHandler, maxAttempts: 1 });
  const out: unknown = await client.send(new ListJobsCommand({})).catch((e: unknown) => e);
  return (out as { $metadata: { requestId?: string } }).$metadata.requestId;
}

async function signedRequestId(headers: Record<string, string>, status: number): Promise<string | undefined> {
  const fetch = (async () =>
    new Response(status === 200 ? '{"Jobs":[]}' : '{"message":"no"}', {
      status,
      headers: { "content-type": "application/json", ...headers },
    })) as typeof globalThis.fetch;
  const client = new SignedClient({ region: "us-east-1", credentials, fetch, maxAttempts: 1 });
  const out: unknown = await client.send(binding, {}).catch((e: unknown) => e);
  return (out as { $metadata: { requestId?: string } }).$metadata.requestId;
}

describe("$metadata.requestId over /signed", () => {
  it.each(HEADERS)("is the SDK's for a page and an error with %o", async (headers) => {
    for (const status of [200, 404])
      expect(await signedRequestId(headers, status)).toBe(await sdkRequestId(headers, status));
  });
});
