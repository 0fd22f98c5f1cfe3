/**
 * Every failure of a paginator is a {@link PaginationError}. Failures that happen once pages are
 * flowing say which page failed and carry a botocore resume token, so that no caller loses its place.
 */
export class PaginationError extends Error {
  override readonly name: string = "PaginationError";
}

/** `PaginationConfig` is unusable (MaxItems or PageSize not a positive integer). Thrown before any request. */
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

/** The service answered a request with the very token that request sent (botocore: "The same next token was received twice"). */
export class RepeatedTokenError extends PaginationError {
  override readonly name: string = "RepeatedTokenError";
  constructor(
    readonly token: string,
    readonly page: number,
  ) {
    super(
      `The same next token was received twice: page ${page} returned the token it was requested with (${JSON.stringify(token)})`,
    );
  }
}

/** The service sent a token it had already sent earlier in this run: following it would repeat pages. */
export class TokenRewindError extends PaginationError {
  override readonly name: string = "TokenRewindError";
  constructor(
    readonly token: string,
    readonly page: number,
    readonly firstSeenOnPage: number,
  ) {
    super(
      `Page ${page} returned a token already seen ${firstSeenOnPage === 0 ? "as the starting token" : `after page ${firstSeenOnPage}`} (${JSON.stringify(token)}); stopping instead of repeating pages`,
    );
  }
}

/** Base of the errors raised while fetching or checking one page: where it failed and where to resume. */
export abstract class PageError extends PaginationError {
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

/** The transport failed (network, HTTP, service error); `cause` is its error, unchanged. */
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

function describe(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== "Error" ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
