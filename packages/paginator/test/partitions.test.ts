import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { partition } from "@aws-sdk/util-endpoints";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dnsSuffixOf, dualStackDnsSuffixOf, partitionIdOf } from "../src/runtime/partitions.js";

/** The SDK's own table (partitions.json of @aws-sdk/util-endpoints): the authority partitionIdOf, dnsSuffixOf and dualStackDnsSuffixOf follow. */
const require = createRequire(import.meta.url);
const sdkTable: { partitions: { id: string; regionRegex: string; regions: Record<string, unknown> }[] } = JSON.parse(
  readFileSync(
    join(dirname(require.resolve("@aws-sdk/util-endpoints/package.json")), "dist-es/lib/aws/partitions.json"),
    "utf8",
  ),
);

describe("the partitions' domains", () => {
  it("are the SDK's for every region it names, the global pseudo-regions included", () => {
    const regions = sdkTable.partitions.flatMap((p) => Object.keys(p.regions));
    expect(regions.length).toBeGreaterThan(30);
    for (const region of regions) {
      const sdk = partition(region);
      expect([region, partitionIdOf(region), dnsSuffixOf(region), dualStackDnsSuffixOf(region)]).toEqual([
        region,
        sdk.name,
        sdk.dnsSuffix,
        sdk.dualStackDnsSuffix,
      ]);
    }
  });

  it("are the SDK's for regions it does not name yet, and for names that are no region", () => {
    // A region of each partition's pattern (a future one), or any host label at all.
    const shapes = sdkTable.partitions.map((p) => p.regionRegex);
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
    const future = fc
      .tuple(fc.constantFrom(...shapes), fc.stringMatching(/^[a-z]{1,10}$/), fc.integer({ min: 1, max: 99 }))
      .map(([regex, word, n]) => {
        // The fixed prefix of the pattern (`^cn\-`, `^eusc\-(de)\-`, `^(us|eu|…)\-`), made a region.
        const prefix = /^\^\((\w+)/.exec(regex)?.[1] ?? regex.slice(1).replace(/\\-\\w\+\\-\\d\+\$$/, "");
        return `${prefix.replace(/\\-/g, "-").replace(/[()]/g, "")}-${word}-${n}`;
      });
    fc.assert(
      fc.property(fc.oneof(label, future), (region) => {
        expect(dnsSuffixOf(region)).toBe(partition(region).dnsSuffix);
        expect(dualStackDnsSuffixOf(region)).toBe(partition(region).dualStackDnsSuffix);
        expect(partitionIdOf(region)).toBe(partition(region).name);
      }),
      { numRuns: 2000 },
    );
  });
});
