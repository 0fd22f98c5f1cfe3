// A consumer of @dx/paginator alone: paginates over a plain function transport (no AWS SDK), then over
// the signed transport (@dx/paginator/signed) against a local endpoint that verifies SigV4.
import { paginateListJobs } from "@dx/paginator";
import { paginateListJobs as paginateSigned, ServiceError, signedClient } from "@dx/paginator/signed";

// Job ids are 32 alphanumerics, as the spec's pattern says.
const job = (n: number) => ({
  Arn: `arn:aws:dataexchange:us-east-1:123456789012:jobs/${jobId(n)}`,
  CreatedAt: new Date("2024-01-01T00:00:00Z"),
  Details: {},
  Id: jobId(n),
  State: "COMPLETED" as const,
  Type: "IMPORT_ASSETS_FROM_S3" as const,
  UpdatedAt: new Date("2024-01-01T00:05:00Z"),
});

function jobId(n: number): string {
  return `job${String(n).padStart(29, "0")}`;
}

// Three pages keyed by the token that asks for them.
const pages = new Map<string | undefined, { Jobs: ReturnType<typeof job>[]; NextToken?: string }>([
  [undefined, { Jobs: [job(1), job(2)], NextToken: "page-2" }],
  ["page-2", { Jobs: [job(3)], NextToken: "page-3" }],
  ["page-3", { Jobs: [job(4)] }],
]);
const tokensAsked: (string | undefined)[] = [];
const transport = async (request: { NextToken?: string }) => {
  tokensAsked.push(request.NextToken);
  const page = pages.get(request.NextToken);
  if (page === undefined) throw new Error(`unknown token ${String(request.NextToken)}`);
  return page;
};

// @ts-expect-error: the published types must refuse what is neither a client nor a transport.
void (() => paginateListJobs(42));

const ids: string[] = [];
for await (const entry of paginateListJobs(transport).items()) ids.push(entry.Id);
if (ids.join(",") !== [1, 2, 3, 4].map(jobId).join(",")) throw new Error(`items out of order: ${ids.join(",")}`);
if (tokensAsked.join(",") !== ",page-2,page-3") throw new Error(`tokens: ${tokensAsked.join(",")}`);
console.log(`@dx/paginator consumer ok: ${ids.length} jobs over ${tokensAsked.length} pages`);

// The lean signed transport, as a Node program meets it (the package's `node` condition: node:http),
// against the SigV4-verifying local endpoint the test started (its URL in DX_SIGNED_ENDPOINT).
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const endpoint = env["DX_SIGNED_ENDPOINT"];
if (endpoint === undefined) throw new Error("DX_SIGNED_ENDPOINT is not set");
const credentials = { accessKeyId: "AKIDCONSUMER", secretAccessKey: env["DX_SIGNED_SECRET"] ?? "" };
const client = signedClient({ region: "us-east-1", endpoint, credentials });
const first = paginateSigned(client, { PaginationConfig: { PageSize: 2, MaxItems: 3 } });
const signedIds: string[] = [];
for await (const entry of first.items()) signedIds.push(entry.Id);
// Resume where MaxItems stopped, in the middle of a page (the exact-optional types accept the token as is).
const rest = paginateSigned(client, { PaginationConfig: { PageSize: 2, StartingToken: first.resumeToken } });
for await (const entry of rest.items()) signedIds.push(entry.Id);
if (signedIds.length !== Number(env["DX_SIGNED_JOBS"]) || new Set(signedIds).size !== signedIds.length)
  throw new Error(`signed listing: ${signedIds.length} ids, ${new Set(signedIds).size} distinct`);

// A wrong secret is the service's 403, typed, with the SDK's shape.
const wrong = signedClient({
  region: "us-east-1",
  endpoint,
  credentials: { ...credentials, secretAccessKey: "wrong" },
});
try {
  for await (const _ of paginateSigned(wrong, {})) throw new Error("a wrong secret listed a page");
} catch (e) {
  if (!(e instanceof ServiceError) || e.$metadata.httpStatusCode !== 403) throw e;
}
console.log(`@dx/paginator consumer ok (signed): ${signedIds.length} jobs, resumed once, a wrong secret refused`);
