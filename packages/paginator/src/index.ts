/** boto3-style paginators generated from the spec's `smithy.api#paginated` traits, over a generic runtime. */
export * from "./generated/index.gen.js";
export * from "./runtime/index.js";
