// A consumer of @dx/paginator alone: paginates over a plain function transport (no AWS SDK).
import { paginateListJobs } from "@dx/paginator";

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
