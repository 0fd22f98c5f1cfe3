// A hand-written zod 4 schema of the same wire form (strict objects, enums, lengths, patterns, RFC 3339
// date-times with offsets), for comparison only.
import { z } from "zod";

const id = z.string().regex(/^[a-zA-Z0-9]{30,40}$/);
const timestamp = z.iso.datetime({ offset: true });
const md5 = z
  .string()
  .min(24)
  .max(24)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
const assetSource = z.strictObject({ Bucket: z.string(), Key: z.string() });
const encryption = z.strictObject({ KmsKeyArn: z.string().optional(), Type: z.enum(["aws:kms", "AES256"]) });
const lfTag = z.strictObject({ TagKey: z.string(), TagValues: z.array(z.string()) });

const responseDetails = z.strictObject({
  ExportAssetToSignedUrl: z
    .strictObject({
      AssetId: id,
      DataSetId: id,
      RevisionId: id,
      SignedUrl: z.string().optional(),
      SignedUrlExpiresAt: timestamp.optional(),
    })
    .optional(),
  ExportAssetsToS3: z
    .strictObject({
      AssetDestinations: z.array(z.strictObject({ AssetId: id, Bucket: z.string(), Key: z.string().optional() })),
      DataSetId: id,
      Encryption: encryption.optional(),
      RevisionId: id,
    })
    .optional(),
  ExportRevisionsToS3: z
    .strictObject({
      DataSetId: id,
      Encryption: encryption.optional(),
      RevisionDestinations: z.array(
        z.strictObject({ Bucket: z.string(), KeyPattern: z.string().optional(), RevisionId: id }),
      ),
      EventActionArn: z.string().optional(),
    })
    .optional(),
  ImportAssetFromSignedUrl: z
    .strictObject({
      AssetName: z.string(),
      DataSetId: id,
      Md5Hash: md5.optional(),
      RevisionId: id,
      SignedUrl: z.string().optional(),
      SignedUrlExpiresAt: timestamp.optional(),
    })
    .optional(),
  ImportAssetsFromS3: z.strictObject({ AssetSources: z.array(assetSource), DataSetId: id, RevisionId: id }).optional(),
  ImportAssetsFromRedshiftDataShares: z
    .strictObject({
      AssetSources: z.array(z.strictObject({ DataShareArn: z.string() })),
      DataSetId: id,
      RevisionId: id,
    })
    .optional(),
  ImportAssetFromApiGatewayApi: z
    .strictObject({
      ApiDescription: z.string().optional(),
      ApiId: z.string(),
      ApiKey: z.string().optional(),
      ApiName: z.string(),
      ApiSpecificationMd5Hash: md5,
      ApiSpecificationUploadUrl: z.string(),
      ApiSpecificationUploadUrlExpiresAt: timestamp,
      DataSetId: id,
      ProtocolType: z.enum(["REST"]),
      RevisionId: id,
      Stage: z.string(),
    })
    .optional(),
  CreateS3DataAccessFromS3Bucket: z
    .strictObject({
      AssetSource: z.strictObject({
        Bucket: z.string(),
        KeyPrefixes: z.array(z.string()).optional(),
        Keys: z.array(z.string()).optional(),
        KmsKeysToGrant: z
          .array(z.strictObject({ KmsKeyArn: z.string().min(1).max(2048) }))
          .min(1)
          .max(10)
          .optional(),
      }),
      DataSetId: id,
      RevisionId: id,
    })
    .optional(),
  ImportAssetsFromLakeFormationTagPolicy: z
    .strictObject({
      CatalogId: z
        .string()
        .min(12)
        .max(12)
        .regex(/^\d{12}$/),
      Database: z.strictObject({ Expression: z.array(lfTag), Permissions: z.array(z.enum(["DESCRIBE"])) }).optional(),
      Table: z
        .strictObject({ Expression: z.array(lfTag), Permissions: z.array(z.enum(["DESCRIBE", "SELECT"])) })
        .optional(),
      RoleArn: z.string().regex(/^arn:aws:iam::(\d{12}):role\/.+$/),
      DataSetId: id,
      RevisionId: id,
    })
    .optional(),
});

const jobError = z.strictObject({
  Code: z.enum([
    "ACCESS_DENIED_EXCEPTION",
    "INTERNAL_SERVER_EXCEPTION",
    "MALWARE_DETECTED",
    "RESOURCE_NOT_FOUND_EXCEPTION",
    "SERVICE_QUOTA_EXCEEDED_EXCEPTION",
    "VALIDATION_EXCEPTION",
    "MALWARE_SCAN_ENCRYPTED_FILE",
  ]),
  Details: z
    .strictObject({
      ImportAssetFromSignedUrlJobErrorDetails: z.strictObject({ AssetName: z.string() }).optional(),
      ImportAssetsFromS3JobErrorDetails: z.array(assetSource).optional(),
    })
    .optional(),
  LimitName: z
    .enum([
      "Assets per revision",
      "Asset size in GB",
      "Amazon Redshift datashare assets per revision",
      "AWS Lake Formation data permission assets per revision",
      "Amazon S3 data access assets per revision",
    ])
    .optional(),
  LimitValue: z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])]).optional(),
  Message: z.string(),
  ResourceId: z.string().optional(),
  ResourceType: z.enum(["REVISION", "ASSET", "DATA_SET"]).optional(),
});

const jobEntry = z.strictObject({
  Arn: z.string(),
  CreatedAt: timestamp,
  Details: responseDetails,
  Errors: z.array(jobError).optional(),
  Id: id,
  State: z.enum(["WAITING", "IN_PROGRESS", "ERROR", "COMPLETED", "CANCELLED", "TIMED_OUT"]),
  Type: z.enum([
    "IMPORT_ASSETS_FROM_S3",
    "IMPORT_ASSET_FROM_SIGNED_URL",
    "EXPORT_ASSETS_TO_S3",
    "EXPORT_ASSET_TO_SIGNED_URL",
    "EXPORT_REVISIONS_TO_S3",
    "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES",
    "IMPORT_ASSET_FROM_API_GATEWAY_API",
    "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET",
    "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY",
  ]),
  UpdatedAt: timestamp,
});

export const listJobsResponse = z.strictObject({
  Jobs: z.array(jobEntry).optional(),
  NextToken: z.string().optional(),
});
