/**
 * The AWS SDK v3 adapter, imported only through `@dx/paginator/sdk` (whose generated bindings import the
 * service's SDK package): the SDK signs, retries and sends; dx reads the response body itself.
 *
 * For a 2xx response, the command's deserializer is replaced (on that command only) by one that returns
 * the body's wire JSON, so that the validators see members the SDK does not know (drift is reported in
 * tolerant mode, kept in the page, and refused in strict mode) and the SDK's own deserialization is not
 * paid for. Error responses still go through the SDK's deserializer: a service error reaches the caller
 * as the SDK's exception class, with the PageFailure members (`page`, `resumeToken`) added.
 */
import { describeValue } from "./describe.js";
import type { ResponseHeaders } from "./header-members.js";
import type { PagesOperation, PaginatedOperation, PaginateOver, PaginatePagesOver } from "./paginate.js";
import { pageOperation } from "./paginate.js";
import { PageIterator } from "./page-iterator.js";
import type { PageSender } from "./send.js";
import { decodeUtf8, type NodeReadableLike, streamText } from "./stream-text.js";
import type { PageRequest, PaginateParams, Path, ResponseMetadata } from "./types.js";

/** A page read through an SDK client: the operation's output, plus the SDK's response metadata (request id, attempts). */
export type SdkPage<Output> = Output & { $metadata: ResponseMetadata };

/** The signature of a generated `paginateX` of `@dx/paginator/sdk`: its first argument is the service's SDK client. */
export type SdkPaginate<
  Client,
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
> = PaginateOver<Client, Input, SdkPage<Output>, InputToken, Items, PageSize>;

/** The SDK twin of a page-only `paginateX` (a trait without items). */
export type SdkPaginatePages<
  Client,
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  PageSize extends keyof Input & string,
> = PaginatePagesOver<Client, Input, SdkPage<Output>, InputToken, PageSize>;

/** What the adapter uses of an SDK client and command (smithy-typescript's shapes, described without importing them). */
interface SdkClientLike {
  send(command: unknown, options: { abortSignal?: AbortSignal }): Promise<unknown>;
}
interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}
interface SerdeContextLike {
  streamCollector(body: unknown): Promise<Uint8Array>;
}
interface CommandLike {
  deserialize(response: HttpResponseLike, context: SerdeContextLike): Promise<unknown>;
}

/** Binds an operation to an SDK client class and the operation's command class. */
export function createSdkPaginator<
  Client extends object,
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PaginatedOperation<Input, Output, InputToken, OutputToken, Items, PageSize>,
  clientClass: abstract new (...args: never) => Client,
  commandClass: new (input: PageRequest<Input, InputToken, PageSize>) => object,
): SdkPaginate<Client, Input, Output, InputToken, Items, PageSize> {
  return sdkPaginator<Client, Input, Output, InputToken, Items, PageSize>(operation, clientClass, commandClass);
}

/** Binds an operation whose trait names no items to an SDK client class and its command class: pages only. */
export function createSdkPagesPaginator<
  Client extends object,
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PagesOperation<Input, Output, InputToken, OutputToken, PageSize>,
  clientClass: abstract new (...args: never) => Client,
  commandClass: new (input: PageRequest<Input, InputToken, PageSize>) => object,
): SdkPaginatePages<Client, Input, Output, InputToken, PageSize> {
  return sdkPaginator<Client, Input, Output, InputToken, never, PageSize>(operation, clientClass, commandClass);
}

function sdkPaginator<
  Client extends object,
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PagesOperation<Input, Output, InputToken, Path, PageSize> & { items?: Path },
  clientClass: abstract new (...args: never) => Client,
  commandClass: new (input: PageRequest<Input, InputToken, PageSize>) => object,
): SdkPaginate<Client, Input, Output, InputToken, Items, PageSize> {
  // The run adds $metadata to each page (an envelope sender): the pages are SdkPage<Output>.
  const op = pageOperation<Input, SdkPage<Output>, InputToken, Items, PageSize>(
    operation as unknown as Parameters<typeof pageOperation<Input, SdkPage<Output>, InputToken, Items, PageSize>>[0],
  );
  return (client, ...[params, options]) => {
    if (!(client instanceof clientClass)) {
      throw new TypeError(`paginate${operation.name}: expected a ${clientClass.name}, got ${describeValue(client)}`);
    }
    return new PageIterator(
      op,
      sdkSender(client as SdkClientLike, commandClass),
      params ?? ({} as PaginateParams<Input, InputToken, PageSize>),
      options ?? {},
    );
  };
}

function sdkSender<Request>(client: SdkClientLike, commandClass: new (input: Request) => object): PageSender<Request> {
  return {
    form: "wire",
    envelope: true,
    passErrors: true,
    send: (request, { signal }) => {
      const command = new commandClass(request) as CommandLike;
      const sdkDeserialize = command.deserialize;
      command.deserialize = async (response, context) => {
        if (response.statusCode < 200 || response.statusCode >= 300) return sdkDeserialize(response, context);
        const text = await bodyText(response.body, context);
        return {
          $metadata: metadataOf(response),
          body: text === "" ? {} : JSON.parse(text),
          headers: responseHeaders(response.headers),
          [WIRE]: true,
        };
      };
      return client.send(command, signal ? { abortSignal: signal } : {}).then((output) => {
        if (typeof output === "object" && output !== null && WIRE in output) return output;
        // An SDK whose commands do not go through `deserialize` (schema-based serde) deserialized the
        // page itself: take it in model form (the SDK has then dropped members it does not know).
        const { $metadata, ...page } = (output ?? {}) as { $metadata?: unknown };
        return { body: page, $metadata, form: "model" };
      });
    },
  };
}

/** The body as one string (see stream-text.ts): a Node stream (the SDK's node:http handler) read directly, others through the SDK's collector. */
function bodyText(body: unknown, context: SerdeContextLike): Promise<string> {
  const stream = body as NodeReadableLike | null;
  if (typeof stream?.on !== "function" || typeof stream.once !== "function" || stream.readableEnded !== false)
    return context.streamCollector(body).then(decodeUtf8);
  return streamText(stream);
}

/** The SDK response's headers as the operation's `outputHeaders` reads them (by lower-case name, as the SDK's deserializers do). */
function responseHeaders(headers: Record<string, string | undefined>): ResponseHeaders {
  let lower: Map<string, string> | undefined;
  const byName = (): Map<string, string> => {
    lower ??= new Map(
      Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name.toLowerCase(), value]])),
    );
    return lower;
  };
  return { header: (name) => byName().get(name), headerNames: () => byName().keys() };
}

/** Marks a response read by dx's deserializer (wire JSON), as opposed to one the SDK deserialized. */
const WIRE = Symbol("dx.wire");

/** The SDK's `deserializeMetadata` (the retry middleware adds `attempts` and `totalRetryDelay`). */
function metadataOf(response: HttpResponseLike): ResponseMetadata {
  const h = response.headers;
  const requestId = h["x-amzn-requestid"] ?? h["x-amzn-request-id"] ?? h["x-amz-request-id"];
  return {
    httpStatusCode: response.statusCode,
    ...(requestId !== undefined && { requestId }),
    ...(h["x-amz-id-2"] !== undefined && { extendedRequestId: h["x-amz-id-2"] }),
    ...(h["x-amz-cf-id"] !== undefined && { cfId: h["x-amz-cf-id"] }),
  };
}
