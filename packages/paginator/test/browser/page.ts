/// <reference lib="dom" />
/**
 * The page the browser test bundles (esbuild, browser platform) from the built package: it lists jobs
 * from the endpoint named in its URL with PageSize + MaxItems, resumes from each run's resumeToken until
 * there is none, shows the job ids, and reports { ids, runs, tokens } as JSON in #result.
 */
import { paginateListJobs, wireTransport } from "../../dist/index.js";

const params = new URLSearchParams(location.search);
const endpoint = params.get("endpoint") ?? "";
const transport = wireTransport<{ NextToken?: string; MaxResults?: number }>(async (request, { signal }) => {
  const query = new URLSearchParams();
  if (request.MaxResults !== undefined) query.set("maxResults", String(request.MaxResults));
  if (request.NextToken !== undefined) query.set("nextToken", request.NextToken);
  const response = await fetch(`${endpoint}/v1/jobs?${query}`, signal ? { signal } : {});
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
});

async function main(): Promise<void> {
  const list = document.getElementById("jobs") as HTMLOListElement;
  const ids: string[] = [];
  const tokens: string[] = [];
  let dates = 0;
  let token: string | undefined;
  let runs = 0;
  do {
    runs++;
    const paginator = paginateListJobs(transport, {
      PaginationConfig: { PageSize: 7, MaxItems: 10, StartingToken: token },
    });
    for await (const job of paginator.items()) {
      ids.push(job.Id);
      if (job.CreatedAt instanceof Date) dates++;
      const item = document.createElement("li");
      item.textContent = job.Id;
      list.append(item);
    }
    token = paginator.resumeToken;
    if (token !== undefined) tokens.push(token);
  } while (token !== undefined && runs < 100);
  show({ ids, runs, tokens, dates });
}

function show(result: unknown): void {
  (document.getElementById("result") as HTMLElement).textContent = JSON.stringify(result);
  document.title = "done";
}

main().catch((error: unknown) => {
  show({ error: String(error instanceof Error ? `${error.name}: ${error.message}` : error) });
});
