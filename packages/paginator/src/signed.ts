/**
 * `@dx/paginator/signed`: the paginators over a lean signed transport (SigV4, standard retries, fetch),
 * without an SDK client: `paginateListJobs(signedClient({ region, credentials }), params)`.
 */
export * from "./generated/signed/index.gen.js";
export {
  createSignedPaginator,
  createSignedPagesPaginator,
  signedClient,
  ServiceError,
  EndpointDiscoveryError,
  SignedClient,
  fetchHandler,
  type AwsCredentials,
  type EndpointDiscovery,
  type HttpBinding,
  type HttpHandler,
  type HttpRequest,
  type HttpResponse,
  type SignedPlatform,
  type Sha256Constructor,
  type SourceData,
  type SignedClientOptions,
  type SignedPaginate,
  type SignedPaginatePages,
} from "./runtime/signed.js";
