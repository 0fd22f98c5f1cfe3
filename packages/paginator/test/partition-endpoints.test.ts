/**
 * One host per partition (found on AWS Budgets' model): its endpoint rules send every region of the
 * `aws` partition to `https://budgets.amazonaws.com`, signed for `us-east-1`, `aws-cn` to
 * `https://budgets.amazonaws.com.cn` signed for `cn-northwest-1`, `aws-iso` to
 * `https://budgets.c2s.ic.gov`, and only the other partitions to `budgets.<region>.<domain>`. The AWS
 * SDK (`@aws-sdk/client-budgets`) sends DescribeBudgets from `eu-west-1` to `budgets.amazonaws.com`
 * with the scope `us-east-1/budgets/aws4_request`; the `/signed` binding sent it to
 * `budgets.eu-west-1.amazonaws.com`, signed for `eu-west-1`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emittedSignedBinding } from "./support/emitted.js";
import { sentTo } from "./support/hosts.js";

/** A rule `{partition name} and no FIPS and no dual-stack → url`, as Budgets' rule set writes them. */
function partitionRule(partition: string, url: string, signingRegion: string) {
  const off = (ref: string) => ({ fn: "booleanEquals", argv: [{ ref }, false] });
  return {
    conditions: [
      { fn: "stringEquals", argv: [{ fn: "getAttr", argv: [{ ref: "PartitionResult" }, "name"] }, partition] },
      off("UseFIPS"),
      off("UseDualStack"),
    ],
    endpoint: {
      url,
      properties: { authSchemes: [{ name: "sigv4", signingName: "budgets", signingRegion }] },
      headers: {},
    },
    type: "endpoint",
  };
}

/** Budgets' shape: awsJson1_1, a paginated DescribeBudgets, and the rule set's partition hosts. */
function spec(withRules = true) {
  const rules = {
    version: "1.0",
    parameters: {
      Region: { builtIn: "AWS::Region", required: false, type: "String" },
      UseFIPS: { builtIn: "AWS::UseFIPS", required: true, default: false, type: "Boolean" },
      UseDualStack: { builtIn: "AWS::UseDualStack", required: true, default: false, type: "Boolean" },
    },
    rules: [
      {
        conditions: [{ fn: "isSet", argv: [{ ref: "Region" }] }],
        rules: [
          {
            conditions: [{ fn: "aws.partition", argv: [{ ref: "Region" }], assign: "PartitionResult" }],
            rules: [
              partitionRule("aws", "https://budgets.amazonaws.com", "us-east-1"),
              partitionRule("aws-cn", "https://budgets.amazonaws.com.cn", "cn-northwest-1"),
              partitionRule("aws-iso", "https://budgets.c2s.ic.gov", "us-iso-east-1"),
              // FIPS: a templated host, not the partition's one.
              {
                conditions: [{ fn: "booleanEquals", argv: [{ ref: "UseFIPS" }, true] }],
                endpoint: { url: "https://budgets-fips.{Region}.{PartitionResult#dnsSuffix}" },
                type: "endpoint",
              },
              {
                conditions: [],
                endpoint: { url: "https://budgets.{Region}.{PartitionResult#dnsSuffix}", properties: {}, headers: {} },
                type: "endpoint",
              },
            ],
            type: "tree",
          },
        ],
        type: "tree",
      },
    ],
  };
  return {
    smithy: "2.0",
    shapes: {
      "ex#AWSBudgetServiceGateway": {
        type: "service",
        version: "2016-10-20",
        operations: [{ target: "ex#DescribeBudgets" }],
        traits: {
          "aws.protocols#awsJson1_1": {},
          "aws.api#service": { sdkId: "Budgets", endpointPrefix: "budgets" },
          "aws.auth#sigv4": { name: "budgets" },
          ...(withRules && { "smithy.rules#endpointRuleSet": rules }),
        },
      },
      "ex#DescribeBudgets": {
        type: "operation",
        input: { target: "ex#DescribeBudgetsRequest" },
        output: { target: "ex#DescribeBudgetsResponse" },
        traits: {
          "smithy.api#paginated": {
            inputToken: "NextToken",
            outputToken: "NextToken",
            pageSize: "MaxResults",
            items: "Budgets",
          },
        },
      },
      "ex#DescribeBudgetsRequest": {
        type: "structure",
        members: {
          AccountId: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
          MaxResults: { target: "smithy.api#Integer" },
          NextToken: { target: "smithy.api#String" },
        },
      },
      "ex#DescribeBudgetsResponse": {
        type: "structure",
        members: { Budgets: { target: "ex#Names" }, NextToken: { target: "smithy.api#String" } },
      },
      "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
    },
  };
}

/** `spec()` with other rules under `aws.partition` (Free Tier's nested trees, a region's own rule). */
function withRules(rules: unknown[]) {
  const model = spec();
  const service = model.shapes["ex#AWSBudgetServiceGateway"].traits as Record<string, any>;
  service["smithy.rules#endpointRuleSet"].rules[0].rules[0].rules = rules;
  return model;
}
const regional = {
  conditions: [],
  endpoint: { url: "https://budgets.{Region}.{PartitionResult#dnsSuffix}" },
  type: "endpoint",
};

/** Free Tier's shape: a tree for the partition, FIPS and dual-stack rules first, then the fixed host. */
const freeTier = withRules([
  {
    conditions: [{ fn: "stringEquals", argv: [{ fn: "getAttr", argv: [{ ref: "PartitionResult" }, "name"] }, "aws"] }],
    rules: [
      {
        conditions: [{ fn: "booleanEquals", argv: [{ ref: "UseFIPS" }, true] }],
        endpoint: { url: "https://freetier-fips.{Region}.api.aws" },
        type: "endpoint",
      },
      {
        conditions: [],
        endpoint: {
          url: "https://freetier.us-east-1.api.aws",
          properties: { authSchemes: [{ name: "sigv4", signingName: "freetier", signingRegion: "us-east-1" }] },
        },
        type: "endpoint",
      },
    ],
    type: "tree",
  },
  regional,
]);
/** A rule for one region's name (`aws-global`) first: which host a region gets depends on its name. */
const byRegion = withRules([
  {
    conditions: [{ fn: "stringEquals", argv: [{ ref: "Region" }, "aws-global"] }],
    endpoint: { url: "https://budgets.amazonaws.com" },
    type: "endpoint",
  },
  regional,
]);

describe("the emitted /signed binding", () => {
  it("carries the endpoint rules (written once, in endpointRules.gen.ts), not hosts worked out from them", () => {
    const binding = emittedSignedBinding(spec(), "DescribeBudgets");
    expect(binding).toContain('import { endpointRules } from "./endpointRules.gen.js";');
    expect(binding).toContain("  endpointRules,\n");
    expect(binding).not.toContain("partitionEndpoints");
    expect(emittedSignedBinding(spec(false), "DescribeBudgets")).not.toContain("endpointRules");
  });
});

const out = mkdtempSync(join(tmpdir(), "dx-partition-endpoints-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Each request's URL and credential scope for two pages of DescribeBudgets from `region`. */
async function requests(name: string, model: object, region: string, endpoint?: string): Promise<string[]> {
  const { sent, pages } = await sentTo({
    out,
    name,
    model,
    operation: "DescribeBudgets",
    input: { AccountId: "123456789012" },
    pages: [{ Budgets: ["a"], NextToken: "t2" }, { Budgets: ["b"] }],
    region,
    ...(endpoint !== undefined && { endpoint }),
  });
  expect(pages.map((p) => p["Budgets"])).toEqual([["a"], ["b"]]);
  return sent.map((s) => `${s.url} ${s.scope}`);
}

describe("the generated /signed binding of a service with one host per partition", () => {
  it.each([
    ["eu-west-1", "https://budgets.amazonaws.com/", "us-east-1"],
    ["us-west-2", "https://budgets.amazonaws.com/", "us-east-1"],
    ["cn-north-1", "https://budgets.amazonaws.com.cn/", "cn-northwest-1"],
    ["us-iso-east-1", "https://budgets.c2s.ic.gov/", "us-iso-east-1"],
  ])("sends from %s to %s, signed for %s, as the AWS SDK does", async (region, url, signingRegion) => {
    expect(await requests("budgets", spec(), region)).toEqual([
      `${url} ${signingRegion}/budgets/aws4_request`,
      `${url} ${signingRegion}/budgets/aws4_request`,
    ]);
  });

  it("keeps the regional host of a partition the rules do not name, and of a service without such rules", async () => {
    expect((await requests("budgets", spec(), "us-gov-west-1"))[0]).toBe(
      "https://budgets.us-gov-west-1.amazonaws.com/ us-gov-west-1/budgets/aws4_request",
    );
    expect((await requests("plain", spec(false), "eu-west-1"))[0]).toBe(
      "https://budgets.eu-west-1.amazonaws.com/ eu-west-1/budgets/aws4_request",
    );
  });

  it("uses an endpoint given in the options as it is, signed for the client's region", async () => {
    expect((await requests("budgets", spec(), "eu-west-1", "https://example.com"))[0]).toBe(
      "https://example.com/ eu-west-1/budgets/aws4_request",
    );
  });

  it("follows nested trees and the signing scope they give (Free Tier), and rules on a region's name", async () => {
    expect((await requests("free-tier", freeTier, "eu-west-1"))[0]).toBe(
      "https://freetier.us-east-1.api.aws/ us-east-1/freetier/aws4_request",
    );
    expect((await requests("by-region", byRegion, "aws-global"))[0]).toBe(
      "https://budgets.amazonaws.com/ aws-global/budgets/aws4_request",
    );
    expect((await requests("by-region", byRegion, "eu-west-1"))[0]).toBe(
      "https://budgets.eu-west-1.amazonaws.com/ eu-west-1/budgets/aws4_request",
    );
  });
});
