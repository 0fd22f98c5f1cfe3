/**
 * The endpoint answers from bytes made once (a page is a slice of its jobs' UTF-8 bytes). These tests
 * pin what goes on the wire to the plain definition it had before: `{"Jobs":[<JSON.stringify of each
 * job>,…],"NextToken":"<listing key>:<offset in base 36>"}`, errors as `{"Message":…}`, byte for byte,
 * over both protocols, filters, page sizes, bad input and faults.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  jobId,
  makeJobs,
  startLocalEndpoint,
  toWire,
  type Fault,
  type LocalEndpoint,
  type WireJob,
} from "../src/index.js";

// Five distinct jobs repeated with new ids, so that each data set and revision filter keeps several jobs.
const base = toWire(makeJobs(5, 3));
const jobs: WireJob[] = Array.from({ length: 23 }, (_, i) => ({ ...(base[i % base.length] as WireJob), Id: jobId(i) }));
const idsOf = (member: string): string[] =>
  base.map((j) => JSON.stringify(j.Details).match(new RegExp(`"${member}":"([^"]+)"`))?.[1] ?? "").filter(Boolean);

interface Input {
  dataSetId?: string | undefined;
  revisionId?: string | undefined;
  maxResults?: string | undefined;
  nextToken?: string | undefined;
}

interface Answer {
  status: number;
  type: string | null;
  body: Buffer;
}

/** The answer as the endpoint defined it before it kept bytes: from JSON.stringify of the jobs. */
function expected(input: Input, faults: readonly Fault[], defaultPageSize = 25): Answer {
  const error = (status: number, type: string, message: string): Answer => ({
    status,
    type,
    body: Buffer.from(JSON.stringify({ Message: message }), "utf8"),
  });
  const status = faults.find((f) => f.kind === "status");
  if (status?.kind === "status" && status.status === 500)
    return error(500, "InternalServerException", "An internal error occurred (injected).");
  if (status?.kind === "status" && status.status === 429)
    return error(429, "ThrottlingException", "Rate exceeded (injected).");
  const size = input.maxResults === undefined ? defaultPageSize : Number(input.maxResults);
  if (!Number.isInteger(size) || size < 1 || size > 200)
    return error(400, "ValidationException", `maxResults must be an integer from 1 to 200, got ${input.maxResults}`);
  const mentions = (job: WireJob, member: string, value: string | undefined): boolean =>
    value === undefined || JSON.stringify(job.Details).includes(`"${member}":${JSON.stringify(value)}`);
  if (input.dataSetId !== undefined && !jobs.some((j) => mentions(j, "DataSetId", input.dataSetId)))
    return error(404, "ResourceNotFoundException", `Data set ${input.dataSetId} was not found.`);
  const listed = jobs.filter(
    (j) => mentions(j, "DataSetId", input.dataSetId) && mentions(j, "RevisionId", input.revisionId),
  );
  const key = `v1~${encodeURIComponent(input.dataSetId ?? "")}~${encodeURIComponent(input.revisionId ?? "")}`;
  const token = (offset: number): string => `${key}:${offset.toString(36)}`;
  let offset = 0;
  if (input.nextToken !== undefined) {
    offset = Array.from({ length: listed.length + 1 }, (_, i) => i).find((i) => token(i) === input.nextToken) ?? -1;
    if (offset < 0) return error(400, "ValidationException", "The nextToken is invalid or belongs to another listing.");
  }
  const end = Math.min(listed.length, offset + size);
  let next = end < listed.length ? token(end) : undefined;
  if (faults.some((f) => f.kind === "repeat-token") && input.nextToken !== undefined) next = input.nextToken;
  if (faults.some((f) => f.kind === "rewind-token") && listed.length > size) next = token(size);
  const text = `{"Jobs":[${listed
    .slice(offset, end)
    .map((j) => JSON.stringify(j))
    .join(",")}]${next === undefined ? "" : `,"NextToken":${JSON.stringify(next)}`}}`;
  const body = faults.some((f) => f.kind === "malformed")
    ? text.slice(0, Math.max(1, Math.floor(text.length / 2)))
    : text;
  return { status: 200, type: null, body: Buffer.from(body, "utf8") };
}

const plans = new Map<number, readonly Fault[]>();
const endpoints: Record<"restJson1" | "awsJson1_1", LocalEndpoint | undefined> = {
  restJson1: undefined,
  awsJson1_1: undefined,
};
beforeAll(async () => {
  for (const protocol of ["restJson1", "awsJson1_1"] as const)
    endpoints[protocol] = await startLocalEndpoint({ jobs, protocol, faults: (n) => plans.get(n) ?? [] });
});
afterAll(async () => {
  for (const e of Object.values(endpoints)) await e?.close();
});

async function ask(protocol: "restJson1" | "awsJson1_1", input: Input, faults: readonly Fault[]): Promise<Answer> {
  const endpoint = endpoints[protocol] as LocalEndpoint;
  plans.set(endpoint.requests.length + 1, faults);
  let response: Response;
  if (protocol === "restJson1") {
    const query = new URLSearchParams(Object.entries(input).filter((e): e is [string, string] => e[1] !== undefined));
    response = await fetch(`${endpoint.url}/v1/jobs?${query}`);
  } else {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined) body[k.charAt(0).toUpperCase() + k.slice(1)] = v;
    response = await fetch(`${endpoint.url}/`, {
      method: "POST",
      headers: { "x-amz-target": "DataExchange.ListJobs", "content-type": "application/x-amz-json-1.1" },
      body: JSON.stringify(body),
    });
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.headers.get("content-length")).toBe(String(bytes.length));
  return { status: response.status, type: response.headers.get("x-amzn-errortype"), body: bytes };
}

describe("pages, tokens and errors are the bytes of the jobs' JSON", () => {
  it("has jobs with non-ASCII text, so that bytes and characters differ", () => {
    expect(jobs.some((j) => Buffer.byteLength(JSON.stringify(j)) > JSON.stringify(j).length)).toBe(true);
    expect(idsOf("DataSetId").length).toBeGreaterThan(0);
    expect(idsOf("RevisionId").length).toBeGreaterThan(0);
  });

  it("walks every listing, both protocols, with faults, byte for byte", async () => {
    const filter = fc.record(
      {
        dataSetId: fc.oneof(fc.constantFrom(...idsOf("DataSetId")), fc.constant("no-such-data-set")),
        revisionId: fc.constantFrom(...idsOf("RevisionId"), "no-such-revision"),
      },
      { requiredKeys: [] },
    );
    const maxResults = fc.option(
      fc.oneof(fc.integer({ min: 1, max: 9 }).map(String), fc.constantFrom("0", "201", "x", "25")),
      {
        nil: undefined,
      },
    );
    const fault = fc.constantFrom<readonly Fault[]>(
      [],
      [],
      [],
      [{ kind: "malformed" }],
      [{ kind: "repeat-token" }],
      [{ kind: "rewind-token" }],
      [{ kind: "status", status: 500 }],
      [{ kind: "status", status: 429 }],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("restJson1" as const, "awsJson1_1" as const),
        filter,
        maxResults,
        fc.array(fault, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (protocol, where, size, faults, badToken) => {
          let nextToken: string | undefined = badToken ? "v1~~:zz" : undefined;
          for (const planned of faults) {
            const input: Input = { ...where, maxResults: size, nextToken };
            const got = await ask(protocol, input, planned);
            const want = expected(input, planned);
            expect({ ...got, body: got.body.toString("hex") }).toEqual({ ...want, body: want.body.toString("hex") });
            if (got.status !== 200 || planned.length > 0) break;
            nextToken = (JSON.parse(got.body.toString("utf8")) as { NextToken?: string }).NextToken;
            if (nextToken === undefined) break;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
