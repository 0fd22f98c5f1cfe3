/**
 * `aws.protocols#awsQueryCompatible` (SQS: awsJson1_0, moved from awsQuery), as Smithy's protocol
 * tests (awsJson1_0/query-compatible.smithy) require of clients: requests carry
 * `x-amzn-query-mode: true` (and only for such services), and an error's awsQuery code and fault
 * type come from `x-amzn-query-error: Code;Type`. The error's `name` stays its shape name, from
 * `__type`, and the awsQuery ones are `Code` and `Type`, as the AWS SDK for JavaScript v3 exposes them.
 */
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";
import { ServiceError } from "../src/runtime/signed/errors.js";
import { captureFetch } from "./support/capture-fetch.js";
import { emittedSignedBinding } from "./support/emitted.js";

/** SQS's shape: an awsJson1_0 ListQueues whose error has an awsQueryError code. */
function spec(serviceTraits: Record<string, unknown> = { "aws.protocols#awsQueryCompatible": {} }) {
  return {
    smithy: "2.0",
    shapes: {
      "ex#AmazonSQS": {
        type: "service",
        version: "2012-11-05",
        operations: [{ target: "ex#ListQueues" }],
        traits: {
          "aws.protocols#awsJson1_0": {},
          "aws.api#service": { sdkId: "SQS" },
          "aws.auth#sigv4": { name: "sqs" },
          ...serviceTraits,
        },
      },
      "ex#ListQueues": {
        type: "operation",
        input: { target: "ex#ListQueuesRequest" },
        output: { target: "ex#ListQueuesResult" },
        errors: [{ target: "ex#QueueDoesNotExist" }],
        traits: {
          "smithy.api#paginated": {
            inputToken: "NextToken",
            outputToken: "NextToken",
            items: "QueueUrls",
            pageSize: "MaxResults",
          },
        },
      },
      "ex#ListQueuesRequest": {
        type: "structure",
        members: { NextToken: { target: "smithy.api#String" }, MaxResults: { target: "smithy.api#Integer" } },
      },
      "ex#ListQueuesResult": {
        type: "structure",
        members: { NextToken: { target: "smithy.api#String" }, QueueUrls: { target: "ex#Urls" } },
      },
      "ex#Urls": { type: "list", member: { target: "smithy.api#String" } },
      "ex#QueueDoesNotExist": {
        type: "structure",
        members: { message: { target: "smithy.api#String" } },
        traits: {
          "aws.protocols#awsQueryError": { code: "AWS.SimpleQueueService.NonExistentQueue", httpResponseCode: 400 },
          "smithy.api#error": "client",
        },
      },
    },
  };
}

function signedBinding(s: unknown): string {
  return emittedSignedBinding(s, "ListQueues");
}

describe("the emitted /signed binding", () => {
  it("says queryCompatible for an awsQueryCompatible service only", () => {
    expect(signedBinding(spec())).toContain('  target: "AmazonSQS.ListQueues",\n  queryCompatible: true,\n');
    expect(signedBinding(spec({}))).not.toContain("queryCompatible");
  });

  it("refuses a malformed awsQueryCompatible trait", () => {
    expect(() => signedBinding(spec({ "aws.protocols#awsQueryCompatible": true }))).toThrow(
      /aws\.protocols#awsQueryCompatible.*expected an object/s,
    );
  });
});

const listQueues = (extra: Partial<HttpBinding> = {}): HttpBinding => ({
  protocol: "awsJson1_0",
  signingName: "sqs",
  method: "POST",
  uri: "/",
  target: "AmazonSQS.ListQueues",
  queryCompatible: true,
  members: { NextToken: ["body", "NextToken"], MaxResults: ["body", "MaxResults"] },
  ...extra,
});
/** The same binding for a service that is not query-compatible. */
function plain(): HttpBinding {
  const { queryCompatible: _, ...rest } = listQueues();
  return rest;
}
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

/** A fetch that answers SQS's QueueDoesNotExist, with the awsQuery header when `header` is given. */
function failing(header?: string): typeof fetch {
  return (async () =>
    new Response(JSON.stringify({ __type: "com.amazonaws.sqs#QueueDoesNotExist", message: "No queue." }), {
      status: 400,
      headers: {
        "content-type": "application/x-amz-json-1.0",
        ...(header !== undefined && { "x-amzn-query-error": header }),
      },
    })) as typeof fetch;
}

async function rejection(binding: HttpBinding, header?: string): Promise<ServiceError> {
  const client = new SignedClient({ region: "eu-west-1", credentials, fetch: failing(header) });
  const error: unknown = await client.send(binding, {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

describe("SignedClient and an awsQueryCompatible service", () => {
  it("sends x-amzn-query-mode: true, and not for other services", async () => {
    const { fetch, seen } = captureFetch("{}");
    const client = new SignedClient({ region: "eu-west-1", credentials, fetch });
    await client.send(listQueues(), {});
    await client.send(plain(), {});
    expect(seen[0]?.headers.get("x-amzn-query-mode")).toBe("true");
    expect(seen[0]?.headers.get("x-amz-target")).toBe("AmazonSQS.ListQueues");
    expect(seen[0]?.headers.get("authorization")).toMatch(/SignedHeaders=[^,]*x-amzn-query-mode/);
    expect(seen[1]?.headers.has("x-amzn-query-mode")).toBe(false);
  });

  it("reads the awsQuery code and type from x-amzn-query-error; the name stays the shape's", async () => {
    const error = await rejection(listQueues(), "AWS.SimpleQueueService.NonExistentQueue;Sender");
    expect(error.name).toBe("QueueDoesNotExist");
    expect(error.message).toBe("No queue.");
    expect(error.Code).toBe("AWS.SimpleQueueService.NonExistentQueue");
    expect(error.Type).toBe("Sender");
  });

  it("leaves Code and Type unset without the header, or for a service that is not query-compatible", async () => {
    const bare = await rejection(listQueues());
    expect(bare.name).toBe("QueueDoesNotExist");
    expect(bare.Code).toBeUndefined();
    const other = await rejection(plain(), "Customized;Sender");
    expect(other.Code).toBeUndefined();
    expect(other.Type).toBeUndefined();
  });
});
