/**
 * The lean signed transport, imported only through `@dx/paginator/signed`: no SDK client, for programs
 * that want speed and small bundles. It builds each request from the operation's HTTP binding
 * (restJson1, or awsJson1_0/1_1 POSTs with `X-Amz-Target`), signs it with SigV4
 * (`@smithy/signature-v4`, SHA-256 from `@aws-crypto/sha256-js`, so it runs in browsers too), sends it
 * with `fetch`, retries as the AWS SDKs' standard mode does, and hands the body's wire JSON to the
 * validators. Service errors become {@link ServiceError}s named by the service's error code.
 *
 * On Node, `@dx/paginator/signed` resolves to `signed.node.ts`, whose client sends with `node:http`/`https`
 * over keep-alive connections and hashes with `node:crypto` (the `platform` of {@link SignedClient}).
 */
import { Sha256 } from "@aws-crypto/sha256-js";
import { buildQueryString, escapeUri } from "@smithy/core/protocols";
import { SignatureV4 } from "@smithy/signature-v4";
import { describeValue } from "./describe.js";
import type { ResponseHeaders } from "./header-members.js";
import { setOwn } from "./members.js";
import { dnsSuffixOf } from "./partitions.js";
import type { PagesOperation, PaginatedOperation, PaginateOver, PaginatePagesOver } from "./paginate.js";
import { pageOperation } from "./paginate.js";
import { PageIterator } from "./page-iterator.js";
import type { PageSender } from "./send.js";
import { toBase64 } from "./token.js";
import type { PaginateParams, Path, ResponseMetadata } from "./types.js";

/** Credentials as the AWS SDK's identity interface has them (so `fromNodeProviderChain()` or static keys both work). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
}

export interface SignedClientOptions {
  region: string;
  /**
   * Static keys, or the SDK's provider interface (`() => Promise<credentials>`), called before each
   * signature. Required by every binding but those the model sends unsigned (`auth: "none"`, as the
   * SSO portal's ListAccounts, which carries a bearer token instead).
   */
  credentials?: AwsCredentials | (() => Promise<AwsCredentials>) | undefined;
  /**
   * Default `https://<hostPrefix><endpointPrefix>.<region>.<partition's domain>` (the binding's prefix, else
   * its signing name, after the operation's host prefix where the model gives one, as MWAA's
   * `api.`). An endpoint given here is the whole host and is used as it is: no host prefix is added.
   */
  endpoint?: string | undefined;
  /** The SigV4 service name; default the one the binding was generated with. */
  signingName?: string | undefined;
  /** Attempts per request, the first included (the SDKs' standard mode: 3). */
  maxAttempts?: number | undefined;
  /** Base of the exponential backoff in ms (standard mode: 100; throttling errors: 500). */
  retryBaseDelayMs?: number | undefined;
  /** Send with this `fetch` (default: the global `fetch`; on Node, `node:http`/`https`, unless `fetch` is given). */
  fetch?: typeof fetch | undefined;
}

/** One HTTP request, signed, as a {@link HttpHandler} sends it. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Text, or bytes for an `@httpPayload` blob. */
  body?: string | Uint8Array | undefined;
  signal?: AbortSignal | undefined;
}

/** A response as the transport reads it: status, a header by its lower-case name, and the body decoded once as UTF-8. */
export interface HttpResponse {
  status: number;
  header(name: string): string | undefined;
  /** Every header's name, lower-case (for `@httpPrefixHeaders` output members; without it they are left out). */
  headerNames?(): Iterable<string>;
  body: string;
}

/** Sends one request; a network failure rejects with a TypeError (as `fetch` does), which is retried. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

/** What the signer hands to a checksum (smithy's `SourceData`). */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

/**
 * A SHA-256 (HMAC-SHA-256 when given a secret) in the shape `@smithy/signature-v4` asks for. Declared
 * here, not borrowed from smithy's types, so that a program compiling against this package needs no
 * Node types (smithy's reference `node:stream` and `Buffer`).
 */
export interface Sha256Constructor {
  new (secret?: SourceData): { update(data: SourceData): void; digest(): Promise<Uint8Array> };
}

/** What differs between platforms: how requests are sent, and the SHA-256 the signer uses. */
export interface SignedPlatform {
  handler?: HttpHandler | undefined;
  sha256?: Sha256Constructor | undefined;
}

/** Sends with `fetch` (browsers, Deno, Bun, and Node when asked to). */
export function fetchHandler(doFetch?: typeof fetch): HttpHandler {
  return async (request) => {
    // The global one is looked up at each request, as a call to `fetch` would.
    const response = await (doFetch ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      // Bytes are always a Uint8Array of their own ArrayBuffer here (payloadBody copies them).
      ...(request.body !== undefined && { body: request.body as NonNullable<RequestInit["body"]> }),
      ...(request.signal !== undefined && { signal: request.signal }),
    });
    const body = await response.text();
    return {
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      headerNames: () => {
        const names: string[] = [];
        response.headers.forEach((_, name) => names.push(name));
        return names;
      },
      body,
    };
  };
}

/** An error response of the service: `name` is its error code (`ResourceNotFoundException`), as with the SDK. */
export class ServiceError extends Error {
  override readonly name: string;
  readonly $fault: "client" | "server";
  readonly $metadata: ResponseMetadata;
  readonly $retryable: boolean;
  /**
   * The error body's other members (a modeled exception's, as `ResourceId`), under their wire names; and
   * under their member names those the model binds elsewhere (a header, as Lambda's `retryAfterSeconds`,
   * or another `@jsonName`), as the SDKs' exceptions carry them.
   */
  readonly [member: string]: unknown;
  /**
   * An awsQuery-compatible service's (SQS's) awsQuery error code, from the `x-amzn-query-error`
   * header (`AWS.SimpleQueueService.NonExistentQueue` where `name` is `QueueDoesNotExist`), as the
   * AWS SDK for JavaScript v3 sets it. Absent for other services, or when the header is.
   */
  readonly Code?: string;
  /** The awsQuery fault type of the same header: `Sender` or `Receiver`. */
  readonly Type?: string;
  constructor(
    code: string,
    message: string,
    status: number,
    metadata: ResponseMetadata,
    retryable: boolean,
    query?: { code: string; type: string },
  ) {
    super(message);
    this.name = code;
    this.$fault = status >= 500 ? "server" : "client";
    this.$metadata = metadata;
    this.$retryable = retryable;
    if (query !== undefined) {
      this.Code = query.code;
      this.Type = query.type;
    }
  }
}

/** A timestamp's wire format (Smithy's `timestampFormat`). */
export type TimestampFormat = "date-time" | "http-date" | "epoch-seconds";

/** How an operation's input travels, generated from the IR's HTTP bindings. */
export interface HttpBinding {
  protocol: "restJson1" | "awsJson1_0" | "awsJson1_1";
  /** The SigV4 service name (the model's `aws.auth#sigv4` name). */
  signingName: string;
  /** The default host's first label where it is not the signing name (`aws.api#service` endpointPrefix). */
  endpointPrefix?: string;
  /**
   * The operation's `smithy.api#endpoint` hostPrefix, put before the default host (`api.` makes
   * `api.airflow.<region>.amazonaws.com`); `{Member}` is filled with that input member's value, which
   * must be a DNS label. Not applied to an `endpoint` given in the client's options.
   */
  hostPrefix?: string;
  /**
   * The operation is served only at a host that the service's discovery operation names
   * (`aws.api#clientDiscoveredEndpoint` required: Timestream sends each account to its cell, and its
   * regional host answers nothing but the discovery operation). See {@link EndpointDiscovery}.
   */
  discovery?: EndpointDiscovery;
  /**
   * Input members with `@idempotencyToken`: one the caller leaves out (or null) is filled with a fresh
   * UUID (v4) for each request, as the AWS SDKs fill it; the retries of a request send the same one.
   */
  idempotencyTokens?: readonly string[];
  /**
   * `"none"`: the operation's `smithy.api#auth` names no SigV4 (Smithy's noAuth), so the request is
   * sent without a signature and needs no credentials. Absent, it is signed with SigV4.
   */
  auth?: "none";
  method: string;
  /** restJson1: the URI pattern with `{Label}` placeholders; awsJson: "/". */
  uri: string;
  /** awsJson: the `X-Amz-Target` value (`Service.Operation`). */
  target?: string;
  /**
   * awsJson1_0 service with `aws.protocols#awsQueryCompatible` (SQS): requests carry
   * `x-amzn-query-mode: true`, and an error's `x-amzn-query-error` (`Code;Type`) sets the
   * ServiceError's `Code` and `Type`.
   */
  queryCompatible?: boolean;
  /**
   * Input member name to where it goes: `["query", name]`, `["header", name]`, `["label", name]` or
   * `["body", jsonName]`; a timestamp bound outside the body carries its wire format (the member's
   * `timestampFormat`, else the protocol's default there: date-time in query and labels, http-date in headers).
   */
  members: Record<string, MemberBinding>;
  /**
   * restJson1: the members of the operation's errors a ServiceError also gets under their member names
   * (bound to headers, or another `@jsonName` in the body; `errorMembers(...)` of header-members.ts,
   * imported only by the bindings that have such errors).
   */
  errors?: (code: string, body: Record<string, unknown>, response: ResponseHeaders) => Record<string, unknown>;
  /**
   * The input's JSON body from its model form (the validators' `serializeXRequest`): body members under
   * their JSON names, timestamps in their formats (epoch-seconds by default, on both protocols), blobs
   * as base64, at any depth; members bound elsewhere left out. Without it, body members are written as
   * they are, top-level Dates as epoch seconds and byte arrays as base64.
   */
  serialize?: (input: never) => unknown;
}

/**
 * How a client finds the host of an operation with a discovered endpoint, as the AWS SDKs do: before
 * the first such request it sends the service's discovery operation (Timestream's `DescribeEndpoints`,
 * an empty input) to the regional host, signed as the operation is, and sends to the first endpoint of
 * the answer's `Endpoints` (`Address`, a host name) until its `CachePeriodInMinutes` runs out. One
 * discovery serves every operation of the client that needs it; requests made meanwhile wait for it.
 * The error named `error` (the service's "this host is no longer valid") drops the host, so the next
 * request discovers again. An `endpoint` given in the client's options is used as it is, with no
 * discovery, as the SDKs use a custom endpoint.
 */
export interface EndpointDiscovery {
  /** awsJson: the discovery operation's `X-Amz-Target` (sent as a POST to "/"). */
  target?: string;
  /** restJson1: the discovery operation's method and URI. */
  method?: string;
  uri?: string;
  /** The error code that drops the discovered host (Timestream's `InvalidEndpointException`). */
  error?: string;
}

/** The discovery operation's answer has no usable endpoint: no request of the operation was sent. */
export class EndpointDiscoveryError extends Error {
  override readonly name = "EndpointDiscoveryError";
}

/**
 * Where an input member goes (restJson1's HTTP bindings; awsJson sends every member in the body):
 * - `query`, `header`, `label`: by that name, a timestamp in the given format;
 * - `queryParams` (`@httpQueryParams`): each entry of the map a query parameter, unless a `query`
 *   member names it; `prefixHeaders` (`@httpPrefixHeaders`): each entry a header, the prefix before it;
 * - `payload` (`@httpPayload`): the whole body, as JSON, text or bytes;
 * - `body`: a member of the JSON body, by its JSON name.
 */
export type MemberBinding =
  | readonly [location: "query" | "header" | "label", name: string, timestampFormat?: TimestampFormat]
  | readonly [location: "queryParams", name: string]
  | readonly [location: "prefixHeaders", prefix: string]
  | readonly [location: "payload", jsonName: string, kind: "json" | "text" | "bytes"]
  | readonly [location: "body", jsonName: string];

/** A signing, retrying sender for one service endpoint; pass it to a binding of `@dx/paginator/signed`. */
export class SignedClient {
  readonly region: string;
  /** The region's partition's domain, as the SDKs find it: `amazonaws.com`, `amazonaws.com.cn` in China, … */
  private readonly dnsSuffix: string;
  private readonly options: SignedClientOptions;
  private readonly signers = new Map<string, SignatureV4>();
  private readonly handler: HttpHandler;
  private readonly sha256: NonNullable<SignedPlatform["sha256"]>;
  /** The SDKs' retry quota: retries spend it, successes refill it, so an outage does not multiply requests. */
  private quota = 500;
  /** Discovered hosts by discovery request: the answer (pending while it is sent), and when it expires once known. */
  private readonly discovered = new Map<string, { found: Promise<Discovered>; expires?: number }>();

  /** `platform`: how to send and hash (default `fetch` and `@aws-crypto/sha256-js`; `fetch` in `options` wins). */
  constructor(options: SignedClientOptions, platform: SignedPlatform = {}) {
    checkOptions(options);
    this.region = options.region;
    this.dnsSuffix = dnsSuffixOf(options.region);
    this.options = options;
    this.handler = options.fetch !== undefined ? fetchHandler(options.fetch) : (platform.handler ?? fetchHandler());
    this.sha256 = platform.sha256 ?? Sha256;
  }

  /**
   * Sends one operation request: resolves to `{ body, $metadata, headers }` (body: the wire JSON; headers:
   * the response's, for members bound to them), or throws a ServiceError.
   */
  async send(binding: HttpBinding, params: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    // One token per request, made before the retries: each attempt carries the same one.
    let input = params;
    for (const member of binding.idempotencyTokens ?? [])
      if (input[member] == null) input = { ...input, [member]: idempotencyToken() };
    const signingName = this.options.signingName ?? binding.signingName;
    if (binding.auth !== "none" && this.options.credentials === undefined)
      throw new TypeError(`signedClient: credentials are required to sign requests to "${signingName}"`);
    const prefix = binding.endpointPrefix ?? signingName;
    const host = binding.hostPrefix === undefined ? "" : hostPrefix(binding.hostPrefix, input);
    const regional = `https://${host}${prefix}.${this.region}.${this.dnsSuffix}`;
    // The input is checked before anything is sent, the discovery operation included.
    const request = buildRequest(binding, input, new URL(this.options.endpoint ?? regional));
    const discovery =
      binding.discovery !== undefined && this.options.endpoint === undefined
        ? this.discoveryKey(binding.discovery, signingName, regional)
        : undefined;
    const base =
      discovery === undefined
        ? new URL(this.options.endpoint ?? regional)
        : new URL((await this.discover(binding, discovery, signal)).url);
    const maxAttempts = this.options.maxAttempts ?? 3;
    const baseDelay = this.options.retryBaseDelayMs ?? 100;
    let totalRetryDelay = 0;
    for (let attempt = 1; ; attempt++) {
      let failure: { error: unknown; retryable: boolean; throttling: boolean; after?: number | undefined };
      try {
        const unsigned: { headers: Record<string, string> } = { headers: { ...request.headers, host: base.host } };
        const signed =
          binding.auth === "none"
            ? unsigned
            : await this.signer(signingName).sign({
                method: request.method,
                protocol: base.protocol,
                hostname: base.hostname,
                ...(base.port !== "" && { port: Number(base.port) }),
                path: request.path,
                query: request.query,
                ...unsigned,
                ...(request.body !== undefined && { body: request.body }),
              });
        // The SDKs' own query string: RFC 3986 escapes (a space is %20, never "+"), keys sorted.
        const qs = buildQueryString(request.query);
        const headers = { ...signed.headers };
        delete headers["host"]; // the handler sets it (fetch refuses to be told)
        const response = await this.handler({
          method: request.method,
          url: `${base.origin}${request.path}${qs ? `?${qs}` : ""}`,
          headers,
          body: request.body,
          signal,
        });
        const text = response.body;
        const metadata: ResponseMetadata = {
          httpStatusCode: response.status,
          ...requestIdOf(response),
          attempts: attempt,
          totalRetryDelay,
        };
        if (response.status >= 200 && response.status < 300) {
          this.quota = Math.min(500, this.quota + 1);
          // The headers go along for the output members bound to them (the operation's `outputHeaders`).
          return { body: text === "" ? {} : JSON.parse(text), $metadata: metadata, headers: response };
        }
        const error = serviceError(response, text, metadata, binding);
        // The service no longer serves this operation at the discovered host: the next request discovers again.
        if (discovery !== undefined && error.name === binding.discovery?.error) this.discovered.delete(discovery);
        const throttling = response.status === 429 || THROTTLING.has(error.name);
        failure = {
          error,
          retryable: throttling || TRANSIENT_STATUS.has(response.status) || TRANSIENT_CODES.has(error.name),
          throttling,
          after: retryAfter(response.header("retry-after")),
        };
      } catch (error) {
        if (signal?.aborted || error instanceof SyntaxError) throw error;
        failure = { error, retryable: error instanceof TypeError, throttling: false }; // fetch's network failures are TypeErrors
      }
      const cost = 5;
      if (!failure.retryable || attempt >= maxAttempts || this.quota < cost) throw failure.error;
      this.quota -= cost;
      // Full jitter, as the SDKs' standard mode: random in [0, base·2^attempt), at most 20 s; Retry-After wins when given.
      const delay =
        failure.after ?? Math.min(20_000, Math.random() * 2 ** (attempt - 1) * (failure.throttling ? 500 : baseDelay));
      totalRetryDelay += delay;
      await sleep(delay, signal);
    }
  }

  private discoveryKey(discovery: EndpointDiscovery, signingName: string, regional: string): string {
    return `${signingName} ${regional} ${discovery.target ?? `${discovery.method} ${discovery.uri}`}`;
  }

  /** The host discovered for `binding` (see {@link EndpointDiscovery}): cached, else asked for once. */
  private discover(binding: HttpBinding, key: string, signal: AbortSignal | undefined): Promise<Discovered> {
    const cached = this.discovered.get(key);
    if (cached !== undefined && (cached.expires === undefined || cached.expires > Date.now())) return cached.found;
    const entry: { found: Promise<Discovered>; expires?: number } = {
      found: this.describeEndpoints(binding, signal),
    };
    this.discovered.set(key, entry);
    entry.found.then(
      (found) => {
        entry.expires = found.expires;
      },
      () => {
        // A failed discovery is not kept: the next request asks again.
        if (this.discovered.get(key) === entry) this.discovered.delete(key);
      },
    );
    return entry.found;
  }

  private async describeEndpoints(binding: HttpBinding, signal: AbortSignal | undefined): Promise<Discovered> {
    const { target, method = "POST", uri = "/" } = binding.discovery as EndpointDiscovery;
    // The discovery operation: its input is empty; the regional host, the signature and the retries are the operation's.
    const describe: HttpBinding = {
      protocol: binding.protocol,
      signingName: binding.signingName,
      ...(binding.endpointPrefix !== undefined && { endpointPrefix: binding.endpointPrefix }),
      ...(binding.auth !== undefined && { auth: binding.auth }),
      ...(binding.queryCompatible !== undefined && { queryCompatible: binding.queryCompatible }),
      method,
      uri,
      ...(target !== undefined && { target }),
      members: {},
    };
    const { body } = (await this.send(describe, {}, signal)) as { body: unknown };
    const what = target ?? `${method} ${uri}`;
    const endpoints = (body as { Endpoints?: unknown } | null)?.Endpoints;
    const first = Array.isArray(endpoints) ? (endpoints[0] as Record<string, unknown> | undefined) : undefined;
    const address = first?.["Address"];
    if (typeof address !== "string" || address === "")
      throw new EndpointDiscoveryError(
        `signedClient: the endpoint discovery (${what}) answered no endpoint: ${
          !Array.isArray(endpoints)
            ? `Endpoints is ${describeValue(endpoints)}`
            : endpoints.length === 0
              ? "Endpoints is empty"
              : `the first endpoint's Address is ${describeValue(address)}`
        }`,
      );
    const url = /^https?:\/\//i.test(address) ? address : `https://${address}`;
    if (!isHttpUrl(url))
      throw new EndpointDiscoveryError(
        `signedClient: the endpoint discovery (${what}) answered an Address that is not a host, got ${describeValue(address)}`,
      );
    const minutes = first?.["CachePeriodInMinutes"];
    return { url, expires: Date.now() + (typeof minutes === "number" && minutes > 0 ? minutes * 60_000 : 0) };
  }

  private signer(service: string): SignatureV4 {
    let signer = this.signers.get(service);
    if (signer === undefined) {
      const credentials = this.options.credentials as NonNullable<SignedClientOptions["credentials"]>;
      signer = new SignatureV4({
        service,
        region: this.region,
        sha256: this.sha256,
        credentials: async () => {
          const c = typeof credentials === "function" ? await credentials() : credentials;
          return {
            accessKeyId: c.accessKeyId,
            secretAccessKey: c.secretAccessKey,
            ...(c.sessionToken !== undefined && { sessionToken: c.sessionToken }),
          };
        },
      });
      this.signers.set(service, signer);
    }
    return signer;
  }
}

/** A random UUID (v4), as the AWS SDKs make idempotency tokens; `getRandomValues` where `randomUUID` is missing (insecure browser contexts). */
function idempotencyToken(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto.randomUUID === "function") return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A discovered endpoint: its URL, and when it expires (ms since the epoch). */
interface Discovered {
  url: string;
  expires: number;
}

/**
 * An operation's host prefix with its `{Member}` labels filled from the input, as the SDKs fill
 * `@hostLabel`s: each value must be a DNS label (letters, digits and inner hyphens, at most 63), or
 * the request is refused before it is sent (a TypeError, outside the retries).
 */
function hostPrefix(template: string, input: Record<string, unknown>): string {
  return template.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const value = input[name];
    if (typeof value !== "string" || !HOST_LABEL.test(value))
      throw new TypeError(
        `signedClient: ${name} must be a host label (letters, digits, inner hyphens), got ${describeValue(value)}`,
      );
    return value;
  });
}

/** One label of a host name: letters, digits and inner hyphens, at most 63. */
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Options as plain JavaScript callers may give them: what would fail only at the first request is a TypeError now. */
function checkOptions(options: SignedClientOptions): void {
  const fail = (what: string, value: unknown): never => {
    throw new TypeError(`signedClient: ${what}, got ${describeValue(value)}`);
  };
  // As the SDKs check it: the region is part of the host name.
  if (typeof options?.region !== "string" || !HOST_LABEL.test(options.region))
    fail("region must be a host label (letters, digits, inner hyphens), as us-east-1", options?.region);
  const { credentials, endpoint, maxAttempts, retryBaseDelayMs } = options;
  if (
    credentials !== undefined &&
    typeof credentials !== "function" &&
    (typeof credentials?.accessKeyId !== "string" || typeof credentials.secretAccessKey !== "string")
  )
    fail("credentials must be { accessKeyId, secretAccessKey } (strings) or a provider function", credentials);
  if (endpoint !== undefined && !isHttpUrl(endpoint)) fail("endpoint must be an http or https URL", endpoint);
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1))
    fail("maxAttempts must be an integer of at least 1", maxAttempts);
  if (retryBaseDelayMs !== undefined && !(Number.isFinite(retryBaseDelayMs) && retryBaseDelayMs >= 0))
    fail("retryBaseDelayMs must be a finite number of at least 0", retryBaseDelayMs);
}

/** An absolute http(s) URL (`localhost:8080` parses as a URL of scheme "localhost:"). */
function isHttpUrl(text: unknown): boolean {
  try {
    return typeof text === "string" && /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** A signing, retrying client for `@dx/paginator/signed`'s bindings. */
export function signedClient(options: SignedClientOptions): SignedClient {
  return new SignedClient(options);
}

const TRANSIENT_STATUS: ReadonlySet<number> = new Set([500, 502, 503, 504]);
const TRANSIENT_CODES: ReadonlySet<string> = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const THROTTLING: ReadonlySet<string> = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "PriorRequestNotComplete",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "TransactionInProgressException",
  "EC2ThrottledException",
]);

interface BuiltRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** The HTTP request for `input`, as the protocol binds it. */
export function buildRequest(binding: HttpBinding, input: Record<string, unknown>, base: URL): BuiltRequest {
  const query: Record<string, string | string[]> = {};
  const headers: Record<string, string> = {};
  let body: Record<string, unknown> = {};
  const basePath = base.pathname.replace(/\/$/, "");
  let [path, fixedQuery] = binding.uri.split("?", 2) as [string, string | undefined];
  const queryMaps: object[] = [];
  let payload: { value: unknown; kind: "json" | "text" | "bytes" } | undefined;
  // As the SDKs refuse it before sending: a URI label with no value, or an empty one, would send another path.
  for (const [member, at] of Object.entries(binding.members))
    if (at[0] === "label" && (input[member] == null || text(input[member], at[2] ?? "date-time") === ""))
      throw new TypeError(
        `signedClient: ${member} fills the label {${at[1]}} of ${binding.uri} and must not be ${input[member] == null ? "missing" : "empty"}, got ${describeValue(input[member])}`,
      );
  for (const [member, value] of Object.entries(input)) {
    // null is no value, as in the SDKs' serializers (a query or header member is left out).
    if (value == null) continue;
    const at = binding.members[member] ?? (["body", member] as const);
    const format = at[0] === "query" || at[0] === "header" || at[0] === "label" ? at[2] : undefined;
    const one = (v: unknown): string => text(v, format ?? (at[0] === "header" ? "http-date" : "date-time"));
    if (at[0] === "query") query[at[1]] = Array.isArray(value) ? value.map(one) : one(value);
    else if (at[0] === "header")
      headers[at[1].toLowerCase()] = Array.isArray(value) ? value.map(one).join(", ") : one(value);
    else if (at[0] === "label") {
      path = path.replace(new RegExp(`\\{${at[1]}(\\+?)\\}`), (_, greedy: string) =>
        greedy ? one(value).split("/").map(escapeUri).join("/") : escapeUri(one(value)),
      );
    } else if (at[0] === "queryParams" && typeof value === "object" && value !== null) queryMaps.push(value);
    else if (at[0] === "prefixHeaders" && typeof value === "object" && value !== null) {
      for (const [key, v] of Object.entries(value)) if (v != null) setOwn(headers, (at[1] + key).toLowerCase(), one(v));
    } else if (at[0] === "payload") payload = { value, kind: at[2] };
    else if (binding.serialize === undefined) body[at[1]] = bodyValue(value);
  }
  // Smithy: a member bound by @httpQuery wins over an entry of the @httpQueryParams map of the same name.
  for (const map of queryMaps)
    for (const [key, v] of Object.entries(map))
      if (v != null && !Object.hasOwn(query, key))
        setOwn(query, key, Array.isArray(v) ? v.map((one) => text(one, "date-time")) : text(v, "date-time"));
  if (binding.serialize !== undefined) {
    const serialized = (binding.serialize as (input: Record<string, unknown>) => unknown)(input);
    if (typeof serialized === "object" && serialized !== null) body = serialized as Record<string, unknown>;
  }
  for (const pair of fixedQuery?.split("&") ?? []) {
    const [k, v = ""] = pair.split("=");
    if (k) query[k] = v;
  }
  if (binding.protocol === "restJson1") {
    if (payload !== undefined) {
      // The payload member is the whole body: the validators' serializer gives a JSON payload's wire form.
      const sent = payloadBody(payload, binding.serialize === undefined ? undefined : body);
      return {
        method: binding.method,
        path: basePath + path,
        query,
        headers: { ...sent.headers, ...headers },
        body: sent.body,
      };
    }
    const hasBody = Object.keys(body).length > 0;
    return {
      method: binding.method,
      path: basePath + path,
      query,
      headers: hasBody ? { ...headers, "content-type": "application/json" } : headers,
      ...(hasBody && { body: JSON.stringify(body) }),
    };
  }
  return {
    method: "POST",
    path: basePath || "/",
    query,
    headers: {
      ...headers,
      "content-type": `application/x-amz-json-${binding.protocol === "awsJson1_0" ? "1.0" : "1.1"}`,
      "x-amz-target": binding.target ?? "",
      ...(binding.queryCompatible === true && { "x-amzn-query-mode": "true" }),
    },
    body: JSON.stringify(body),
  };
}

/** An `@httpPayload` member as the request's body, with its content type (a header member may give another). */
function payloadBody(
  payload: { value: unknown; kind: "json" | "text" | "bytes" },
  serialized: unknown,
): { body: string | Uint8Array; headers: Record<string, string> } {
  if (payload.kind === "bytes") {
    const bytes = typeof payload.value === "string" ? new TextEncoder().encode(payload.value) : payload.value;
    if (!(bytes instanceof Uint8Array))
      throw new TypeError(
        `signedClient: a blob payload must be a Uint8Array or a string, got ${describeValue(payload.value)}`,
      );
    // A copy: the request's own bytes, on an ArrayBuffer as fetch asks.
    return { body: new Uint8Array(bytes), headers: { "content-type": "application/octet-stream" } };
  }
  if (payload.kind === "text") return { body: String(payload.value), headers: { "content-type": "text/plain" } };
  return {
    body: JSON.stringify(serialized ?? bodyValue(payload.value)),
    headers: { "content-type": "application/json" },
  };
}

/** A query, header or label value: timestamps in `format`, blobs as base64. */
function text(value: unknown, format: TimestampFormat): string {
  if (value instanceof Date) {
    if (format === "http-date") return value.toUTCString();
    if (format === "epoch-seconds") return String(value.getTime() / 1000);
    return value.toISOString().replace(/\.000Z$/, "Z");
  }
  if (value instanceof Uint8Array) return toBase64(value);
  return String(value);
}

/** A body member without the validators' serializer: a Date as epoch seconds (both protocols' default), bytes as base64. */
function bodyValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return toBase64(value);
  return value;
}

function requestIdOf(response: HttpResponse): { requestId?: string; extendedRequestId?: string; cfId?: string } {
  const requestId = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id");
  const extended = response.header("x-amz-id-2");
  const cfId = response.header("x-amz-cf-id");
  return {
    ...(requestId !== undefined && { requestId }),
    ...(extended !== undefined && { extendedRequestId: extended }),
    ...(cfId !== undefined && { cfId }),
  };
}

/** The error code and message of an error response, as the SDKs read them (header, then `__type`/`code` in the body). */
function serviceError(
  response: HttpResponse,
  text: string,
  metadata: ResponseMetadata,
  binding: HttpBinding,
): ServiceError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === "" ? {} : JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: the status names the error
  }
  const raw =
    response.header("x-amzn-errortype") ??
    (typeof body["__type"] === "string" ? body["__type"] : undefined) ??
    (typeof body["code"] === "string" ? body["code"] : undefined) ??
    `Http${response.status}Error`;
  // "aws.protocoltests#FooError:http://..." and "ns#FooError" both name FooError.
  const code = (raw.split(":")[0] ?? raw).split("#").pop() ?? raw;
  const message = body["Message"] ?? body["message"] ?? body["errorMessage"] ?? `HTTP ${response.status}`;
  const status = response.status;
  // awsQueryCompatible: "AWS.SimpleQueueService.NonExistentQueue;Sender" (Smithy's protocol tests: code;type).
  const header = binding.queryCompatible === true ? response.header("x-amzn-query-error") : undefined;
  const split = header === undefined ? -1 : header.indexOf(";");
  const query =
    header !== undefined && split > 0 ? { code: header.slice(0, split), type: header.slice(split + 1) } : undefined;
  const retryable = TRANSIENT_STATUS.has(status) || status === 429;
  const error = new ServiceError(code, String(message), status, metadata, retryable, query);
  // The body's other members on the error, as the SDKs put a modeled exception's members on it
  // (`e.ResourceId`): under their wire names, never over what the error already has.
  for (const [key, value] of Object.entries(body))
    if (value !== undefined && !ERROR_ENVELOPE.has(key) && !(key in error)) setOwn(error, key, value);
  // And under their member names where the model binds them elsewhere (headers, another @jsonName).
  for (const [key, value] of Object.entries(binding.errors?.(code, body, response) ?? {}))
    if (!(key in error)) setOwn(error, key, value);
  return error;
}

/** Members of an error body that name the error or carry its message, already read into `name` and `message`. */
const ERROR_ENVELOPE: ReadonlySet<string> = new Set(["__type", "code", "message", "Message", "errorMessage"]);

function retryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(20_000, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.min(20_000, Math.max(0, date - Date.now()));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The signature of a generated `paginateX` of `@dx/paginator/signed`. */
export type SignedPaginate<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
> = PaginateOver<SignedClient, Input, Output & { $metadata: ResponseMetadata }, InputToken, Items, PageSize>;

export type SignedPaginatePages<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  PageSize extends keyof Input & string,
> = PaginatePagesOver<SignedClient, Input, Output & { $metadata: ResponseMetadata }, InputToken, PageSize>;

export function createSignedPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PaginatedOperation<Input, Output, InputToken, OutputToken, Items, PageSize>,
  binding: HttpBinding,
): SignedPaginate<Input, Output, InputToken, Items, PageSize> {
  return signedPaginator<Input, Output, InputToken, Items, PageSize>(operation, binding);
}

export function createSignedPagesPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PagesOperation<Input, Output, InputToken, OutputToken, PageSize>,
  binding: HttpBinding,
): SignedPaginatePages<Input, Output, InputToken, PageSize> {
  return signedPaginator<Input, Output, InputToken, never, PageSize>(operation, binding);
}

function signedPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PagesOperation<Input, Output, InputToken, Path, PageSize> & { items?: Path },
  binding: HttpBinding,
): SignedPaginate<Input, Output, InputToken, Items, PageSize> {
  type Page = Output & { $metadata: ResponseMetadata };
  // The run adds $metadata to each page (an envelope sender).
  const op = pageOperation<Input, Page, InputToken, Items, PageSize>(
    operation as unknown as Parameters<typeof pageOperation<Input, Page, InputToken, Items, PageSize>>[0],
  );
  return (client, ...[params, options]) => {
    if (!(client instanceof SignedClient))
      throw new TypeError(`paginate${operation.name}: expected a SignedClient (signedClient({ region, credentials }))`);
    const sender: PageSender<object> = {
      form: "wire",
      envelope: true,
      passErrors: true,
      send: (request, { signal }) => client.send(binding, request as Record<string, unknown>, signal),
    };
    return new PageIterator(op, sender, params ?? ({} as PaginateParams<Input, InputToken, PageSize>), options ?? {});
  };
}
