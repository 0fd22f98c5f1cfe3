// Hostile pages sized to hurt (the same shapes as test/support/fixtures.ts's `hostile`), for the bench.
import { wirePage } from "./page.mjs";

const base = () => wirePage(1).Jobs[0];

function job(overrides) {
  return { ...base(), ...overrides };
}

export const hostilePages = {
  "KmsKeysToGrant with 20,000 entries (max 10)": () => ({
    Jobs: [
      job({
        Type: "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET",
        Details: {
          CreateS3DataAccessFromS3Bucket: {
            AssetSource: { Bucket: "b", KmsKeysToGrant: Array.from({ length: 20_000 }, () => ({ KmsKeyArn: "k" })) },
            DataSetId: "a".repeat(32),
            RevisionId: "b".repeat(32),
          },
        },
      }),
    ],
  }),
  "10,000 faults under one job's Details": () => ({
    Jobs: [
      job({
        Type: "IMPORT_ASSETS_FROM_S3",
        Details: {
          ImportAssetsFromS3: {
            AssetSources: Array.from({ length: 10_000 }, () => ({ Key: "k" })),
            DataSetId: "a".repeat(32),
            RevisionId: "b".repeat(32),
          },
        },
      }),
    ],
  }),
  "a 1 MB unknown member name": () => ({ Jobs: [job({ ["x".repeat(1_000_000)]: 1 })] }),
  "200 jobs, every one with 50 faults": () => ({
    Jobs: wirePage(200).Jobs.map((j) => ({
      ...j,
      State: 7,
      ...Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`Unknown${i}`, i])),
    })),
  }),
};
