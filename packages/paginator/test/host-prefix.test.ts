/**
 * An operation's `smithy.api#endpoint` hostPrefix goes before the service's host, as the AWS SDKs
 * send it. Amazon MWAA (signing name "airflow", no endpointPrefix) serves its paginated
 * ListEnvironments only at `api.airflow.<region>.amazonaws.com`; `airflow.<region>` is not its API.
 * A prefix may name `{Label}`s, input members with `@hostLabel` (S3 Control's `{AccountId}.`).
 */
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";
import { captureFetch } from "./support/capture-fetch.js";
import { emittedSignedBinding } from "./support/emitted.js";

/** MWAA's shape: ListEnvironments with hostPrefix "api."; ListJobs with a `{AccountId}.` label. */
function spec(jobsPrefix = "{AccountId}.", accountTraits: Record<string, unknown> = { "smithy.api#hostLabel": {} }) {
  const paginated = { inputToken: "NextToken", outputToken: "NextToken", items: "Items", pageSize: "MaxResults" };
  const page = {
    NextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "NextToken" } },
    MaxResults: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "MaxResults" } },
  };
  return {
    smithy: "2.0",
    shapes: {
      "ex#AmazonMWAA": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#ListEnvironments" }, { target: "ex#ListJobs" }],
        traits: {
          "aws.protocols#restJson1": {},
          "aws.api#service": { sdkId: "MWAA" },
          "aws.auth#sigv4": { name: "airflow" },
        },
      },
      "ex#ListEnvironments": {
        type: "operation",
        input: { target: "ex#ListEnvironmentsInput" },
        output: { target: "ex#ListOutput" },
        traits: {
          "smithy.api#endpoint": { hostPrefix: "api." },
          "smithy.api#http": { method: "GET", uri: "/environments", code: 200 },
          "smithy.api#paginated": paginated,
        },
      },
      "ex#ListJobs": {
        type: "operation",
        input: { target: "ex#ListJobsInput" },
        output: { target: "ex#ListOutput" },
        traits: {
          "smithy.api#endpoint": { hostPrefix: jobsPrefix },
          "smithy.api#http": { method: "GET", uri: "/jobs", code: 200 },
          "smithy.api#paginated": paginated,
        },
      },
      "ex#ListEnvironmentsInput": { type: "structure", members: page },
      "ex#ListJobsInput": {
        type: "structure",
        members: {
          ...page,
          AccountId: {
            target: "smithy.api#String",
            traits: { "smithy.api#httpHeader": "x-amz-account-id", "smithy.api#required": {}, ...accountTraits },
          },
        },
      },
      "ex#ListOutput": {
        type: "structure",
        members: { NextToken: { target: "smithy.api#String" }, Items: { target: "ex#Names" } },
      },
      "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
    },
  };
}

function signedBindings(s: unknown): { environments: string; jobs: string } {
  return { environments: emittedSignedBinding(s, "ListEnvironments"), jobs: emittedSignedBinding(s, "ListJobs") };
}

describe("the emitted /signed binding", () => {
  it("carries the operation's host prefix, labels and all", () => {
    const { environments, jobs } = signedBindings(spec());
    expect(environments).toContain('  signingName: "airflow",\n  hostPrefix: "api.",\n  method: "GET",');
    expect(jobs).toContain('  hostPrefix: "{AccountId}.",\n');
  });

  it("refuses a prefix label that names no required @hostLabel member, and a malformed trait", () => {
    expect(() => signedBindings(spec("{Account}."))).toThrow(
      /ListJobs: the host prefix label \{Account\} names no @hostLabel member of the input/,
    );
    expect(() => signedBindings(spec("{AccountId}.", {}))).toThrow(/\{AccountId\} names no @hostLabel member/);
    expect(() =>
      signedBindings(spec("{AccountId}.", { "smithy.api#hostLabel": {}, "smithy.api#required": undefined })),
    ).toThrow(/\{AccountId\} names an input member that is not @required/);
    expect(() => signedBindings(spec(""))).toThrow(/smithy\.api#endpoint.*hostPrefix/s);
  });
});

const listEnvironments = (extra: Partial<HttpBinding> = {}): HttpBinding => ({
  protocol: "restJson1",
  signingName: "airflow",
  hostPrefix: "api.",
  method: "GET",
  uri: "/environments",
  members: { NextToken: ["query", "NextToken"], MaxResults: ["query", "MaxResults"] },
  ...extra,
});
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

describe("SignedClient and a host prefix", () => {
  it("sends to the prefixed default host, signed with the signing name", async () => {
    const { fetch, seen } = captureFetch('{"Environments":[]}');
    await new SignedClient({ region: "eu-west-1", credentials, fetch }).send(listEnvironments(), { MaxResults: 5 });
    expect(seen[0]?.url).toBe("https://api.airflow.eu-west-1.amazonaws.com/environments?MaxResults=5");
    expect(seen[0]?.headers.get("authorization")).toMatch(/\/eu-west-1\/airflow\/aws4_request/);
  });

  it("fills a label from the input and refuses a value that is not a host label before sending", async () => {
    const { fetch, seen } = captureFetch("{}");
    const client = new SignedClient({ region: "us-west-2", credentials, fetch });
    const jobs = listEnvironments({
      hostPrefix: "{AccountId}.",
      members: { AccountId: ["header", "x-amz-account-id"] },
    });
    await client.send(jobs, { AccountId: "123456789012" });
    expect(seen[0]?.url).toBe("https://123456789012.airflow.us-west-2.amazonaws.com/environments");
    await expect(client.send(jobs, { AccountId: "evil.com/" })).rejects.toThrow(
      new TypeError('signedClient: AccountId must be a host label (letters, digits, inner hyphens), got "evil.com/"'),
    );
    await expect(client.send(jobs, {})).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(1);
  });

  it("uses an endpoint given in the options as it is", async () => {
    const { fetch, seen } = captureFetch("{}");
    const endpoint = "http://127.0.0.1:4566";
    await new SignedClient({ region: "eu-west-1", credentials, fetch, endpoint }).send(listEnvironments(), {});
    expect(seen[0]?.url).toBe("http://127.0.0.1:4566/environments");
  });
});

describe("SignedClient's default host in each partition", () => {
  it.each([
    ["us-east-1", "https://api.airflow.us-east-1.amazonaws.com/environments"],
    ["us-gov-west-1", "https://api.airflow.us-gov-west-1.amazonaws.com/environments"],
    ["cn-north-1", "https://api.airflow.cn-north-1.amazonaws.com.cn/environments"],
    ["us-iso-east-1", "https://api.airflow.us-iso-east-1.c2s.ic.gov/environments"],
    ["us-isob-east-1", "https://api.airflow.us-isob-east-1.sc2s.sgov.gov/environments"],
  ])("%s: the partition's domain, as the SDKs resolve it", async (region, url) => {
    const { fetch, seen } = captureFetch('{"Environments":[]}');
    await new SignedClient({ region, credentials, fetch }).send(listEnvironments(), {});
    expect(seen[0]?.url).toBe(url);
    expect(seen[0]?.headers.get("authorization")).toContain(`/${region}/airflow/aws4_request`);
  });
});
