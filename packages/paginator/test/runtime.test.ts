import { describe, expect, it } from "vitest";
import {
  PageRequestError,
  PageValidationError,
  PaginationAbortedError,
  PaginationConfigError,
  RepeatedTokenError,
  StartingTokenError,
  TokenRewindError,
  wireTransport,
} from "../src/runtime/index.js";
import { BadPage, collect, listService, paginateListThings, scripted, type Thing } from "./support/things.js";

const ids = (things: readonly Thing[] | undefined): number[] => (things ?? []).map((t) => t.Id);
const b64json = (token: string): string => Buffer.from(token, "base64").toString("utf8");

describe("pages", () => {
  it("follows tokens to the end, sending PageSize as the trait's page-size member", async () => {
    const service = listService(7);
    const pages = await collect(paginateListThings(service.send, { Owner: "me", PaginationConfig: { PageSize: 3 } }));
    expect(pages.map((p) => ids(p.Things))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(service.requests).toEqual([
      { Owner: "me", Limit: 3 },
      { Owner: "me", NextToken: "t3", Limit: 3 },
      { Owner: "me", NextToken: "t6", Limit: 3 },
    ]);
  });

  it("never changes the caller's params", async () => {
    const params = Object.freeze({ Owner: "me", PaginationConfig: Object.freeze({ PageSize: 2, MaxItems: 3 }) });
    const before = JSON.stringify(params);
    const paginator = paginateListThings(listService(5).send, params);
    await collect(paginator);
    expect(JSON.stringify(params)).toBe(before);
  });

  it("treats an empty next token as the end", async () => {
    const service = scripted({ "": { Things: [{ Id: 1 }], NextToken: "" } });
    const paginator = paginateListThings(service.send);
    expect((await collect(paginator)).length).toBe(1);
    expect(paginator.resumeToken).toBeUndefined();
  });

  it("accepts wire-form transports, parsing each page", async () => {
    const service = listService(4, 2);
    const pages = await collect(paginateListThings(wireTransport(service.send)));
    expect(pages.map((p) => ids(p.Things))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});

describe("MaxItems and resume tokens (botocore's rules)", () => {
  it("cuts the first page and writes botocore's first-page token", async () => {
    const service = scripted({ "": { Things: [{ Id: 1 }, { Id: 2 }], NextToken: "tA" } });
    const paginator = paginateListThings(service.send, { PaginationConfig: { MaxItems: 1 } });
    const pages = await collect(paginator);
    expect(pages).toEqual([{ Things: [{ Id: 1 }], NextToken: "tA" }]); // the service's own token stays on the page
    expect(paginator.resumeToken).toBe("eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==");
    expect(await paginator.buildFullResult()).toEqual({
      Things: [{ Id: 1 }],
      NextToken: "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==",
    });
  });

  it("resumes a Python token and accumulates the truncate amount (observed: [2,3] and amount 3)", async () => {
    const service = scripted({ tA: { Things: [1, 2, 3, 4].map((Id) => ({ Id })), NextToken: "tB" } });
    const paginator = paginateListThings(service.send, {
      PaginationConfig: {
        MaxItems: 2,
        StartingToken: "eyJOZXh0VG9rZW4iOiAidEEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==",
      },
    });
    const pages = await collect(paginator);
    expect(pages.map((p) => ids(p.Things))).toEqual([[2, 3]]);
    expect(service.requests).toEqual([{ NextToken: "tA" }]);
    expect(b64json(paginator.resumeToken ?? "")).toBe('{"NextToken": "tA", "boto_truncate_amount": 3}');
  });

  it("at a page boundary keeps the service token alone, as botocore does", async () => {
    const service = scripted({ "": { Things: [{ Id: 1 }], NextToken: "tA" }, tA: { Things: [{ Id: 2 }] } });
    const paginator = paginateListThings(service.send, { PaginationConfig: { MaxItems: 1 } });
    await collect(paginator);
    expect(paginator.resumeToken).toBe("eyJOZXh0VG9rZW4iOiAidEEifQ==");
    expect(service.requests.length).toBe(1);
  });

  it("leaves no token where the data ends exactly at MaxItems", async () => {
    const service = scripted({ "": { Things: [{ Id: 1 }], NextToken: "tA" }, tA: { Things: [{ Id: 2 }] } });
    const paginator = paginateListThings(service.send, { PaginationConfig: { MaxItems: 2 } });
    expect(await paginator.buildFullResult()).toEqual({ Things: [{ Id: 1 }, { Id: 2 }] });
    expect(paginator.resumeToken).toBeUndefined();
  });

  it("resuming from a token yields exactly the rest, for every MaxItems and page size", async () => {
    for (const count of [0, 1, 5, 9]) {
      for (const size of [1, 2, 4]) {
        for (const max of [1, 2, 3, 7]) {
          const service = listService(count, size);
          const seen: number[] = [];
          let token: string | undefined;
          for (let rounds = 0; rounds <= count + 1; rounds++) {
            const paginator = paginateListThings(service.send, {
              PaginationConfig: { MaxItems: max, ...(token !== undefined && { StartingToken: token }) },
            });
            for await (const thing of paginator.items()) seen.push(thing.Id);
            token = paginator.resumeToken;
            if (token === undefined) break;
          }
          expect(seen).toEqual(Array.from({ length: count }, (_, i) => i));
        }
      }
    }
  });

  it("buildFullResult has no items member when no page had one, and [] for empty pages", async () => {
    expect(await paginateListThings(scripted({ "": {} }).send).buildFullResult()).toEqual({});
    expect(await paginateListThings(scripted({ "": { Things: [] } }).send).buildFullResult()).toEqual({ Things: [] });
  });

  it("search() applies JMESPath per page and flattens lists", async () => {
    const paginator = paginateListThings(listService(5, 2).send);
    expect(await collect(paginator.search("Things[].Id"))).toEqual([0, 1, 2, 3, 4]);
    expect(await collect(paginator.search("NextToken"))).toEqual(["t2", "t4", null]);
    expect(await collect(paginator.search("length(Things)"))).toEqual([2, 2, 1]); // checked for syntax only, then run per page
    const service = listService(5, 2);
    await expect(collect(paginateListThings(service.send).search("Things[?"))).rejects.toThrow(
      /Invalid token|Unexpected/,
    );
    expect(service.requests).toEqual([]);
  });
});

describe("safety", () => {
  it("rejects bad PaginationConfig and malformed botocore tokens before any request", async () => {
    const service = listService(3);
    const bad = Buffer.from('{"NextToken": "t1", "boto_truncate_amount": -2}').toString("base64");
    await expect(
      collect(paginateListThings(service.send, { PaginationConfig: { StartingToken: bad } })),
    ).rejects.toBeInstanceOf(StartingTokenError);
    await expect(
      collect(paginateListThings(service.send, { PaginationConfig: { MaxItems: 0 } })),
    ).rejects.toBeInstanceOf(PaginationConfigError);
    await expect(
      collect(paginateListThings(service.send, { PaginationConfig: { PageSize: 2.5 } })),
    ).rejects.toBeInstanceOf(PaginationConfigError);
    expect(service.requests).toEqual([]);
  });

  it("sends a raw service token unchanged", async () => {
    const service = listService(6, 2);
    const pages = await collect(paginateListThings(service.send, { PaginationConfig: { StartingToken: "t4" } }));
    expect(pages.map((p) => ids(p.Things))).toEqual([[4, 5]]);
    expect(service.requests).toEqual([{ NextToken: "t4" }]);
  });

  it("reports a token that skips more items than its page holds", async () => {
    const token = Buffer.from('{"NextToken": "t2", "boto_truncate_amount": 5}').toString("base64");
    await expect(
      collect(paginateListThings(listService(6, 2).send, { PaginationConfig: { StartingToken: token } })),
    ).rejects.toThrow(/skips 5 items but its page has 2/);
  });

  it("fails on a repeated token by default, after yielding the page, as botocore does", async () => {
    const service = scripted({
      "": { Things: [{ Id: 1 }], NextToken: "tA" },
      tA: { Things: [{ Id: 2 }], NextToken: "tA" },
    });
    const seen: number[] = [];
    const run = async () => {
      for await (const page of paginateListThings(service.send)) seen.push(...ids(page.Things));
    };
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepeatedTokenError);
    expect(error).toMatchObject({ token: "tA", page: 2 });
    expect(seen).toEqual([1, 2]);
  });

  it("ends quietly on a repeated token with stopOnSameToken", async () => {
    const service = scripted({
      "": { Things: [{ Id: 1 }], NextToken: "tA" },
      tA: { Things: [{ Id: 2 }], NextToken: "tA" },
    });
    const paginator = paginateListThings(service.send, {}, { stopOnSameToken: true });
    expect(await paginator.buildFullResult()).toEqual({ Things: [{ Id: 1 }, { Id: 2 }] });
    expect(service.requests.length).toBe(2);
  });

  it("treats a starting token the service hands back as repeated", async () => {
    const service = scripted({ tA: { Things: [{ Id: 2 }], NextToken: "tA" } });
    const error = await collect(paginateListThings(service.send, { PaginationConfig: { StartingToken: "tA" } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RepeatedTokenError);
  });

  it("detects a rewind to a token sent earlier in the run (botocore would repeat pages)", async () => {
    const service = scripted({
      "": { Things: [{ Id: 1 }], NextToken: "tA" },
      tA: { Things: [{ Id: 2 }], NextToken: "tB" },
      tB: { Things: [{ Id: 3 }], NextToken: "tA" },
    });
    const error = await collect(paginateListThings(service.send)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRewindError);
    expect(error).toMatchObject({ token: "tA", page: 3, firstSeenOnPage: 1 });
    expect(service.requests.length).toBe(3);
  });

  it("wraps transport failures with the page and a token that resumes there; the cause keeps its type", async () => {
    class Throttled extends Error {}
    const inner = listService(6, 2);
    let calls = 0;
    const flaky = async (request: Parameters<typeof inner.send>[0]) => {
      if (++calls === 3) throw new Throttled("slow down");
      return inner.send(request);
    };
    const seen: number[] = [];
    const error = await (async () => {
      for await (const thing of paginateListThings(flaky, { PaginationConfig: { PageSize: 2 } }).items())
        seen.push(thing.Id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageRequestError);
    const failure = error as PageRequestError;
    expect(failure.cause).toBeInstanceOf(Throttled);
    expect(failure.page).toBe(3);
    expect(failure.message).toMatch(/page 3/);
    for await (const thing of paginateListThings(flaky, {
      PaginationConfig: { PageSize: 2, StartingToken: failure.resumeToken },
    }).items())
      seen.push(thing.Id);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("wraps pages that fail validation", async () => {
    const service = scripted({ "": { Things: [{ Id: 1 }], NextToken: 7 as unknown as string } });
    const error = await collect(paginateListThings(service.send)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageValidationError);
    expect((error as PageValidationError).cause).toBeInstanceOf(BadPage);
  });

  it("stops between requests when aborted", async () => {
    const controller = new AbortController();
    const service = listService(10, 2);
    const error = await (async () => {
      for await (const page of paginateListThings(service.send, {}, { signal: controller.signal }))
        if (ids(page.Things)[0] === 2) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationAbortedError);
    expect(error).toMatchObject({ page: 3 });
    expect(service.requests.length).toBe(2);
  });

  it("stops during a request when aborted, even if the transport ignores the signal", async () => {
    const controller = new AbortController();
    const never = () => new Promise<unknown>(() => undefined);
    const pending = collect(paginateListThings(never, {}, { signal: controller.signal }));
    setImmediate(() => controller.abort(new Error("user gave up")));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationAbortedError);
    expect((error as PaginationAbortedError).cause).toEqual(new Error("user gave up"));
  });
});

describe("readAhead", () => {
  it("asks for the next page before the current one is consumed, and yields the same pages", async () => {
    const service = listService(7, 3);
    const paginator = paginateListThings(service.send, {}, { readAhead: true });
    const requestsWhenYielded: number[] = [];
    const pages: number[][] = [];
    for await (const page of paginator) {
      requestsWhenYielded.push(service.requests.length);
      pages.push(ids(page.Things));
    }
    expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(requestsWhenYielded).toEqual([2, 3, 3]);
  });

  it("does not read past MaxItems, and keeps botocore's tokens", async () => {
    const service = listService(9, 3);
    const paginator = paginateListThings(service.send, { PaginationConfig: { MaxItems: 5 } }, { readAhead: true });
    expect((await paginator.buildFullResult()).Things?.map((t) => t.Id)).toEqual([0, 1, 2, 3, 4]);
    expect(service.requests.length).toBe(2);
    expect(b64json(paginator.resumeToken ?? "")).toBe('{"NextToken": "t3", "boto_truncate_amount": 2}');
  });

  it("reports a failed read-ahead at the page it was for, with its resume token", async () => {
    const inner = listService(9, 3);
    let calls = 0;
    const flaky = (request: Parameters<typeof inner.send>[0]) =>
      ++calls === 2 ? Promise.reject(new Error("boom")) : inner.send(request);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const thing of paginateListThings(flaky, {}, { readAhead: true }).items()) seen.push(thing.Id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageRequestError);
    expect(error).toMatchObject({ page: 2 });
    expect(seen).toEqual([0, 1, 2]);
    expect(b64json((error as PageRequestError).resumeToken)).toBe('{"NextToken": "t3"}');
  });
});
