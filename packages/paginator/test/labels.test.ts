/**
 * restJson1 URI labels with no value over the generated `/signed` binding (found on Glacier's model, where
 * every operation has `/{accountId}/vaults/{vaultName}/…`): the AWS SDK refuses a missing or empty
 * `@httpLabel` before sending ("No value provided for input HTTP label: …"); so does the binding, with a
 * TypeError naming the member, instead of sending `/{accountId}/…` or `/-/vaults//jobs`. A null query
 * member is left out, as the SDK's serializers leave it out.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { captureFetch } from "./support/capture-fetch.js";
import { generatedSigned } from "./support/generated-signed.js";

const KEY = { accessKeyId: "AKIDLABELS", secretAccessKey: "labels-secret" };
const label = { target: "smithy.api#String", traits: { "smithy.api#httpLabel": {}, "smithy.api#required": {} } };

const spec = {
  smithy: "2.0",
  shapes: {
    "ex#Vaults": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#ListJobs" }],
      traits: {
        "aws.protocols#restJson1": {},
        "aws.api#service": { sdkId: "Vaults" },
        "aws.auth#sigv4": { name: "vaults" },
      },
    },
    "ex#ListJobs": {
      type: "operation",
      input: { target: "ex#ListJobsInput" },
      output: { target: "ex#ListJobsOutput" },
      traits: {
        "smithy.api#http": { method: "GET", uri: "/{accountId}/vaults/{vaultName}/jobs", code: 200 },
        "smithy.api#paginated": { inputToken: "marker", outputToken: "Marker", items: "JobList", pageSize: "limit" },
      },
    },
    "ex#ListJobsInput": {
      type: "structure",
      members: {
        accountId: label,
        vaultName: label,
        limit: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "limit" } },
        marker: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "marker" } },
        statuscode: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "statuscode" } },
      },
    },
    "ex#ListJobsOutput": {
      type: "structure",
      members: { JobList: { target: "ex#Jobs" }, Marker: { target: "smithy.api#String" } },
    },
    "ex#Jobs": { type: "list", member: { target: "smithy.api#String" } },
  },
};

type Paginate = (client: unknown, params: object) => AsyncIterable<unknown>;
const out = mkdtempSync(join(tmpdir(), "dx-labels-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let generated: Promise<Record<string, unknown>> | undefined;
async function run(params: object): Promise<{ error: unknown; urls: string[] }> {
  const api = await (generated ??= generatedSigned(out, "vaults", spec));
  const { fetch, seen } = captureFetch('{"JobList":["j"]}');
  const client = (api["signedClient"] as (o: object) => unknown)({ region: "us-west-2", credentials: KEY, fetch });
  try {
    for await (const page of (api["paginateListJobs"] as Paginate)(client, params)) void page;
    return { error: undefined, urls: seen.map((s) => s.url) };
  } catch (error) {
    return { error, urls: seen.map((s) => s.url) };
  }
}

describe("URI labels over the generated /signed binding", () => {
  it("fills both labels, and leaves a null query member out", async () => {
    const { error, urls } = await run({
      accountId: "-",
      vaultName: "my vault",
      statuscode: null,
      PaginationConfig: { PageSize: 5 },
    });
    expect(error).toBeUndefined();
    expect(urls).toEqual(["https://vaults.us-west-2.amazonaws.com/-/vaults/my%20vault/jobs?limit=5"]);
  });

  it.each([
    [
      { vaultName: "v" },
      "accountId fills the label {accountId} of /{accountId}/vaults/{vaultName}/jobs and must not be missing, got undefined",
    ],
    [
      { accountId: null, vaultName: "v" },
      "accountId fills the label {accountId} of /{accountId}/vaults/{vaultName}/jobs and must not be missing, got null",
    ],
    [
      { accountId: "-", vaultName: "" },
      'vaultName fills the label {vaultName} of /{accountId}/vaults/{vaultName}/jobs and must not be empty, got ""',
    ],
  ])("refuses %j before sending anything, as the SDK does", async (params, message) => {
    const { error, urls } = await run(params);
    expect(urls).toEqual([]);
    expect(error).toEqual(new TypeError(`signedClient: ${message}`));
  });

  it("is what the AWS SDK does with the same inputs (its own messages)", async () => {
    const { DataExchangeClient, GetDataSetCommand } = await import("@aws-sdk/client-dataexchange");
    let sent = 0;
    const sdk = new DataExchangeClient({
      region: "us-east-1",
      credentials: KEY,
      requestHandler: {
        handle: async () => {
          sent++;
          throw new Error("sent");
        },
      } as never,
    });
    await expect(sdk.send(new GetDataSetCommand({} as never))).rejects.toThrow(
      "No value provided for input HTTP label: DataSetId.",
    );
    await expect(sdk.send(new GetDataSetCommand({ DataSetId: "" }))).rejects.toThrow(
      "Empty value provided for input HTTP label: DataSetId.",
    );
    expect(sent).toBe(0);
  });
});
