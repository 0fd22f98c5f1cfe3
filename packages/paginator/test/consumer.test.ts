/**
 * The paginator as a consumer meets it (issue 11): errors, resume tokens after break/return/throw, and
 * bounded memory structures. The runtime is driven through the made-up ListThings operation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createPaginator,
  createPagesPaginator,
  pageFailureOf,
  PaginationConfigError,
  PageRequestError,
  RepeatedTokenError,
  TokenRewindError,
  wireTransport,
  type PageDrift,
} from "../src/runtime/index.js";
import { paginateListJobs } from "../src/index.js";
import { createSdkPaginator } from "../src/runtime/sdk.js";
import { TokenSet } from "../src/runtime/token-set.js";
import {
  collect,
  listService,
  paginateListThings,
  paginateListThingsOperation,
  scripted,
  type ListThingsInput,
  type ListThingsOutput,
} from "./support/things.js";

const all = (count: number): number[] => Array.from({ length: count }, (_, i) => i);
const b64json = (token: string): string => Buffer.from(token, "base64").toString("utf8");

describe("bad configuration is a PaginationConfigError before any request; a bad transport a TypeError at once", () => {
  it.each([
    ["StartingToken null", { StartingToken: null }, /StartingToken must be a string, got null/],
    ["StartingToken a number", { StartingToken: 3 }, /StartingToken must be a string, got 3/],
    ["MaxItems a string", { MaxItems: "5" }, /MaxItems must be a positive integer, got "5"/],
    ["a misspelled member", { Maxitems: 5 }, /unknown member Maxitems/],
  ])("%s", async (_, config, message) => {
    const service = listService(3);
    const error = await collect(paginateListThings(service.send, { PaginationConfig: config as never })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PaginationConfigError);
    expect((error as Error).message).toMatch(message);
    expect(service.requests).toEqual([]);
  });

  it("an unknown validation mode", async () => {
    const service = listService(3);
    const error = await collect(paginateListThings(service.send, {}, { validation: "stirct" as never })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PaginationConfigError);
    expect((error as Error).message).toBe('validation must be "tolerant", "strict" or "off", got "stirct"');
    expect(service.requests).toEqual([]);
  });

  // Plain JavaScript callers (TypeScript refuses all of these), as botocore's "Unknown parameter in input".
  it.each([
    ["a misspelt member", { owner: "me" }, 'Unknown parameter in input: "owner", must be one of: Owner'],
    [
      "an option given as a param",
      { validation: "strict" },
      'Unknown parameter in input: "validation", must be one of: Owner (paginator options such as validation go in the third argument)',
    ],
    [
      "the token member",
      { NextToken: "t1" },
      "NextToken is set by the paginator: pass a resume token as PaginationConfig.StartingToken",
    ],
    ["the page-size member", { Limit: 2 }, "Limit is set by the paginator: use PaginationConfig.PageSize"],
    ["not an object", "Owner", 'params must be an object, got "Owner"'],
    ["an array", [], "params must be an object, got an array"],
  ])("params: %s", async (_, params, message) => {
    const service = listService(3);
    const error = await collect(paginateListThings(service.send, params as never)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationConfigError);
    expect((error as Error).message).toBe(message);
    expect(service.requests).toEqual([]);
  });

  it.each([
    [
      "a misspelt option",
      { valdation: "strict" },
      /^Unknown paginator option valdation \(expected validation, onDrift, signal, stopOnSameToken, readAhead\)$/,
    ],
    ["options not an object", "strict", /^options must be an object, got "strict"$/],
    ["onDrift not a function", { onDrift: true }, /^onDrift must be a function, got true$/],
    [
      "signal not an AbortSignal",
      { signal: { aborted: false } },
      /^signal must be an AbortSignal, got an object with aborted$/,
    ],
  ])("options: %s", async (_, options, message) => {
    const service = listService(3);
    const error = await collect(paginateListThings(service.send, {}, options as never)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationConfigError);
    expect((error as Error).message).toMatch(message);
    expect(service.requests).toEqual([]);
  });

  it("params: the managed members left undefined are harmless; a descriptor without inputMembers checks nothing", async () => {
    const service = listService(1);
    const params = { Owner: "me", NextToken: undefined, Limit: undefined };
    expect(await collect(paginateListThings(service.send, params as never))).toHaveLength(1);
    const { inputMembers: _, ...rest } = paginateListThingsOperation;
    const unchecked: typeof paginateListThingsOperation = rest;
    expect(await collect(createPaginator(unchecked)(service.send, { Extra: 1 } as never))).toHaveLength(1);
  });

  it("arguments of the wrong type to wireTransport, search and buildFullResult are TypeErrors before any request", async () => {
    const service = listService(3);
    // @ts-expect-error: a function only
    expect(() => wireTransport(42)).toThrow(
      new TypeError("wireTransport: expected a function from request to the service's wire JSON, got 42"),
    );
    // @ts-expect-error: a string only
    await expect(collect(paginateListThings(service.send).search(123))).rejects.toThrow(
      new TypeError("search: expression must be a string, got 123"),
    );
    // @ts-expect-error: a function only
    await expect(paginateListThings(service.send).buildFullResult("x")).rejects.toThrow(
      new TypeError('buildFullResult: onPage must be a function, got "x"'),
    );
    expect(service.requests).toEqual([]);
  });

  it("a transport that is neither a function nor wireTransport(fn)", () => {
    // @ts-expect-error: refused at compile time too
    expect(() => paginateListThings(42)).toThrow(TypeError);
    // @ts-expect-error: an object with send() is not a transport of the main entry
    expect(() => paginateListThings({ send: async () => ({}) })).toThrow(
      /expected a function from request to response/,
    );
  });
});

describe("errors carry where to resume", () => {
  it("a repeated token: the page is delivered, and the resume token skips it", async () => {
    const service = scripted({
      "": { Things: [{ Id: 0 }], NextToken: "t1" },
      t1: { Things: [{ Id: 1 }, { Id: 2 }], NextToken: "t1" },
    });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const thing of paginateListThings(service.send).items()) seen.push(thing.Id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepeatedTokenError);
    expect(seen).toEqual([0, 1, 2]);
    expect(b64json((error as RepeatedTokenError).resumeToken)).toBe('{"NextToken": "t1", "boto_truncate_amount": 2}');
    expect(pageFailureOf(error)?.page).toBe(2);
  });

  it("a rewound token: the resume token is right after the page that sent it", async () => {
    const service = scripted({
      "": { Things: [{ Id: 0 }], NextToken: "t1" },
      t1: { Things: [{ Id: 1 }], NextToken: "t2" },
      t2: { Things: [{ Id: 2 }, { Id: 3 }], NextToken: "t1" },
    });
    const error = await collect(paginateListThings(service.send)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRewindError);
    expect((error as TokenRewindError).firstSeenOnPage).toBe(1);
    expect(b64json((error as TokenRewindError).resumeToken)).toBe('{"NextToken": "t2", "boto_truncate_amount": 2}');
  });

  it("buildFullResult's failure carries the items it had, and a NextToken that continues after them", async () => {
    const service = listService(10, 3);
    const failing = async (request: ListThingsInput): Promise<unknown> => {
      if (request.NextToken === "t6") throw new Error("connection reset");
      return service.send(request);
    };
    const error = await paginateListThings(failing)
      .buildFullResult()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageRequestError);
    const partial = (error as PageRequestError).partialResult as { Things: { Id: number }[]; NextToken: string };
    expect(partial.Things.map((t) => t.Id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(partial.NextToken).toBe((error as PageRequestError).resumeToken);
    const rest = await paginateListThings(service.send, {
      PaginationConfig: { StartingToken: partial.NextToken },
    }).buildFullResult();
    expect([...partial.Things, ...(rest.Things ?? [])].map((t) => t.Id)).toEqual(all(10));
  });
});

describe("resumeToken after break, return or a throw in the loop body", () => {
  it("after a break over pages: the next run starts at the next page", async () => {
    const service = listService(10, 3);
    const paginator = paginateListThings(service.send);
    for await (const page of paginator) if (page.Things?.[0]?.Id === 3) break;
    expect(b64json(paginator.resumeToken ?? "")).toBe('{"NextToken": "t6"}');
  });

  it("after a throw over items: the next run starts right after the last item received", async () => {
    const service = listService(10, 3);
    const paginator = paginateListThings(service.send);
    const seen: number[] = [];
    await (async () => {
      for await (const thing of paginator.items()) {
        seen.push(thing.Id);
        if (thing.Id === 4) throw new Error("the caller's own failure");
      }
    })().catch(() => undefined);
    expect(b64json(paginator.resumeToken ?? "")).toBe('{"NextToken": "t3", "boto_truncate_amount": 2}');
    for await (const thing of paginateListThings(service.send, {
      PaginationConfig: { StartingToken: paginator.resumeToken },
    }).items())
      seen.push(thing.Id);
    expect(seen).toEqual(all(10));
  });

  it("after the last item: undefined (nothing left)", async () => {
    const paginator = paginateListThings(listService(4, 2).send);
    for await (const thing of paginator.items()) if (thing.Id === 3) break;
    expect(paginator.resumeToken).toBeUndefined();
  });

  it("any stop over items or pages, resumed repeatedly, gives every item once (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("items", "pages", "return"),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        async (count, size, stops, how, maxItems) => {
          const service = listService(count, size);
          const seen: number[] = [];
          let token: string | undefined;
          for (const stop of [...stops, Number.POSITIVE_INFINITY]) {
            const paginator = paginateListThings(service.send, {
              PaginationConfig: { StartingToken: token, MaxItems: maxItems },
            });
            let n = 0;
            if (how === "pages") {
              for await (const page of paginator) {
                seen.push(...(page.Things ?? []).map((t) => t.Id));
                if (++n > stop) break;
              }
            } else {
              const take = async (): Promise<void> => {
                for await (const thing of paginator.items()) {
                  seen.push(thing.Id);
                  if (++n > stop) return;
                }
              };
              await take();
            }
            token = paginator.resumeToken;
            if (token === undefined) break;
          }
          while (token !== undefined) {
            const paginator = paginateListThings(service.send, { PaginationConfig: { StartingToken: token } });
            for await (const page of paginator) seen.push(...(page.Things ?? []).map((t) => t.Id));
            token = paginator.resumeToken;
          }
          expect(seen).toEqual(all(count));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("page-only paginators (a trait without items)", () => {
  const paginatePages = createPagesPaginator<ListThingsInput, ListThingsOutput, "NextToken", ["NextToken"], "Limit">({
    name: "ListThingPages",
    inputToken: "NextToken",
    outputToken: ["NextToken"],
    pageSize: "Limit",
    parse: (json) => json as ListThingsOutput,
    assert: () => undefined,
  });

  it("pages, PageSize, StartingToken and resume tokens; no MaxItems, items() or buildFullResult", async () => {
    const service = listService(7, 3);
    const paginator = paginatePages(wireTransport(service.send), { PaginationConfig: { PageSize: 2 } });
    const first: number[][] = [];
    for await (const page of paginator) {
      first.push((page.Things ?? []).map((t) => t.Id));
      if (first.length === 2) break;
    }
    expect(first).toEqual([
      [0, 1],
      [2, 3],
    ]);
    const rest = await collect(
      paginatePages(service.send, { PaginationConfig: { StartingToken: paginator.resumeToken } }),
    );
    expect(rest.map((p) => (p.Things ?? []).map((t) => t.Id))).toEqual([[4, 5, 6]]);
    // @ts-expect-error: no MaxItems in a page-only PaginationConfig
    const withMax = paginatePages(service.send, { PaginationConfig: { MaxItems: 1 } });
    await expect(collect(withMax)).rejects.toBeInstanceOf(PaginationConfigError);
    // @ts-expect-error: no items() on a page-only paginator
    expect(paginatePages(service.send).items).toBeTypeOf("function"); // present at run time, refused when called
  });
});

describe("bounded memory", () => {
  it("reports a new member once per path, however many values it takes; enum values once per path and value", async () => {
    const pages: Record<string, ListThingsOutput> = {};
    for (let p = 0; p < 50; p++) {
      pages[p === 0 ? "" : `t${p}`] = {
        Things: Array.from({ length: 20 }, (_, i) => ({ Id: p * 20 + i })),
        ...(p < 49 && { NextToken: `t${p + 1}` }),
      };
    }
    const drifts: PageDrift[] = [];
    const service = scripted(pages);
    let n = 0;
    const paginator = paginateListThings(service.send, {}, { onDrift: (d) => drifts.push(d) });
    // A stand-in validator that reports what the real ones would: a new member with a new value per item.
    const run = (
      paginator as unknown as { operation: { assert: (v: unknown, o?: { onDrift?: (d: unknown) => void }) => void } }
    ).operation;
    const assert = run.assert;
    run.assert = (value, options) => {
      const page = value as ListThingsOutput;
      page.Things?.forEach((_, i) => {
        options?.onDrift?.({ pointer: `/Things/${i}/Extra`, kind: "unknown-member", value: n++ });
        options?.onDrift?.({ pointer: `/Things/${i}/State`, kind: "unknown-enum-value", value: `S${i % 3}` });
      });
      assert(value, options);
    };
    try {
      await collect(paginator);
    } finally {
      run.assert = assert;
    }
    expect(drifts.map((d) => [d.path, d.value])).toEqual([
      ["/Things/*/Extra", 0],
      ["/Things/*/State", "S0"],
      ["/Things/*/State", "S1"],
      ["/Things/*/State", "S2"],
    ]);
  });

  it("values outside the spec's constraints pass in tolerant mode, reported once per path; strict fails the page", async () => {
    // Every job's Id breaks its pattern (^[a-zA-Z0-9]{30,40}$), with a new value each time.
    let n = 0;
    const job = () => ({
      Arn: "arn:aws:dataexchange:us-east-1:123456789012:jobs/x",
      CreatedAt: "2024-01-02T03:04:05Z",
      UpdatedAt: "2024-01-02T03:04:05Z",
      Details: {},
      Id: `job-${n++}`,
      State: "COMPLETED",
      Type: "EXPORT_ASSETS_TO_S3",
    });
    const send = async (request: { NextToken?: string }) => ({
      Jobs: [job(), job()],
      ...(request.NextToken === undefined && { NextToken: "t2" }),
    });
    const drifts: PageDrift[] = [];
    const pages = await collect(paginateListJobs(wireTransport(send), {}, { onDrift: (d) => drifts.push(d) }));
    expect(pages.flatMap((p) => p.Jobs?.map((j) => j.Id))).toEqual(["job-0", "job-1", "job-2", "job-3"]);
    expect(drifts).toEqual([
      {
        path: "/Jobs/*/Id",
        pointer: "/Jobs/0/Id",
        kind: "constraint",
        value: "job-0",
        expected: "a string matching /^[a-zA-Z0-9]{30,40}$/",
        page: 1,
      },
    ]);
    const error = await collect(paginateListJobs(wireTransport(send), {}, { validation: "strict" })).catch((e) => e);
    expect(error).toMatchObject({ name: "PageValidationError", page: 1 });
  });

  it("TokenSet finds every token it was given, with its page, and none it was not", () => {
    const set = new TokenSet();
    for (let i = 0; i < 50_000; i++) set.add(`token-${i}`, i + 1);
    for (let i = 0; i < 50_000; i++) expect(set.get(`token-${i}`)).toBe(i + 1);
    for (let i = 50_000; i < 100_000; i++) expect(set.get(`token-${i}`)).toBeUndefined();
    set.add("token-7", 999); // the first sighting is kept
    expect(set.get("token-7")).toBe(8);
  });
});

describe("map tokens (DynamoDB's ExclusiveStartKey / LastEvaluatedKey)", () => {
  interface Key {
    [name: string]: { S?: string; B?: Uint8Array };
  }
  interface ScanInput {
    ExclusiveStartKey?: Key;
    Limit?: number;
  }
  interface ScanOutput {
    Items?: { id: string }[];
    LastEvaluatedKey?: Key;
  }
  const paginateScan = createPaginator<
    ScanInput,
    ScanOutput,
    "ExclusiveStartKey",
    ["LastEvaluatedKey"],
    ["Items"],
    "Limit"
  >({
    name: "Scan",
    inputToken: "ExclusiveStartKey",
    outputToken: ["LastEvaluatedKey"],
    items: ["Items"],
    pageSize: "Limit",
    parse: (json) => json as ScanOutput,
    assert: () => undefined,
  });
  /** 10 items, 3 a page; the key of the last item of a page (a new object each time) continues after it. */
  const table = (count = 10) => {
    const requests: ScanInput[] = [];
    const send = async (request: ScanInput): Promise<ScanOutput> => {
      requests.push(request);
      const from = request.ExclusiveStartKey === undefined ? 0 : Number(request.ExclusiveStartKey["id"]?.S) + 1;
      const end = Math.min(count, from + (request.Limit ?? 3));
      const Items = Array.from({ length: end - from }, (_, i) => ({ id: String(from + i) }));
      return end < count
        ? { Items, LastEvaluatedKey: { id: { S: String(end - 1), B: new Uint8Array([end]) } } }
        : { Items, LastEvaluatedKey: {} };
    };
    return { send, requests };
  };

  it("follows map tokens to the end (an empty map ends, as botocore's falsy check)", async () => {
    const service = table();
    const items = await paginateScan(service.send).buildFullResult();
    expect(items.Items?.map((i) => i.id)).toEqual(all(10).map(String));
    expect(service.requests[1]?.ExclusiveStartKey?.["id"]?.S).toBe("2");
  });

  it("writes botocore's token for a map, bytes base64-encoded and listed in boto_encoded_keys, and reads it back", async () => {
    const service = table();
    const paginator = paginateScan(service.send, { PaginationConfig: { MaxItems: 4 } });
    await collect(paginator);
    expect(b64json(paginator.resumeToken ?? "")).toBe(
      '{"ExclusiveStartKey": {"id": {"S": "2", "B": "Aw=="}}, "boto_truncate_amount": 1, "boto_encoded_keys": [["ExclusiveStartKey", "id", "B"]]}',
    );
    const rest = paginateScan(service.send, { PaginationConfig: { StartingToken: paginator.resumeToken } });
    const ids = (await rest.buildFullResult()).Items?.map((i) => i.id);
    expect(ids).toEqual(["4", "5", "6", "7", "8", "9"]);
    expect(service.requests.at(-4)?.ExclusiveStartKey?.["id"]?.B).toEqual(new Uint8Array([3]));
  });

  it("catches a repeated map token by content, not by reference", async () => {
    const send = async (request: ScanInput): Promise<ScanOutput> => ({
      Items: [{ id: "x" }],
      LastEvaluatedKey: { id: { S: request.ExclusiveStartKey === undefined ? "a" : "b" } },
    });
    const error = await collect(paginateScan(send)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepeatedTokenError);
    expect((error as RepeatedTokenError).token).toEqual({ id: { S: "b" } });
  });
});

describe("the SDK adapter, when the SDK does not call the command's deserialize (schema-based SDK versions)", () => {
  class FakeClient {
    async send(command: FakeCommand): Promise<unknown> {
      // Deserializes by itself, never through command.deserialize: model-form output with $metadata.
      const from = Number(command.input.NextToken ?? 0);
      const Things = [{ Id: from }, { Id: from + 1 }];
      return {
        $metadata: { httpStatusCode: 200, requestId: `r${from}` },
        Things,
        ...(from < 4 && { NextToken: String(from + 2) }),
      };
    }
  }
  class FakeCommand {
    deserialize = async (): Promise<unknown> => {
      throw new Error("not called by this SDK");
    };
    constructor(readonly input: ListThingsInput) {}
  }

  it("takes the SDK's own model-form pages, keeping $metadata", async () => {
    const paginate = createSdkPaginator(paginateListThingsOperation, FakeClient, FakeCommand);
    const pages = await collect(paginate(new FakeClient()));
    expect(pages.map((p) => [p.Things?.map((t) => t.Id), p.$metadata.requestId])).toEqual([
      [[0, 1], "r0"],
      [[2, 3], "r2"],
      [[4, 5], "r4"],
    ]);
    // Structurally a FakeClient (it has only send()), but not an instance of the class: refused at once.
    expect(() => paginate({ send: async () => ({}) } as never)).toThrow(/expected a FakeClient, got an object/);
  });
});
