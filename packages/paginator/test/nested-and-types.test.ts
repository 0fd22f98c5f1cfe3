import type { JobEntry, ListJobsResponse } from "@dx/models";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createPaginator, paginateListJobs, type FullResult } from "../src/index.js";
import type { ItemsPath, TokenPath } from "../src/runtime/types.js";
import { collect } from "./support/things.js";

interface NestedInput {
  token?: string;
  max?: number;
}
interface NestedOutput {
  page?: { token?: string; items?: { n: number }[] };
}

const paginateNested = createPaginator<NestedInput, NestedOutput, "token", ["page", "token"], ["page", "items"], "max">(
  {
    name: "GetNested",
    inputToken: "token",
    outputToken: ["page", "token"],
    items: ["page", "items"],
    pageSize: "max",
    parse: (json) => json as NestedOutput,
    assert: () => undefined,
  },
);

describe("nested trait paths (outputToken page.token, items page.items)", () => {
  const send = async (request: NestedInput): Promise<NestedOutput> => {
    const from = Number(request.token ?? 0);
    const items = [from, from + 1, from + 2].filter((n) => n < 7).map((n) => ({ n }));
    return { page: { items, ...(from + 3 < 7 && { token: String(from + 3) }) } };
  };

  it("follows the nested token, cuts the nested list and builds a nested full result", async () => {
    const paginator = paginateNested(send, { PaginationConfig: { MaxItems: 5 } });
    const pages = await collect(paginator);
    expect(pages.map((p) => p.page?.items?.map((i) => i.n))).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(Buffer.from(paginator.resumeToken ?? "", "base64").toString()).toBe(
      '{"token": "3", "boto_truncate_amount": 2}',
    );
    const rest = await paginateNested(send, {
      PaginationConfig: { StartingToken: paginator.resumeToken ?? "" },
    }).buildFullResult();
    expect(rest).toEqual({ page: { items: [{ n: 5 }, { n: 6 }] } });
  });
});

describe("types", () => {
  it("paginateListJobs takes the input without the token and page-size members, and yields ListJobsResponse pages", () => {
    type Params = NonNullable<Parameters<typeof paginateListJobs>[1]>;
    expectTypeOf<Params>().toHaveProperty("DataSetId");
    expectTypeOf<Params>().not.toHaveProperty("NextToken");
    expectTypeOf<Params>().not.toHaveProperty("MaxResults");
    const paginator = paginateListJobs(async () => ({}));
    expectTypeOf(paginator).toMatchTypeOf<AsyncIterable<ListJobsResponse>>();
    expectTypeOf(paginator.items()).toMatchTypeOf<AsyncIterable<JobEntry>>();
    expectTypeOf<Awaited<ReturnType<typeof paginator.buildFullResult>>>().toEqualTypeOf<
      FullResult<ListJobsResponse, ["Jobs"]>
    >();
    expectTypeOf<FullResult<ListJobsResponse, ["Jobs"]>>().toMatchTypeOf<{ Jobs?: JobEntry[]; NextToken?: string }>();
  });

  it("rejects trait paths that do not lead to a string token and a list of items", () => {
    expectTypeOf<TokenPath<ListJobsResponse, ["NextToken"]>>().toEqualTypeOf<["NextToken"]>();
    expectTypeOf<ItemsPath<ListJobsResponse, ["Jobs"]>>().toEqualTypeOf<["Jobs"]>();
    expectTypeOf<TokenPath<ListJobsResponse, ["Jobs"]>>().toBeNever();
    expectTypeOf<ItemsPath<ListJobsResponse, ["NextToken"]>>().toBeNever();
    expectTypeOf<TokenPath<ListJobsResponse, ["Missing"]>>().toBeNever();
    expectTypeOf<ItemsPath<ListJobsResponse, ["Missing"]>>().toBeNever();
    expectTypeOf<ItemsPath<NestedOutput, ["page", "items"]>>().toEqualTypeOf<["page", "items"]>();
  });
});
