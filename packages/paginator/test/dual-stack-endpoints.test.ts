/**
 * Dual-stack-only endpoints (found on Aurora DSQL's model): the service has
 * `aws.endpoints#dualStackOnlyEndpoints`, and its endpoint rules resolve every region to
 * `https://dsql.<region>.{PartitionResult#dualStackDnsSuffix}`. The AWS SDK
 * (`@aws-sdk/client-dsql`) sends ListClusters to `dsql.us-east-1.api.aws`,
 * `dsql.cn-northwest-1.api.amazonwebservices.com.cn`, `dsql.us-iso-east-1.api.aws.ic.gov`; the `/signed`
 * binding sent it to `dsql.<region>.amazonaws.com`, a host the service does not have.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emittedSignedBinding } from "./support/emitted.js";
import { sentTo } from "./support/hosts.js";

/** Aurora DSQL's shape: restJson1, a paginated GET ListClusters, with or without the dual-stack-only trait. */
function spec(dualStackOnly: boolean, endpointPrefix = "dsql") {
  return {
    smithy: "2.0",
    shapes: {
      "ex#DSQL": {
        type: "service",
        version: "2018-05-10",
        operations: [{ target: "ex#ListClusters" }],
        traits: {
          "aws.protocols#restJson1": {},
          "aws.api#service": { sdkId: "DSQL", endpointPrefix },
          "aws.auth#sigv4": { name: "dsql" },
          ...(dualStackOnly && { "aws.endpoints#dualStackOnlyEndpoints": {} }),
          "aws.endpoints#standardRegionalEndpoints": {},
        },
      },
      "ex#ListClusters": {
        type: "operation",
        input: { target: "ex#ListClustersInput" },
        output: { target: "ex#ListClustersOutput" },
        traits: {
          "smithy.api#http": { method: "GET", uri: "/cluster", code: 200 },
          "smithy.api#readonly": {},
          "smithy.api#paginated": {
            inputToken: "nextToken",
            outputToken: "nextToken",
            pageSize: "maxResults",
            items: "clusters",
          },
        },
      },
      "ex#ListClustersInput": {
        type: "structure",
        members: {
          maxResults: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "max-results" } },
          nextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "next-token" } },
        },
      },
      "ex#ListClustersOutput": {
        type: "structure",
        members: {
          nextToken: { target: "smithy.api#String" },
          clusters: { target: "ex#Ids", traits: { "smithy.api#required": {} } },
        },
      },
      "ex#Ids": { type: "list", member: { target: "smithy.api#String" } },
    },
  };
}

describe("the emitted /signed binding", () => {
  it("says the service is dual-stack only where the model does, and nothing where it does not", () => {
    expect(emittedSignedBinding(spec(true), "ListClusters")).toContain(
      '  signingName: "dsql",\n  dualStackOnly: true,\n',
    );
    expect(emittedSignedBinding(spec(false), "ListClusters")).not.toContain("dualStackOnly");
  });
});

const out = mkdtempSync(join(tmpdir(), "dx-dual-stack-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Where two pages of ListClusters from `region` went, and the credential scope of the first. */
async function urls(name: string, model: object, region: string, endpoint?: string): Promise<string[]> {
  const { sent, pages } = await sentTo({
    out,
    name,
    model,
    operation: "ListClusters",
    input: {},
    pages: [{ clusters: ["a"], nextToken: "n/2=" }, { clusters: ["b"] }],
    region,
    ...(endpoint !== undefined && { endpoint }),
  });
  expect(pages.map((p) => p["clusters"])).toEqual([["a"], ["b"]]);
  expect(sent[0]?.scope).toBe(`${region}/dsql/aws4_request`);
  return sent.map((s) => s.url);
}

describe("the generated /signed binding of a dual-stack-only service", () => {
  it.each([
    ["us-east-1", "api.aws"],
    ["us-gov-west-1", "api.aws"],
    ["cn-northwest-1", "api.amazonwebservices.com.cn"],
    ["us-iso-east-1", "api.aws.ic.gov"],
    ["us-isob-east-1", "api.aws.scloud"],
    ["eu-isoe-west-1", "api.cloud-aws.adc-e.uk"],
    ["us-isof-south-1", "api.aws.hci.ic.gov"],
  ])("sends to the partition's dual-stack domain in %s, as the AWS SDK does (%s)", async (region, domain) => {
    expect(await urls("dsql", spec(true), region)).toEqual([
      `https://dsql.${region}.${domain}/cluster`,
      `https://dsql.${region}.${domain}/cluster?next-token=n%2F2%3D`,
    ]);
  });

  it("keeps the IPv4 domain for a service without the trait, and the endpoint prefix where it differs", async () => {
    expect(await urls("plain", spec(false), "us-east-1")).toEqual([
      "https://dsql.us-east-1.amazonaws.com/cluster",
      "https://dsql.us-east-1.amazonaws.com/cluster?next-token=n%2F2%3D",
    ]);
    expect((await urls("prefixed", spec(true, "db.dsql"), "eu-west-1"))[0]).toBe(
      "https://db.dsql.eu-west-1.api.aws/cluster",
    );
  });

  it("uses an endpoint given in the options as it is, signed for the client's region", async () => {
    expect((await urls("dsql", spec(true), "us-east-1", "https://example.com"))[0]).toBe("https://example.com/cluster");
  });
});
