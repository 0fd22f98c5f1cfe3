/**
 * Every failure of a paginator is a {@link PaginationError}, except the errors of an AWS SDK client,
 * which reach the caller unchanged (so that `instanceof ResourceNotFoundException` and `e.name` work as
 * with the SDK alone) with the {@link PageFailure} members added. Failures that happen once pages are
 * flowing say which page failed and carry a botocore resume token, so that no caller loses its place.
 */
export class PaginationError extends Error {
  override readonly name: string = "PaginationError";
  /**
   * Set when `buildFullResult()` failed: what it had collected, with `NextToken` set to the resume
   * token that continues right after it (see {@link PageFailure.partialResult}).
   */
  partialResult?: object;
}

/**
 * What a failed run tells about where it stopped. {@link PageError}s have these members; an AWS SDK
 * client's own error (a service exception such as `ResourceNotFoundException`) is thrown as itself with
 * them added. {@link pageFailureOf} reads them from any error.
 */
export interface PageFailure {
  /** 1-based number of the page whose request failed (or that returned the bad token). */
  readonly page: number;
  /** Pass as `PaginationConfig.StartingToken` to continue right after the last page or item the caller received. */
  readonly resumeToken: string;
  /** When `buildFullResult()` failed: the items collected so far, and `NextToken` equal to `resumeToken`. */
  partialResult?: object;
}

/** The {@link PageFailure} members of an error a paginator threw, or undefined for any other value. */
export function pageFailureOf(error: unknown): PageFailure | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as Partial<PageFailure>;
  return typeof e.page === "number" && typeof e.resumeToken === "string" ? (error as PageFailure) : undefined;
}

/** `PaginationConfig` or the options are unusable (MaxItems or PageSize not a positive integer, StartingToken not a string, an unknown validation mode). Thrown before any request. */
export class PaginationConfigError extends PaginationError {
  override readonly name: string = "PaginationConfigError";
}

/**
 * The StartingToken decodes as a botocore token but is malformed (unknown keys, a bad truncate amount),
 * or it skips more items than its page has. The former is thrown before any request.
 */
export class StartingTokenError extends PaginationError {
  override readonly name: string = "StartingTokenError";
  constructor(
    readonly token: string,
    readonly reason: string,
  ) {
    super(`Bad starting token ${JSON.stringify(token)}: ${reason}`);
  }
}

/**
 * The service answered a request with the very token that request sent (botocore: "The same next token
 * was received twice"). The page was delivered; `resumeToken` is the position right after it.
 */
export class RepeatedTokenError extends PaginationError implements PageFailure {
  override readonly name: string = "RepeatedTokenError";
  constructor(
    /** The service's token: a string, or a map (DynamoDB's keys). */
    readonly token: string | object,
    readonly page: number,
    readonly resumeToken: string,
  ) {
    super(
      `The same next token was received twice: page ${page} returned the token it was requested with (${JSON.stringify(token)})`,
    );
  }
}

/**
 * The service sent a token it had already sent earlier in this run: following it would repeat pages.
 * The page was delivered; `resumeToken` is the position right after it.
 */
export class TokenRewindError extends PaginationError implements PageFailure {
  override readonly name: string = "TokenRewindError";
  constructor(
    /** The service's token: a string, or a map (DynamoDB's keys). */
    readonly token: string | object,
    readonly page: number,
    readonly firstSeenOnPage: number,
    readonly resumeToken: string,
  ) {
    super(
      `Page ${page} returned a token already seen ${firstSeenOnPage === 0 ? "as the starting token" : `after page ${firstSeenOnPage}`} (${JSON.stringify(token)}); stopping instead of repeating pages`,
    );
  }
}

/** Base of the errors raised while fetching or checking one page: where it failed and where to resume. */
export abstract class PageError extends PaginationError implements PageFailure {
  constructor(
    message: string,
    /** 1-based number of the page whose request failed. */
    readonly page: number,
    /** Pass as `PaginationConfig.StartingToken` to retry from this page, losing and repeating nothing. */
    readonly resumeToken: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** A function transport failed (network, HTTP, service error); `cause` is its error, unchanged. */
export class PageRequestError extends PageError {
  override readonly name: string = "PageRequestError";
  constructor(page: number, resumeToken: string, cause: unknown) {
    super(`Request for page ${page} failed: ${describe(cause)}`, page, resumeToken, { cause });
  }
}

/** A page did not pass validation (strict mode, or a broken response); `cause` is the ValidationError. */
export class PageValidationError extends PageError {
  override readonly name: string = "PageValidationError";
  constructor(page: number, resumeToken: string, cause: unknown) {
    super(`Page ${page} is not a valid response: ${describe(cause)}`, page, resumeToken, { cause });
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class PaginationAbortedError extends PageError {
  override readonly name: string = "PaginationAbortedError";
  constructor(page: number, resumeToken: string, cause: unknown) {
    super(`Pagination aborted before page ${page} completed`, page, resumeToken, { cause });
  }
}

/**
 * Adds the {@link PageFailure} members to an error that is thrown as itself (an SDK client's). Returns
 * false when that cannot be done (not an object, frozen), so that the caller wraps it instead.
 */
export function markFailure(error: unknown, page: number, resumeToken: string): boolean {
  if (typeof error !== "object" || error === null || !Object.isExtensible(error)) return false;
  for (const [key, value] of [
    ["page", page],
    ["resumeToken", resumeToken],
  ] as const) {
    Object.defineProperty(error, key, { value, writable: true, configurable: true, enumerable: false });
  }
  return true;
}

/** Records what `buildFullResult()` had collected on the error it is about to rethrow. */
export function attachPartialResult(error: unknown, partialResult: object): void {
  if (typeof error !== "object" || error === null || !Object.isExtensible(error)) return;
  Object.defineProperty(error, "partialResult", {
    value: partialResult,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== "Error" ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
