/**
 * `@dx/paginator/sdk`: the paginators over an AWS SDK v3 client (`paginateListJobs(new DataExchangeClient(...))`).
 * Only this entry imports the SDK (an optional peer dependency), so programs using `@dx/paginator` with
 * their own transport bundle without it.
 */
export * from "./generated/sdk/index.gen.js";
export {
  createSdkPaginator,
  createSdkPagesPaginator,
  type SdkPage,
  type SdkPaginate,
  type SdkPaginatePages,
} from "./runtime/sdk.js";
