/**
 * What a service decides for its operations and shapes, as Smithy specifies it. The paginated trait
 * (issue 9, point 3, generator side): an operation is paginated when it has the trait; what it leaves
 * out comes from the service's trait; after the merge the tokens must be there, `items` may be missing
 * (page-only) or name a map, tokens may be maps. And `rename`, which names shapes in the service.
 */
import { describe, expect, it } from "vitest";
import { SpecError, type Diagnostic } from "../src/diagnostics.js";
import type { Ir } from "../src/ir/types.js";
import { runPipeline } from "../src/pipeline.js";
import { positionOf, repoRoot, smallSpec, specText } from "./support.js";

const FILE = "p.json";

function front(spec: unknown): { ir?: Ir; diagnostics: readonly Diagnostic[] } {
  try {
    const { ir } = runPipeline({ root: repoRoot, inputs: [{ file: FILE, text: specText(spec) }], emitters: [] });
    return { ir, diagnostics: [] };
  } catch (e) {
    if (e instanceof SpecError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

type Spec = ReturnType<typeof smallSpec> & { shapes: Record<string, Record<string, any>> };

function spec(mutate: (s: Spec) => void): Spec {
  const s = smallSpec() as Spec;
  mutate(s);
  return s;
}

describe("the paginated trait merged with the service's", () => {
  it("an operation takes what it leaves out from the service, and its own values win", () => {
    const { ir, diagnostics } = front(
      spec((s) => {
        s.shapes["ex#Svc"]!["traits"]["smithy.api#paginated"] = {
          inputToken: "Token",
          outputToken: "Token",
          pageSize: "Nope",
        };
        s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"] = { items: "Things", pageSize: "Max" };
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(ir?.operations[0]?.pagination).toEqual({
      inputToken: "Token",
      outputToken: ["Token"],
      items: ["Things"],
      pageSize: "Max",
    });
  });

  it("the service's trait alone paginates nothing", () => {
    const { ir } = front(
      spec((s) => {
        s.shapes["ex#Svc"]!["traits"]["smithy.api#paginated"] = { inputToken: "Token", outputToken: "Token" };
        delete s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"];
      }),
    );
    expect(ir?.operations[0]?.pagination).toBeUndefined();
  });

  it("without items: a page-only paginator's trait, accepted", () => {
    const { ir, diagnostics } = front(
      spec((s) => {
        delete s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"].items;
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(ir?.operations[0]?.pagination).toEqual({ inputToken: "Token", outputToken: ["Token"], pageSize: "Max" });
  });

  it("tokens missing after the merge are a diagnostic, not a crash later", () => {
    const s = spec((x) => {
      x.shapes["ex#Svc"]!["traits"]["smithy.api#paginated"] = { inputToken: "Token" };
      x.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"] = { items: "Things" };
    });
    const text = specText(s);
    expect(front(s).diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#ListThings/traits/smithy.api#paginated",
        ...positionOf(text, '"smithy.api#paginated": {', 1),
        message:
          "ListThings: a paginated operation needs outputToken (with the service's trait merged in); it has none",
      },
    ]);
  });

  it("items may name a map, and tokens may be maps (DynamoDB's ExclusiveStartKey / LastEvaluatedKey)", () => {
    const { ir, diagnostics } = front(
      spec((s) => {
        s.shapes["ex#Key"] = {
          type: "map",
          key: { target: "smithy.api#String" },
          value: { target: "smithy.api#String" },
        };
        s.shapes["ex#ThingMap"] = { type: "map", key: { target: "smithy.api#String" }, value: { target: "ex#Thing" } };
        s.shapes["ex#ListThingsInput"]!["members"].Token = { target: "ex#Key" };
        s.shapes["ex#ListThingsOutput"]!["members"].Token = { target: "ex#Key" };
        s.shapes["ex#ListThingsOutput"]!["members"].Things = { target: "ex#ThingMap" };
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(ir?.operations[0]?.pagination?.items).toEqual(["Things"]);
  });

  it("a token that targets neither a string nor a map is still refused", () => {
    const s = spec((x) => {
      x.shapes["ex#ListThingsInput"]!["members"].Token = { target: "smithy.api#Integer" };
    });
    expect(front(s).diagnostics.map((d) => d.message)).toEqual([
      'ListThings: inputToken "Token" targets a integer; expected string or map',
    ]);
  });
});

describe("a service's rename", () => {
  it("tells apart shapes of the same name from two namespaces", () => {
    const { ir, diagnostics } = front(
      spec((s) => {
        s.shapes["other#Thing"] = { type: "structure", members: {} };
        s.shapes["ex#Thing"]!["members"].Other = { target: "other#Thing" };
        s.shapes["ex#Svc"]!["rename"] = { "other#Thing": "OtherThing" };
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(ir?.shapes.find((x) => x.id === "other#Thing")?.name).toBe("OtherThing");
    expect(ir?.shapes.find((x) => x.id === "ex#Thing")?.name).toBe("Thing");
  });

  it("without it the two collide, and a rename to a non-identifier is refused", () => {
    const collide = spec((s) => {
      s.shapes["other#Thing"] = { type: "structure", members: {} };
      s.shapes["ex#Thing"]!["members"].Other = { target: "other#Thing" };
    });
    expect(front(collide).diagnostics.map((d) => d.message)).toEqual([
      'shape other#Thing collides with ex#Thing: both are named Thing in TypeScript (names must differ in more than case; a service can tell them apart with "rename")',
    ]);
    const bad = spec((s) => {
      s.shapes["ex#Svc"]!["rename"] = { "ex#Thing": "not-a-name" };
    });
    expect(front(bad).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      ["/shapes/ex#Svc/rename/ex#Thing", 'rename: "not-a-name" is not a valid shape name ([A-Za-z_][A-Za-z0-9_]*)'],
    ]);
  });
});
