/**
 * What the random-model property test (random-models.test.ts) found, pinned on one small model: a
 * paginated input with members named like Object.prototype's (the signed binding's member table did
 * not type-check), a required member named __proto__ (its arbitrary lost it), a structure reaching
 * itself through a required map (its arbitrary overflowed the stack) and a document member (-0).
 */
import { describe, expect, it } from "vitest";
import { runPipeline } from "../src/pipeline.js";
import type { RandomModel } from "./support/model-arbitrary.js";
import { checkCompiledModel } from "./support/random-compile.js";
import { repoRoot } from "./support.js";

const S = "smithy.api#String";
const model: RandomModel = {
  protocol: "awsJson1_1",
  serviceId: "ex#Svc",
  model: {
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#ListThings" }],
        traits: {
          "aws.protocols#awsJson1_1": {},
          "aws.auth#sigv4": { name: "ex" },
          "aws.api#service": { sdkId: "Ex" },
        },
      },
      "ex#ListThings": {
        type: "operation",
        input: { target: "ex#ListThingsRequest" },
        output: { target: "ex#ListThingsResponse" },
        traits: { "smithy.api#paginated": { inputToken: "NextToken", outputToken: "NextToken", items: "Items" } },
      },
      "ex#ListThingsRequest": {
        type: "structure",
        members: JSON.parse(
          `{"NextToken": {"target": "${S}"}, "hasOwnProperty": {"target": "${S}"}, "toString": {"target": "${S}"}, "__proto__": {"target": "${S}"}}`,
        ),
      },
      "ex#ListThingsResponse": {
        type: "structure",
        members: { NextToken: { target: S }, Items: { target: "ex#Nodes" } },
      },
      "ex#Nodes": { type: "list", member: { target: "ex#Node" } },
      "ex#NodeMap": { type: "map", key: { target: S }, value: { target: "ex#Node" } },
      "ex#Node": {
        type: "structure",
        members: JSON.parse(
          `{"__proto__": {"target": "${S}", "traits": {"smithy.api#required": {}}}, "Children": {"target": "ex#NodeMap", "traits": {"smithy.api#required": {}}}, "Doc": {"target": "smithy.api#Document"}}`,
        ),
      },
    },
  },
};
const inputs = [{ file: "found.json", text: JSON.stringify(model.model, null, 2) }];

describe("the defects random models found", () => {
  it("emit own keys for members named __proto__, and signed member tables whose entries keep their tuple types", () => {
    const { outputs } = runPipeline({ root: repoRoot, inputs });
    const files = new Map(outputs.flatMap((o) => [...o.files].map(([p, t]) => [`${o.outDir}/${p}`, t] as const)));
    const signed = files.get("packages/paginator/src/generated/signed/paginateListThings.gen.ts") as string;
    expect(signed).toContain('    "hasOwnProperty": ["body", "hasOwnProperty"] as const,');
    expect(signed).toContain('    ["__proto__"]: ["body", "__proto__"] as const,');
    const arbitraries = files.get("packages/validators/src/generated/arbitraries.gen.ts") as string;
    expect(arbitraries).toContain('["__proto__"]: $tie("smithy.api#String")');
  });

  it("type-check, and their validators hold on values of their arbitraries", async () => {
    await checkCompiledModel(model, inputs);
  });
});
