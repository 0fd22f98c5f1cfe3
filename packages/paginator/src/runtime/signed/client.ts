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
import { buildQueryString } from "@smithy/core/protocols";
import { SignatureV4 } from "@smithy/signature-v4";
import { describeValue } from "../describe.js";
import { partition } from "@aws-sdk/util-endpoints";
import type { ResponseMetadata } from "../types.js";
import { buildRequest, HOST_LABEL, type HttpBinding, hostPrefix } from "./binding.js";
import { DiscoveredEndpoints, discoveryKey } from "./discovery.js";
import {
  EndpointCache,
  type EndpointParamValue,
  type EndpointSettings,
  endpointParams,
  takesEndpoint,
} from "./endpoints.js";
import {
  EndpointResolutionError,
  retryAfter,
  serviceError,
  THROTTLING,
  TRANSIENT_CODES,
  TRANSIENT_STATUS,
} from "./errors.js";
import { fetchHandler, type HttpHandler, type HttpResponse, isHttpUrl, type SignedPlatform } from "./http.js";

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
   * The service's endpoint, as the AWS SDK's `endpoint`. Where the binding has the service's endpoint
   * rules, it is their `Endpoint` parameter (`SDK::Endpoint`), as in the SDKs: the rules answer it (most
   * with the URL as it is, signed for the client's region; with FIPS on, with their own error), and the
   * operation's host prefix goes before it unless `disableHostPrefix`. Without rules it is the whole host,
   * used as it is (no host prefix). Default: the rules' endpoint for the region and the settings below; without
   * rules `https://<hostPrefix><endpointPrefix>.<region>.<partition's domain>` (the partition's dual-stack
   * domain, `api.aws`, for a service with dual-stack endpoints only, as Aurora DSQL).
   */
  endpoint?: string | undefined;
  /**
   * Send to the service's FIPS endpoint (the SDKs' `useFipsEndpoint`, the rules' `AWS::UseFIPS`): the
   * rules give it (`dataexchange-fips.us-east-1.amazonaws.com`) or refuse with their own error where the
   * partition has none. Needs a binding generated with the service's endpoint rules. Default false.
   */
  useFipsEndpoint?: boolean | undefined;
  /**
   * Send to the service's dual-stack (IPv4 and IPv6) endpoint (the SDKs' `useDualstackEndpoint`, the
   * rules' `AWS::UseDualStack`: `dataexchange.us-east-1.api.aws`). Needs a binding generated with the
   * service's endpoint rules, or a service with dual-stack endpoints only. Default false.
   */
  useDualstackEndpoint?: boolean | undefined;
  /**
   * Do not put the operation's `smithy.api#endpoint` host prefix before the host (the SDKs'
   * `disableHostPrefix`), as for a local endpoint. Default false.
   */
  disableHostPrefix?: boolean | undefined;
  /**
   * Values of the rules' client context parameters (`smithy.rules#clientContextParams`), by parameter
   * name, as the SDKs take them from their client configuration; names the rules do not declare are ignored.
   */
  clientContextParams?: Readonly<Record<string, EndpointParamValue>> | undefined;
  /** The SigV4 service name; default the one the binding was generated with. */
  signingName?: string | undefined;
  /** Attempts per request, the first included (the SDKs' standard mode: 3). */
  maxAttempts?: number | undefined;
  /** Base of the exponential backoff in ms (standard mode: 100; throttling errors: 500). */
  retryBaseDelayMs?: number | undefined;
  /** Send with this `fetch` (default: the global `fetch`; on Node, `node:http`/`https`, unless `fetch` is given). */
  fetch?: typeof fetch | undefined;
}

/** A signing, retrying sender for one service endpoint; pass it to a binding of `@dx/paginator/signed`. */
export class SignedClient {
  readonly region: string;
  /** The region's partition's domain, as the SDKs find it: `amazonaws.com`, `amazonaws.com.cn` in China, … (bindings without rules) */
  private readonly dnsSuffix: string;
  /** Its dual-stack domain (`api.aws`, …), for the services with dual-stack endpoints only (bindings without rules). */
  private readonly dualStackDnsSuffix: string;
  private readonly options: SignedClientOptions;
  /** What the client's settings give the endpoint rules' builtIns and client context parameters. */
  private readonly settings: EndpointSettings;
  /** The rules' endpoints by parameter set: the next page of a paginator does not run the rules again. */
  private readonly endpoints = new EndpointCache();
  private readonly signers = new Map<string, SignatureV4>();
  private readonly handler: HttpHandler;
  private readonly sha256: NonNullable<SignedPlatform["sha256"]>;
  /** The SDKs' retry quota: retries spend it, successes refill it, so an outage does not multiply requests. */
  private quota = 500;
  /** Hosts found by endpoint discovery, for the operations a service serves only there. */
  private readonly discovered = new DiscoveredEndpoints();

  /** `platform`: how to send and hash (default `fetch` and `@aws-crypto/sha256-js`; `fetch` in `options` wins). */
  constructor(options: SignedClientOptions, platform: SignedPlatform = {}) {
    checkOptions(options);
    this.region = options.region;
    // The partition as the SDKs find it (`aws.partition` of @aws-sdk/util-endpoints), for bindings without rules.
    const { dnsSuffix, dualStackDnsSuffix } = partition(options.region);
    this.dnsSuffix = dnsSuffix;
    this.dualStackDnsSuffix = dualStackDnsSuffix;
    this.options = options;
    this.settings = {
      region: options.region,
      useFipsEndpoint: options.useFipsEndpoint === true,
      useDualstackEndpoint: options.useDualstackEndpoint === true,
      endpoint: options.endpoint,
      clientContextParams: options.clientContextParams,
    };
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
    const at = this.endpointOf(binding, input);
    const { signingName, signingRegion } = at;
    if (binding.auth !== "none" && this.options.credentials === undefined)
      throw new TypeError(`signedClient: credentials are required to sign requests to "${signingName}"`);
    const configured = new URL(at.url);
    // The input is checked before anything is sent, the discovery operation included.
    const request = buildRequest(binding, input, configured);
    for (const [name, value] of Object.entries(at.headers)) request.headers[name] ??= value;
    const discovery =
      binding.discovery !== undefined && this.options.endpoint === undefined
        ? discoveryKey(binding.discovery, signingName, at.url)
        : undefined;
    const base =
      discovery === undefined
        ? configured
        : new URL(
            await this.discovered.url(binding, discovery, async (describe) => {
              const { body } = (await this.send(describe, {}, signal)) as { body: unknown };
              return body;
            }),
          );
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
            : await this.signer(signingName).sign(
                {
                  method: request.method,
                  protocol: base.protocol,
                  hostname: base.hostname,
                  ...(base.port !== "" && { port: Number(base.port) }),
                  path: request.path,
                  query: request.query,
                  ...unsigned,
                  ...(request.body !== undefined && { body: request.body }),
                },
                { signingRegion },
              );
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
        const metadata: ResponseMetadata = {
          httpStatusCode: response.status,
          ...requestIdOf(response),
          attempts: attempt,
          totalRetryDelay,
        };
        if (response.status >= 200 && response.status < 300) {
          this.quota = Math.min(500, this.quota + 1);
          // The headers go along for the output members bound to them (the operation's `outputHeaders`).
          return { body: jsonBody(response), $metadata: metadata, headers: response };
        }
        const error = serviceError(response, response.body, metadata, binding);
        // The service no longer serves this operation at the discovered host: the next request discovers again.
        if (discovery !== undefined && error.name === binding.discovery?.error) this.discovered.forget(discovery);
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

  /**
   * Where a request of `binding` goes and how it is signed: the endpoint rules' answer for the client's
   * settings and the operation's parameters (cached per parameter set), the operation's host prefix
   * before its host, as the SDKs send it; without rules, `<hostPrefix><endpointPrefix>.<region>.<domain>`
   * or the client's endpoint as it is.
   */
  private endpointOf(
    binding: HttpBinding,
    input: Record<string, unknown>,
  ): { url: string; headers: Record<string, string>; signingName: string; signingRegion: string } {
    const custom = this.options.endpoint;
    const rules = binding.endpointRules;
    if (rules !== undefined && (custom === undefined || takesEndpoint(rules))) {
      const resolved = this.endpoints.resolve(
        rules,
        endpointParams(rules, binding.endpointParams, this.settings, input),
      );
      let url = resolved.url;
      if (binding.hostPrefix !== undefined && this.options.disableHostPrefix !== true) {
        const prefixed = new URL(url);
        prefixed.hostname = hostPrefix(binding.hostPrefix, input) + prefixed.hostname;
        url = prefixed.href;
      }
      return {
        url,
        headers: resolved.headers,
        signingName: this.options.signingName ?? resolved.signingName ?? binding.signingName,
        signingRegion: resolved.signingRegion ?? this.region,
      };
    }
    const signingName = this.options.signingName ?? binding.signingName;
    if (this.settings.useFipsEndpoint)
      throw new EndpointResolutionError(
        `useFipsEndpoint needs the service's endpoint rules (smithy.rules#endpointRuleSet), which the binding of "${signingName}" was generated without`,
      );
    if (this.settings.useDualstackEndpoint && binding.dualStackOnly !== true)
      throw new EndpointResolutionError(
        `useDualstackEndpoint needs the service's endpoint rules (smithy.rules#endpointRuleSet), which the binding of "${signingName}" was generated without`,
      );
    if (custom !== undefined) return { url: custom, headers: {}, signingName, signingRegion: this.region };
    const prefix = binding.endpointPrefix ?? signingName;
    const host = binding.hostPrefix === undefined ? "" : hostPrefix(binding.hostPrefix, input);
    const domain = binding.dualStackOnly === true ? this.dualStackDnsSuffix : this.dnsSuffix;
    return {
      url: `https://${host}${prefix}.${this.region}.${domain}`,
      headers: {},
      signingName,
      signingRegion: this.region,
    };
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

/** Options as plain JavaScript callers may give them: what would fail only at the first request is a TypeError now. */
function checkOptions(options: SignedClientOptions): void {
  const fail = (what: string, value: unknown): never => {
    throw new TypeError(`signedClient: ${what}, got ${describeValue(value)}`);
  };
  // As the SDKs check it: the region is part of the host name.
  if (typeof options?.region !== "string" || !HOST_LABEL.test(options.region))
    fail("region must be a host label (letters, digits, inner hyphens), as us-east-1", options?.region);
  const { credentials, endpoint, maxAttempts, retryBaseDelayMs, clientContextParams } = options;
  if (
    credentials !== undefined &&
    typeof credentials !== "function" &&
    (typeof credentials?.accessKeyId !== "string" || typeof credentials.secretAccessKey !== "string")
  )
    fail("credentials must be { accessKeyId, secretAccessKey } (strings) or a provider function", credentials);
  if (endpoint !== undefined && !isHttpUrl(endpoint)) fail("endpoint must be an http or https URL", endpoint);
  for (const flag of ["useFipsEndpoint", "useDualstackEndpoint", "disableHostPrefix"] as const)
    if (options[flag] !== undefined && typeof options[flag] !== "boolean")
      fail(`${flag} must be a boolean`, options[flag]);
  if (
    clientContextParams !== undefined &&
    (typeof clientContextParams !== "object" ||
      clientContextParams === null ||
      !Object.values(clientContextParams).every(
        (v) =>
          typeof v === "string" ||
          typeof v === "boolean" ||
          (Array.isArray(v) && v.every((s) => typeof s === "string")),
      ))
  )
    fail("clientContextParams must be an object of strings, booleans or lists of strings", clientContextParams);
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1))
    fail("maxAttempts must be an integer of at least 1", maxAttempts);
  if (retryBaseDelayMs !== undefined && !(Number.isFinite(retryBaseDelayMs) && retryBaseDelayMs >= 0))
    fail("retryBaseDelayMs must be a finite number of at least 0", retryBaseDelayMs);
}

/** A signing, retrying client for `@dx/paginator/signed`'s bindings. */
export function signedClient(options: SignedClientOptions): SignedClient {
  return new SignedClient(options);
}

/** The request ids of a response, as the SDKs put them in `$metadata`. */
function requestIdOf(response: HttpResponse): { requestId?: string; extendedRequestId?: string; cfId?: string } {
  // The headers the SDKs read it from, in their order (`@smithy/core`'s deserializeMetadata).
  const requestId =
    response.header("x-amzn-requestid") ?? response.header("x-amzn-request-id") ?? response.header("x-amz-request-id");
  const extended = response.header("x-amz-id-2");
  const cfId = response.header("x-amz-cf-id");
  return {
    ...(requestId !== undefined && { requestId }),
    ...(extended !== undefined && { extendedRequestId: extended }),
    ...(cfId !== undefined && { cfId }),
  };
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

/** A success's body as JSON: `{}` when empty (an output with no body members). */
function jsonBody(response: HttpResponse): unknown {
  if (response.json !== undefined) return response.json();
  return response.body === "" ? {} : JSON.parse(response.body);
}
