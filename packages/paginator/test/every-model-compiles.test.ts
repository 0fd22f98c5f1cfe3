/**
 * Issue 9 point 1: every reference AWS model (restJson1, awsJson1_0, awsJson1_1) generates, and its
 * models, validators and paginator bindings (plain and signed) compile together under the repo's
 * strict settings. The SDK bindings need each service's SDK client; official-model.test.ts checks them
 * for Data Exchange, whose client this package installs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { generate } from "@dx/generator";
import { awsModelFiles, referenceFile } from "@dx/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, typecheckGenerated } from "./support/compile-generated.js";

describe("every reference model compiles", () => {
  const work = mkdtempSync(join(tmpdir(), "dx-every-model-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const models = awsModelFiles();

  it("finds the nine reference models", () => {
    expect(models.length).toBeGreaterThanOrEqual(9);
  });

  it.each(models)("%s: models, validators and paginators type-check under strict", (file) => {
    const out = join(work, basename(file, ".json"));
    generate({ root: repoRoot, specs: [referenceFile(`aws-models/${file}`) as string], outRoot: out });
    const tsc = typecheckGenerated(out);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  });
});
