/**
 * A made-up paginated operation, ListThings, with member names unlike ListJobs' (items "Things", page size
 * "Limit"), bound to the runtime the way generated bindings are, to test the runtime on its own.
 */
import { createPaginator, type PaginatedOperation } from "../../src/runtime/index.js";

export interface Thing {
  Id: number;
}
export interface ListThingsInput {
  Owner?: string;
  NextToken?: string;
  Limit?: number;
}
export interface ListThingsOutput {
  Things?: Thing[];
  NextToken?: string;
}

function isOutput(value: unknown): value is ListThingsOutput {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v["Things"] === undefined || Array.isArray(v["Things"])) &&
    (v["NextToken"] === undefined || typeof v["NextToken"] === "string")
  );
}

export class BadPage extends Error {}

/** A stand-in for the validators' assert/parse pair, for this test operation only. */
function assertOutput(value: unknown): asserts value is ListThingsOutput {
  if (!isOutput(value)) throw new BadPage(`not a ListThingsOutput: ${JSON.stringify(value)}`);
}

/** The operation descriptor, as generated bindings export theirs. */
export const paginateListThingsOperation: PaginatedOperation<
  ListThingsInput,
  ListThingsOutput,
  "NextToken",
  ["NextToken"],
  ["Things"],
  "Limit"
> = {
  name: "ListThings",
  inputToken: "NextToken",
  outputToken: ["NextToken"],
  items: ["Things"],
  pageSize: "Limit",
  inputMembers: ["Owner", "NextToken", "Limit"],
  parse: (json) => {
    assertOutput(json);
    return json;
  },
  assert: assertOutput,
};

export const paginateListThings = createPaginator(paginateListThingsOperation);

/** A scripted service: `pages[token]` is the response to a request with that token ("" for none). */
export function scripted(pages: Record<string, ListThingsOutput>) {
  const requests: ListThingsInput[] = [];
  const send = async (request: ListThingsInput): Promise<unknown> => {
    requests.push(request);
    const page = pages[request.NextToken ?? ""];
    if (page === undefined) throw new Error(`no page for token ${String(request.NextToken)}`);
    return page;
  };
  return { send, requests };
}

/** A service over `count` things, `size` per page (or the request's Limit), with tokens "t<offset>". */
export function listService(count: number, size = 3) {
  const requests: ListThingsInput[] = [];
  const send = async (request: ListThingsInput): Promise<ListThingsOutput> => {
    requests.push(request);
    const offset = request.NextToken === undefined ? 0 : Number(request.NextToken.slice(1));
    const end = Math.min(count, offset + (request.Limit ?? size));
    const Things = Array.from({ length: end - offset }, (_, i) => ({ Id: offset + i }));
    return end < count ? { Things, NextToken: `t${end}` } : { Things };
  };
  return { send, requests };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}
