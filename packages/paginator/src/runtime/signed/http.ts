/** How `/signed` talks HTTP: the request and response it sees, and the portable sender over `fetch`. */

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
  /**
   * The body's JSON as `JSON.parse(body)` gives it, `{}` when `body` is empty (the node:http handler reads
   * it from the bytes, without decoding all of them first); without it the transport parses `body` so.
   */
  json?(): unknown;
}

/** Sends one request; a network failure rejects with a TypeError (as `fetch` does), which is retried. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

/** Sends with `fetch` (browsers, Deno, Bun, and Node when asked to). */
export function fetchHandler(doFetch?: typeof fetch): HttpHandler {
  return async (request) => {
    // The global one is looked up at each request, as a call to `fetch` would.
    const response = await (doFetch ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      // Bytes are always a Uint8Array of their own ArrayBuffer here (payloadBody copies them). fetch
      // refuses a body on GET and HEAD (a restJson1 GET with body members has "{}"): left out, as the
      // SDK's FetchHttpHandler leaves it out.
      ...(request.body !== undefined &&
        request.method !== "GET" &&
        request.method !== "HEAD" && { body: request.body as NonNullable<RequestInit["body"]> }),
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

/** An absolute http(s) URL (`localhost:8080` parses as a URL of scheme "localhost:"). */
export function isHttpUrl(text: unknown): boolean {
  try {
    return typeof text === "string" && /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}
