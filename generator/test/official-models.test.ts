/**
 * The generator reads real AWS models, not only ours: all of Data Exchange and all of MediaConvert
 * generate and type-check, and the ListJobs closure of the official model gives the types of spec/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelsEmitter } from "../src/emit/models/index.js";
import type { Ir } from "../src/ir/types.js";
import { runPipeline } from "../src/pipeline.js";
import { itWithReference, referenceFile } from "@dx/test-support";
import { repoRoot, runCli, tempDir, typecheck } from "./support.js";

const MODELS = "packages/models/src/generated";
const OFFICIAL = {
  // The originals beside the clone in CI, the repo's facts-only copies in a clone that stands alone.
  dataexchange: referenceFile("aws-models/dataexchange-2017-07-25.json") as string,
  mediaconvert: referenceFile("aws-models/mediaconvert-2017-08-29.json") as string,
};

type AstShape = {
  type: string;
  operations?: { target: string }[];
  resources?: { target: string }[];
  traits?: Record<string, unknown>;
} & Record<string, unknown>;

/** Operation names of the model's service, read straight from the JSON (through resources too). */
function operationNames(path: string): string[] {
  const shapes = (JSON.parse(readFileSync(path, "utf8")) as { shapes: Record<string, AstShape> }).shapes;
  const names = new Set<string>();
  const walk = (id: string): void => {
    const s = shapes[id] as AstShape;
    if (s.type === "operation") return void names.add(id.split("#")[1] as string);
    for (const key of [
      "operations",
      "collectionOperations",
      "resources",
      "create",
      "put",
      "read",
      "update",
      "delete",
      "list",
    ]) {
      const v = s[key];
      for (const ref of Array.isArray(v) ? v : v ? [v] : []) walk((ref as { target: string }).target);
    }
  };
  walk(Object.keys(shapes).find((id) => shapes[id]?.type === "service") as string);
  return [...names].sort();
}

function enumShapeNames(path: string): string[] {
  const shapes = (JSON.parse(readFileSync(path, "utf8")) as { shapes: Record<string, AstShape> }).shapes;
  return Object.entries(shapes)
    .filter(
      ([, s]) =>
        s.type === "enum" ||
        s.type === "intEnum" ||
        (s.type === "string" && Array.isArray(s.traits?.["smithy.api#enum"])),
    )
    .map(([id]) => id.split("#")[1] as string);
}

describe.each(Object.entries(OFFICIAL))("the official %s model, all operations", (_, model) => {
  const out = tempDir();
  const run = runCli(["--spec", model, "--out", out]);

  it("generates without a problem", () => {
    // Warnings name spec problems the emitters work around (Data Exchange's delimited AwsAccountId pattern).
    expect(run.stderr.replace(/^dx-gen: warning: .*\n/gm, "")).toBe("");
    expect(run.status).toBe(0);
  });

  it("types every operation of the service", () => {
    const ops = readFileSync(join(out, MODELS, "operations.gen.ts"), "utf8");
    const emitted = [...ops.matchAll(/^ {2}(\w+): \{$/gm)].map((m) => m[1]).sort();
    expect(emitted).toEqual(operationNames(model));
  });

  it("emits each enum as a const object and a type", () => {
    const enums = readFileSync(join(out, MODELS, "enums.gen.ts"), "utf8");
    const names = enumShapeNames(model);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(enums).toContain(`export const ${name} = {`);
      expect(enums).toMatch(
        new RegExp(`^export type ${name} =\\s+\\(typeof ${name}\\)\\[keyof typeof ${name}\\];$`, "m"),
      );
    }
  });

  it("type-checks with tsc under the strict settings", () => {
    const r = typecheck(out, [`${MODELS}/**/*.ts`]);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("the ListJobs closure of the official Data Exchange model", () => {
  const fromSpec = runPipeline({ root: repoRoot, operations: ["ListJobs"], emitters: [modelsEmitter] });
  const fromOfficial = runPipeline({
    root: repoRoot,
    specs: [OFFICIAL.dataexchange],
    operations: ["ListJobs"],
    emitters: [modelsEmitter],
  });

  /** The IR without documentation and source names: what the types are made of. */
  const typesOf = (ir: Ir): unknown =>
    JSON.parse(JSON.stringify({ ...ir, sources: [] }, (key, v: unknown) => (key === "documentation" ? undefined : v)));

  it("has the same IR as spec/, documentation aside", () => {
    expect(fromOfficial.ir.shapes.length).toBe(fromSpec.ir.shapes.length);
    expect(typesOf(fromOfficial.ir)).toEqual(typesOf(fromSpec.ir));
  });

  it("emits the same declarations as spec/ once comments are stripped", () => {
    const strip = (text: string): string =>
      text
        .replace(/\/\*\*[\s\S]*?\*\//g, "")
        .replace(/^\/\/.*$/gm, "")
        .replace(/^\s*\n/gm, "");
    const files = (r: typeof fromSpec) =>
      Object.fromEntries([...(r.outputs[0]?.files ?? [])].map(([p, t]) => [p, strip(t)]));
    const official = files(fromOfficial);
    expect(Object.keys(official).length).toBeGreaterThan(0);
    expect(official).toEqual(files(fromSpec));
  });

  // The repo's facts-only copy has no documentation: this one needs the original.
  itWithReference(
    "documents as much as spec/ does (the documentation is there, only its wording may differ)",
    ["aws-models/dataexchange-2017-07-25.json"],
    () => {
      const documented = (ir: Ir): string[] =>
        ir.shapes.flatMap((s) => [
          ...(s.documentation ? [s.id] : []),
          ...("members" in s ? s.members.filter((m) => m.documentation).map((m) => `${s.id}$${m.name}`) : []),
        ]);
      expect(documented(fromSpec.ir)).toEqual(documented(fromOfficial.ir));
    },
    { factsOnly: false },
  );
});
