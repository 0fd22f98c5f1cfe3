/**
 * Smithy 2.0 mixins are flattened as smithy-model's flattenAndRemoveMixins does (load/mixins/):
 * the examples of the spec's "Mixins" chapter, one per rule; a random model and its mixin-refactored
 * twin generate the same bytes; and `dx-gen diff` between them reports no change. The faults are in
 * bad-spec.test.ts, the sizes that must stay linear in hostile-input.test.ts.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/diff/command.js";
import { loadModel, mergeFiles } from "../src/load/load.js";
import { parseJsonFile } from "../src/load/parse-json.js";
import { runPipeline } from "../src/pipeline.js";
import { refactorIntoMixins, type Model } from "./support/mixin-refactor.js";
import { randomModel } from "./support/model-arbitrary.js";
import { cliPath, deepFreeze, repoRoot, smallSpec, specText, tempDir, writeFile } from "./support.js";

const RUNS = Number(process.env["DX_PROPERTY_RUNS"] ?? 200);
const SEED = Number(process.env["DX_PROPERTY_SEED"] ?? 20261202);
const MIXIN = { "smithy.api#mixin": {} };
const STRING = { target: "smithy.api#String" };
const INTEGER = { target: "smithy.api#Integer" };

type Shapes = Record<string, Record<string, unknown>>;

/** The flattened model of these shapes (no diagnostics expected). */
function flatten(shapes: Shapes) {
  const model = loadModel([{ file: "m.json", text: specText({ smithy: "2.0", shapes }) }]);
  expect(model.diagnostics).toEqual([]);
  return model;
}

/** A flattened shape's node. */
function nodeOf(shapes: Shapes, id: string): Record<string, any> {
  return flatten(shapes).shapes.get(id)?.node as Record<string, any>;
}

/** Every generated file of every emitter, by path. */
function emitted(model: unknown): Map<string, string> {
  const { outputs } = runPipeline({ root: repoRoot, inputs: [{ file: "spec.json", text: specText(model) }] });
  return new Map(outputs.flatMap((o) => [...o.files].map(([path, text]) => [`${o.outDir}/${path}`, text])));
}

describe("mixins are flattened as the Smithy spec's Mixins chapter says", () => {
  it("members: inherited ones first, depth first through each mixin's mixins, then the shape's own", () => {
    // The chapter's "Member ordering" example.
    const shapes = {
      "ex#FilteredByNameMixin": { type: "structure", members: { nameFilter: STRING }, traits: MIXIN },
      "ex#PaginatedInputMixin": {
        type: "structure",
        members: { nextToken: STRING, pageSize: INTEGER },
        traits: MIXIN,
      },
      "ex#ListSomethingInput": {
        type: "structure",
        mixins: [{ target: "ex#PaginatedInputMixin" }, { target: "ex#FilteredByNameMixin" }],
        members: { sizeFilter: INTEGER },
      },
    };
    const node = nodeOf(shapes, "ex#ListSomethingInput");
    expect(Object.keys(node["members"])).toEqual(["nextToken", "pageSize", "nameFilter", "sizeFilter"]);
    expect(node["mixins"]).toBeUndefined();
  });

  it("mixins of mixins: C with [MixinB], MixinB with [MixinA] is C { a, b, c }; the mixins leave the model", () => {
    const shapes = {
      "ex#MixinA": { type: "structure", members: { a: STRING }, traits: MIXIN },
      "ex#MixinB": { type: "structure", mixins: [{ target: "ex#MixinA" }], members: { b: STRING }, traits: MIXIN },
      "ex#C": { type: "structure", mixins: [{ target: "ex#MixinB" }], members: { c: STRING } },
    };
    const model = flatten(shapes);
    expect(model.shapes.get("ex#C")?.node).toEqual({ type: "structure", members: { a: STRING, b: STRING, c: STRING } });
    expect(model.shapes.has("ex#MixinA") || model.shapes.has("ex#MixinB")).toBe(false);
    expect([...model.mixins.keys()].sort()).toEqual(["ex#MixinA", "ex#MixinB"]);
  });

  it("traits: the shape's own first, then later mixins over earlier ones, never smithy.api#mixin", () => {
    // The chapter's StructD example.
    const shapes = {
      "ex#StructA": {
        type: "structure",
        traits: { "smithy.api#documentation": "A", "ex#foo": 1, "ex#oneTrait": {}, ...MIXIN },
      },
      "ex#StructB": {
        type: "structure",
        traits: { "smithy.api#documentation": "B", "ex#foo": 2, "ex#twoTrait": {}, ...MIXIN },
      },
      "ex#StructC": {
        type: "structure",
        mixins: [{ target: "ex#StructA" }, { target: "ex#StructB" }],
        traits: { "smithy.api#documentation": "C", "ex#threeTrait": {}, ...MIXIN },
      },
      "ex#StructD": {
        type: "structure",
        mixins: [{ target: "ex#StructC" }],
        traits: { "smithy.api#documentation": "D", "ex#fourTrait": {} },
      },
    };
    expect(nodeOf(shapes, "ex#StructD")["traits"]).toEqual({
      "smithy.api#documentation": "D",
      "ex#fourTrait": {},
      "ex#threeTrait": {},
      "ex#foo": 2,
      "ex#twoTrait": {},
      "ex#oneTrait": {},
    });
  });

  it("localTraits stay on the mixin", () => {
    const shapes = {
      "ex#PrivateMixin": {
        type: "structure",
        members: { foo: STRING },
        traits: { "smithy.api#private": {}, "smithy.api#mixin": { localTraits: ["smithy.api#private"] } },
      },
      "ex#PublicShape": { type: "structure", mixins: [{ target: "ex#PrivateMixin" }] },
    };
    expect(nodeOf(shapes, "ex#PublicShape")).toEqual({ type: "structure", members: { foo: STRING } });
  });

  it("a member mixed in twice or redefined with the same target merges its traits, the shape's own first", () => {
    // The chapter's "Mixin members MUST NOT conflict" example that is valid.
    const shapes = {
      "ex#A1": {
        type: "structure",
        members: { a: { ...STRING, traits: { "smithy.api#documentation": "Generic docs" } } },
        traits: MIXIN,
      },
      "ex#A2": {
        type: "structure",
        members: { a: { ...STRING, traits: { "smithy.api#required": {} } } },
        traits: MIXIN,
      },
      "ex#Valid": {
        type: "structure",
        mixins: [{ target: "ex#A1" }, { target: "ex#A2" }],
        members: { a: { ...STRING, traits: { "smithy.api#documentation": "Specific docs" } } },
      },
      "ex#AlsoValid": { type: "structure", mixins: [{ target: "ex#A1" }, { target: "ex#A2" }] },
    };
    const model = flatten(shapes);
    expect(model.shapes.get("ex#Valid")?.node["members"]).toEqual({
      a: { ...STRING, traits: { "smithy.api#documentation": "Specific docs", "smithy.api#required": {} } },
    });
    expect(model.shapes.get("ex#AlsoValid")?.node["members"]).toEqual({
      a: { ...STRING, traits: { "smithy.api#documentation": "Generic docs", "smithy.api#required": {} } },
    });
  });

  it("apply reaches an inherited member of one shape, and wins over the mixin's trait there only", () => {
    const shapes = {
      "ex#MyMixin": {
        type: "structure",
        members: { mixinMember: { ...STRING, traits: { "smithy.api#documentation": "Generic docs" } } },
        traits: MIXIN,
      },
      "ex#MyStruct": { type: "structure", mixins: [{ target: "ex#MyMixin" }] },
      "ex#Other": { type: "structure", mixins: [{ target: "ex#MyMixin" }] },
      "ex#MyStruct$mixinMember": { type: "apply", traits: { "smithy.api#documentation": "Specific docs" } },
    };
    const model = flatten(shapes);
    const doc = (id: string): unknown => {
      const node: Record<string, any> = model.shapes.get(id)?.node ?? {};
      return node["members"]["mixinMember"]["traits"]["smithy.api#documentation"];
    };
    expect([doc("ex#MyStruct"), doc("ex#Other")]).toEqual(["Specific docs", "Generic docs"]);
  });

  it("traits applied to a mixin (from another file) reach the shapes that use it", () => {
    const model = loadModel([
      {
        file: "a.json",
        text: specText({
          smithy: "2.0",
          shapes: {
            "ex#M": { type: "structure", members: { a: STRING }, traits: MIXIN },
            "ex#S": { type: "structure", mixins: [{ target: "ex#M" }] },
          },
        }),
      },
      {
        file: "b.json",
        text: specText({
          smithy: "2.0",
          shapes: {
            "ex#M": { type: "apply", traits: { "smithy.api#documentation": "From b." } },
            "ex#M$a": { type: "apply", traits: { "smithy.api#required": {} } },
          },
        }),
      },
    ]);
    expect(model.diagnostics).toEqual([]);
    expect(model.shapes.get("ex#S")?.node).toEqual({
      type: "structure",
      members: { a: { ...STRING, traits: { "smithy.api#required": {} } } },
      traits: { "smithy.api#documentation": "From b." },
    });
    // A problem with the applied trait is reported in the file that applied it.
    expect(model.shapes.get("ex#S")?.origins?.get("/traits/smithy.api#documentation")).toEqual({
      file: "b.json",
      pointer: "/shapes/ex#M/traits/smithy.api#documentation",
    });
  });

  it("a mixin reached twice (a diamond) passes on its traits through the later path too, as Smithy copies them", () => {
    const shapes = {
      "ex#Base": {
        type: "structure",
        members: { x: STRING },
        traits: { "smithy.api#documentation": "base", ...MIXIN },
      },
      "ex#A": {
        type: "structure",
        mixins: [{ target: "ex#Base" }],
        members: { y: STRING },
        traits: { "smithy.api#documentation": "a", ...MIXIN },
      },
      "ex#B": { type: "structure", mixins: [{ target: "ex#Base" }], members: { z: STRING }, traits: MIXIN },
      "ex#S": { type: "structure", mixins: [{ target: "ex#A" }, { target: "ex#B" }] },
    };
    const node = nodeOf(shapes, "ex#S");
    expect(Object.keys(node["members"])).toEqual(["x", "y", "z"]);
    // resolved(B) carries Base's documentation, and B comes after A.
    expect(node["traits"]).toEqual({ "smithy.api#documentation": "base" });
  });

  it("services merge operations and rename (the shape's own keys win) and keep their own version", () => {
    // The chapter's "Service mixins" example.
    const op = (input?: string) => ({ type: "operation", ...(input && { input: { target: input } }) });
    const shapes = {
      "ex#OperationA": { ...op("ex#OperationAInput"), output: { target: "ex#OperationAOutput" } },
      "ex#OperationAInput": { type: "structure", members: {} },
      "ex#OperationAOutput": { type: "structure", members: {} },
      "ex#OperationB": op("ex#OperationBInput"),
      "ex#OperationBInput": { type: "structure", members: {} },
      "ex#OperationC": op(),
      "ex#A": { type: "service", version: "A", operations: [{ target: "ex#OperationA" }], traits: MIXIN },
      "ex#B": {
        type: "service",
        mixins: [{ target: "ex#A" }],
        version: "B",
        rename: { "ex#OperationAInput": "OperationARequest", "ex#OperationAOutput": "OperationAResult" },
        operations: [{ target: "ex#OperationB" }],
        traits: MIXIN,
      },
      "ex#C": {
        type: "service",
        mixins: [{ target: "ex#B" }],
        version: "C",
        rename: { "ex#OperationAOutput": "OperationAResponse", "ex#OperationBInput": "OperationBRequest" },
        operations: [{ target: "ex#OperationC" }],
      },
    };
    const node = nodeOf(shapes, "ex#C");
    expect(node["version"]).toBe("C");
    expect(node["rename"]).toEqual({
      "ex#OperationAInput": "OperationARequest",
      "ex#OperationAOutput": "OperationAResponse",
      "ex#OperationBInput": "OperationBRequest",
    });
    expect(node["operations"]).toEqual([
      { target: "ex#OperationA" },
      { target: "ex#OperationB" },
      { target: "ex#OperationC" },
    ]);
  });

  it("operations merge errors, the mixin's first; a service without a version takes its mixin's", () => {
    const shapes = {
      "ex#ValidationError": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
      "ex#NotFoundError": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
      "ex#ValidatedOperation": { type: "operation", errors: [{ target: "ex#ValidationError" }], traits: MIXIN },
      "ex#GetUsername": {
        type: "operation",
        mixins: [{ target: "ex#ValidatedOperation" }],
        errors: [{ target: "ex#NotFoundError" }, { target: "ex#ValidationError" }],
      },
      "ex#Versioned": { type: "service", version: "1", traits: MIXIN },
      "ex#Svc": { type: "service", mixins: [{ target: "ex#Versioned" }] },
    };
    const model = flatten(shapes);
    expect(model.shapes.get("ex#GetUsername")?.node["errors"]).toEqual([
      { target: "ex#ValidationError" },
      { target: "ex#NotFoundError" },
    ]);
    expect(model.shapes.get("ex#Svc")?.node["version"]).toBe("1");
  });

  it("simple shapes, lists, maps, unions and enums take their mixins' traits and members", () => {
    const shapes = {
      "ex#AlphaNumericMixin": { type: "string", traits: { "smithy.api#pattern": "[a-zA-Z0-1]*", ...MIXIN } },
      "ex#Username": {
        type: "string",
        mixins: [{ target: "ex#AlphaNumericMixin" }],
        traits: { "smithy.api#length": { min: 8, max: 32 } },
      },
      "ex#StringListMixin": { type: "list", member: STRING, traits: MIXIN },
      "ex#Aliases": { type: "list", mixins: [{ target: "ex#StringListMixin" }] },
      "ex#StringMapMixin": { type: "map", key: STRING, value: STRING, traits: MIXIN },
      "ex#Labels": {
        type: "map",
        mixins: [{ target: "ex#StringMapMixin" }],
        value: { ...STRING, traits: { "smithy.api#length": { min: 1 } } },
      },
      "ex#ErrorDetailMixin": { type: "union", members: { code: STRING, message: STRING }, traits: MIXIN },
      "ex#ErrorDetail": {
        type: "union",
        mixins: [{ target: "ex#ErrorDetailMixin" }],
        members: { retryable: { target: "smithy.api#Boolean" } },
      },
      "ex#ColorMixin": { type: "enum", members: { RED: { target: "smithy.api#Unit" } }, traits: MIXIN },
      "ex#Color": {
        type: "enum",
        mixins: [{ target: "ex#ColorMixin" }],
        members: { BLUE: { target: "smithy.api#Unit" } },
      },
    };
    const model = flatten(shapes);
    const node = (id: string): Record<string, any> => model.shapes.get(id)?.node ?? {};
    expect(node("ex#Username")).toEqual({
      type: "string",
      traits: { "smithy.api#pattern": "[a-zA-Z0-1]*", "smithy.api#length": { min: 8, max: 32 } },
    });
    expect(node("ex#Aliases")).toEqual({ type: "list", member: STRING });
    expect(node("ex#Labels")).toEqual({
      type: "map",
      key: STRING,
      value: { ...STRING, traits: { "smithy.api#length": { min: 1 } } },
    });
    expect(Object.keys(node("ex#ErrorDetail")?.["members"])).toEqual(["code", "message", "retryable"]);
    expect(Object.keys(node("ex#Color")?.["members"])).toEqual(["RED", "BLUE"]);
  });

  it("never changes the parsed documents (frozen here): what flattening changes is copied", () => {
    const spec = {
      smithy: "2.0",
      shapes: {
        "ex#M": { type: "structure", members: { a: STRING }, traits: { "smithy.api#documentation": "M", ...MIXIN } },
        "ex#S": { type: "structure", mixins: [{ target: "ex#M" }], members: { a: { ...STRING, traits: {} } } },
        "ex#S$a": { type: "apply", traits: { "smithy.api#required": {} } },
      },
    };
    const parsed = parseJsonFile("m.json", JSON.stringify(spec));
    if (!("locate" in parsed)) throw new Error("not parsed");
    const before = structuredClone(parsed.value);
    const model = mergeFiles([deepFreeze(parsed)]);
    const node: Record<string, any> = model.shapes.get("ex#S")?.node ?? {};
    expect(node["members"]["a"]["traits"]).toEqual({ "smithy.api#required": {} });
    expect(parsed.value).toEqual(before);
  });

  it("a spec written with mixins generates the same bytes as the same spec written flat", () => {
    const flat = smallSpec();
    const twin = smallSpec();
    twin.shapes["ex#Paged"] = { type: "structure", members: { Token: STRING }, traits: MIXIN };
    twin.shapes["ex#ListThingsInput"] = {
      type: "structure",
      mixins: [{ target: "ex#Paged" }],
      members: { Max: INTEGER },
    };
    twin.shapes["ex#ListThingsOutput"] = {
      type: "structure",
      mixins: [{ target: "ex#Paged" }],
      members: { Things: { target: "ex#Things" } },
    };
    twin.shapes["ex#Named"] = {
      type: "structure",
      members: { Name: STRING },
      traits: { "smithy.api#documentation": "A thing.", ...MIXIN },
    };
    twin.shapes["ex#Thing"] = { type: "structure", mixins: [{ target: "ex#Named" }] };
    twin.shapes["ex#Thing$Name"] = { type: "apply", traits: { "smithy.api#required": {} } };
    const a = emitted(flat);
    const b = emitted(twin);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
  });
});

describe("a random model and its mixin-refactored twin", () => {
  it("generate byte-identical files (every emitter)", () => {
    let mixins = 0;
    fc.assert(
      fc.property(randomModel(), fc.integer(), (m, seed) => {
        const twin = refactorIntoMixins(m.model as Model, seed);
        mixins += twin.mixins;
        const a = emitted(m.model);
        const b = emitted(twin.model);
        expect([...b.keys()]).toEqual([...a.keys()]);
        for (const [path, text] of a) expect(b.get(path), path).toBe(text);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The twins did use mixins: on average several per model.
    expect(mixins).toBeGreaterThan(RUNS * 5);
  });

  it("are the same to dx-gen diff: no change, no package to bump", () => {
    fc.assert(
      fc.property(randomModel(), fc.integer(), (m, seed) => {
        const twin = refactorIntoMixins(m.model as Model, seed);
        const input = (model: unknown) => [{ file: "spec/model.json", text: specText(model) }];
        const r = diffSpecs({
          root: repoRoot,
          before: input(m.model),
          after: input(twin.model),
          from: "flat",
          to: "mixins",
        });
        expect(r.changes).toEqual([]);
        expect(r.packages).toEqual([]);
      }),
      { numRuns: Math.max(1, Math.floor(RUNS / 10)), seed: SEED, endOnFailure: true },
    );
  });

  it("an inherited member is the mixing shape's member: dx-gen diff names it ex#Shape$member", () => {
    const withMixin = (members: Record<string, unknown>) => {
      const spec = smallSpec();
      spec.shapes["ex#Named"] = { type: "structure", members, traits: MIXIN };
      spec.shapes["ex#Thing"] = { type: "structure", mixins: [{ target: "ex#Named" }] };
      return [{ file: "spec/model.json", text: specText(spec) }];
    };
    const r = diffSpecs({
      root: repoRoot,
      before: withMixin({ Name: STRING, Nick: STRING }),
      after: withMixin({ Name: STRING }),
      from: "a",
      to: "b",
    });
    expect(r.changes.map((c) => [c.rule, c.subject])).toEqual([["RemovedMember", "ex#Thing$Nick"]]);
  });

  it("dx-gen diff FLAT MIXINS on the command line reports no change", () => {
    const dir = tempDir();
    const flat = writeFile(join(dir, "flat.json"), specText(smallSpec()));
    const twin = smallSpec();
    twin.shapes["ex#Tokened"] = { type: "structure", members: { Token: STRING }, traits: MIXIN };
    twin.shapes["ex#ListThingsOutput"]!["mixins"] = [{ target: "ex#Tokened" }];
    delete twin.shapes["ex#ListThingsOutput"]!["members"]["Token"];
    const mixed = writeFile(join(dir, "mixins.json"), specText(twin));
    expect(readFileSync(mixed, "utf8")).toContain('"mixins"');
    const r = spawnSync(process.execPath, [cliPath, "diff", flat, mixed], { cwd: repoRoot, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("No change that a consumer of the generated packages can notice.");
  });
});
