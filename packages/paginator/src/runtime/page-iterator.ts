import {
  attachPartialResult,
  markFailure,
  PageRequestError,
  PageValidationError,
  PaginationAbortedError,
  PaginationConfigError,
  RepeatedTokenError,
  StartingTokenError,
  TokenRewindError,
} from "./errors.js";
import { describeValue } from "./describe.js";
import type { ResponseHeaders } from "./header-members.js";
import { checkExpression, search } from "./jmespath.js";
import { fullResult, itemsOf, member, setOwn, sliceItems, valueAt } from "./members.js";
import { sendAbortable, type PageSender } from "./send.js";
import { checkRun, type RunStart } from "./run-config.js";
import { encodeResumeToken, nextToken, tokenKey, type ServiceToken } from "./token.js";
import { TokenSet } from "./token-set.js";
import type {
  CallerMembers,
  FullResult,
  ItemOf,
  PageRequest,
  PageSizeMember,
  PaginateParams,
  PaginatorOptions,
  Path,
  TokenMember,
} from "./types.js";
import { pageValidator, type PageValidators } from "./validate.js";

/** What a run needs of the operation: its trait and validators (not how to reach it). */
export interface PageOperation<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
> extends PageValidators<Output> {
  name: string;
  inputToken: InputToken;
  outputToken: Path;
  /** Absent for a trait without `items`: the run then has pages only (no items(), MaxItems or buildFullResult). */
  items?: Items;
  pageSize?: PageSize;
  /** Every member of the input (absent: params are not checked). */
  inputMembers?: readonly string[];
  /** The output member the HTTP status code fills (`@httpResponseCode`), from the page's `$metadata`. */
  statusCodeMember?: string;
  /** Reads the output members bound to response headers, from the response the transport hands over. */
  outputHeaders?: (response: ResponseHeaders) => Record<string, unknown>;
}

/**
 * botocore's `PageIterator`: an async iterable of typed pages. Each iteration is a new run from the
 * StartingToken; `resumeToken` is where the last run stopped (undefined when it reached the end).
 */
export class PageIterator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
> implements AsyncIterable<Output>
{
  private readonly config: unknown;
  private readonly base: CallerMembers<Input, InputToken, PageSize>;
  /** What a plain JavaScript caller gave as params when it was not an object (refused when a run starts). */
  private readonly badParams: { value: unknown } | undefined;
  // The position right after the last page (or, through items(), the last item) the caller received.
  #token: ServiceToken | null = null;
  #skip = 0;
  #end = true;
  // Where the page last yielded starts: its request token and the items of it an earlier run returned.
  #pageToken: ServiceToken | null = null;
  #pageSkip = 0;

  constructor(
    private readonly operation: PageOperation<Input, Output, InputToken, Items, PageSize>,
    private readonly sender: PageSender<PageRequest<Input, InputToken, PageSize>>,
    params: PaginateParams<Input, InputToken, PageSize>,
    private readonly options: PaginatorOptions,
  ) {
    const isObject = typeof params === "object" && params !== null && !Array.isArray(params);
    this.badParams = isObject ? undefined : { value: params };
    const { PaginationConfig: config, ...base } = isObject ? params : ({} as typeof params);
    this.config = config;
    this.base = base;
  }

  /**
   * botocore's `resume_token`: pass it as `StartingToken` to continue right after the last page the
   * caller received (through `items()`, the last item), also after a `break`, `return` or throw in the
   * loop. Undefined before a run and once a run has reached the last page.
   */
  get resumeToken(): string | undefined {
    return this.#end
      ? undefined
      : encodeResumeToken(this.operation.inputToken, this.#token, this.#skip > 0 ? this.#skip : undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<Output> {
    return this.run();
  }

  /** Every item of every page, in order (botocore's `result_key_iters()` for the one result key). */
  async *items(): AsyncGenerator<ItemOf<Output, Items>, void, undefined> {
    const path = this.itemsPath("items()");
    for await (const page of this) {
      const list = itemsOf<Output, Items>(page, path);
      const [token, skip, endToken, endSkip, end] = [
        this.#pageToken,
        this.#pageSkip,
        this.#token,
        this.#skip,
        this.#end,
      ];
      for (let i = 0; i < list.length; i++) {
        if (i + 1 < list.length) this.setPosition(token, skip + i + 1);
        else [this.#token, this.#skip, this.#end] = [endToken, endSkip, end];
        yield list[i] as ItemOf<Output, Items>;
      }
    }
  }

  /**
   * boto3's `build_full_result()`: all items in one list, and `NextToken` if the run left a resume token.
   * `onPage` sees each page as it arrives (for progress output). When a page fails, the error thrown has
   * `partialResult`: the items collected so far, with the `NextToken` that continues after them.
   */
  async buildFullResult(onPage?: (page: Output, pageNumber: number) => void): Promise<FullResult<Output, Items>> {
    const path = this.itemsPath("buildFullResult()");
    if (onPage !== undefined && typeof onPage !== "function")
      throw new TypeError(`buildFullResult: onPage must be a function, got ${describeValue(onPage)}`);
    let all: ItemOf<Output, Items>[] | undefined;
    let pageNumber = 0;
    try {
      for await (const page of this) {
        onPage?.(page, ++pageNumber);
        if (valueAt(page, path) === undefined) continue;
        const items = itemsOf<Output, Items>(page, path);
        all ??= [];
        for (const item of items) all.push(item);
      }
    } catch (error) {
      attachPartialResult(error, fullResult<Output, Items>(path, all, this.resumeToken));
      throw error;
    }
    return fullResult<Output, Items>(path, all, this.resumeToken);
  }

  /** botocore's `search()`: a JMESPath expression applied to each page; list results are flattened. */
  async *search(expression: string): AsyncGenerator<unknown, void, undefined> {
    if (typeof expression !== "string")
      throw new TypeError(`search: expression must be a string, got ${describeValue(expression)}`);
    checkExpression(expression); // a bad expression fails before any request
    for await (const page of this) {
      const result = search(page, expression);
      if (Array.isArray(result)) yield* result;
      else yield result;
    }
  }

  private itemsPath(what: string): Items {
    const path = this.operation.items;
    if (path === undefined)
      throw new PaginationConfigError(`${what} is not supported by ${this.operation.name}: its trait names no items`);
    return path;
  }

  /** Checks the params, PaginationConfig and the options as given at run time (plain JavaScript callers included). */
  private start(): RunStart {
    return checkRun(this.operation, { base: this.base, badParams: this.badParams, config: this.config }, this.options);
  }

  private setPosition(token: ServiceToken | null, skip: number): void {
    this.#token = token;
    this.#skip = skip;
    this.#end = false;
  }

  private async *run(): AsyncGenerator<Output, void, undefined> {
    const op = this.operation;
    const items = op.items;
    const { signal, stopOnSameToken } = this.options;
    this.#end = true;
    const { maxItems, pageSize, start } = this.start();
    const validate = pageValidator(op, this.sender.form, this.options);
    let validateModel: ((response: unknown, page: number) => Output) | undefined; // for enveloped model-form pages
    const { envelope, passErrors } = this.sender;

    let sent = start.serviceToken; // the token of the current request (botocore's next_token)
    this.setPosition(sent, start.skip);
    const seen = new TokenSet();
    if (sent !== null) seen.add(tokenKey(sent), 0);
    let total = 0;
    const send = (token: ServiceToken | null): Promise<Settled> =>
      settle(sendAbortable(this.sender, this.request(token, pageSize), signal));
    let ahead: { token: ServiceToken; response: Promise<Settled> } | undefined;
    for (let pageNumber = 1; ; pageNumber++) {
      const skip = pageNumber === 1 ? start.skip : 0; // items of this page an earlier run already returned
      const settled = signal?.aborted
        ? { ok: false as const, error: signal.reason }
        : ahead !== undefined && sent !== null && tokenKey(ahead.token) === tokenKey(sent)
          ? await ahead.response
          : await send(sent);
      ahead = undefined;
      if (!settled.ok) {
        const resumeToken = this.resumeToken as string;
        if (signal?.aborted) throw new PaginationAbortedError(pageNumber, resumeToken, signal.reason);
        if (passErrors && markFailure(settled.error, pageNumber, resumeToken)) throw settled.error;
        throw new PageRequestError(pageNumber, resumeToken, settled.error);
      }
      const { body, metadata, form, headers } = envelope
        ? unwrap(settled.value)
        : { body: settled.value, metadata: undefined, form: undefined, headers: undefined };
      if (this.options.readAhead) {
        // Ask for the next page now, by the token as received, so that the request overlaps validating
        // and consuming this one; only where the run will surely ask for it (checked again below).
        const next = nextToken(valueAt(body, op.outputToken));
        const list = items === undefined ? undefined : valueAt(body, items);
        const count = (Array.isArray(list) ? list.length : 0) - skip;
        if (
          next !== undefined &&
          (sent === null || tokenKey(next) !== tokenKey(sent)) &&
          seen.get(tokenKey(next)) === undefined &&
          (maxItems === undefined || total + count < maxItems)
        ) {
          ahead = { token: next, response: send(next) };
        }
      }
      let page: Output;
      try {
        page =
          form === "model" && this.sender.form === "wire"
            ? (validateModel ??= pageValidator(op, "model", this.options))(body, pageNumber)
            : validate(body, pageNumber);
        // Members bound to headers, after the body passed its validators (a header that does not parse fails the page).
        if (op.outputHeaders !== undefined && headers !== undefined)
          for (const [name, value] of Object.entries(op.outputHeaders(headers)))
            setOwn(page as Record<string, unknown>, name, value);
      } catch (error) {
        throw new PageValidationError(pageNumber, this.resumeToken as string, error);
      }
      if (metadata !== undefined) {
        (page as Record<string, unknown>)["$metadata"] = metadata;
        const status = (metadata as { httpStatusCode?: unknown }).httpStatusCode;
        if (op.statusCodeMember !== undefined && typeof status === "number")
          (page as Record<string, unknown>)[op.statusCodeMember] = status;
      }
      if (skip > 0 && items !== undefined) {
        const available = itemsOf(page, items).length;
        if (skip > available) {
          throw new StartingTokenError(
            String((this.config as Record<string, unknown>)["StartingToken"]),
            `it skips ${skip} items but its page has ${available} (was it made with another PageSize or filter?)`,
          );
        }
        page = sliceItems(page, items, skip);
      }
      this.#pageToken = sent;
      this.#pageSkip = skip;
      const count = items === undefined ? 0 : itemsOf(page, items).length;
      if (items !== undefined && maxItems !== undefined && total + count > maxItems) {
        // MaxItems cuts this page: keep what fits and remember how much of the page is now returned.
        const keep = maxItems - total;
        this.setPosition(sent, keep + skip);
        yield sliceItems(page, items, 0, keep);
        return;
      }
      total += count;
      const next = nextToken(valueAt(page, op.outputToken));
      // Where the caller stands once it has this page, and what (if anything) stops the run after it.
      let stop: "end" | "max" | (() => Error) | undefined;
      if (next === undefined) stop = "end";
      else if (maxItems !== undefined && total === maxItems) stop = "max";
      else if (sent !== null && tokenKey(next) === tokenKey(sent)) {
        stop = stopOnSameToken ? "end" : () => new RepeatedTokenError(next, pageNumber, this.resumeToken as string);
      } else {
        const firstSeen = seen.get(tokenKey(next));
        if (firstSeen !== undefined)
          stop = () => new TokenRewindError(next, pageNumber, firstSeen, this.resumeToken as string);
      }
      if (stop === "end") this.#end = true;
      else if (typeof stop === "function") this.setPosition(sent, skip + count);
      else this.setPosition(next as ServiceToken, 0);
      yield page;
      if (typeof stop === "function") throw stop();
      if (stop !== undefined) return;
      seen.add(tokenKey(next as ServiceToken), pageNumber);
      sent = next as ServiceToken;
    }
  }

  /** A fresh request object per page: the caller's params are never changed. */
  private request(token: ServiceToken | null, pageSize: number | undefined): PageRequest<Input, InputToken, PageSize> {
    const op = this.operation;
    // The token is the one the service sent at the trait's outputToken, which the binding's types tie to the input token's type.
    const tokenMember = (token !== null ? member(op.inputToken, token) : {}) as TokenMember<Input, InputToken>;
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

/**
 * An enveloped response (SDK clients): the page (wire JSON, unless `form` says the SDK already
 * deserialized it) and the SDK's response metadata.
 */
function unwrap(response: unknown): {
  body: unknown;
  metadata: unknown;
  form: "model" | undefined;
  headers: ResponseHeaders | undefined;
} {
  const r = response as { body?: unknown; $metadata?: unknown; form?: unknown; headers?: ResponseHeaders } | null;
  return {
    body: r?.body,
    metadata: r?.$metadata,
    form: r?.form === "model" ? "model" : undefined,
    headers: typeof r?.headers?.header === "function" ? r.headers : undefined,
  };
}
