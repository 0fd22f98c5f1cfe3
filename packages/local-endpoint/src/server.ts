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
  /** The client's port: requests over one kept-alive connection share it. */
  remotePort: number | undefined;
  /** The request body as text ("" when there is none). */
  body: string;
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
      remotePort: req.socket.remotePort,
      body: "",
      status: 0,
    };
    requests.push(record);
    const reply: Reply = (status, body, headers = {}) => {
      record.status = status;
      const parts = typeof body === "string" ? [Buffer.from(body, "utf8")] : body;
      res.writeHead(status, {
        "content-type": "application/json",
        "x-amzn-requestid": `req-${n}`,
        "content-length": String(parts.reduce((sum, part) => sum + part.length, 0)),
        ...headers,
      });
      // One write of the head and every part (no copy of the page's bytes).
      res.cork();
      for (const part of parts) res.write(part);
      res.end();
      res.uncork();
    };
    // Read the request body before answering (keep-alive connections stay usable; SigV4 hashes it).
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      record.body = Buffer.concat(chunks).toString("utf8");
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

/** Answers with `body`: a string, or the bytes of its parts in order. */
type Reply = (status: number, body: string | readonly Buffer[], headers?: Record<string, string>) => void;

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

  const end = Math.min(listing.count, offset + pageSize);
  let next = end < listing.count ? listing.tokenAt(end) : undefined;
  if (faults.some((f) => f.kind === "repeat-token") && requestToken !== undefined) next = requestToken;
  if (faults.some((f) => f.kind === "rewind-token") && listing.count > pageSize) next = listing.tokenAt(pageSize);
  // `{"Jobs":[<the jobs' JSON, comma-separated>],"NextToken":"…"}`, the jobs' part a slice of bytes made once.
  const parts = [
    JOBS_OPEN,
    listing.slice(offset, end),
    next === undefined ? JOBS_CLOSE : Buffer.from(`],"NextToken":${JSON.stringify(next)}}`, "utf8"),
  ];
  if (faults.some((f) => f.kind === "malformed")) {
    const body = Buffer.concat(parts).toString("utf8");
    return reply(200, body.slice(0, Math.max(1, Math.floor(body.length / 2))));
  }
  reply(200, parts);
}

const JOBS_OPEN = Buffer.from(`{"Jobs":[`, "utf8");
const JOBS_CLOSE = Buffer.from("]}", "utf8");
const COMMA = Buffer.from(",", "utf8");

function serviceError(
  reply: Reply,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  reply(status, JSON.stringify({ Message: message }), { "x-amzn-errortype": code, ...headers });
}

/**
 * A filtered view of the jobs, with tokens that name it so that a token cannot be replayed on another
 * one. Its jobs' JSON is kept as UTF-8 bytes, comma-separated, made once: a page is one slice of them.
 */
class Listing {
  /**
   * @param bytes the jobs' JSON, comma-separated
   * @param starts where each job starts in `bytes`, and (last) where a job after the last one would
   */
  private constructor(
    readonly key: string,
    private readonly bytes: Buffer,
    private readonly starts: Uint32Array,
  ) {}

  /** A listing of these jobs' bytes, in order. */
  static of(key: string, jobs: readonly Buffer[]): Listing {
    const starts = new Uint32Array(jobs.length + 1);
    jobs.forEach((job, i) => {
      starts[i + 1] = (starts[i] as number) + job.length + 1;
    });
    return new Listing(key, Buffer.concat(jobs.flatMap((job, i) => (i === 0 ? [job] : [COMMA, job]))), starts);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** The bytes of jobs `from` (inclusive) to `to` (exclusive), comma-separated (a view, not a copy). */
  slice(from: number, to: number): Buffer {
    return to > from
      ? this.bytes.subarray(this.starts[from], (this.starts[to] as number) - 1)
      : this.bytes.subarray(0, 0);
  }

  tokenAt(offset: number): string {
    return `${this.key}:${offset.toString(36)}`;
  }

  offsetOf(token: string): number | undefined {
    const at = token.lastIndexOf(":");
    if (token.slice(0, at) !== this.key) return undefined;
    const offset = Number.parseInt(token.slice(at + 1), 36);
    return Number.isInteger(offset) && offset >= 0 && offset <= this.count && this.tokenAt(offset) === token
      ? offset
      : undefined;
  }
}

class Listings {
  private readonly cache = new Map<string, Listing | undefined>();
  /** Every job, its JSON as UTF-8 bytes made once: a filtered listing copies its jobs' bytes from here. */
  private readonly all: Listing;

  constructor(private readonly jobs: readonly WireJob[]) {
    this.all = Listing.of(
      Listings.key(undefined, undefined),
      jobs.map((j) => Buffer.from(JSON.stringify(j), "utf8")),
    );
    this.cache.set(this.all.key, this.all);
  }

  private static key(dataSetId: string | undefined, revisionId: string | undefined): string {
    return `v1~${encodeURIComponent(dataSetId ?? "")}~${encodeURIComponent(revisionId ?? "")}`;
  }

  get(dataSetId: string | undefined, revisionId: string | undefined): Listing | undefined {
    const key = Listings.key(dataSetId, revisionId);
    if (!this.cache.has(key)) this.cache.set(key, this.build(key, dataSetId, revisionId));
    return this.cache.get(key);
  }

  private build(key: string, dataSetId: string | undefined, revisionId: string | undefined): Listing | undefined {
    if (dataSetId !== undefined && !this.jobs.some((j) => refersTo(j, "DataSetId", dataSetId))) return undefined;
    const kept: Buffer[] = [];
    this.jobs.forEach((job, i) => {
      if (
        (dataSetId === undefined || refersTo(job, "DataSetId", dataSetId)) &&
        (revisionId === undefined || refersTo(job, "RevisionId", revisionId))
      )
        kept.push(this.all.slice(i, i + 1));
    });
    return Listing.of(key, kept);
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
