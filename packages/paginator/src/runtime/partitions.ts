/**
 * The domain of each AWS partition other than `aws` and `aws-us-gov` (both `amazonaws.com`), with the
 * patterns of its regions and its `…-global` pseudo-region, as the SDKs' partitions.json gives them
 * (in `@aws-sdk/util-endpoints`). Kept here because that package brings the SDK's endpoint middleware
 * into a browser bundle; partitions.test.ts checks this table against it, region by region.
 */
const PARTITIONS: readonly { regions: RegExp; global: string | undefined; dnsSuffix: string }[] = [
  { regions: /^cn-\w+-\d+$/, global: "aws-cn-global", dnsSuffix: "amazonaws.com.cn" },
  { regions: /^eusc-(de)-\w+-\d+$/, global: undefined, dnsSuffix: "amazonaws.eu" },
  { regions: /^us-iso-\w+-\d+$/, global: "aws-iso-global", dnsSuffix: "c2s.ic.gov" },
  { regions: /^us-isob-\w+-\d+$/, global: "aws-iso-b-global", dnsSuffix: "sc2s.sgov.gov" },
  { regions: /^eu-isoe-\w+-\d+$/, global: "aws-iso-e-global", dnsSuffix: "cloud.adc-e.uk" },
  { regions: /^us-isof-\w+-\d+$/, global: "aws-iso-f-global", dnsSuffix: "csp.hci.ic.gov" },
];

/** The domain of the region's partition, as the SDKs' `partition(region).dnsSuffix`: `amazonaws.com` unless another partition's. */
export function dnsSuffixOf(region: string): string {
  return PARTITIONS.find((p) => p.global === region || p.regions.test(region))?.dnsSuffix ?? "amazonaws.com";
}
