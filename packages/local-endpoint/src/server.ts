/**
 * A local AWS Data Exchange ListJobs endpoint: restJson1 `GET /v1/jobs` with the query members
 * `dataSetId`, `revisionId`, `maxResults` and `nextToken`, the service's error shape (the
 * `x-amzn-errortype` header and a `{"Message": ...}` body) and its wire formats, on 127.0.0.1 with an
 * ephemeral port. It answers CORS (any origin), so that browser pages can call it. Tokens are opaque strings (not botocore tokens) bound to the listing they belong to.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { noFaults, type Fault, type FaultPlan } from "./faults.js";
import { verifySigV4, type SigV4Key } from "./sigv4.js";

export interface LocalEndpointOptions {
  /** The jobs in wire form (timestamps as RFC 3339 strings), in the order the service lists them. */
  jobs: readonly WireJob[];
  /** Page size when a request has no maxResults (default 25). */
  defaultPageSize?: number;
  /** Faults to inject, per request number (default none). */
  faults?: FaultPlan;
  /** Verify each request's SigV4 signature with this key: a wrong or missing one is a 403, as AWS answers it. */
  sigv4?: SigV4Key;
  /**
   * The wire protocol: "restJson1" (default, `GET /v1/jobs?maxResults=…`), or "awsJson1_1" (`POST /`
   * with `X-Amz-Target: <service>.ListJobs` and the input as a JSON body), so that awsJson clients
   * can be tested against the same listing.
   */
  protocol?: "restJson1" | "awsJson1_1";
}

/** A JobEntry as JSON on the wire; only what filtering needs is typed. */
export interface WireJob {
  Id: string;
  Details?: Record<string, unknown>;
  [member: string]: unknown;
}

export interface RecordedRequest {
  n: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The request's Authorization header (present when an SDK client signed it). */
  authorization: string | undefined;
  /** The request's Origin header (present when a browser page sent it). */
  origin: string | undefined;
  status: number;
}

export interface LocalEndpoint {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request received, in order, with the status it got. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const MAX_RESULTS = { min: 1, max: 200 };

export async function startLocalEndpoint(options: LocalEndpointOptions): Promise<LocalEndpoint> {
  const listings = new Listings(options.jobs);
  const faults = options.faults ?? noFaults;
  const defaultPageSize = options.defaultPageSize ?? 25;
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    // CORS, so that a page of another origin (a browser test) can call the endpoint: preflights are
    // answered here and not recorded, since they are not requests of the service.
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", "x-amzn-requestid, x-amzn-errortype, date");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    const n = requests.length + 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const record: RecordedRequest = {
      n,
      method: req.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      origin: req.headers.origin,
      status: 0,
    };
    requests.push(record);
    const reply = (status: number, body: string, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json", "x-amzn-requestid": `req-${n}`, ...headers });
      res.end(body);
    };
    // Read the request body before answering (keep-alive connections stay usable; SigV4 hashes it).
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (options.sigv4 !== undefined) {
        const refused = verifySigV4(
          options.sigv4,
          req.method ?? "",
          req.url ?? "/",
          req.headers,
          Buffer.concat(chunks),
        );
        if (refused !== undefined) {
          return reply(403, JSON.stringify({ message: refused.message }), { "x-amzn-errortype": refused.code });
        }
      }
      const planned = faults(n);
      const delay = planned.reduce((ms, f) => (f.kind === "delay" ? ms + f.ms : ms), 0);
      const input =
        options.protocol === "awsJson1_1" ? awsJsonInput(req, url, Buffer.concat(chunks)) : restJsonInput(req, url);
      const answer = (): void =>
        typeof input === "string"
          ? serviceError(reply, 404, "UnknownOperationException", input)
          : handle(input, planned, listings, defaultPageSize, reply);
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type Reply = (status: number, body: string, headers?: Record<string, string>) => void;

/** ListJobs' input members, as strings (or absent), whichever protocol carried them. */
interface ListJobsInput {
  dataSetId: string | null;
  revisionId: string | null;
  maxResults: string | null;
  nextToken: string | null;
}

/** restJson1: `GET /v1/jobs` with the members as query parameters; a string says why it is not ListJobs. */
function restJsonInput(req: IncomingMessage, url: URL): ListJobsInput | string {
  if (req.method !== "GET" || url.pathname !== "/v1/jobs")
    return `No operation at ${req.method ?? "?"} ${url.pathname}`;
  const q = url.searchParams;
  return {
    dataSetId: q.get("dataSetId"),
    revisionId: q.get("revisionId"),
    maxResults: q.get("maxResults"),
    nextToken: q.get("nextToken"),
  };
}

/** awsJson1_1: `POST /` with `X-Amz-Target: *.ListJobs` and the members (by their names) in a JSON body. */
function awsJsonInput(req: IncomingMessage, url: URL, body: Buffer): ListJobsInput | string {
  const target = req.headers["x-amz-target"];
  if (req.method !== "POST" || url.pathname !== "/" || typeof target !== "string" || !target.endsWith(".ListJobs"))
    return `No operation at ${req.method ?? "?"} ${url.pathname} (X-Amz-Target ${String(target)})`;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown>;
  } catch {
    return "The request body is not JSON";
  }
  const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
  return {
    dataSetId: text(json["DataSetId"]),
    revisionId: text(json["RevisionId"]),
    maxResults: text(json["MaxResults"]),
    nextToken: text(json["NextToken"]),
  };
}

function handle(
  q: ListJobsInput,
  faults: readonly Fault[],
  listings: Listings,
  defaultPageSize: number,
  reply: Reply,
): void {
  const status = faults.find((f): f is Extract<Fault, { kind: "status" }> => f.kind === "status");
  if (status?.status === 500)
    return serviceError(reply, 500, "InternalServerException", "An internal error occurred (injected).");
  if (status?.status === 429)
    return serviceError(reply, 429, "ThrottlingException", "Rate exceeded (injected).", { "retry-after": "0" });

  const maxResultsText = q.maxResults;
  const pageSize = maxResultsText === null ? defaultPageSize : Number(maxResultsText);
  if (!Number.isInteger(pageSize) || pageSize < MAX_RESULTS.min || pageSize > MAX_RESULTS.max) {
    return serviceError(
      reply,
      400,
      "ValidationException",
      `maxResults must be an integer from ${MAX_RESULTS.min} to ${MAX_RESULTS.max}, got ${String(maxResultsText)}`,
    );
  }
  const listing = listings.get(q.dataSetId ?? undefined, q.revisionId ?? undefined);
  if (listing === undefined)
    return serviceError(reply, 404, "ResourceNotFoundException", `Data set ${String(q.dataSetId)} was not found.`);
  const requestToken = q.nextToken ?? undefined;
  const offset = requestToken === undefined ? 0 : listing.offsetOf(requestToken);
  if (offset === undefined)
    return serviceError(reply, 400, "ValidationException", "The nextToken is invalid or belongs to another listing.");

  const end = Math.min(listing.texts.length, offset + pageSize);
  let next = end < listing.texts.length ? listing.tokenAt(end) : undefined;
  if (faults.some((f) => f.kind === "repeat-token") && requestToken !== undefined) next = requestToken;
  if (faults.some((f) => f.kind === "rewind-token") && listing.texts.length > pageSize)
    next = listing.tokenAt(pageSize);
  const body = `{"Jobs":[${listing.texts.slice(offset, end).join(",")}]${next === undefined ? "" : `,"NextToken":${JSON.stringify(next)}`}}`;
  if (faults.some((f) => f.kind === "malformed"))
    return reply(200, body.slice(0, Math.max(1, Math.floor(body.length / 2))));
  reply(200, body);
}

function serviceError(
  reply: Reply,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  reply(status, JSON.stringify({ Message: message }), { "x-amzn-errortype": code, ...headers });
}

/** A filtered view of the jobs, with tokens that name it so that a token cannot be replayed on another one. */
class Listing {
  constructor(
    readonly key: string,
    readonly texts: readonly string[],
  ) {}

  tokenAt(offset: number): string {
    return `${this.key}:${offset.toString(36)}`;
  }

  offsetOf(token: string): number | undefined {
    const at = token.lastIndexOf(":");
    if (token.slice(0, at) !== this.key) return undefined;
    const offset = Number.parseInt(token.slice(at + 1), 36);
    return Number.isInteger(offset) && offset >= 0 && offset <= this.texts.length && this.tokenAt(offset) === token
      ? offset
      : undefined;
  }
}

class Listings {
  private readonly cache = new Map<string, Listing | undefined>();
  /** Each job's JSON text, made once: pages are slices of these. */
  private readonly texts: readonly string[];

  constructor(private readonly jobs: readonly WireJob[]) {
    this.texts = jobs.map((j) => JSON.stringify(j));
  }

  get(dataSetId: string | undefined, revisionId: string | undefined): Listing | undefined {
    const key = `v1~${encodeURIComponent(dataSetId ?? "")}~${encodeURIComponent(revisionId ?? "")}`;
    if (!this.cache.has(key)) this.cache.set(key, this.build(key, dataSetId, revisionId));
    return this.cache.get(key);
  }

  private build(key: string, dataSetId: string | undefined, revisionId: string | undefined): Listing | undefined {
    if (dataSetId === undefined && revisionId === undefined) return new Listing(key, this.texts);
    if (dataSetId !== undefined && !this.jobs.some((j) => refersTo(j, "DataSetId", dataSetId))) return undefined;
    const texts = this.texts.filter((_, i) => {
      const job = this.jobs[i] as WireJob;
      return (
        (dataSetId === undefined || refersTo(job, "DataSetId", dataSetId)) &&
        (revisionId === undefined || refersTo(job, "RevisionId", revisionId))
      );
    });
    return new Listing(key, texts);
  }
}

/** Whether the job's details (whichever variant is set) mention `value` as `member`, at any depth. */
function refersTo(job: WireJob, member: string, value: string): boolean {
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (typeof node !== "object" || node === null) return false;
    return Object.entries(node).some(([k, v]) => (k === member && v === value) || visit(v));
  };
  return visit(job.Details);
}
