/** Clients for the local endpoint: the real AWS SDK client, and a bare fetch transport returning wire JSON. */
import { DataExchangeClient } from "@aws-sdk/client-dataexchange";
import type { ListJobsRequest } from "@dx/models";
import { wireTransport, type WireTransport } from "../../src/index.js";

export function sdkClient(url: string, maxAttempts = 3): DataExchangeClient {
  return new DataExchangeClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-secret" },
    maxAttempts,
  });
}

/** restJson1 ListJobs over fetch: the query members by their httpQuery names, the body as wire JSON. */
export function fetchTransport(url: string): WireTransport<ListJobsRequest> {
  return wireTransport(async (request, { signal }) => {
    const query = new URLSearchParams();
    if (request.DataSetId !== undefined) query.set("dataSetId", request.DataSetId);
    if (request.MaxResults !== undefined) query.set("maxResults", String(request.MaxResults));
    if (request.NextToken !== undefined) query.set("nextToken", request.NextToken);
    if (request.RevisionId !== undefined) query.set("revisionId", request.RevisionId);
    const response = await fetch(`${url}/v1/jobs?${query}`, signal ? { signal } : {});
    const text = await response.text();
    if (!response.ok) throw new HttpError(response.status, response.headers.get("x-amzn-errortype") ?? "Unknown", text);
    return JSON.parse(text) as unknown;
  });
}

export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    body: string,
  ) {
    super(`${status} ${code}: ${body}`);
  }
}
