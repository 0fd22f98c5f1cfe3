/**
 * The emitter on a real AWS model: every paginated operation of the official Data Exchange model gets
 * a binding, and the bindings type-check (strict settings) against the models and validators generated
 * from the same model, the runtime of this package and the AWS SDK's own types.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@dx/generator";
import { referenceFile } from "@dx/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { typecheckGenerated } from "./support/compile-generated.js";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const repoRoot = resolve(packageDir, "..", "..");
/** The original beside the clone in CI, else the repo's facts-only copy. */
const official = referenceFile("aws-models/dataexchange-2017-07-25.json") as string;
const require = createRequire(import.meta.url);

function paginatedOperations(path: string): string[] {
  const shapes = (
    JSON.parse(readFileSync(path, "utf8")) as {
      shapes: Record<string, { type: string; traits?: Record<string, unknown> }>;
    }
  ).shapes;
  return Object.entries(shapes)
    .filter(([, s]) => s.type === "operation" && s.traits?.["smithy.api#paginated"] !== undefined)
    .map(([id]) => id.split("#")[1] as string)
    .sort();
}

describe("the official Data Exchange model", () => {
  const out = mkdtempSync(join(tmpdir(), "dx-paginator-official-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  generate({ root: repoRoot, specs: [official], outRoot: out });
  const generated = join(out, "packages", "paginator", "src", "generated");

  it("gets one binding per paginated operation", () => {
    const expected = paginatedOperations(official);
    expect(expected.length).toBe(7);
    const files = readdirSync(generated)
      .filter((f) => f !== "index.gen.ts" && f !== "sdk" && f !== "signed")
      .sort();
    expect(files).toEqual(expected.map((op) => `paginate${op}.gen.ts`));
    const index = readFileSync(join(generated, "index.gen.ts"), "utf8");
    for (const op of expected) expect(index).toContain(`export { paginate${op} } from "./paginate${op}.gen.js";`);
    const sdkIndex = readFileSync(join(generated, "sdk", "index.gen.ts"), "utf8");
    for (const op of expected) expect(sdkIndex).toContain(`export { paginate${op} } from "./paginate${op}.gen.js";`);
  });

  it("type-checks against its models and validators, the runtime and the AWS SDK's types", () => {
    const sdkTypes = join(
      dirname(require.resolve("@aws-sdk/client-dataexchange/package.json")),
      "dist-types",
      "index.d.ts",
    );
    const tsc = typecheckGenerated(out, { name: "@aws-sdk/client-dataexchange", types: sdkTypes });
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  }, 150_000);
});
