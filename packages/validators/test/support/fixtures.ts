/** Hand-written wire JSON of a small valid page, for tests that need a known value rather than a random one. */
export function wireJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Arn: "arn:aws:dataexchange:us-east-1:123456789012:jobs/abc",
    CreatedAt: "2024-01-02T03:04:05.123Z",
    Details: {
      ImportAssetsFromLakeFormationTagPolicy: {
        CatalogId: "123456789012",
        RoleArn: "arn:aws:iam::123456789012:role/x",
        DataSetId: "a".repeat(32),
        RevisionId: "b".repeat(32),
      },
    },
    Id: "c".repeat(32),
    State: "COMPLETED",
    Type: "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY",
    UpdatedAt: "2024-01-02T04:04:05+01:00",
    ...overrides,
  };
}

export function wirePage(jobs: number): { Jobs: Record<string, unknown>[]; NextToken: string } {
  return { Jobs: Array.from({ length: jobs }, () => wireJob()), NextToken: "next" };
}

/** Hostile pages sized to hurt (issue: linear on hostile input, messages bounded). */
export const hostile = {
  /** A job whose KmsKeysToGrant holds `n` entries (its max is 10), all equal. */
  kmsKeys(n: number): Record<string, unknown> {
    return wireJob({
      Type: "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET",
      Details: {
        CreateS3DataAccessFromS3Bucket: {
          AssetSource: { Bucket: "b", KmsKeysToGrant: Array.from({ length: n }, () => ({ KmsKeyArn: "k" })) },
          DataSetId: "a".repeat(32),
          RevisionId: "b".repeat(32),
        },
      },
    });
  },
  /** A job with `n` faults under its union-typed Details (every asset source lacks its Bucket). */
  unionFaults(n: number): Record<string, unknown> {
    return wireJob({
      Type: "IMPORT_ASSETS_FROM_S3",
      Details: {
        ImportAssetsFromS3: {
          AssetSources: Array.from({ length: n }, () => ({ Key: "k" })),
          DataSetId: "a".repeat(32),
          RevisionId: "b".repeat(32),
        },
      },
    });
  },
  /** A job with an unknown member whose name is `length` characters long. */
  longName(length: number): Record<string, unknown> {
    return wireJob({ ["x".repeat(length)]: "y".repeat(length) });
  },
};

/**
 * Pages at the edges of the wire form, named: nulls for optional members (absent), a required
 * member null, the union-like ResponseDetails with none or two members set, a null list item, an
 * unknown member, an impossible date.
 */
export function edgePages(): [string, unknown][] {
  const job = wireJob({ Errors: null });
  const details = job["Details"] as Record<string, unknown>;
  const [variant] = Object.keys(details);
  return [
    ["optional member null", { Jobs: [job], NextToken: null }],
    [
      "ResponseDetails member null beside the set one",
      { Jobs: [wireJob({ Details: { ...details, ImportAssetsFromS3: null } })] },
    ],
    ["every ResponseDetails member null", { Jobs: [wireJob({ Details: { [variant!]: null } })] }],
    ["required member null", { Jobs: [wireJob({ Arn: null })] }],
    [
      "two ResponseDetails members set",
      { Jobs: [wireJob({ Details: { ...details, ImportAssetsFromS3: details[variant!] } })] },
    ],
    ["list item null", { Jobs: [null] }],
    ["unknown member", { Jobs: [wireJob({ Extra: 1 })] }],
    ["bad timestamp", { Jobs: [wireJob({ CreatedAt: "2024-02-30T00:00:00Z" })] }],
  ];
}
