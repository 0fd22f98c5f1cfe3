/**
 * The Node platform of the signed transport (`@dx/paginator/signed` under the `node` condition): requests
 * go through `node:http`/`https` over keep-alive connections, and the body is decoded once as it arrives
 * (stream-text.ts: one flat string or chunk by chunk, by size); SigV4's hashes use `node:crypto`.
 */
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { HttpHandler, HttpResponse, SignedPlatform, SourceData } from "./http.js";
import { streamBody, type BodyBytes } from "../stream-text.js";

export interface NodeHttpOptions {
  /** Connections kept per host (default 50, as the SDK's node handler). */
  maxSockets?: number | undefined;
}

/** Sends with `node:http`/`https` over keep-alive agents of its own (idle sockets do not keep a process alive). */
export function nodeHttpHandler(options: NodeHttpOptions = {}): HttpHandler {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 50 };
  let http: HttpAgent | undefined;
  let https: HttpsAgent | undefined;
  return (request) =>
    new Promise((resolve, reject) => {
      const url = new URL(request.url);
      const secure = url.protocol === "https:";
      const send = secure ? httpsRequest : httpRequest;
      const agent = secure ? (https ??= new HttpsAgent(agentOptions)) : (http ??= new HttpAgent(agentOptions));
      // Network failures reject as TypeErrors with the cause, as fetch's do: the retry loop retries them.
      const failed = (error: Error): void =>
        reject(
          request.signal?.aborted
            ? request.signal.reason
            : new TypeError(`network error: ${error.message}`, { cause: error }),
        );
      const req = send(
        url,
        { method: request.method, headers: request.headers, agent, ...(request.signal && { signal: request.signal }) },
        (res: IncomingMessage) => {
          const status = res.statusCode ?? 0;
          const headers = res.headers;
          streamBody(res).then(
            (body) => resolve(new NodeResponse(status, headers, body)),
            (error: Error) => failed(error),
          );
        },
      );
      req.once("error", failed);
      req.end(request.body);
    });
}

/**
 * A response read to its end: the body is decoded only when asked for (`json()` reads it from the bytes).
 * A class, for its getter: an object literal with `get body()` in it, one a response, made V8 promote
 * the pages to its old generation (a process listing 30,000 jobs in pages of 25: 9–22 full GCs, 5–6
 * with the class; bench/README.md, stop 23).
 */
class NodeResponse implements HttpResponse {
  constructor(
    readonly status: number,
    private readonly headers: IncomingHttpHeaders,
    private readonly bytes: BodyBytes,
  ) {}
  header(name: string): string | undefined {
    const value = this.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }
  headerNames(): string[] {
    return Object.keys(this.headers);
  }
  get body(): string {
    return this.bytes.text();
  }
  json(): unknown {
    return this.bytes.json();
  }
}

/** SHA-256 and HMAC-SHA-256 from `node:crypto`, in the shape `@smithy/signature-v4` asks for. */
export class NodeSha256 {
  private hash: Hash | Hmac;
  private readonly secret: string | Uint8Array | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytesOf(secret);
    this.hash = this.fresh();
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  digest(): Promise<Uint8Array> {
    const bytes = this.hash.digest();
    return Promise.resolve(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", this.secret);
  }
}

function bytesOf(data: SourceData): string | Uint8Array {
  if (typeof data === "string") return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export function nodePlatform(options: NodeHttpOptions = {}): SignedPlatform {
  return { handler: nodeHttpHandler(options), sha256: NodeSha256 };
}
