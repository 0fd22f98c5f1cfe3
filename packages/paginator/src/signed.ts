/**
 * `@dx/paginator/signed`: the paginators over a lean signed transport (SigV4, standard retries, fetch),
 * without an SDK client: `paginateListJobs(signedClient({ region, credentials }), params)`.
 */
export * from "./generated/signed/index.gen.js";
export type { EndpointDiscovery, HttpBinding } from "./runtime/signed/binding.js";
export {
  signedClient,
  SignedClient,
  type AwsCredentials,
  type SignedClientOptions,
} from "./runtime/signed/client.js";
export { EndpointDiscoveryError, EndpointResolutionError, ServiceError } from "./runtime/signed/errors.js";
export type { EndpointParamValue, EndpointRules, OperationEndpointParams } from "./runtime/signed/endpoints.js";
export {
  fetchHandler,
  type HttpHandler,
  type HttpRequest,
  type HttpResponse,
  type SignedPlatform,
  type Sha256Constructor,
  type SourceData,
} from "./runtime/signed/http.js";
export {
  createSignedPaginator,
  createSignedPagesPaginator,
  type SignedPaginate,
  type SignedPaginatePages,
} from "./runtime/signed/paginate.js";
