/**
 * What a random model's generated packages do once written: they type-check under the repo's strict
 * settings beside their runtimes (the paginator's compile-generated helper), and for each structure
 * and union the validators accept a value of the emitted arbitrary, and serialize → JSON → parse gives
 * it back (less what travels outside the body), as packages/validators/test/any-model.test.ts checks
 * for the official models.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, expect } from "vitest";
import { typecheckGenerated } from "../../../packages/paginator/test/support/compile-generated.js";
import { bodyOnly, shapeApis, throughJson } from "../../../packages/validators/test/support/api.js";
import { generate } from "../../src/pipeline.js";
import { generatorDir, repoRoot } from "../support.js";
import type { RandomModel } from "./model-arbitrary.js";

// Inside the generator so that the generated arbitraries' `fast-check` import resolves.
const work = join(generatorDir, ".random-models-tmp");
afterAll(() => rmSync(work, { recursive: true, force: true }));

export async function checkCompiledModel(m: RandomModel, inputs: { file: string; text: string }[]): Promise<void> {
  mkdirSync(work, { recursive: true });
  const out = mkdtempSync(join(work, "model-"));
  generate({ root: repoRoot, inputs, outRoot: out });
  const tsc = typecheckGenerated(out);
  // The whole of tsc's output in the failure, not vitest's abbreviation of it.
  if (tsc.output !== "") throw new Error(`${m.serviceId}: tsc:\n${tsc.output.split(out).join("<out>")}`);
  expect(tsc.status).toBe(0);
  const dir = join(out, "packages/validators/src/generated");
  const api = (await import(pathToFileURL(join(dir, "index.gen.ts")).href)) as Record<string, unknown>;
  const { arbitraries } = (await import(pathToFileURL(join(dir, "arbitraries.gen.ts")).href)) as {
    arbitraries: Record<string, fc.Arbitrary<unknown>>;
  };
  const model = JSON.parse(readFileSync(join(dir, "schemas/model.gen.json"), "utf8")) as {
    $defs: Record<string, unknown>;
  };
  const shapes = shapeApis(api, arbitraries);
  for (const shape of shapes) {
    fc.assert(
      fc.property(shape.arbitrary, (value) => {
        expect(shape.is(value), shape.name).toBe(true);
        const json = throughJson(shape.serialize(value));
        expect(shape.parse(json), shape.name).toEqual(bodyOnly(model, shape.name, value));
      }),
      { numRuns: 10, seed: 1 },
    );
  }
}
