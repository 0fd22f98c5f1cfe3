/**
 * The name and domains of each AWS partition other than `aws` (`amazonaws.com`, and `api.aws` for
 * dual-stack), with the patterns of its regions and its `…-global` pseudo-region, as the
 * SDKs' partitions.json gives them (in `@aws-sdk/util-endpoints`). Kept here because that package
 * brings the SDK's endpoint middleware into a browser bundle; partitions.test.ts checks this table
 * against it, region by region.
 */
const PARTITIONS: readonly {
  id: string;
  regions: RegExp;
  global: string | undefined;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
}[] = [
  {
    id: "aws-us-gov",
    regions: /^us-gov-\w+-\d+$/,
    global: "aws-us-gov-global",
    dnsSuffix: "amazonaws.com",
    dualStackDnsSuffix: "api.aws",
  },
  {
    id: "aws-cn",
    regions: /^cn-\w+-\d+$/,
    global: "aws-cn-global",
    dnsSuffix: "amazonaws.com.cn",
    dualStackDnsSuffix: "api.amazonwebservices.com.cn",
  },
  {
    id: "aws-eusc",
    regions: /^eusc-(de)-\w+-\d+$/,
    global: undefined,
    dnsSuffix: "amazonaws.eu",
    dualStackDnsSuffix: "api.amazonwebservices.eu",
  },
  {
    id: "aws-iso",
    regions: /^us-iso-\w+-\d+$/,
    global: "aws-iso-global",
    dnsSuffix: "c2s.ic.gov",
    dualStackDnsSuffix: "api.aws.ic.gov",
  },
  {
    id: "aws-iso-b",
    regions: /^us-isob-\w+-\d+$/,
    global: "aws-iso-b-global",
    dnsSuffix: "sc2s.sgov.gov",
    dualStackDnsSuffix: "api.aws.scloud",
  },
  {
    id: "aws-iso-e",
    regions: /^eu-isoe-\w+-\d+$/,
    global: "aws-iso-e-global",
    dnsSuffix: "cloud.adc-e.uk",
    dualStackDnsSuffix: "api.cloud-aws.adc-e.uk",
  },
  {
    id: "aws-iso-f",
    regions: /^us-isof-\w+-\d+$/,
    global: "aws-iso-f-global",
    dnsSuffix: "csp.hci.ic.gov",
    dualStackDnsSuffix: "api.aws.hci.ic.gov",
  },
];

function partitionOf(region: string) {
  return PARTITIONS.find((p) => p.global === region || p.regions.test(region));
}

/** The name of the region's partition, as the SDKs' `partition(region).name`: `aws` unless another partition's. */
export function partitionIdOf(region: string): string {
  return partitionOf(region)?.id ?? "aws";
}

/** The domain of the region's partition, as the SDKs' `partition(region).dnsSuffix`: `amazonaws.com` unless another partition's. */
export function dnsSuffixOf(region: string): string {
  return partitionOf(region)?.dnsSuffix ?? "amazonaws.com";
}

/**
 * The dual-stack domain of the region's partition, as the SDKs' `partition(region).dualStackDnsSuffix`:
 * `api.aws` unless another partition's. Where a service has dual-stack endpoints only (Aurora DSQL).
 */
export function dualStackDnsSuffixOf(region: string): string {
  return partitionOf(region)?.dualStackDnsSuffix ?? "api.aws";
}
