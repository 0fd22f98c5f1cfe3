/**
 * Page-only paginators (a trait without items; items naming a map) and map tokens, generated from a
 * small restJson1 spec and type-checked (strict, exactOptionalPropertyTypes) against the models and
 * validators generated beside them and this package's runtime: what the emitter writes for those
 * cases compiles, and a page-only binding offers no items(), MaxItems or buildFullResult.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "@dx/generator";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, typecheckGenerated } from "./support/compile-generated.js";

const op = (name: string, paginated: Record<string, string>, input: string, output: string) => ({
  [`ex#${name}`]: {
    type: "operation",
    input: { target: `ex#${input}` },
    output: { target: `ex#${output}` },
    traits: { "smithy.api#http": { method: "GET", uri: `/${name}` }, "smithy.api#paginated": paginated },
  },
});
const spec = {
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#ListPages" }, { target: "ex#ListTags" }, { target: "ex#Scan" }],
      traits: { "aws.protocols#restJson1": {} },
    },
    ...op("ListPages", { inputToken: "Cursor", outputToken: "Cursor", pageSize: "Limit" }, "PagesIn", "PagesOut"),
    ...op("ListTags", { inputToken: "Cursor", outputToken: "Cursor", items: "Tags" }, "PagesIn", "TagsOut"),
    ...op(
      "Scan",
      { inputToken: "StartKey", outputToken: "LastKey", items: "Rows", pageSize: "Limit" },
      "ScanIn",
      "ScanOut",
    ),
    "ex#PagesIn": {
      type: "structure",
      members: {
        Cursor: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "cursor" } },
        Limit: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "limit" } },
      },
    },
    "ex#PagesOut": {
      type: "structure",
      members: { Cursor: { target: "smithy.api#String" }, Rows: { target: "ex#Rows" } },
    },
    "ex#TagsOut": {
      type: "structure",
      members: { Cursor: { target: "smithy.api#String" }, Tags: { target: "ex#Tags" } },
    },
    "ex#ScanIn": {
      type: "structure",
      members: { StartKey: { target: "ex#Key" }, Limit: { target: "smithy.api#Integer" } },
    },
    "ex#ScanOut": {
      type: "structure",
      members: { LastKey: { target: "ex#Key" }, Rows: { target: "ex#Rows" } },
    },
    "ex#Key": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
    "ex#Tags": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
    "ex#Rows": { type: "list", member: { target: "smithy.api#String" } },
  },
};

describe("page-only paginators and map tokens, generated and compiled", () => {
  const out = mkdtempSync(join(tmpdir(), "dx-paginator-pages-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const specFile = join(out, "spec.json");
  writeFileSync(specFile, JSON.stringify(spec, null, 2));
  const warnings: string[] = [];
  generate({ root: repoRoot, specs: [specFile], outRoot: out, onWarning: (w) => warnings.push(w) });
  const generated = join(out, "packages", "paginator", "src", "generated");

  it("binds each operation: pages only without items or with map items (warned), full with map tokens", () => {
    expect(readFileSync(join(generated, "paginateListPages.gen.ts"), "utf8")).toContain("createPagesPaginator(");
    expect(readFileSync(join(generated, "paginateListTags.gen.ts"), "utf8")).toContain("createPagesPaginator(");
    expect(readFileSync(join(generated, "paginateScan.gen.ts"), "utf8")).toContain("createPaginator(");
    expect(warnings).toEqual([
      "paginator: ListTags: items Tags is a map, which botocore cannot truncate or merge either; its paginator pages only (no items(), MaxItems or buildFullResult)",
    ]);
  });

  it("type-checks, and a page-only paginator has no items(), MaxItems or buildFullResult", () => {
    const use = join(out, "packages", "paginator", "src", "use.ts");
    writeFileSync(
      use,
      `import { paginateListPages, paginateScan } from "./generated/index.gen.js";
declare const send: (request: object) => Promise<unknown>;
export async function use(): Promise<void> {
  const pages = paginateListPages(send, { PaginationConfig: { PageSize: 5, StartingToken: undefined } });
  for await (const page of pages) void page.Rows;
  void pages.resumeToken;
  // @ts-expect-error: no items() on a page-only paginator
  void pages.items;
  // @ts-expect-error: no buildFullResult() on a page-only paginator
  void pages.buildFullResult;
  // @ts-expect-error: no MaxItems in its PaginationConfig
  paginateListPages(send, { PaginationConfig: { MaxItems: 1 } });
  const rows: string[] = [];
  for await (const row of paginateScan(send, { PaginationConfig: { MaxItems: 3 } }).items()) rows.push(row);
}
`,
    );
    const tsc = typecheckGenerated(out, undefined, [use]);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  }, 150_000);
});
