import {
  PageRequestError,
  PageValidationError,
  PaginationAbortedError,
  PaginationConfigError,
  RepeatedTokenError,
  StartingTokenError,
  TokenRewindError,
} from "./errors.js";
import { checkExpression, search } from "./jmespath.js";
import { fullResult, itemsOf, member, sliceItems, valueAt } from "./members.js";
import type { PaginatedOperation } from "./paginate.js";
import { sendAbortable, type PageSender } from "./send.js";
import { decodeStartingToken, encodeResumeToken, type StartPosition } from "./token.js";
import type {
  CallerMembers,
  FullResult,
  ItemOf,
  PageRequest,
  PageSizeMember,
  PaginateParams,
  PaginationConfig,
  PaginatorOptions,
  Path,
  TokenMember,
} from "./types.js";

/** What a run needs of the operation: its trait and validators (not how to reach it). */
export type PageOperation<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
> = Omit<PaginatedOperation<Input, Output, never, InputToken, OutputToken, Items, PageSize>, "sdk">;
import { pageValidator } from "./validate.js";

/**
 * botocore's `PageIterator`: an async iterable of typed pages. Each iteration is a new run from the
 * StartingToken; `resumeToken` is the token the last completed run left (undefined when it reached the end).
 */
export class PageIterator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
> implements AsyncIterable<Output>
{
  /** botocore's `resume_token`: pass it as `StartingToken` to continue where the last run stopped. */
  resumeToken: string | undefined;
  private readonly config: PaginationConfig;
  private readonly base: CallerMembers<Input, InputToken, PageSize>;

  constructor(
    private readonly operation: PageOperation<Input, Output, InputToken, OutputToken, Items, PageSize>,
    private readonly sender: PageSender<PageRequest<Input, InputToken, PageSize>>,
    params: PaginateParams<Input, InputToken, PageSize>,
    private readonly options: PaginatorOptions,
  ) {
    const { PaginationConfig: config, ...base } = params;
    this.config = { ...config };
    this.base = base;
  }

  [Symbol.asyncIterator](): AsyncIterator<Output> {
    return this.run();
  }

  /** Every item of every page, in order (botocore's `result_key_iters()` for the one result key). */
  async *items(): AsyncGenerator<ItemOf<Output, Items>, void, undefined> {
    for await (const page of this) yield* itemsOf<Output, Items>(page, this.operation.items);
  }

  /**
   * boto3's `build_full_result()`: all items in one list, and `NextToken` if the run left a resume token.
   * `onPage` sees each page as it arrives (for progress output).
   */
  async buildFullResult(onPage?: (page: Output, pageNumber: number) => void): Promise<FullResult<Output, Items>> {
    let all: ItemOf<Output, Items>[] | undefined;
    let pageNumber = 0;
    for await (const page of this) {
      onPage?.(page, ++pageNumber);
      if (valueAt(page, this.operation.items) === undefined) continue;
      (all ??= []).push(...itemsOf<Output, Items>(page, this.operation.items));
    }
    return fullResult<Output, Items>(this.operation.items, all, this.resumeToken);
  }

  /** botocore's `search()`: a JMESPath expression applied to each page; list results are flattened. */
  async *search(expression: string): AsyncGenerator<unknown, void, undefined> {
    checkExpression(expression); // a bad expression fails before any request
    for await (const page of this) {
      const result = search(page, expression);
      if (Array.isArray(result)) yield* result;
      else yield result;
    }
  }

  private async *run(): AsyncGenerator<Output, void, undefined> {
    const op = this.operation;
    const { signal, stopOnSameToken } = this.options;
    this.resumeToken = undefined;
    const maxItems = positiveInteger(this.config.MaxItems, "MaxItems");
    const pageSize = positiveInteger(this.config.PageSize, "PageSize");
    if (pageSize !== undefined && op.pageSize === undefined)
      throw new PaginationConfigError(`PageSize is not supported by ${op.name}`);
    const start: StartPosition =
      this.config.StartingToken === undefined
        ? { serviceToken: null, skip: 0, botocore: false }
        : decodeStartingToken(this.config.StartingToken, op.inputToken);
    const validate = pageValidator(op, this.sender.form, this.options);
    const resumeAt = (token: string | null, skip: number): string =>
      encodeResumeToken(op.inputToken, token, skip > 0 ? skip : undefined);

    let sent = start.serviceToken; // the token of the current request (botocore's next_token)
    const seen = new Map<string, number>(sent === null ? [] : [[sent, 0]]);
    let total = 0;
    const send = (token: string | null): Promise<Settled> =>
      settle(sendAbortable(this.sender, this.request(token, pageSize), signal));
    let ahead: { token: string; response: Promise<Settled> } | undefined;
    for (let pageNumber = 1; ; pageNumber++) {
      const skip = pageNumber === 1 ? start.skip : 0; // items of this page an earlier run already returned
      const settled = signal?.aborted
        ? { ok: false as const, error: signal.reason }
        : ahead !== undefined && ahead.token === sent
          ? await ahead.response
          : await send(sent);
      ahead = undefined;
      if (!settled.ok) {
        if (signal?.aborted) throw new PaginationAbortedError(pageNumber, resumeAt(sent, skip), signal.reason);
        throw new PageRequestError(pageNumber, resumeAt(sent, skip), settled.error);
      }
      const response = settled.value;
      if (this.options.readAhead) {
        // Ask for the next page now, by the token as received, so that the request overlaps validating
        // and consuming this one; only where the run will surely ask for it (checked again below).
        const next = nextToken(valueAt(response, op.outputToken));
        const items = valueAt(response, op.items);
        const count = (Array.isArray(items) ? items.length : 0) - skip;
        if (
          next !== undefined &&
          next !== sent &&
          !seen.has(next) &&
          (maxItems === undefined || total + count < maxItems)
        ) {
          ahead = { token: next, response: send(next) };
        }
      }
      let page: Output;
      try {
        page = validate(response, pageNumber);
      } catch (error) {
        throw new PageValidationError(pageNumber, resumeAt(sent, skip), error);
      }
      if (skip > 0) {
        const available = itemsOf(page, op.items).length;
        if (skip > available) {
          throw new StartingTokenError(
            this.config.StartingToken ?? "",
            `it skips ${skip} items but its page has ${available} (was it made with another PageSize or filter?)`,
          );
        }
        page = sliceItems(page, op.items, skip);
      }
      const count = itemsOf(page, op.items).length;
      if (maxItems !== undefined && total + count > maxItems) {
        // MaxItems cuts this page: keep what fits and remember how much of the page is now returned.
        const keep = maxItems - total;
        this.resumeToken = encodeResumeToken(op.inputToken, sent, keep + skip);
        yield sliceItems(page, op.items, 0, keep);
        return;
      }
      yield page;
      total += count;
      const next = nextToken(valueAt(page, op.outputToken));
      if (next === undefined) return;
      if (maxItems !== undefined && total === maxItems) {
        this.resumeToken = encodeResumeToken(op.inputToken, next);
        return;
      }
      if (next === sent) {
        if (stopOnSameToken) return;
        throw new RepeatedTokenError(next, pageNumber);
      }
      const firstSeen = seen.get(next);
      if (firstSeen !== undefined) throw new TokenRewindError(next, pageNumber, firstSeen);
      seen.set(next, pageNumber);
      sent = next;
    }
  }

  /** A fresh request object per page: the caller's params are never changed. */
  private request(token: string | null, pageSize: number | undefined): PageRequest<Input, InputToken, PageSize> {
    const op = this.operation;
    const tokenMember: TokenMember<InputToken> = token !== null ? member(op.inputToken, token) : {};
    const sizeMember: PageSizeMember<PageSize> =
      pageSize !== undefined && op.pageSize !== undefined ? member(op.pageSize, pageSize) : {};
    return { ...this.base, ...tokenMember, ...sizeMember };
  }
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A request's outcome as a value, so that a read-ahead nobody awaits never becomes an unhandled rejection. */
function settle(request: Promise<unknown>): Promise<Settled> {
  return request.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** botocore treats a falsy token ("" included) as the end. */
function nextToken(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function positiveInteger(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new PaginationConfigError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}
