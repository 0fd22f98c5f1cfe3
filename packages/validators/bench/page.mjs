// A deterministic 200-job ListJobsResponse page in wire form, covering every ResponseDetails variant,
// job errors with and without details, encryption, and timestamps with and without fractions/offsets.
const id = (n, salt) => `${salt}${((n * 2654435761) >>> 0).toString(36)}`.padEnd(32, "0").slice(0, 32);
const STATES = ["WAITING", "IN_PROGRESS", "ERROR", "COMPLETED", "CANCELLED", "TIMED_OUT"];

function time(n, offsetHours = 0) {
  const d = new Date(Date.UTC(2024, 0, 1) + n * 3_600_123);
  const iso = d.toISOString();
  if (offsetHours === 0) return n % 2 === 0 ? iso : iso.replace(/\.\d+Z$/, "Z");
  const local = new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 19);
  return `${local}+${String(offsetHours).padStart(2, "0")}:00`;
}

function details(i) {
  const ds = id(i, "ds");
  const rev = id(i, "rv");
  const asset = id(i, "as");
  switch (i % 9) {
    case 0:
      return {
        ExportAssetToSignedUrl: {
          AssetId: asset,
          DataSetId: ds,
          RevisionId: rev,
          SignedUrl: `https://example.com/${asset}?X-Amz-Signature=abc`,
          SignedUrlExpiresAt: time(i + 24),
        },
      };
    case 1:
      return {
        ExportAssetsToS3: {
          AssetDestinations: [
            { AssetId: asset, Bucket: "my-bucket", Key: `exports/${asset}.csv` },
            { AssetId: id(i + 1, "as"), Bucket: "my-bucket" },
          ],
          DataSetId: ds,
          RevisionId: rev,
          Encryption: { Type: "aws:kms", KmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd" },
        },
      };
    case 2:
      return {
        ExportRevisionsToS3: {
          DataSetId: ds,
          RevisionDestinations: [{ Bucket: "my-bucket", RevisionId: rev, KeyPattern: "${Asset.Name}" }],
          Encryption: { Type: "AES256" },
          EventActionArn: `arn:aws:dataexchange:us-east-1:123456789012:event-actions/${id(i, "ea")}`,
        },
      };
    case 3:
      return {
        ImportAssetFromSignedUrl: {
          AssetName: `asset-${i}.parquet`,
          DataSetId: ds,
          Md5Hash: "1B2M2Y8AsgTpgAmY7PhCfg==",
          RevisionId: rev,
          SignedUrl: `https://example.com/upload/${asset}`,
          SignedUrlExpiresAt: time(i + 2, 2),
        },
      };
    case 4:
      return {
        ImportAssetsFromS3: {
          AssetSources: [
            { Bucket: "source", Key: `data/${i}/a.csv` },
            { Bucket: "source", Key: `data/${i}/b.csv` },
          ],
          DataSetId: ds,
          RevisionId: rev,
        },
      };
    case 5:
      return {
        ImportAssetsFromRedshiftDataShares: {
          AssetSources: [{ DataShareArn: `arn:aws:redshift:us-east-1:123456789012:datashare:${asset}/share` }],
          DataSetId: ds,
          RevisionId: rev,
        },
      };
    case 6:
      return {
        ImportAssetFromApiGatewayApi: {
          ApiDescription: "Prices",
          ApiId: `api${i}`,
          ApiKey: "key",
          ApiName: "prices",
          ApiSpecificationMd5Hash: "1B2M2Y8AsgTpgAmY7PhCfg==",
          ApiSpecificationUploadUrl: `https://example.com/spec/${asset}`,
          ApiSpecificationUploadUrlExpiresAt: time(i + 1),
          DataSetId: ds,
          ProtocolType: "REST",
          RevisionId: rev,
          Stage: "prod",
        },
      };
    case 7:
      return {
        CreateS3DataAccessFromS3Bucket: {
          AssetSource: {
            Bucket: "shared",
            KeyPrefixes: ["a/", "b/"],
            Keys: ["c.csv"],
            KmsKeysToGrant: [
              { KmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k1" },
              { KmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k2" },
            ],
          },
          DataSetId: ds,
          RevisionId: rev,
        },
      };
    default:
      return {
        ImportAssetsFromLakeFormationTagPolicy: {
          CatalogId: "123456789012",
          Database: { Expression: [{ TagKey: "team", TagValues: ["a", "b"] }], Permissions: ["DESCRIBE"] },
          Table: { Expression: [{ TagKey: "tier", TagValues: ["gold"] }], Permissions: ["DESCRIBE", "SELECT"] },
          RoleArn: "arn:aws:iam::123456789012:role/lf",
          DataSetId: ds,
          RevisionId: rev,
        },
      };
  }
}

const TYPES = [
  "EXPORT_ASSET_TO_SIGNED_URL",
  "EXPORT_ASSETS_TO_S3",
  "EXPORT_REVISIONS_TO_S3",
  "IMPORT_ASSET_FROM_SIGNED_URL",
  "IMPORT_ASSETS_FROM_S3",
  "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES",
  "IMPORT_ASSET_FROM_API_GATEWAY_API",
  "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET",
  "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY",
];

export function wirePage(count = 200) {
  const Jobs = [];
  for (let i = 0; i < count; i++) {
    const job = {
      Arn: `arn:aws:dataexchange:us-east-1:123456789012:jobs/${id(i, "jb")}`,
      CreatedAt: time(i),
      Details: details(i),
      Id: id(i, "jb"),
      State: STATES[i % STATES.length],
      Type: TYPES[i % 9],
      UpdatedAt: time(i + 1, i % 5 === 0 ? 1 : 0),
    };
    if (i % 6 === 2) {
      job.Errors = [
        {
          Code: "VALIDATION_EXCEPTION",
          Message: "The asset is too large.",
          LimitName: "Asset size in GB",
          LimitValue: 100,
          ResourceId: id(i, "as"),
          ResourceType: "ASSET",
        },
        {
          Code: "MALWARE_DETECTED",
          Message: "Malware found.",
          Details: { ImportAssetsFromS3JobErrorDetails: [{ Bucket: "source", Key: "bad.exe" }] },
        },
      ];
    }
    Jobs.push(job);
  }
  return { Jobs, NextToken: "eyJvZmZzZXQiOjIwMH0=" };
}
