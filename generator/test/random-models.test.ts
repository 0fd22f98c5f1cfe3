/**
 * Models nobody has seen: valid Smithy models of the three JSON protocols, written by a fast-check
 * arbitrary (support/model-arbitrary.ts), go through every emitter with no error and the same bytes
 * twice; some of them are compiled under the strict settings and their validators run; and made
 * invalid in one place, they give an error at that file and JSON pointer and write nothing.
 * More runs: DX_PROPERTY_RUNS=1000 (and DX_PROPERTY_COMPILE_RUNS=20) pnpm --filter @dx/generator exec
 * vitest run test/random-models.test.ts.
 */
import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpecError, type Diagnostic } from "../src/diagnostics.js";
import { generate, runPipeline } from "../src/pipeline.js";
import { randomModel, type RandomModel } from "./support/model-arbitrary.js";
import { checkCompiledModel } from "./support/random-compile.js";
import { repoRoot, tempDir } from "./support.js";

const RUNS = Number(process.env["DX_PROPERTY_RUNS"] ?? 300);
const COMPILE_RUNS = Number(process.env["DX_PROPERTY_COMPILE_RUNS"] ?? 4);
// A fixed seed, so that CI is the same on every run; another with DX_PROPERTY_SEED.
const SEED = Number(process.env["DX_PROPERTY_SEED"] ?? 20261202);
const FILE = "random.json";

function inputs(m: RandomModel): { file: string; text: string }[] {
  return [{ file: FILE, text: `${JSON.stringify(m.model, null, 2)}\n` }];
}

/** Every generated file of every emitter, by path, for byte comparisons. */
function emitted(m: RandomModel): { files: Map<string, string>; warnings: string[] } {
  const { outputs, warnings } = runPipeline({ root: repoRoot, inputs: inputs(m) });
  const files = new Map<string, string>();
  for (const o of outputs) for (const [path, text] of o.files) files.set(`${o.outDir}/${path}`, text);
  return { files, warnings };
}

/** What each warning names: an operation or a shape of the model, after the emitter's name. */
function expectPointed(m: RandomModel, warning: string): void {
  expect(warning).toMatch(/^(models|validators|paginator): \S.{20,}/);
  const names = Object.keys(m.model.shapes).flatMap((id) => [id, id.split("#")[1] as string]);
  expect(
    names.some((n) => warning.includes(`${n}:`) || warning.includes(`${n} `)),
    warning,
  ).toBe(true);
}

describe("random valid models", () => {
  it("go through every emitter with no error, worded warnings and the same bytes twice", () => {
    fc.assert(
      fc.property(randomModel(), (m) => {
        const first = emitted(m);
        expect(first.files.size).toBeGreaterThan(5);
        for (const w of first.warnings) expectPointed(m, w);
        const second = emitted(m);
        expect([...second.files.keys()]).toEqual([...first.files.keys()]);
        for (const [path, text] of first.files) expect(second.files.get(path), path).toBe(text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("type-check under the strict settings, and their validators accept and round-trip their arbitraries", async () => {
    await fc.assert(
      fc.asyncProperty(randomModel(), async (m) => checkCompiledModel(m, inputs(m))),
      { numRuns: COMPILE_RUNS, endOnFailure: true, seed: SEED },
    );
  }, 600_000);
});

type Mutation = { name: string; pointer: string; message: string; apply: (m: RandomModel) => void };

/** One fault put into a valid model, with where and what the diagnostic must say; undefined when it has no place for it. */
function mutations(m: RandomModel): Mutation[] {
  const shapes = m.model.shapes;
  const out: Mutation[] = [];
  const structure = Object.entries(shapes).find(
    ([, s]) => s["type"] === "structure" && Object.keys(s["members"] ?? {}).length > 0,
  );
  if (structure) {
    const [id, s] = structure;
    const member = Object.keys(s["members"])[0] as string;
    out.push({
      name: "dangling target",
      pointer: `/shapes/${id}/members/${member}/target`,
      message: "unknown shape target",
      apply: () => void (s["members"][member].target = `${id}Missing`),
    });
  }
  const service = shapes[m.serviceId] as Record<string, any>;
  const paged = Object.entries(shapes).find(
    ([, s]) => s["traits"]?.["smithy.api#paginated"] !== undefined && s["type"] === "operation",
  );
  if (paged) {
    const [id, op] = paged;
    const trait = { ...service["traits"]["smithy.api#paginated"], ...op["traits"]["smithy.api#paginated"] };
    out.push({
      name: "paginated items on a string",
      pointer: `/shapes/${id}/traits/smithy.api#paginated/items`,
      message: `items "${trait.outputToken}" targets a string; expected list or set or map`,
      apply: () => void (op["traits"]["smithy.api#paginated"].items = trait.outputToken),
    });
  }
  out.push({
    name: "unknown protocol",
    pointer: `/shapes/${m.serviceId}/traits`,
    message: "must use one of the JSON protocols",
    apply: () => {
      const traits = service["traits"];
      for (const k of Object.keys(traits)) if (k.startsWith("aws.protocols#")) delete traits[k];
      traits["aws.protocols#awsQuery"] = {};
    },
  });
  return out;
}

describe("random models made invalid in one place", () => {
  it("give an error diagnostic at the file and JSON pointer of the fault, and write nothing", () => {
    fc.assert(
      fc.property(randomModel(), fc.nat(), (m, pick) => {
        const all = mutations(m);
        const mutation = all[pick % all.length] as Mutation;
        mutation.apply(m);
        const out = tempDir("dx-random-invalid-");
        let diagnostics: readonly Diagnostic[] = [];
        try {
          generate({ root: repoRoot, inputs: inputs(m), outRoot: out });
        } catch (e) {
          if (!(e instanceof SpecError)) throw e;
          diagnostics = e.diagnostics;
        }
        expect(readdirSync(out)).toEqual([]);
        const found = diagnostics.find((d) => d.pointer === mutation.pointer);
        expect(
          found,
          `${mutation.name}: ${diagnostics.map((d) => `${d.pointer} ${d.message}`).join("\n")}`,
        ).toBeDefined();
        expect(found?.file).toBe(FILE);
        expect(found?.line).toBeGreaterThan(0);
        expect(found?.message).toContain(mutation.message);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });
});
