/**
 * The AWS SDK v3 adapter, imported only through `@dx/paginator/sdk` (whose generated bindings import the
 * service's SDK package): the SDK signs, retries and sends; dx reads the response body itself.
 *
 * For a 2xx response, dx reads the body's wire JSON itself, so that the validators see members the SDK
 * does not know (drift is reported in tolerant mode, kept in the page, and refused in strict mode) and
 * the SDK's own deserialization is not paid for: a middleware at the end of the command's deserialize
 * step reads the body and hands the SDK's deserializer `{}` (schema-based SDK versions, whose commands do
 * not deserialize through `command.deserialize`), and the command's deserializer is replaced (on that
 * command only) by one that returns the wire JSON (older SDK versions, and clients without a middleware
 * stack). Error responses still go through the SDK's deserializer: a service error reaches the caller
 * as the SDK's exception class, with the PageFailure members (`page`, `resumeToken`) added.
 */
import { describeValue } from "./describe.js";
import type { ResponseHeaders } from "./header-members.js";
import type { PagesOperation, PaginatedOperation, PaginateOver, PaginatePagesOver } from "./paginate.js";
import { pageOperation } from "./paginate.js";
import { PageIterator } from "./page-iterator.js";
import type { PageSender } from "./send.js";
import { type BodyBytes, bytesBody, type NodeReadableLike, streamBody } from "./stream-text.js";
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
  /** The resolved client config (real SDK clients): its stream collector reads bodies that are not Node streams. */
  config?: Partial<SerdeContextLike>;
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
  /** A real SDK command's own middleware stack (see `wireBodyReader`). */
  middlewareStack?: MiddlewareStackLike;
}
type DeserializeHandlerLike = (args: unknown) => Promise<{ response: unknown; output?: unknown }>;
interface MiddlewareStackLike {
  add(
    middleware: (next: DeserializeHandlerLike) => DeserializeHandlerLike,
    options: { step: "deserialize"; priority: "low"; name: string },
  ): void;
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
      const wire = wireBodyReader(client, command);
      const sdkDeserialize = command.deserialize;
      command.deserialize = async (response, context) => {
        if (!succeeded(response)) return sdkDeserialize(response, context);
        const body = take(wire)?.body ?? (await readBody(response.body, (stream) => context.streamCollector(stream)));
        return wirePage(body, response, metadataOf(response));
      };
      return client.send(command, signal ? { abortSignal: signal } : {}).then((output) => {
        if (typeof output === "object" && output !== null && WIRE in output) return output;
        const { $metadata, ...page } = (output ?? {}) as { $metadata?: unknown };
        // An SDK whose commands do not go through `deserialize` (schema-based serde): the body dx read
        // before the SDK's deserializer, with the SDK's metadata (retry counts included).
        const read = take(wire);
        if (read !== undefined)
          return wirePage(read.body, read.response, ($metadata ?? metadataOf(read.response)) as ResponseMetadata);
        // A client without a middleware stack that deserialized the page itself: take it in model form
        // (the SDK has then dropped members it does not know).
        return { body: page, $metadata, form: "model" };
      });
    },
  };
}

/**
 * The body the middleware read, handed over once: `wire` forgets it, since something of the SDK's keeps
 * a sent command (and so `wire`) alive a while, and a page's body kept with it brought on about four
 * times as many full GCs (61 against 16) in a process listing 15,000 jobs in pages of 25.
 */
function take(wire: WireBody): { body: BodyBytes; response: HttpResponseLike } | undefined {
  const { body, response } = wire;
  wire.body = undefined;
  wire.response = undefined;
  return body === undefined || response === undefined ? undefined : { body, response };
}

function succeeded(response: HttpResponseLike): boolean {
  return response.statusCode >= 200 && response.statusCode < 300;
}

function wirePage(body: BodyBytes, response: HttpResponseLike, $metadata: ResponseMetadata): object {
  return {
    $metadata,
    body: body.json(),
    headers: responseHeaders(response.headers),
    [WIRE]: true,
  };
}

/** A 2xx body read for dx before the SDK's deserializer, with its response (until taken). */
interface WireBody {
  body: BodyBytes | undefined;
  response: HttpResponseLike | undefined;
}

/** What the SDK's deserializer reads of a 2xx body dx has already read: an empty object, nothing of which is used. */
const emptyObject = (): Uint8Array => new Uint8Array([0x7b, 0x7d]);

/**
 * Reads a 2xx response body for dx before the SDK deserializes it, for SDK versions whose commands do
 * not deserialize through `command.deserialize` (schema-based serde: the client's protocol reads the
 * body, and keeps only members it knows, an unknown union member as `$unknown`). A middleware at the
 * end of the command's deserialize step (between the SDK's deserializer and the request handler) keeps
 * the body's bytes and the response, and hands the SDK's deserializer `{}` in its place. Error responses
 * are left to the SDK. Without a middleware stack (or a way to read the body) nothing is added.
 */
function wireBodyReader(client: SdkClientLike, command: CommandLike): WireBody {
  const wire: WireBody = { body: undefined, response: undefined };
  const stack = command.middlewareStack;
  if (typeof stack?.add !== "function") return wire;
  const config = client.config;
  const collect = typeof config?.streamCollector === "function" ? config.streamCollector.bind(config) : undefined;
  stack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as HttpResponseLike;
      if (typeof response?.statusCode !== "number" || !succeeded(response)) return result;
      if (!isNodeStream(response.body) && collect === undefined) return result;
      wire.body = await readBody(response.body, collect as SerdeContextLike["streamCollector"]); // a Node stream, or collect is set
      wire.response = response;
      response.body = emptyObject();
      return result;
    },
    { step: "deserialize", priority: "low", name: "dxWireBody" },
  );
  return wire;
}

/** A Node stream not yet read (the SDK's node:http handler's body). */
function isNodeStream(body: unknown): body is NodeReadableLike {
  const stream = body as NodeReadableLike | null;
  return typeof stream?.on === "function" && typeof stream.once === "function" && stream.readableEnded === false;
}

/** The body's bytes (see stream-text.ts): a Node stream read directly, others through the SDK's collector. */
function readBody(body: unknown, collect: SerdeContextLike["streamCollector"]): Promise<BodyBytes> {
  return isNodeStream(body) ? streamBody(body) : collect(body).then(bytesBody);
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
