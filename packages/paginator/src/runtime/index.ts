export {
  createPaginator,
  type PaginatedOperation,
  type Paginate,
  type PaginatorClient,
  type ParamsArgs,
} from "./paginate.js";
export { PageIterator } from "./page-iterator.js";
export {
  PaginationError,
  PaginationConfigError,
  StartingTokenError,
  RepeatedTokenError,
  TokenRewindError,
  PageError,
  PageRequestError,
  PageValidationError,
  PaginationAbortedError,
} from "./errors.js";
export { encodeResumeToken, decodeStartingToken, type StartPosition } from "./token.js";
export {
  wireTransport,
  type AwsSdkClient,
  type FullResult,
  type ItemOf,
  type PageDrift,
  type PageFunction,
  type PageRequest,
  type PaginateParams,
  type PaginationConfig,
  type PaginatorOptions,
  type RequestContext,
  type ValidationMode,
  type ValidatorDrift,
  type ValidatorOptions,
  type WireTransport,
} from "./types.js";
