/**
 * The shared paginator runtime: botocore's `PageIterator` semantics (MaxItems truncation, resume tokens,
 * build_full_result, search) over any transport, for any operation described by a {@link PaginatedOperation}.
 * Generated bindings supply the operation; nothing here names one.
 */
import { PageIterator } from "./page-iterator.js";
import type { PageSender } from "./send.js";
import type {
  PageFunction,
  PageRequest,
  PaginateParams,
  PaginatorOptions,
  RequestContext,
  ItemsPath,
  Path,
  TokenPath,
  ValidatorOptions,
  WireTransport,
} from "./types.js";

/** A paginated operation: its `smithy.api#paginated` trait bound to types, validators and (optionally) an SDK sender. */
export interface PaginatedOperation<
  Input extends object,
  Output extends object,
  Client,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
> {
  /** The operation's name, for messages. */
  name: string;
  inputToken: InputToken;
  /** Path of the output token (one member, unless the trait names a nested one). */
  outputToken: TokenPath<Output, OutputToken>;
  /** Path of the items list. */
  items: ItemsPath<Output, Items>;
  pageSize?: PageSize;
  /** Validates a wire-form response and converts it to the model form. */
  parse(json: unknown, options?: ValidatorOptions): Output;
  /** Validates a model-form response. */
  assert(value: unknown, options?: ValidatorOptions): asserts value is Output;
  /** Sends one request through an SDK client; it resolves to a model-form response. */
  sdk?: (
    client: Client,
    request: PageRequest<Input, InputToken, PageSize>,
    context: RequestContext,
  ) => Promise<unknown>;
}

/** What a binding accepts as its first argument. */
export type PaginatorClient<Client, Request> = Client | PageFunction<Request> | WireTransport<Request>;

/** The signature of a generated `paginateX`. */
export type Paginate<
  Input extends object,
  Output extends object,
  Client,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
> = (
  client: PaginatorClient<Client, PageRequest<Input, InputToken, PageSize>>,
  ...args: ParamsArgs<PaginateParams<Input, InputToken, PageSize>>
) => PageIterator<Input, Output, InputToken, OutputToken, Items, PageSize>;

/** The params may be left out only when the operation has no required input member. */
export type ParamsArgs<Params> = {} extends Params
  ? [params?: Params, options?: PaginatorOptions]
  : [params: Params, options?: PaginatorOptions];

/** Binds an operation to the runtime; the result is the operation's `paginateX` function. */
export function createPaginator<
  Input extends object,
  Output extends object,
  Client,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string = never,
>(
  operation: PaginatedOperation<Input, Output, Client, InputToken, OutputToken, Items, PageSize>,
): Paginate<Input, Output, Client, InputToken, OutputToken, Items, PageSize> {
  return (client, ...[params, options]) =>
    new PageIterator(operation, senderFor(operation, client), params ?? emptyParams(), options ?? {});
}

function emptyParams<Params>(): Params {
  // Reached only when params were left out, which ParamsArgs allows only if `{}` is a valid Params.
  return {} as Params;
}

function senderFor<
  Input extends object,
  Output extends object,
  Client,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PaginatedOperation<Input, Output, Client, InputToken, OutputToken, Items, PageSize>,
  client: PaginatorClient<Client, PageRequest<Input, InputToken, PageSize>>,
): PageSender<PageRequest<Input, InputToken, PageSize>> {
  if (typeof client === "function")
    return { form: "model", send: client as PageFunction<PageRequest<Input, InputToken, PageSize>> };
  if (isWireTransport<PageRequest<Input, InputToken, PageSize>>(client)) return { form: "wire", send: client.wire };
  const sdk = operation.sdk;
  if (sdk === undefined || typeof client !== "object" || client === null || !("send" in client)) {
    throw new TypeError(
      `paginate${operation.name}: expected an SDK client, a function from request to response, or wireTransport(fn)`,
    );
  }
  return { form: "model", send: (request, context) => sdk(client, request, context) };
}

function isWireTransport<Request>(value: unknown): value is WireTransport<Request> {
  return typeof value === "object" && value !== null && "wire" in value && typeof value.wire === "function";
}
