/** An operation's HTTP binding (generated from the IR) and the request it makes of an input, as the protocol binds it. */
import { escapeUri } from "@smithy/core/protocols";
import { quoteHeader } from "@smithy/core/serde";
import { describeValue } from "../describe.js";
import { setOwn } from "../members.js";
import { toBase64 } from "../token.js";
import type { ResponseHeaders } from "../header-members.js";
import type { EndpointRules, OperationEndpointParams } from "./endpoints.js";

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
   * The service has dual-stack endpoints only (`aws.endpoints#dualStackOnlyEndpoints`, Aurora DSQL):
   * the default host is in the partition's dual-stack domain, `<prefix>.<region>.api.aws`.
   */
  dualStackOnly?: boolean;
  /**
   * The service's endpoint rules (generated into `endpointRules.gen.ts`): where present, each request's
   * host and signing scope are the rules' answer for the client's settings and the operation's
   * parameters, as in the AWS SDKs, and `endpointPrefix` and `dualStackOnly` are not used.
   */
  endpointRules?: EndpointRules;
  /** How the operation binds the rules' parameters (static values, input members, JMESPath paths). */
  endpointParams?: OperationEndpointParams;
  /**
   * The operation's `smithy.api#endpoint` hostPrefix, put before the default host (`api.` makes
   * `api.airflow.<region>.amazonaws.com`); `{Member}` is filled with that input member's value, which
   * must be a DNS label. With endpoint rules it is put before the host they resolve, as the SDKs put it
   * (a custom `endpoint` included, unless the client's `disableHostPrefix`); without rules, it is not
   * applied to an `endpoint` given in the client's options.
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
   * The `@error` fault of each of the operation's modeled errors, by error code: such an error's `$fault`
   * whatever its status, as the SDKs give it; an error not listed takes it from the status (5xx: server).
   */
  faults?: Readonly<Record<string, "client" | "server">>;
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

/**
 * Where an input member goes (restJson1's HTTP bindings; awsJson sends every member in the body):
 * - `query`, `header`, `label`: by that name, a timestamp (or a list's timestamps) in the given format;
 *   a header's `base64` marks a `@mediaType` string, which Smithy sends base64-encoded;
 * - `queryParams` (`@httpQueryParams`): each entry of the map a query parameter, unless a `query`
 *   member names it; `prefixHeaders` (`@httpPrefixHeaders`): each entry a header, the prefix before it;
 * - `payload` (`@httpPayload`): the whole body, as JSON, text or bytes;
 * - `body`: a member of the JSON body, by its JSON name.
 */
export type MemberBinding =
  | readonly [location: "query" | "header" | "label", name: string, timestampFormat?: TimestampFormat]
  | readonly [location: "header", name: string, encoding: "base64"]
  | readonly [location: "queryParams", name: string]
  | readonly [location: "prefixHeaders", prefix: string]
  | readonly [location: "payload", jsonName: string, kind: "json" | "text" | "bytes"]
  | readonly [location: "body", jsonName: string];

/**
 * An operation's host prefix with its `{Member}` labels filled from the input, as the SDKs fill
 * `@hostLabel`s: each value must be a DNS label (letters, digits and inner hyphens, at most 63), or
 * the request is refused before it is sent (a TypeError, outside the retries).
 */
export function hostPrefix(template: string, input: Record<string, unknown>): string {
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
export const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export interface BuiltRequest {
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
    const one = (v: unknown): string =>
      format === "base64"
        ? toBase64(new TextEncoder().encode(String(v)))
        : text(v, format ?? (at[0] === "header" ? "http-date" : "date-time"));
    if (at[0] === "query") query[at[1]] = Array.isArray(value) ? value.map(one) : one(value);
    else if (at[0] === "header")
      headers[at[1].toLowerCase()] = Array.isArray(value) ? headerList(value, one) : one(value);
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
    // A null member is no value in the body either, as the SDKs leave it out (the serializer would write it).
    const set: Record<string, unknown> = {};
    for (const [member, value] of Object.entries(input)) if (value != null) setOwn(set, member, value);
    const serialized = (binding.serialize as (input: Record<string, unknown>) => unknown)(set);
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
    // As the SDK (@aws-sdk/core's restJson1 protocol): an input with a payload member, or with members in
    // the body, has a content type even when nothing is set (a header member's wins), and a JSON one then
    // sends "{}"; an input whose members are all bound elsewhere sends neither.
    const bound = Object.values(binding.members);
    const unset = bound.find((at) => at[0] === "payload");
    const type =
      unset !== undefined
        ? PAYLOAD_TYPES[unset[2] as "json" | "text" | "bytes"]
        : bound.some((at) => at[0] === "body") || Object.keys(body).length > 0
          ? "application/json"
          : undefined;
    return {
      method: binding.method,
      path: basePath + path,
      query,
      headers: type === undefined ? headers : { "content-type": type, ...headers },
      ...(type === "application/json" && { body: JSON.stringify(body) }),
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

/**
 * A list bound to a header, as Smithy writes it and the AWS SDKs send it: the items joined by ", ", an
 * item holding a comma or a double quote quoted (`"b,c", "\"def\"", a`); timestamps are not quoted,
 * so an http-date list keeps its commas bare, and readers split it two parts at a time.
 */
function headerList(items: readonly unknown[], one: (item: unknown) => string): string {
  return items.map((item) => (item instanceof Date ? one(item) : quoteHeader(one(item)))).join(", ");
}

/** The content type of an `@httpPayload` member's body, by what the member is. */
const PAYLOAD_TYPES = { json: "application/json", text: "text/plain", bytes: "application/octet-stream" } as const;

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
    return { body: new Uint8Array(bytes), headers: { "content-type": PAYLOAD_TYPES.bytes } };
  }
  if (payload.kind === "text") return { body: String(payload.value), headers: { "content-type": PAYLOAD_TYPES.text } };
  return {
    body: JSON.stringify(serialized ?? bodyValue(payload.value)),
    headers: { "content-type": PAYLOAD_TYPES.json },
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
