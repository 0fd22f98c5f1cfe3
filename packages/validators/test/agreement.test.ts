import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import modelBundle from "../src/generated/schemas/model.gen.json" with { type: "json" };
import wireBundle from "../src/generated/schemas/wire.gen.json" with { type: "json" };

/**
 * Types and schemas agree, proven: TypeScript types derived from the emitted model-form JSON Schema
 * by json-schema-to-typescript must be mutually assignable with the @dx/models types, under the
 * repository's strict compiler options (list lengths are not types: json-schema-to-typescript
 * would make tuples of them). A negative control shows the check can fail.
 */
const here = dirname(fileURLToPath(import.meta.url));
const work = join(here, "../.agreement-tmp");
const structuresOf = (bundle: { $defs: Record<string, unknown> }) =>
  Object.entries(bundle.$defs as Record<string, { type?: string }>)
    .filter(
      ([, def]) =>
        def.type === "object" && !("additionalProperties" in def && typeof def.additionalProperties === "object"),
    )
    .map(([name]) => name);
const structures = structuresOf(modelBundle);

async function schemaTypes(bundle: { $defs: Record<string, unknown> }): Promise<string> {
  const root = { ...bundle, type: "object", properties: {}, additionalProperties: false } as unknown as JSONSchema;
  return compile(root, "SchemaBundle", {
    bannerComment: "",
    format: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
  });
}

/** `types`: the module of the types the schema's must equal (@dx/models, or the generated wire types). */
function checkSource(names: readonly string[], types = "@dx/models"): string {
  const lines = [`import type * as M from "${types}";`, 'import type * as S from "./schema-types.js";'];
  for (const n of names)
    lines.push(`export const to${n} = (x: M.${n}): S.${n} => x;`, `export const from${n} = (x: S.${n}): M.${n} => x;`);
  return `${lines.join("\n")}\n`;
}

function typeErrors(schemaTs: string, names = structures, types?: string): string[] {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "schema-types.ts"), schemaTs);
  writeFileSync(join(work, "check.ts"), checkSource(names, types));
  const program = ts.createProgram([join(work, "check.ts")], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("json-schema-to-typescript agrees with @dx/models", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("derives types for every structure that are mutually assignable with the models", async () => {
    const derived = await schemaTypes(modelBundle);
    for (const n of ["JobEntry", "ListJobsResponse", "ResponseDetails"])
      expect(derived).toContain(`export interface ${n} {`);
    expect(typeErrors(derived)).toEqual([]);
  }, 60_000);

  it("fails when the schema and the models disagree (negative control)", async () => {
    const broken = structuredClone(modelBundle) as unknown as {
      $defs: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    };
    broken.$defs["JobEntry"]!.required = broken.$defs["JobEntry"]!.required!.filter((m) => m !== "Arn");
    broken.$defs["JobError"]!.properties!["LimitValue"] = { type: "string" };
    const errors = typeErrors(await schemaTypes(broken));
    expect(errors.join("\n")).toMatch(/Arn/);
    expect(errors.join("\n")).toMatch(/LimitValue/);
  }, 60_000);
});

describe("json-schema-to-typescript agrees with the wire types (Wire.X: what checkX and validateX narrow to)", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const wireTypes = "../src/generated/wire.gen.js";

  it("derives types for every structure of the wire schema that are mutually assignable with them", async () => {
    const names = structuresOf(wireBundle);
    expect(names).toContain("ListJobsResponse");
    expect(typeErrors(await schemaTypes(wireBundle), names, wireTypes)).toEqual([]);
  }, 60_000);

  it("fails when they disagree (negative control)", async () => {
    const broken = structuredClone(wireBundle) as unknown as {
      $defs: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    };
    broken.$defs["JobEntry"]!.properties!["CreatedAt"] = { type: "number" };
    const errors = typeErrors(await schemaTypes(broken), structuresOf(wireBundle), wireTypes);
    expect(errors.join("\n")).toMatch(/CreatedAt/);
  }, 60_000);
});
