/**
 * Which error responses `/signed` retries, and as throttling, against the AWS SDK's own classification
 * (`@smithy/core/retry`'s `isThrottlingError` and `isTransientError`, which the standard retry mode
 * asks). Found reading the SDK's list while comparing errors on the Route 53 Recovery Cluster and EBS
 * models: `ThrottledException` is throttling to the SDK (retried, with the longer backoff), and
 * `/signed` did not retry it.
 */
import { isThrottlingError, isTransientError } from "@smithy/core/retry";
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";
import { THROTTLING } from "../src/runtime/signed/errors.js";

/** The SDK's throttling codes as of @smithy/core 3.41 (THROTTLING_ERROR_CODES), and codes that are not. */
const NAMES = [
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "ValidationException",
  "ResourceNotFoundException",
  "Throttled",
];

const binding: HttpBinding = {
  protocol: "restJson1",
  signingName: "things",
  method: "GET",
  uri: "/things",
  members: {},
};
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

/** How many requests `/signed` sends for a 400 of `name` (Retry-After: 0, so retries do not wait). */
async function attempts(name: string): Promise<number> {
  let sent = 0;
  const fetch = (async () => {
    sent++;
    return new Response("{}", {
      status: 400,
      headers: { "content-type": "application/json", "x-amzn-errortype": name, "retry-after": "0" },
    });
  }) as typeof globalThis.fetch;
  const client = new SignedClient({ region: "us-east-1", credentials, fetch, maxAttempts: 2 });
  await client.send(binding, {}).catch(() => undefined);
  return sent;
}

describe("the error codes /signed retries", () => {
  it.each(NAMES)("%s: retried as the SDK retries it", async (name) => {
    const error = { name, message: "", $metadata: { httpStatusCode: 400 } };
    const sdk = isThrottlingError(error) || isTransientError(error);
    expect(await attempts(name)).toBe(sdk ? 2 : 1);
  });

  it("counts as throttling what the SDK counts (the longer backoff)", () => {
    for (const name of NAMES)
      expect(THROTTLING.has(name), name).toBe(isThrottlingError({ name, message: "", $metadata: {} }));
  });
});
