/**
 * A host named by the partition's implicit global region (found on AWS Account Management's model): its
 * endpoint rules send every region to `https://account.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dnsSuffix}`
 * and sign for `{PartitionResult#implicitGlobalRegion}`. The AWS SDK (`@aws-sdk/client-account` 3.1169.0)
 * sends ListRegions from `eu-west-1` to `account.us-east-1.amazonaws.com` with the scope
 * `us-east-1/account/aws4_request`, from `cn-north-1` to `account.cn-northwest-1.amazonaws.com.cn`
 * (`cn-northwest-1`), from `us-gov-east-1` to `account.us-gov-west-1.amazonaws.com`; before `/signed`
 * evaluated the rules it sent each to `account.<region>.<domain>`, signed for that region.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sentTo } from "./support/hosts.js";

const GLOBAL = "{PartitionResult#implicitGlobalRegion}";

/** An endpoint at `url`, signed for the partition's implicit global region, as Account's rules write them. */
function globalEndpoint(url: string) {
  return {
    conditions: [],
    endpoint: { url, properties: { authSchemes: [{ name: "sigv4", signingRegion: GLOBAL }] }, headers: {} },
    type: "endpoint",
  };
}
const flag = (ref: string, value: boolean) => ({ fn: "booleanEquals", argv: [{ ref }, value] });

/** Account's shape: restJson1 with no endpointPrefix, a paginated POST ListRegions, its rule set (FIPS and dual-stack branches kept). */
const model = {
  smithy: "2.0",
  shapes: {
    "ex#Account": {
      type: "service",
      version: "2021-02-01",
      operations: [{ target: "ex#ListRegions" }],
      traits: {
        "aws.protocols#restJson1": {},
        "aws.api#service": { sdkId: "Account" },
        "aws.auth#sigv4": { name: "account" },
        "smithy.rules#endpointRuleSet": {
          version: "1.0",
          parameters: {
            UseDualStack: { builtIn: "AWS::UseDualStack", required: true, default: false, type: "boolean" },
            UseFIPS: { builtIn: "AWS::UseFIPS", required: true, default: false, type: "boolean" },
            Endpoint: { builtIn: "SDK::Endpoint", required: false, type: "string" },
            Region: { builtIn: "AWS::Region", required: false, type: "string" },
          },
          rules: [
            {
              conditions: [{ fn: "isSet", argv: [{ ref: "Endpoint" }] }],
              endpoint: { url: { ref: "Endpoint" }, properties: {}, headers: {} },
              type: "endpoint",
            },
            {
              conditions: [{ fn: "isSet", argv: [{ ref: "Region" }] }],
              rules: [
                {
                  conditions: [{ fn: "aws.partition", argv: [{ ref: "Region" }], assign: "PartitionResult" }],
                  rules: [
                    {
                      conditions: [flag("UseFIPS", true), flag("UseDualStack", false)],
                      rules: [globalEndpoint(`https://account-fips.${GLOBAL}.{PartitionResult#dnsSuffix}`)],
                      type: "tree",
                    },
                    {
                      conditions: [flag("UseFIPS", false), flag("UseDualStack", true)],
                      rules: [globalEndpoint(`https://account.${GLOBAL}.{PartitionResult#dualStackDnsSuffix}`)],
                      type: "tree",
                    },
                    globalEndpoint(`https://account.${GLOBAL}.{PartitionResult#dnsSuffix}`),
                  ],
                  type: "tree",
                },
              ],
              type: "tree",
            },
            { conditions: [], error: "Invalid Configuration: Missing Region", type: "error" },
          ],
        },
      },
    },
    "ex#ListRegions": {
      type: "operation",
      input: { target: "ex#ListRegionsRequest" },
      output: { target: "ex#ListRegionsResponse" },
      traits: {
        "smithy.api#http": { uri: "/listRegions", method: "POST", code: 200 },
        "smithy.api#paginated": {
          inputToken: "NextToken",
          outputToken: "NextToken",
          pageSize: "MaxResults",
          items: "Regions",
        },
      },
    },
    "ex#ListRegionsRequest": {
      type: "structure",
      members: {
        AccountId: { target: "smithy.api#String" },
        MaxResults: { target: "smithy.api#Integer" },
        NextToken: { target: "smithy.api#String" },
      },
    },
    "ex#ListRegionsResponse": {
      type: "structure",
      members: { NextToken: { target: "smithy.api#String" }, Regions: { target: "ex#Names" } },
    },
    "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
  },
};

const out = mkdtempSync(join(tmpdir(), "dx-implicit-global-region-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Each request's URL and credential scope for two pages of ListRegions from `region`. */
async function requests(region: string, options?: object): Promise<string[]> {
  const { sent, pages } = await sentTo({
    out,
    name: "account",
    model,
    operation: "ListRegions",
    input: { AccountId: "123456789012" },
    pages: [{ Regions: ["af-south-1"], NextToken: "t2" }, { Regions: ["eu-south-2"] }],
    region,
    ...(options !== undefined && { options }),
  });
  expect(pages.map((p) => p["Regions"])).toEqual([["af-south-1"], ["eu-south-2"]]);
  return sent.map((s) => `${s.url} ${s.scope}`);
}

describe("the generated /signed binding of a service at its partition's implicit global region", () => {
  // The hosts and scopes that @aws-sdk/client-account 3.1169.0 sends to (captured over a request handler).
  it.each([
    ["us-east-1", "https://account.us-east-1.amazonaws.com/listRegions", "us-east-1"],
    ["eu-west-1", "https://account.us-east-1.amazonaws.com/listRegions", "us-east-1"],
    ["ap-southeast-2", "https://account.us-east-1.amazonaws.com/listRegions", "us-east-1"],
    ["cn-north-1", "https://account.cn-northwest-1.amazonaws.com.cn/listRegions", "cn-northwest-1"],
    ["us-gov-east-1", "https://account.us-gov-west-1.amazonaws.com/listRegions", "us-gov-west-1"],
    ["us-iso-east-1", "https://account.us-iso-east-1.c2s.ic.gov/listRegions", "us-iso-east-1"],
    ["eu-isoe-west-1", "https://account.eu-isoe-west-1.cloud.adc-e.uk/listRegions", "eu-isoe-west-1"],
  ])("sends from %s to %s, signed for %s, as the AWS SDK does", async (region, url, signingRegion) => {
    expect(await requests(region)).toEqual([
      `${url} ${signingRegion}/account/aws4_request`,
      `${url} ${signingRegion}/account/aws4_request`,
    ]);
  });

  it("takes FIPS and dual-stack hosts from the same rules (the model's endpointTests: account-fips.us-east-1.amazonaws.com, account.us-east-1.api.aws)", async () => {
    expect(await requests("eu-west-1", { useFipsEndpoint: true })).toEqual([
      "https://account-fips.us-east-1.amazonaws.com/listRegions us-east-1/account/aws4_request",
      "https://account-fips.us-east-1.amazonaws.com/listRegions us-east-1/account/aws4_request",
    ]);
    expect(await requests("eu-west-1", { useDualstackEndpoint: true })).toEqual([
      "https://account.us-east-1.api.aws/listRegions us-east-1/account/aws4_request",
      "https://account.us-east-1.api.aws/listRegions us-east-1/account/aws4_request",
    ]);
  });
});
