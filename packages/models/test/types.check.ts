/**
 * Type-level tests, compiled by `tsc -p tsconfig.json` (the package's `test` script), not run: a
 * `JobEntry` built like boto3's response syntax type-checks, and each `@ts-expect-error` below must
 * be an error, or tsc fails with "Unused '@ts-expect-error' directive".
 */
import {
  State,
  type JobEntry,
  type JobError,
  type ListJobsRequest,
  type ListJobsResponse,
  type Operations,
  type ResponseDetails,
  type Type,
} from "../src/index.js";

const at = new Date("2015-01-01T00:00:00Z");

/** Every member of the reference's response syntax, with its example values. */
export const job: JobEntry = {
  Arn: "string",
  CreatedAt: at,
  Details: {
    ExportAssetToSignedUrl: {
      AssetId: "string",
      DataSetId: "string",
      RevisionId: "string",
      SignedUrl: "string",
      SignedUrlExpiresAt: at,
    },
    ExportAssetsToS3: {
      AssetDestinations: [{ AssetId: "string", Bucket: "string", Key: "string" }],
      DataSetId: "string",
      Encryption: { KmsKeyArn: "string", Type: "aws:kms" },
      RevisionId: "string",
    },
    ExportRevisionsToS3: {
      DataSetId: "string",
      Encryption: { KmsKeyArn: "string", Type: "AES256" },
      RevisionDestinations: [{ Bucket: "string", KeyPattern: "string", RevisionId: "string" }],
      EventActionArn: "string",
    },
    ImportAssetFromSignedUrl: {
      AssetName: "string",
      DataSetId: "string",
      Md5Hash: "string",
      RevisionId: "string",
      SignedUrl: "string",
      SignedUrlExpiresAt: at,
    },
    ImportAssetsFromS3: {
      AssetSources: [{ Bucket: "string", Key: "string" }],
      DataSetId: "string",
      RevisionId: "string",
    },
    ImportAssetsFromRedshiftDataShares: {
      AssetSources: [{ DataShareArn: "string" }],
      DataSetId: "string",
      RevisionId: "string",
    },
    ImportAssetFromApiGatewayApi: {
      ApiDescription: "string",
      ApiId: "string",
      ApiKey: "string",
      ApiName: "string",
      ApiSpecificationMd5Hash: "string",
      ApiSpecificationUploadUrl: "string",
      ApiSpecificationUploadUrlExpiresAt: at,
      DataSetId: "string",
      ProtocolType: "REST",
      RevisionId: "string",
      Stage: "string",
    },
    CreateS3DataAccessFromS3Bucket: {
      AssetSource: {
        Bucket: "string",
        KeyPrefixes: ["string"],
        Keys: ["string"],
        KmsKeysToGrant: [{ KmsKeyArn: "string" }],
      },
      DataSetId: "string",
      RevisionId: "string",
    },
    ImportAssetsFromLakeFormationTagPolicy: {
      CatalogId: "string",
      Database: { Expression: [{ TagKey: "string", TagValues: ["string"] }], Permissions: ["DESCRIBE"] },
      Table: { Expression: [{ TagKey: "string", TagValues: ["string"] }], Permissions: ["DESCRIBE", "SELECT"] },
      RoleArn: "string",
      DataSetId: "string",
      RevisionId: "string",
    },
  },
  Errors: [
    {
      Code: "ACCESS_DENIED_EXCEPTION",
      Details: {
        ImportAssetFromSignedUrlJobErrorDetails: { AssetName: "string" },
        ImportAssetsFromS3JobErrorDetails: [{ Bucket: "string", Key: "string" }],
      },
      LimitName: "Assets per revision",
      LimitValue: 123.0,
      Message: "string",
      ResourceId: "string",
      ResourceType: "REVISION",
    },
  ],
  Id: "string",
  State: "WAITING",
  Type: "IMPORT_ASSETS_FROM_S3",
  UpdatedAt: at,
};

/** The smallest JobEntry: only the required members; every ResponseDetails member is optional. */
export const minimal: JobEntry = {
  Arn: "a",
  CreatedAt: at,
  Details: {},
  Id: "i",
  State: State.COMPLETED,
  Type: "EXPORT_ASSETS_TO_S3",
  UpdatedAt: at,
};
export const page: ListJobsResponse = { Jobs: [job, minimal], NextToken: "t" };
export const request: ListJobsRequest = { DataSetId: "d", MaxResults: 25 };
export const emptyRequest: ListJobsRequest = {};
export const enumFromConst: State = State.TIMED_OUT;

// @ts-expect-error a State value that the service does not have
export const wrongState: JobEntry = { ...minimal, State: "RUNNING" };

// @ts-expect-error a Type value spelled with the wrong case
export const wrongType: Type = "import_assets_from_s3";

// @ts-expect-error Arn is required
export const missingArn: JobEntry = {
  CreatedAt: at,
  Details: {},
  Id: "i",
  State: "WAITING",
  Type: "EXPORT_ASSETS_TO_S3",
  UpdatedAt: at,
};

// @ts-expect-error Message and Code are required in a JobError
export const missingMessage: JobError = { Code: "MALWARE_DETECTED" };

// @ts-expect-error timestamps are Date in the model, not the wire's string
export const stringDate: JobEntry = { ...minimal, CreatedAt: "2015-01-01T00:00:00Z" };

// @ts-expect-error under exactOptionalPropertyTypes an optional member is absent, not undefined
export const undefinedErrors: JobEntry = { ...minimal, Errors: undefined };

export const wrongEncryption: ResponseDetails = {
  ExportAssetsToS3: {
    AssetDestinations: [],
    DataSetId: "d",
    RevisionId: "r",
    // @ts-expect-error an encryption type that is not aws:kms or AES256
    Encryption: { Type: "aws_kms" },
  },
};

// @ts-expect-error a member that JobEntry does not have
export const extraMember: JobEntry = { ...minimal, Extra: 1 };

/** The operation's types are the request and response shapes, and its errors the four of the model. */
type ListJobs = Operations["ListJobs"];
export const input: ListJobs["input"] = request;
export const output: ListJobs["output"] = page;
// Every error of ListJobs requires Message.
export const anError: ListJobs["errors"] = { Message: "throttled" };
// @ts-expect-error no error of ListJobs can lack its Message
export const noMessage: ListJobs["errors"] = {};
