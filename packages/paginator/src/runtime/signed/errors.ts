/** Error responses as the SDKs read them, and which of them the standard retry mode retries. */
import { setOwn } from "../members.js";
import type { ResponseMetadata } from "../types.js";
import type { HttpBinding } from "./binding.js";
import type { HttpResponse } from "./http.js";

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
   * AWS SDK for JavaScript v3 sets it. Absent for other services, or when the header is. Declared
   * only (no own property until set), so that an error's own `Code` member (or `Type`, as on 38 of
   * Lambda's errors) is not shadowed by an undefined field and reaches the error as with the SDK.
   */
  declare readonly Code?: string;
  /** The awsQuery fault type of the same header: `Sender` or `Receiver`. */
  declare readonly Type?: string;
  constructor(
    code: string,
    message: string,
    status: number,
    metadata: ResponseMetadata,
    retryable: boolean,
    query?: { code: string; type: string },
    fault?: "client" | "server",
  ) {
    super(message);
    this.name = code;
    // A modeled error's own fault (its @error trait), as the SDKs give it; else by the status.
    this.$fault = fault ?? (status >= 500 ? "server" : "client");
    this.$metadata = metadata;
    this.$retryable = retryable;
    if (query !== undefined) {
      this.Code = query.code;
      this.Type = query.type;
    }
  }
}

/** The discovery operation's answer has no usable endpoint: no request of the operation was sent. */
export class EndpointDiscoveryError extends Error {
  override readonly name = "EndpointDiscoveryError";
}

/**
 * The service's endpoint rules give no endpoint the client can send to, before any request: the rules'
 * own error (`Invalid Configuration: FIPS and custom endpoint are not supported`), a parameter they
 * require that is not set, or an endpoint signed only with a scheme other than SigV4 (`sigv4a`).
 */
export class EndpointResolutionError extends Error {
  override readonly name = "EndpointResolutionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(`signedClient: ${message}`, options);
  }
}

export const TRANSIENT_STATUS: ReadonlySet<number> = new Set([500, 502, 503, 504]);
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);
/** The error codes the SDKs' standard retry mode counts as throttling (`@smithy/core/retry`'s `THROTTLING_ERROR_CODES`). */
export const THROTTLING: ReadonlySet<string> = new Set([
  "ThrottlingException",
  "ThrottledException",
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

/** The error code (see `errorCode`) and message of an error response, as the SDKs read them. */
export function serviceError(
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
    // not JSON: no code, no message
  }
  // No code anywhere: "Unknown", as the schema-based SDK clients name it (`@aws-sdk/core/protocols`'
  // handleError; the classic generation took the status's text, "400").
  const code = errorCode(response, body, binding) ?? "Unknown";
  // As both generations of the SDK word it: `message`, then `Message`, else "UnknownError".
  const message = body["message"] ?? body["Message"] ?? "UnknownError";
  const status = response.status;
  // awsQueryCompatible: "AWS.SimpleQueueService.NonExistentQueue;Sender" (Smithy's protocol tests: code;type).
  const header = binding.queryCompatible === true ? response.header("x-amzn-query-error") : undefined;
  const split = header === undefined ? -1 : header.indexOf(";");
  const query =
    header !== undefined && split > 0 ? { code: header.slice(0, split), type: header.slice(split + 1) } : undefined;
  const retryable = TRANSIENT_STATUS.has(status) || status === 429;
  const faults = binding.faults;
  const fault = faults !== undefined && Object.hasOwn(faults, code) ? faults[code] : undefined;
  const error = new ServiceError(code, String(message), status, metadata, retryable, query, fault);
  // The body's other members on the error, as the SDKs put a modeled exception's members on it
  // (`e.ResourceId`): under their wire names, never over what the error already has.
  for (const [key, value] of Object.entries(body))
    if (value !== undefined && !ERROR_ENVELOPE.has(key) && !(key in error)) setOwn(error, key, value);
  // And under their member names where the model binds them elsewhere (headers, another @jsonName).
  for (const [key, value] of Object.entries(binding.errors?.(code, body, response) ?? {}))
    if (!(key in error)) setOwn(error, key, value);
  return error;
}

/**
 * Where the error code is looked for, in order, as the AWS SDK for JavaScript v3 looks
 * (`@smithy/core/protocols`' `loadRestJsonErrorCode` and `loadJsonRpcErrorCode`): restJson1 reads the
 * `x-amzn-errortype` header, then the body's `code`, then `__type`; awsJson reads `__type` first, then
 * `code`, then the header, and an awsQuery-compatible service `code`, the header, then `__type`.
 */
function errorCode(response: HttpResponse, body: Record<string, unknown>, binding: HttpBinding): string | undefined {
  const order: readonly ("header" | "code" | "type")[] =
    binding.protocol === "restJson1"
      ? ["header", "code", "type"]
      : binding.queryCompatible === true
        ? ["code", "header", "type"]
        : ["type", "code", "header"];
  for (const where of order) {
    const raw =
      where === "header"
        ? response.header("x-amzn-errortype")
        : where === "type"
          ? body["__type"]
          : // the body's `code` under any case (`Code`, `CODE`), as the SDK finds it
            body[Object.keys(body).find((key) => key.toLowerCase() === "code") ?? "code"];
    if (typeof raw === "string" || typeof raw === "number") return sanitizeErrorCode(String(raw));
  }
  return undefined;
}

/**
 * The error's name in a raw code as the SDK cleans it: the first of comma-separated values (a header
 * sent twice), before any `:` (`FooError:http://internal.amazon.com/...`), after a `#` (`ns#FooError`).
 */
function sanitizeErrorCode(raw: string): string {
  let code = raw.split(",")[0] ?? raw;
  code = code.split(":")[0] ?? code;
  return code.includes("#") ? (code.split("#")[1] ?? code) : code;
}

/** Members of an error body that name the error or carry its message, already read into `name` and `message`. */
const ERROR_ENVELOPE: ReadonlySet<string> = new Set(["__type", "code", "message", "Message"]);

export function retryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(20_000, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.min(20_000, Math.max(0, date - Date.now()));
}
