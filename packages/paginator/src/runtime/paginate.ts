/**
 * The shared paginator runtime: botocore's `PageIterator` semantics (MaxItems truncation, resume tokens,
 * build_full_result, search) over any transport, for any operation described by a {@link PaginatedOperation}.
 * Generated bindings supply the operation; nothing here names one, and nothing here imports the AWS SDK
 * (its adapter is `@dx/paginator/sdk`).
 */
import { describeValue } from "./describe.js";
import { PageIterator, type PageOperation } from "./page-iterator.js";
import type { ResponseHeaders } from "./header-members.js";
import type { PageSender } from "./send.js";
import type {
  ItemsPath,
  PageFunction,
  PageRequest,
  PagesConfig,
  PaginateParams,
  PaginatorOptions,
  Path,
  TokenPath,
  ValidatorOptions,
  WireTransport,
} from "./types.js";

/** An operation whose `smithy.api#paginated` trait names no `items`: bound to types and validators, it pages only. */
export interface PagesOperation<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  PageSize extends keyof Input & string,
> {
  /** The operation's name, for messages. */
  name: string;
  inputToken: InputToken;
  /** Path of the output token (one member, unless the trait names a nested one). */
  outputToken: TokenPath<Output, OutputToken>;
  pageSize?: PageSize;
  /**
   * Every member of the input, token and page size included. When given, params naming any other
   * member (a typo, or an option meant for the third argument) are a PaginationConfigError before any
   * request, as botocore's "Unknown parameter in input".
   */
  inputMembers?: readonly (keyof Input & string)[];
  /**
   * The output member bound to the HTTP status code (`@httpResponseCode`): not in the body, so each
   * page gets it from the response (`$metadata.httpStatusCode`) where the transport has one.
   */
  statusCodeMember?: keyof Output & string;
  /**
   * Reads the output members bound to response headers (`@httpHeader`, `@httpPrefixHeaders`): not in
   * the body, so each page gets them from the response where the transport has one (`headerMembers`).
   */
  outputHeaders?: (response: ResponseHeaders) => Record<string, unknown>;
  /** Validates a wire-form response and converts it to the model form. */
  parse(json: unknown, options?: ValidatorOptions): Output;
  /** Validates a model-form response. */
  assert(value: unknown, options?: ValidatorOptions): asserts value is Output;
}

/** A paginated operation: its `smithy.api#paginated` trait, with `items`, bound to types and validators. */
export interface PaginatedOperation<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
> extends PagesOperation<Input, Output, InputToken, OutputToken, PageSize> {
  /** Path of the items list. */
  items: ItemsPath<Output, Items>;
}

/** What a binding accepts as its first argument: a function returning model-form pages, or `wireTransport(fn)`. */
export type PaginatorClient<Request> = PageFunction<Request> | WireTransport<Request>;

/**
 * The signature of a generated `paginateX` over a client of type `Client` whose pages are `Page`;
 * each entry point (function transport, SDK client, signed client) names its own.
 */
export type PaginateOver<
  Client,
  Input extends object,
  Page extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
> = (
  client: Client,
  ...args: ParamsArgs<PaginateParams<Input, InputToken, PageSize>>
) => PageIterator<Input, Page, InputToken, Items, PageSize>;

/** The page-only twin of {@link PaginateOver} (a trait without items). */
export type PaginatePagesOver<
  Client,
  Input extends object,
  Page extends object,
  InputToken extends keyof Input & string,
  PageSize extends keyof Input & string,
> = (client: Client, ...args: ParamsArgs<PaginateParams<Input, InputToken, PageSize, PagesConfig>>) => Pages<Page>;

/** The signature of a generated `paginateX`. */
export type Paginate<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
> = PaginateOver<PaginatorClient<PageRequest<Input, InputToken, PageSize>>, Input, Output, InputToken, Items, PageSize>;

/** The pages of an operation without `items`: no items(), MaxItems or buildFullResult. */
export interface Pages<Output> extends AsyncIterable<Output> {
  /** As {@link PageIterator.resumeToken}: continues right after the last page received. */
  readonly resumeToken: string | undefined;
  /** botocore's `search()`: a JMESPath expression applied to each page; list results are flattened. */
  search(expression: string): AsyncGenerator<unknown, void, undefined>;
}

/** The signature of a generated `paginateX` for an operation without `items`. */
export type PaginatePages<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  PageSize extends keyof Input & string,
> = PaginatePagesOver<PaginatorClient<PageRequest<Input, InputToken, PageSize>>, Input, Output, InputToken, PageSize>;

/** The params may be left out only when the operation has no required input member. */
export type ParamsArgs<Params> = {} extends Params
  ? [params?: Params, options?: PaginatorOptions]
  : [params: Params, options?: PaginatorOptions];

/** Binds an operation to the runtime; the result is the operation's `paginateX` function. */
export function createPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string = never,
>(
  operation: PaginatedOperation<Input, Output, InputToken, OutputToken, Items, PageSize>,
): Paginate<Input, Output, InputToken, Items, PageSize> {
  const op = pageOperation<Input, Output, InputToken, Items, PageSize>(operation);
  return (client, ...[params, options]) =>
    new PageIterator(op, senderFor(operation.name, client), params ?? emptyParams(), options ?? {});
}

/** Binds an operation whose trait names no `items`: pages, PageSize, StartingToken and resume tokens only. */
export function createPagesPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  PageSize extends keyof Input & string = never,
>(
  operation: PagesOperation<Input, Output, InputToken, OutputToken, PageSize>,
): PaginatePages<Input, Output, InputToken, PageSize> {
  const op = pageOperation<Input, Output, InputToken, never, PageSize>(operation);
  return (client, ...[params, options]) =>
    new PageIterator(op, senderFor(operation.name, client), params ?? emptyParams(), options ?? {});
}

/** The run's view of a binding: the trait's paths as plain paths (their types were checked by the binding). */
export function pageOperation<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
>(operation: {
  name: string;
  inputToken: InputToken;
  outputToken: Path;
  items?: Path;
  pageSize?: PageSize;
  inputMembers?: readonly string[];
  statusCodeMember?: string;
  outputHeaders?: (response: ResponseHeaders) => Record<string, unknown>;
  parse(json: unknown, options?: ValidatorOptions): Output;
  assert(value: unknown, options?: ValidatorOptions): asserts value is Output;
}): PageOperation<Input, Output, InputToken, Items, PageSize> {
  return operation as PageOperation<Input, Output, InputToken, Items, PageSize>;
}

function emptyParams<Params>(): Params {
  // Reached only when params were left out, which ParamsArgs allows only if `{}` is a valid Params.
  return {} as Params;
}

/** Resolves the transport when the paginator is created, so that a wrong one is a TypeError before any request. */
function senderFor<Request>(name: string, client: PaginatorClient<Request>): PageSender<Request> {
  if (typeof client === "function") return { form: "model", send: client };
  if (isWireTransport<Request>(client)) return { form: "wire", send: client.wire };
  const sdkHint =
    typeof client === "object" && client !== null && "send" in client && "config" in client
      ? ` (for an AWS SDK client, import paginate${name} from "@dx/paginator/sdk")`
      : "";
  throw new TypeError(
    `paginate${name}: expected a function from request to response, or wireTransport(fn); got ${describeValue(client)}${sdkHint}`,
  );
}

function isWireTransport<Request>(value: unknown): value is WireTransport<Request> {
  return typeof value === "object" && value !== null && "wire" in value && typeof value.wire === "function";
}
