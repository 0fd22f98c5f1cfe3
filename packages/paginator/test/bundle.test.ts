/**
 * Bundles as a consumer makes them (esbuild, browser platform, minified), from the built package:
 * `paginateListJobs` + `wireTransport` needs neither the AWS SDK nor Node, and does not inline the SDK
 * when it is installed; only `@dx/paginator/sdk` brings it in.
 */
import { describe, expect, it } from "vitest";
import { bundle, dist, withoutSdkOrNode } from "./support/bundle.js";

const wireOnly = `
  import { paginateListJobs, wireTransport } from ${JSON.stringify(dist("index.js"))};
  const transport = wireTransport(async (request) => (await fetch("/v1/jobs?" + new URLSearchParams(request))).json());
  for await (const job of paginateListJobs(transport, { PaginationConfig: { MaxItems: 5 } }).items()) console.log(job.Id);
`;

const sdkInputs = (inputs: string[]): string[] => inputs.filter((i) => /@aws-sdk|@smithy|@aws-crypto/.test(i));

describe("bundles", () => {
  it("paginateListJobs + wireTransport bundles for the browser with the SDK absent (and no Node built-in)", async () => {
    const b = await bundle(wireOnly, [withoutSdkOrNode]);
    expect(b.bytes).toBeGreaterThan(1_000);
    expect(b.code).not.toMatch(/\bBuffer\b/);
    expect(sdkInputs(b.inputs)).toEqual([]);
  }, 60_000);

  it("does not inline the SDK when it is installed", async () => {
    const b = await bundle(wireOnly);
    expect(sdkInputs(b.inputs)).toEqual([]);
    expect(b.code).not.toContain("DataExchangeClient");
  }, 60_000);

  it("@dx/paginator/sdk is where the SDK comes in (so the check above can see it)", async () => {
    const b = await bundle(`
      import { DataExchangeClient } from "@aws-sdk/client-dataexchange";
      import { paginateListJobs } from ${JSON.stringify(dist("sdk.js"))};
      for await (const page of paginateListJobs(new DataExchangeClient({}))) console.log(page.$metadata);
    `);
    expect(sdkInputs(b.inputs).length).toBeGreaterThan(10);
    await expect(
      bundle(`import { paginateListJobs } from ${JSON.stringify(dist("sdk.js"))}; console.log(paginateListJobs);`, [
        withoutSdkOrNode,
      ]),
    ).rejects.toThrow(/@aws-sdk\/client-dataexchange is not available/);
  }, 60_000);

  it("the signed transport adds little to the paginator: SigV4, SHA-256, retries, requests and the endpoint rules (the SDK and its middleware stay out)", async () => {
    const client = `signedClient({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } })`;
    const signed = await bundle(
      `import { paginateListJobs, signedClient } from ${JSON.stringify(dist("signed.js"))};
       for await (const job of paginateListJobs(${client}, { PaginationConfig: { MaxItems: 5 } }).items()) console.log(job.Id);`,
      [],
    );
    const wire = await bundle(wireOnly);
    const sdk = await bundle(`
      import { DataExchangeClient, paginateListJobs } from "@aws-sdk/client-dataexchange";
      const client = new DataExchangeClient({ region: "us-east-1" });
      for await (const page of paginateListJobs({ client }, {})) console.log(page.Jobs);
    `);
    // Issue 11's goal: signed transport + paginator + validators no larger than SDK client + paginateListJobs.
    console.log(
      `minified browser bundles: signed transport + paginator + validators ${signed.bytes} B (wireTransport: ${wire.bytes} B); SDK client + paginateListJobs ${sdk.bytes} B`,
    );
    expect(
      sdkInputs(signed.inputs).filter(
        (i) =>
          !/@smithy\/signature-v4|@smithy\/core|@smithy\/types|@smithy\/util-|@smithy\/is-array-buffer|@aws-crypto\/|@aws-sdk\/util-endpoints\//.test(
            i,
          ),
      ),
    ).toEqual([]);
    expect(signed.inputs.filter((i) => /client-dataexchange|middleware-|smithy-client/.test(i))).toEqual([]);
    // SigV4 and SHA-256 (about 25 KB), and the endpoint rules' engine with the partitions and Data
    // Exchange's rule set (about 17 KB: @smithy/util-endpoints, @aws-sdk/util-endpoints' aws functions).
    expect(signed.bytes - wire.bytes).toBeLessThan(55_000);
    // The rules are evaluated by the engine alone: none of the SDK's endpoint middleware comes along.
    expect(
      signed.inputs.filter((i) => /middleware-endpoint|@smithy\/core\/dist-es\/submodules\/endpoints/.test(i)),
    ).toEqual([]);
    expect(signed.inputs.some((i) => /@smithy\/util-endpoints\//.test(i))).toBe(true);
    expect(signed.bytes).toBeLessThanOrEqual(sdk.bytes);
  }, 60_000);
});
