/**
 * Issue 9 point 3, the paginator side: on every AWS model in the reference (restJson1 and awsJson), each
 * paginated operation gets a binding (a page-only one where the trait, merged with the service's, names
 * no items or a non-list), without a crash. A model the check stage refuses is listed, not failed: its
 * spec problems belong to the check stage.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { EMITTERS, runPipeline, SpecError } from "@dx/generator";
import { awsModelFiles, referenceFile } from "@dx/test-support";
import { describe, expect, it } from "vitest";

const emitter = EMITTERS.find((e) => e.name === "paginator");

interface Trait {
  inputToken?: string;
  outputToken?: string;
  items?: string;
  pageSize?: string;
}

/** The operations of the model's service with a paginated trait, merged with the service's as Smithy says. */
function paginated(text: string): Map<string, Trait> {
  const shapes = (
    JSON.parse(text) as {
      shapes: Record<
        string,
        { type: string; operations?: { target: string }[]; resources?: unknown; traits?: Record<string, unknown> }
      >;
    }
  ).shapes;
  const service = Object.values(shapes).find((s) => s.type === "service");
  const base = (service?.traits?.["smithy.api#paginated"] ?? {}) as Trait;
  const out = new Map<string, Trait>();
  for (const [id, shape] of Object.entries(shapes)) {
    const own = shape.traits?.["smithy.api#paginated"] as Trait | undefined;
    if (shape.type === "operation" && own !== undefined) out.set(id.split("#")[1] as string, { ...base, ...own });
  }
  return out;
}

describe("paginators on every reference model", () => {
  const models = awsModelFiles();
  it("finds the reference models", () => {
    expect(models.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of models) {
    it(`${basename(file)}: one binding per paginated operation, page-only where there are no list items`, () => {
      if (emitter === undefined) throw new Error("no paginator emitter");
      const path = referenceFile(`aws-models/${basename(file)}`);
      if (path === undefined) throw new Error(`no reference model ${file}`);
      const text = readFileSync(path, "utf8");
      let result: ReturnType<typeof runPipeline>;
      try {
        result = runPipeline({ root: "/nonexistent", inputs: [{ file: basename(file), text }], emitters: [emitter] });
      } catch (error) {
        if (!(error instanceof SpecError)) throw error; // anything else is a crash
        console.warn(
          `${basename(file)}: refused by the check stage (${error.diagnostics.length} problem(s)); no paginators`,
        );
        return;
      }
      const files = result.outputs[0]?.files ?? new Map<string, string>();
      const expected = paginated(text);
      const bindings = [...files.keys()].filter((f) => /^paginate\w+\.gen\.ts$/.test(f));
      expect(bindings.sort()).toEqual([...expected.keys()].map((op) => `paginate${op}.gen.ts`).sort());
      for (const [op, trait] of expected) {
        const code = files.get(`paginate${op}.gen.ts`) ?? "";
        const pagesOnly = code.includes("createPagesPaginator(");
        if (trait.items === undefined) expect(pagesOnly, op).toBe(true);
        if (pagesOnly && trait.items !== undefined)
          expect(result.warnings.some((w) => w.includes(`${op}: items ${trait.items}`))).toBe(true);
      }
    }, 120_000);
  }
});
