/** How the IR reads Smithy semantics that are easy to get wrong: service errors, apply, prelude targets, selection. */
import { describe, expect, it } from "vitest";
import { modelsEmitter } from "../src/emit/models/index.js";
import { runPipeline } from "../src/pipeline.js";
import { repoRoot, smallSpec, specText } from "./support.js";

function run(spec: unknown, operations: string[] = []) {
  return runPipeline({
    root: repoRoot,
    inputs: [{ file: "s.json", text: specText(spec) }],
    operations,
    emitters: [modelsEmitter],
  });
}

describe("IR semantics", () => {
  it("a service's errors are errors of every operation, after the operation's own", () => {
    const spec = smallSpec();
    spec.shapes["ex#Svc"]!["errors"] = [{ target: "ex#Throttled" }];
    spec.shapes["ex#ListThings"]!["errors"] = [{ target: "ex#NotFound" }];
    spec.shapes["ex#Throttled"] = {
      type: "structure",
      members: { Reason: { target: "ex#Reason" } },
      traits: { "smithy.api#error": "client" },
    };
    spec.shapes["ex#Reason"] = { type: "enum", members: { SLOW: { target: "smithy.api#Unit" } } };
    spec.shapes["ex#NotFound"] = { type: "structure", members: {}, traits: { "smithy.api#error": "client" } };
    const { ir, outputs } = run(spec);
    expect(ir.operations[0]?.errors).toEqual(["ex#NotFound", "ex#Throttled"]);
    // The service's error, and what it references, are in the closure and emitted.
    expect(ir.shapes.map((s) => s.id)).toEqual(expect.arrayContaining(["ex#Throttled", "ex#Reason"]));
    expect(outputs[0]?.files.get("operations.gen.ts")).toContain("    errors: NotFound | Throttled;\n");
  });

  it("selecting an operation emits its closure only", () => {
    const spec = smallSpec();
    spec.shapes["ex#Svc"]!["operations"].push({ target: "ex#Ping" });
    spec.shapes["ex#Ping"] = { type: "operation", input: { target: "ex#PingInput" } };
    spec.shapes["ex#PingInput"] = { type: "structure", members: {} };
    expect(run(spec).ir.shapes.map((s) => s.id)).toContain("ex#PingInput");
    const only = run(spec, ["ListThings"]).ir;
    expect(only.operations.map((o) => o.name)).toEqual(["ListThings"]);
    expect(only.shapes.map((s) => s.id)).not.toContain("ex#PingInput");
  });

  it("prelude targets resolve to their simple types", () => {
    const { ir } = run(smallSpec());
    const byId = new Map(ir.shapes.map((s) => [s.id, s]));
    expect(byId.get("smithy.api#String")?.kind).toBe("string");
    expect(byId.get("smithy.api#Integer")).toMatchObject({ kind: "number", type: "integer" });
  });

  it("apply adds traits to members defined in another file", () => {
    const a = specText(smallSpec());
    const b = specText({
      smithy: "2.0",
      shapes: { "ex#Thing$Name": { type: "apply", traits: { "smithy.api#documentation": "Applied." } } },
    });
    const { ir } = runPipeline({
      root: repoRoot,
      inputs: [
        { file: "a.json", text: a },
        { file: "b.json", text: b },
      ],
      emitters: [],
    });
    const thing = ir.shapes.find((s) => s.id === "ex#Thing");
    expect(thing?.kind === "structure" && thing.members[0]?.documentation).toBe("Applied.");
  });
});
