/** The paginator emitter on small specs: what it binds, and that it reads only the trait. */
import { EMITTERS, runPipeline } from "@dx/generator";
import { describe, expect, it } from "vitest";

const emitter = EMITTERS.find((e) => e.name === "paginator");

function spec(traits: Record<string, unknown>, serviceTraits: Record<string, unknown> = {}) {
  return {
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#ListThings" }, { target: "ex#GetThing" }],
        traits: { "aws.protocols#restJson1": {}, ...serviceTraits },
      },
      "ex#ListThings": {
        type: "operation",
        input: { target: "ex#ListThingsInput" },
        output: { target: "ex#ListThingsOutput" },
        traits: { "smithy.api#http": { method: "GET", uri: "/things" }, ...traits },
      },
      "ex#GetThing": {
        type: "operation",
        input: { target: "ex#ListThingsInput" },
        output: { target: "ex#ListThingsOutput" },
        traits: { "smithy.api#http": { method: "GET", uri: "/thing" } },
      },
      "ex#ListThingsInput": {
        type: "structure",
        members: {
          Cursor: { target: "smithy.api#String" },
          Limit: { target: "smithy.api#Integer" },
          PageSize: { target: "smithy.api#Integer" },
        },
      },
      "ex#ListThingsOutput": {
        type: "structure",
        members: {
          Cursor: { target: "smithy.api#String" },
          Things: { target: "ex#Things" },
          Items: { target: "ex#Things" },
        },
      },
      "ex#Things": { type: "list", member: { target: "smithy.api#String" } },
    },
  };
}

function emit(s: unknown): Map<string, string> {
  if (emitter === undefined) throw new Error("no paginator emitter registered");
  const { outputs } = runPipeline({
    root: "/nonexistent",
    inputs: [{ file: "spec.json", text: JSON.stringify(s) }],
    emitters: [emitter],
  });
  return outputs[0]?.files ?? new Map();
}

describe("paginator emitter", () => {
  it("is registered for packages/paginator/src/generated", () => {
    expect(emitter?.outDir).toBe("packages/paginator/src/generated");
  });

  it("binds exactly the members the trait names, not ones that look like pagination", () => {
    const files = emit(
      spec({
        "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", items: "Items", pageSize: "Limit" },
      }),
    );
    expect([...files.keys()].sort()).toEqual(["index.gen.ts", "paginateListThings.gen.ts"]);
    const binding = files.get("paginateListThings.gen.ts") ?? "";
    expect(binding).toContain(
      'createPaginator<ListThingsInput, ListThingsOutput, never, "Cursor", ["Cursor"], ["Items"], "Limit">({',
    );
    expect(binding).toContain('  items: ["Items"],');
    expect(binding).toContain('import { assertListThingsOutput, parseListThingsOutput } from "@dx/validators";');
    expect(binding).not.toContain("@aws-sdk"); // no aws.api#service sdkId: function transports only
  });

  it("merges the service's paginated trait and binds an AWS service to its SDK v3 command", () => {
    const files = emit(
      spec(
        { "smithy.api#paginated": { items: "Things" } },
        {
          "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", pageSize: "PageSize" },
          "aws.api#service": { sdkId: "Thing Store" },
        },
      ),
    );
    const binding = files.get("paginateListThings.gen.ts") ?? "";
    // The declarations must not name the SDK (an optional peer): only the dynamic import inside the sender does.
    expect(binding.match(/@aws-sdk\/client-thing-store/g)).toHaveLength(2);
    expect(binding).toContain(
      'const { ThingStoreClient, ListThingsCommand } = await import("@aws-sdk/client-thing-store");',
    );
    expect(binding).toContain("if (!(client instanceof ThingStoreClient))");
    expect(binding).toContain(
      'createPaginator<ListThingsInput, ListThingsOutput, AwsSdkClient, "Cursor", ["Cursor"], ["Things"], "PageSize">',
    );
  });

  it("emits nothing but an empty index when no operation is paginated", () => {
    const files = emit(spec({}));
    expect([...files.keys()]).toEqual(["index.gen.ts"]);
    expect(files.get("index.gen.ts")).toMatch(/export \{\};\n$/);
  });
});
