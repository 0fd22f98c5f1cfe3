/**
 * Which error an error response is, as the AWS SDK for JavaScript v3 reads it (`@smithy/core/protocols`'
 * `loadRestJsonErrorCode` and `loadJsonRpcErrorCode`), over `/signed`: found comparing the two on EBS's
 * (restJson1) and Route 53 Recovery Cluster's (awsJson1_0) models. The SDK looks for the code in an
 * order of its protocol (restJson1: the `x-amzn-errortype` header, the body's `code`, then `__type`;
 * awsJson: `__type`, `code`, then the header), finds `code` under any case (`Code`), takes a number as
 * its text, and cleans it (the first of comma-separated values, before `:`, after `#`). `/signed` read
 * the header first on every protocol, then `__type`, then a lower-case string `code` only, and kept what
 * followed the last `#` and any comma: 11 of the 16 cases below named another error than the SDK.
 *
 * Each case is answered to the real SDK clients this package tests with (Data Exchange's restJson1
 * client and Verified Permissions' schema-based awsJson1_0 one) and to `SignedClient` with a binding of
 * the same protocol; the names must agree.
 */
import { DataExchangeClient, ListJobsCommand } from "@aws-sdk/client-dataexchange";
import { ListPoliciesCommand, VerifiedPermissionsClient } from "@aws-sdk/client-verifiedpermissions";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

interface Answer {
  headers: Record<string, string>;
  body: string;
}

const CASES: [string, Answer][] = [
  [
    "header and __type differ",
    { headers: { "x-amzn-errortype": "ValidationException" }, body: '{"__type":"ThrottlingException"}' },
  ],
  [
    "header and code differ",
    { headers: { "x-amzn-errortype": "ValidationException" }, body: '{"code":"ThrottlingException"}' },
  ],
  ["code and __type differ", { headers: {}, body: '{"__type":"ValidationException","code":"ThrottlingException"}' }],
  ["the code as Code", { headers: {}, body: '{"Code":"ValidationException","Message":"m"}' }],
  [
    "a header sent twice (joined with a comma)",
    { headers: { "x-amzn-errortype": "ValidationException, Other" }, body: "{}" },
  ],
  ["two #", { headers: {}, body: '{"__type":"a#ValidationException#b"}' }],
  ["a numeric code", { headers: {}, body: '{"code":42}' }],
  [
    "namespace and URL",
    { headers: {}, body: '{"__type":"com.amazonaws.x#ConflictException:http://internal.amazon.com/"}' },
  ],
];

/** The error the SDK client of `protocol` throws for `answer` (a 400). */
async function sdkError(protocol: "restJson1" | "awsJson1_0", answer: Answer): Promise<Record<string, unknown>> {
  const contentType = protocol === "restJson1" ? "application/json" : "application/x-amz-json-1.0";
  const requestHandler = {
    async handle() {
      return {
        response: {
          statusCode: 400,
          headers: { "content-type": contentType, ...answer.headers },
          body: Readable.from([Buffer.from(answer.body)]),
        },
      };
    },
  };
  const config = { region: "us-east-1", credentials, requestHandler, maxAttempts: 1 };
  const sent =
    protocol === "restJson1"
      ? new DataExchangeClient(config).send(new ListJobsCommand({}))
      : new VerifiedPermissionsClient(config).send(new ListPoliciesCommand({ policyStoreId: "PS1" }));
  return (await sent.then(
    () => undefined,
    (e: unknown) => e,
  )) as Record<string, unknown>;
}

async function sdkName(protocol: "restJson1" | "awsJson1_0", answer: Answer): Promise<string> {
  // A numeric code is the name's text (the classic restJson1 deserializer keeps the number itself).
  return String((await sdkError(protocol, answer))["name"]);
}

/** The error `SignedClient` throws for `answer` (a 400) over a binding of `protocol`. */
async function signedError(protocol: "restJson1" | "awsJson1_0", answer: Answer): Promise<Record<string, unknown>> {
  const contentType = protocol === "restJson1" ? "application/json" : "application/x-amz-json-1.0";
  const fetch = (async () =>
    new Response(answer.body, {
      status: 400,
      headers: { "content-type": contentType, ...answer.headers },
    })) as typeof globalThis.fetch;
  const binding: HttpBinding =
    protocol === "restJson1"
      ? { protocol, signingName: "dataexchange", method: "GET", uri: "/v1/jobs", members: {} }
      : {
          protocol,
          signingName: "verifiedpermissions",
          method: "POST",
          uri: "/",
          target: "VerifiedPermissions.ListPolicies",
          members: {},
        };
  const client = new SignedClient({ region: "us-east-1", credentials, fetch, maxAttempts: 1 });
  return (await client.send(binding, {}).then(
    () => undefined,
    (e: unknown) => e,
  )) as Record<string, unknown>;
}

async function signedName(protocol: "restJson1" | "awsJson1_0", answer: Answer): Promise<string> {
  return String((await signedError(protocol, answer))["name"]);
}

/**
 * The message, as both SDK generations word it (`message`, then `Message`, else "UnknownError"), and an
 * `errorMessage` the body holds, which the SDK keeps on the error as itself: `/signed` preferred
 * `Message`, took `errorMessage` as the message (and left it off the error), and said "HTTP 400".
 */
const MESSAGES: [string, string][] = [
  ["message and Message", '{"message":"lower","Message":"upper"}'],
  ["Message alone", '{"Message":"upper"}'],
  ["errorMessage alone", '{"errorMessage":"em"}'],
  ["no message", "{}"],
];

describe.each(["restJson1", "awsJson1_0"] as const)("the message of a %s error response", (protocol) => {
  it.each(MESSAGES)("%s: /signed words it as the SDK does", async (_, body) => {
    for (const type of ["ValidationException", "Brandnew"]) {
      const answer = { headers: { "x-amzn-errortype": type }, body };
      const [sdk, signed] = [await sdkError(protocol, answer), await signedError(protocol, answer)];
      expect([signed["message"], signed["errorMessage"]]).toEqual([sdk["message"], sdk["errorMessage"]]);
    }
  });
});

describe.each(["restJson1", "awsJson1_0"] as const)("the error code of a %s error response", (protocol) => {
  it.each(CASES)("%s: /signed names the error as the SDK does", async (_, answer) => {
    const sdk = await sdkName(protocol, answer);
    expect(await signedName(protocol, answer)).toBe(sdk);
  });

  it("is the SDK's for each case", async () => {
    // What the SDK gives, written out, so a change of the SDK's reading shows here too.
    const names = await Promise.all(CASES.map(([, answer]) => signedName(protocol, answer)));
    expect(names).toEqual(
      protocol === "restJson1"
        ? ["ValidationException", "ValidationException", "ThrottlingException", "ValidationException"].concat([
            "ValidationException",
            "ValidationException",
            "42",
            "ConflictException",
          ])
        : ["ThrottlingException", "ThrottlingException", "ValidationException", "ValidationException"].concat([
            "ValidationException",
            "ValidationException",
            "42",
            "ConflictException",
          ]),
    );
  });
});

/**
 * An error response with no code anywhere (no header, no `code`, no `__type`; found on IAM Identity
 * Center's and the Price List's models, compared with @aws-sdk/client-sso and client-pricing): the
 * schema-based SDK clients name it "Unknown" on both protocols; `/signed` named it `Http400Error`,
 * which no SDK gives (the classic restJson1 client takes the status's text, "400").
 */
describe("an error response without a code", () => {
  const ANSWERS: [string, Answer][] = [
    ["an empty object", { headers: {}, body: "{}" }],
    ["an empty body", { headers: {}, body: "" }],
    ["a message only", { headers: {}, body: '{"message":"m"}' }],
    ["not JSON", { headers: {}, body: "<html>bad gateway</html>" }],
  ];
  it.each(ANSWERS)("%s: is named as the schema-based SDK names it", async (_, answer) => {
    if (answer.body.startsWith("{") || answer.body === "") expect(await sdkName("awsJson1_0", answer)).toBe("Unknown");
    for (const protocol of ["restJson1", "awsJson1_0"] as const) {
      const signed = await signedError(protocol, answer);
      expect([signed["name"], signed["$fault"], signed["message"]]).toEqual([
        "Unknown",
        "client",
        answer.body === '{"message":"m"}' ? "m" : "UnknownError",
      ]);
    }
  });
});
