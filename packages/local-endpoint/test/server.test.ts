import { parseListJobsResponse } from "@dx/validators";
import { afterEach, describe, expect, it } from "vitest";
import {
  everyKth,
  makeJobs,
  onRequests,
  startLocalEndpoint,
  toWire,
  type LocalEndpoint,
  type LocalEndpointOptions,
} from "../src/index.js";

const jobs = toWire(makeJobs(7, 3));
let endpoint: LocalEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function start(options: Partial<LocalEndpointOptions> = {}): Promise<LocalEndpoint> {
  endpoint = await startLocalEndpoint({ jobs, ...options });
  return endpoint;
}

async function get(path: string): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const response = await fetch(`${endpoint?.url}${path}`);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

interface Page {
  Jobs: { Id: string; CreatedAt: unknown }[];
  NextToken?: string;
}

describe("GET /v1/jobs", () => {
  it("listens on 127.0.0.1 with an ephemeral port", async () => {
    const { url, port } = await start();
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}`);
  });

  it("pages through every job in order with opaque tokens, in wire form that the spec's parser accepts", async () => {
    await start();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const r = await get(`/v1/jobs?maxResults=3${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`);
      expect(r.status).toBe(200);
      const page = r.json() as Page;
      expect(() => parseListJobsResponse(page)).not.toThrow();
      expect(typeof page.Jobs[0]?.CreatedAt).toBe("string");
      seen.push(...page.Jobs.map((j) => j.Id));
      token = page.NextToken;
    } while (token !== undefined);
    expect(seen).toEqual(jobs.map((j) => j.Id));
    expect(endpoint?.requests.map((r) => r.query["maxResults"])).toEqual(["3", "3", "3"]);
  });

  it("lists jobs by CreatedAt, newest first", () => {
    const created = makeJobs(50, 9).map((j) => j.CreatedAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(new Set(makeJobs(50, 9).map((j) => j.Id)).size).toBe(50);
  });

  it("answers bad input with the service's error shape", async () => {
    await start();
    for (const path of [
      "/v1/jobs?maxResults=0",
      "/v1/jobs?maxResults=201",
      "/v1/jobs?maxResults=x",
      "/v1/jobs?nextToken=bogus",
    ]) {
      const r = await get(path);
      expect(r.status).toBe(400);
      expect(r.headers.get("x-amzn-errortype")).toBe("ValidationException");
      expect(r.json()).toEqual({ Message: expect.any(String) });
    }
  });

  it("filters by dataSetId, and answers an unknown data set with ResourceNotFoundException", async () => {
    await start();
    const wanted =
      jobs.map((j) => JSON.stringify(j.Details).match(/"DataSetId":"([^"]+)"/)?.[1]).find((id) => id !== undefined) ??
      "";
    expect(wanted).not.toBe("");
    const page = (await get(`/v1/jobs?maxResults=200&dataSetId=${encodeURIComponent(wanted)}`)).json() as Page;
    expect(page.Jobs.length).toBeGreaterThan(0);
    expect(page.Jobs.every((j) => JSON.stringify(j).includes(JSON.stringify(wanted)))).toBe(true);
    const missing = await get("/v1/jobs?dataSetId=no-such-data-set");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
  });
});

describe("faults", () => {
  it("500 and 429 on every k-th request", async () => {
    await start({ faults: everyKth(2, { kind: "status", status: 429 }) });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get("/v1/jobs")).status);
    expect(statuses).toEqual([200, 429, 200, 429]);
    expect((await get("/v1/jobs")).status).toBe(200);
    const throttled = await get("/v1/jobs");
    expect(throttled.headers.get("x-amzn-errortype")).toBe("ThrottlingException");
    await endpoint?.close();
    await start({ faults: everyKth(1, { kind: "status", status: 500 }) });
    const failed = await get("/v1/jobs");
    expect([failed.status, failed.headers.get("x-amzn-errortype")]).toEqual([500, "InternalServerException"]);
  });

  it("a malformed body", async () => {
    await start({ faults: onRequests([1], { kind: "malformed" }) });
    const r = await get("/v1/jobs");
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it("a repeated and a rewound token", async () => {
    await start({ faults: onRequests([2], { kind: "repeat-token" }) });
    const first = (await get("/v1/jobs?maxResults=2")).json() as Page;
    const second = (
      await get(`/v1/jobs?maxResults=2&nextToken=${encodeURIComponent(first.NextToken ?? "")}`)
    ).json() as Page;
    expect(second.NextToken).toBe(first.NextToken);
    await endpoint?.close();
    await start({ faults: onRequests([3], { kind: "rewind-token" }) });
    const a = (await get("/v1/jobs?maxResults=2")).json() as Page;
    const b = (await get(`/v1/jobs?maxResults=2&nextToken=${encodeURIComponent(a.NextToken ?? "")}`)).json() as Page;
    const c = (await get(`/v1/jobs?maxResults=2&nextToken=${encodeURIComponent(b.NextToken ?? "")}`)).json() as Page;
    expect(c.NextToken).toBe(a.NextToken);
  });

  it("a delay before answering", async () => {
    await start({ faults: everyKth(1, { kind: "delay", ms: 30 }) });
    const started = Date.now();
    expect((await get("/v1/jobs")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe("CORS", () => {
  it("answers any origin, exposes the request id, and answers preflights without recording them", async () => {
    const e = await start();
    const preflight = await fetch(`${e.url}/v1/jobs`, {
      method: "OPTIONS",
      headers: { origin: "http://example.test", "access-control-request-headers": "authorization, x-amz-date" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization, x-amz-date");
    expect(e.requests).toEqual([]);
    const response = await fetch(`${e.url}/v1/jobs`, { headers: { origin: "http://example.test" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-amzn-requestid");
    expect(e.requests.map((r) => [r.n, r.origin])).toEqual([[1, "http://example.test"]]);
  });
});
