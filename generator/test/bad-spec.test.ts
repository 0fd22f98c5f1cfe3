/**
 * One test per class of bad spec: each asserts the whole diagnostic (file, JSON pointer, line,
 * column, message), and that independent problems are reported together.
 */
import { describe, expect, it } from "vitest";
import { SpecError, type Diagnostic } from "../src/diagnostics.js";
import { runPipeline } from "../src/pipeline.js";
import { positionOf, smallSpec, specText, repoRoot } from "./support.js";

const FILE = "bad.json";

/** Runs the pipeline on the spec text and returns its diagnostics (fails if it does not throw SpecError). */
function diagnosticsOf(text: string, operations: string[] = []): readonly Diagnostic[] {
  try {
    runPipeline({ root: repoRoot, inputs: [{ file: FILE, text }], operations, emitters: [] });
  } catch (e) {
    if (e instanceof SpecError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected the spec to be rejected");
}

/** Breaks a fresh small spec, and returns its text and diagnostics. */
function broken(mutate: (spec: ReturnType<typeof smallSpec>) => void, operations: string[] = []) {
  const spec = smallSpec();
  mutate(spec);
  const text = specText(spec);
  return { text, diagnostics: diagnosticsOf(text, operations) };
}

describe("a bad spec is rejected with file, pointer, position and message", () => {
  it("accepts the unbroken spec (so each failure below comes from its one change)", () => {
    const { ir } = runPipeline({ root: repoRoot, inputs: [{ file: FILE, text: specText(smallSpec()) }], emitters: [] });
    expect(ir.operations.map((o) => o.name)).toEqual(["ListThings"]);
  });

  it("malformed JSON: line and column of the first syntax error", () => {
    const text = '{\n  "smithy": "2.0",\n  "shapes": {\n    "ex#A": { "type": "string" },\n  }\n}\n';
    expect(diagnosticsOf(text)).toEqual([
      { file: FILE, pointer: "/shapes", line: 5, column: 3, message: "malformed JSON: property name expected" },
    ]);
  });

  it("malformed JSON: an unterminated string", () => {
    const text = '{\n  "smithy": "2.0",\n  "shapes": {\n    "ex#A": { "type": "str\n';
    const [d, ...rest] = diagnosticsOf(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: FILE, line: 4, column: 23, message: "malformed JSON: unexpected end of string" });
  });

  it("unknown shape target", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Thing"]!["members"].Name.target = "ex#Nope";
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/Name/target",
        ...positionOf(text, '"target": "ex#Nope"'),
        message: 'unknown shape target "ex#Nope"',
      },
    ]);
  });

  it("an unknown target inside an array is located at the array element", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#ListThings"]!["errors"] = [{ target: "ex#Nope" }];
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#ListThings/errors/0",
        ...positionOf(text, '{\n          "target": "ex#Nope"'),
        message: 'unknown shape target "ex#Nope"',
      },
    ]);
  });

  it("invalid shape id, as a shape's id and as a target", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Bad Id"] = { type: "string" };
      s.shapes["ex#Thing"]!["members"].Other = { target: "NoNamespace" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/Other/target",
        ...positionOf(text, '"target": "NoNamespace"'),
        message: 'invalid shape id "NoNamespace" as target',
      },
      {
        file: FILE,
        pointer: "/shapes/ex#Bad Id",
        ...positionOf(text, '"ex#Bad Id"'),
        message: 'invalid shape id "ex#Bad Id"; expected namespace#Name',
      },
    ]);
  });

  it("a trait with a wrong value", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Thing"]!["members"].Name.traits["smithy.api#required"] = true;
      s.shapes["ex#ListThings"]!["traits"]["smithy.api#http"] = { method: "GET", uri: "things" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#ListThings/traits/smithy.api#http",
        ...positionOf(text, '"smithy.api#http"'),
        message:
          'bad value for trait smithy.api#http: bad value "things" for "uri"; expected an object {"method": "GET"|..., "uri": "/...", "code"?: integer}',
      },
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/Name/traits/smithy.api#required",
        ...positionOf(text, '"smithy.api#required": true'),
        message: "bad value for trait smithy.api#required: expected an object",
      },
    ]);
  });

  it("a paginated trait naming a missing member", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"].items = "Stuff";
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#ListThings/traits/smithy.api#paginated/items",
        ...positionOf(text, '"items": "Stuff"'),
        message: 'ListThings: items "Stuff" names a member that does not exist in ex#ListThingsOutput',
      },
    ]);
  });

  it("a paginated trait naming a wrongly typed member", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"].pageSize = "Token";
      s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"].items = "Token";
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#ListThings/traits/smithy.api#paginated/items",
        ...positionOf(text, '"items": "Token"'),
        message: 'ListThings: items "Token" targets a string; expected list or set or map',
      },
      {
        file: FILE,
        pointer: "/shapes/ex#ListThings/traits/smithy.api#paginated/pageSize",
        ...positionOf(text, '"pageSize": "Token"'),
        message: 'ListThings: pageSize "Token" targets a string; expected byte or short or integer or long',
      },
    ]);
  });

  it("two shapes that collide after name conversion (a reserved name gets a prefix)", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Date"] = { type: "structure", members: {} };
      s.shapes["ex#_Date"] = { type: "structure", members: {} };
      s.shapes["ex#Thing"]!["members"].A = { target: "ex#Date" };
      s.shapes["ex#Thing"]!["members"].B = { target: "ex#_Date" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#_Date",
        ...positionOf(text, '"ex#_Date": {'),
        message:
          'shape ex#_Date collides with ex#Date: both are named _Date in TypeScript (names must differ in more than case; a service can tell them apart with "rename")',
      },
    ]);
  });

  it("two shapes whose names differ only in case or namespace", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["other#thing"] = { type: "structure", members: {} };
      s.shapes["ex#Thing"]!["members"].Twin = { target: "other#thing" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/other#thing",
        ...positionOf(text, '"other#thing": {'),
        message:
          'shape other#thing collides with ex#Thing: both are named thing in TypeScript (names must differ in more than case; a service can tell them apart with "rename")',
      },
    ]);
  });

  it("two members that collide", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Thing"]!["members"].NAME = { target: "smithy.api#String" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/NAME",
        ...positionOf(text, '"NAME"'),
        message: 'member "NAME" collides with member "Name" (names must differ in more than case)',
      },
    ]);
  });

  it("a member name that is not a valid identifier (its pointer escapes / and ~)", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Thing"]!["members"]["my-name"] = { target: "smithy.api#String" };
      s.shapes["ex#Thing"]!["members"]["a/b~c"] = { target: "smithy.api#String" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/my-name",
        ...positionOf(text, '"my-name"'),
        message: 'member name "my-name" is not a valid identifier ([A-Za-z_][A-Za-z0-9_]*)',
      },
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/a~1b~0c",
        ...positionOf(text, '"a/b~c"'),
        message: 'member name "a/b~c" is not a valid identifier ([A-Za-z_][A-Za-z0-9_]*)',
      },
    ]);
  });

  it("an unknown --operation", () => {
    const { diagnostics } = broken(() => {}, ["ListThings", "DeleteThings"]);
    expect(diagnostics).toEqual([
      {
        file: "(command line)",
        pointer: "",
        message: "--operation DeleteThings: no such operation in ex#Svc (it has ListThings)",
      },
    ]);
  });

  it("a streaming blob targeted from inside a value, where it has no wire form", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Payload"] = { type: "blob", traits: { "smithy.api#streaming": {} } };
      s.shapes["ex#Thing"]!["members"].Data = { target: "ex#Payload" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/Data",
        ...positionOf(text, '"Data"'),
        message:
          "Data: the streaming blob ex#Payload can only be targeted by a member of an operation's input or output structure",
      },
    ]);
  });

  it("two operations whose names collide", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["other#listthings"] = { type: "operation" };
      s.shapes["ex#Svc"]!["operations"].push({ target: "other#listthings" });
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/other#listthings",
        ...positionOf(text, '"other#listthings": {'),
        message:
          "operation other#listthings collides with ex#ListThings: operation names must differ in more than case",
      },
    ]);
  });

  describe("mixins", () => {
    const MIXIN = { "smithy.api#mixin": {} };
    /** ex#Base, a structure mixin with an Id member, used by ex#Thing; `mutate` breaks it. */
    const mixed = (mutate: (s: ReturnType<typeof smallSpec>) => void) =>
      broken((s) => {
        s.shapes["ex#Base"] = { type: "structure", members: { Id: { target: "smithy.api#String" } }, traits: MIXIN };
        s.shapes["ex#Thing"]!["mixins"] = [{ target: "ex#Base" }];
        mutate(s);
      });

    it("an unknown mixin, a shape without the mixin trait, a mixin of another type: at the mixins entry", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#Plain"] = { type: "structure", members: {} };
        s.shapes["ex#Text"] = { type: "string", traits: MIXIN };
        s.shapes["ex#Thing"]!["mixins"] = [
          { target: "ex#Base" },
          { target: "ex#Nope" },
          { target: "ex#Plain" },
          { target: "ex#Text" },
        ];
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Thing/mixins/1",
          ...positionOf(text, '{\n          "target": "ex#Nope"'),
          message: "unknown mixin ex#Nope",
        },
        {
          file: FILE,
          pointer: "/shapes/ex#Thing/mixins/2",
          ...positionOf(text, '{\n          "target": "ex#Plain"'),
          message: 'ex#Plain is not a mixin: a shape used in "mixins" needs the smithy.api#mixin trait',
        },
        {
          file: FILE,
          pointer: "/shapes/ex#Thing/mixins/3",
          ...positionOf(text, '{\n          "target": "ex#Text"'),
          message: "a structure cannot use the string mixin ex#Text (a mixin is used by shapes of its own type)",
        },
      ]);
    });

    it("a cycle of mixins: at the entry that closes it", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#Base"]!["mixins"] = [{ target: "ex#Other" }];
        s.shapes["ex#Other"] = { type: "structure", mixins: [{ target: "ex#Base" }], traits: MIXIN };
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Other/mixins/0",
          ...positionOf(text, '{\n          "target": "ex#Base"', 1),
          message: "mixins form a cycle: ex#Base -> ex#Other -> ex#Base",
        },
      ]);
    });

    it("two mixins giving one member different targets: at the mixins entry that brings the second", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#Other"] = { type: "structure", members: { Id: { target: "smithy.api#Integer" } }, traits: MIXIN };
        s.shapes["ex#Thing"]!["mixins"] = [{ target: "ex#Base" }, { target: "ex#Other" }];
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Thing/mixins/1",
          ...positionOf(text, '{\n          "target": "ex#Other"'),
          message:
            'mixin ex#Other brings member "Id" targeting smithy.api#Integer (from ex#Other), but it already targets smithy.api#String (from ex#Base); members mixed in under one name must target the same shape',
        },
      ]);
    });

    it("a member redefined with another target: at the redefinition's target", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#Thing"]!["members"].Id = { target: "smithy.api#Integer" };
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Thing/members/Id/target",
          ...positionOf(text, '"target": "smithy.api#Integer"', 1),
          message:
            'member "Id" targets smithy.api#Integer, but the member it redefines targets smithy.api#String (from ex#Base); a mixed-in member can be redefined only with the same target',
        },
      ]);
    });

    it("a mixin targeted by a member or bound as an operation's input", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#ListThingsOutput"]!["members"].Base = { target: "ex#Base" };
        s.shapes["ex#ListThings"]!["input"] = { target: "ex#Base" };
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#ListThings/input",
          ...positionOf(text, '"input"'),
          message: 'ex#Base is a mixin: it can only be used in "mixins", not as input',
        },
        {
          file: FILE,
          pointer: "/shapes/ex#ListThingsOutput/members/Base/target",
          ...positionOf(text, '"target": "ex#Base"', 1),
          message: 'ex#Base is a mixin: it can only be used in "mixins", not targeted by a member',
        },
      ]);
    });

    it("an operation mixin with an input, a resource mixin with a property, a bad localTraits", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#Base"]!["traits"] = { "smithy.api#mixin": { localTraits: "smithy.api#private" } };
        s.shapes["ex#OpMixin"] = { type: "operation", input: { target: "ex#ListThingsInput" }, traits: MIXIN };
        s.shapes["ex#ResMixin"] = { type: "resource", operations: [], traits: MIXIN };
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Base/traits/smithy.api#mixin/localTraits",
          ...positionOf(text, '"localTraits"'),
          message: "localTraits must be an array of trait shape ids",
        },
        {
          file: FILE,
          pointer: "/shapes/ex#OpMixin/input",
          ...positionOf(text, '"input"', 1),
          message:
            "an operation mixin's input must be smithy.api#Unit (Smithy: operations do not share input and output structures)",
        },
        {
          file: FILE,
          pointer: "/shapes/ex#ResMixin/operations",
          ...positionOf(text, '"operations": []'),
          message: 'a resource mixin cannot define "operations" (Smithy: only traits)',
        },
      ]);
    });

    it("apply to a member the shape neither has nor inherits", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#Thing$Nope"] = { type: "apply", traits: { "smithy.api#required": {} } };
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Thing$Nope",
          ...positionOf(text, '"ex#Thing$Nope"'),
          message: "apply targets unknown shape or member ex#Thing$Nope",
        },
      ]);
    });

    it("a fault in an inherited member is reported once, where it is written in the mixin, however many shapes use it", () => {
      const { text, diagnostics } = mixed((s) => {
        s.shapes["ex#Base"]!["members"].Id = {
          target: "ex#Nope",
          traits: { "smithy.api#length": { min: 3, max: 1 } },
        };
        s.shapes["ex#ListThingsOutput"]!["mixins"] = [{ target: "ex#Base" }];
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Base/members/Id/target",
          ...positionOf(text, '"target": "ex#Nope"'),
          message: 'unknown shape target "ex#Nope"',
        },
        {
          file: FILE,
          pointer: "/shapes/ex#Base/members/Id/traits/smithy.api#length",
          ...positionOf(text, '"smithy.api#length"'),
          message: "bad value for trait smithy.api#length: min is greater than max",
        },
      ]);
    });

    it("a fault in a mixin no shape uses is reported too", () => {
      const { text, diagnostics } = broken((s) => {
        s.shapes["ex#Unused"] = {
          type: "structure",
          members: { Id: { target: "ex#Nope" } },
          traits: MIXIN,
        };
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Unused/members/Id/target",
          ...positionOf(text, '"target": "ex#Nope"'),
          message: 'unknown shape target "ex#Nope"',
        },
      ]);
    });

    it("a shape-level check of an inherited member points into the mixin (restJson1 label not required)", () => {
      const { text, diagnostics } = broken((s) => {
        s.shapes["ex#Labelled"] = {
          type: "structure",
          members: { Id: { target: "smithy.api#String", traits: { "smithy.api#httpLabel": {} } } },
          traits: MIXIN,
        };
        s.shapes["ex#ListThingsInput"]!["mixins"] = [{ target: "ex#Labelled" }];
        s.shapes["ex#ListThings"]!["traits"]["smithy.api#http"].uri = "/things/{Id}";
      });
      expect(diagnostics).toEqual([
        {
          file: FILE,
          pointer: "/shapes/ex#Labelled/members/Id",
          ...positionOf(text, '"Id"'),
          message: "Id is the URI label {Id} of ListThings, so it must be @required",
        },
      ]);
    });
  });

  it("a shape type it does not know", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Thing"]!["members"].Odd = { target: "ex#Odd" };
      s.shapes["ex#Odd"] = { type: "tuple" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Odd/type",
        ...positionOf(text, '"type": "tuple"'),
        message: 'unknown shape type "tuple"',
      },
    ]);
  });

  it("restJson1: an @httpPayload member beside members that would be in the body", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#ListThingsOutput"]!["members"].Things.traits = { "smithy.api#httpPayload": {} };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#ListThingsOutput/members/Token",
        ...positionOf(text, '"Token": {', 1),
        message:
          "Token would be in the body, but Things is the @httpPayload (the whole body): bind it to a header, query or label",
      },
    ]);
  });

  it("HTTP bindings that would lose a value: one header or query parameter twice, a header under the prefix, a second query map", () => {
    // Smithy refuses these (HttpHeaderTraitValidator, HttpQueryTraitValidator, HttpPrefixHeadersTraitValidator,
    // ExclusiveStructureMemberTraitValidator); dx bound both members and sent one value.
    const str = (traits: Record<string, unknown>) => ({ target: "smithy.api#String", traits });
    const map = (traits: Record<string, unknown>) => ({ target: "ex#Params", traits });
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Params"] = {
        type: "map",
        key: { target: "smithy.api#String" },
        value: { target: "smithy.api#String" },
      };
      Object.assign(s.shapes["ex#ListThingsInput"]!["members"], {
        Token: str({ "smithy.api#httpQuery": "token" }),
        Max: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "token" } },
        Trace: str({ "smithy.api#httpHeader": "X-Trace" }),
        TraceToo: str({ "smithy.api#httpHeader": "x-trace" }),
        Meta: map({ "smithy.api#httpPrefixHeaders": "X-Meta-" }),
        Owner: str({ "smithy.api#httpHeader": "x-meta-owner" }),
        Extra: map({ "smithy.api#httpQueryParams": {} }),
        More: map({ "smithy.api#httpQueryParams": {} }),
      });
    });
    expect(diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/shapes/ex#ListThingsInput/members/Max",
        'Max is bound to the query parameter "token", as Token is: one value would be lost',
      ],
      [
        "/shapes/ex#ListThingsInput/members/TraceToo",
        'TraceToo is bound to the header "x-trace", as Trace is (header names do not differ in case): one value would be lost',
      ],
      [
        "/shapes/ex#ListThingsInput/members/Owner",
        'Owner is bound to the header "x-meta-owner", which starts with the prefix "x-meta-" of the @httpPrefixHeaders member Meta',
      ],
      ["/shapes/ex#ListThingsInput/members/More", "More is a second @httpQueryParams member (Extra is one already)"],
    ]);
    expect(diagnostics[0]).toMatchObject({ file: FILE, ...positionOf(text, '"Max": {', 0) });
  });

  it("accepts header members beside an @httpPrefixHeaders member with an empty prefix (only a note to Smithy)", () => {
    const spec = smallSpec();
    spec.shapes["ex#Params"] = {
      type: "map",
      key: { target: "smithy.api#String" },
      value: { target: "smithy.api#String" },
    };
    Object.assign(spec.shapes["ex#ListThingsInput"]!["members"], {
      All: { target: "ex#Params", traits: { "smithy.api#httpPrefixHeaders": "" } },
      Trace: { target: "smithy.api#String", traits: { "smithy.api#httpHeader": "X-Trace" } },
    });
    const { ir } = runPipeline({ root: repoRoot, inputs: [{ file: FILE, text: specText(spec) }], emitters: [] });
    expect(ir.operations.map((o) => o.name)).toEqual(["ListThings"]);
  });

  it("restJson1: URI labels and @httpLabel members that do not match", () => {
    const { diagnostics } = broken((s) => {
      s.shapes["ex#ListThings"]!["traits"]["smithy.api#http"].uri = "/things/{Owner}/{Key+}";
      s.shapes["ex#ListThingsInput"]!["members"].Key = {
        target: "smithy.api#String",
        traits: { "smithy.api#httpLabel": {} },
      };
      s.shapes["ex#ListThingsInput"]!["members"].Extra = {
        target: "smithy.api#String",
        traits: { "smithy.api#httpLabel": {}, "smithy.api#required": {} },
      };
    });
    expect(diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/shapes/ex#ListThings/traits/smithy.api#http/uri",
        "ListThings: the URI label {Owner} names no @httpLabel member of the input",
      ],
      ["/shapes/ex#ListThingsInput/members/Key", "Key is the URI label {Key} of ListThings, so it must be @required"],
      ["/shapes/ex#ListThingsInput/members/Extra", "Extra is an @httpLabel, but the URI of ListThings has no {Extra}"],
    ]);
  });

  it("a service that uses no JSON protocol", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Svc"]!["traits"] = { "aws.protocols#restXml": {} };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Svc/traits",
        ...positionOf(text, '"traits"'),
        message:
          "service ex#Svc must use one of the JSON protocols aws.protocols#awsJson1_0, aws.protocols#awsJson1_1, aws.protocols#restJson1; other protocols cannot be emitted yet",
      },
    ]);
  });

  it("not exactly one service", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Other"] = { type: "service", version: "2" };
    });
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes",
        ...positionOf(text, '"shapes"'),
        message: "expected exactly one service shape, found 2",
      },
    ]);
  });

  it("a shape defined differently in two files", () => {
    const a = smallSpec();
    const b = { smithy: "2.0", shapes: { "ex#Thing": { type: "structure", members: {} } } };
    const bText = specText(b);
    let diagnostics: readonly Diagnostic[] = [];
    try {
      runPipeline({
        root: repoRoot,
        inputs: [
          { file: "a.json", text: specText(a) },
          { file: "b.json", text: bText },
        ],
        emitters: [],
      });
    } catch (e) {
      diagnostics = (e as SpecError).diagnostics;
    }
    expect(diagnostics).toEqual([
      {
        file: "b.json",
        pointer: "/shapes/ex#Thing",
        ...positionOf(bText, '"ex#Thing"'),
        message: "shape ex#Thing conflicts with its definition in a.json at /shapes/ex#Thing",
      },
    ]);
  });

  it("independent problems are all reported at once, sorted by position", () => {
    const { text, diagnostics } = broken(
      (s) => {
        s.shapes["ex#Thing"]!["members"].Name.target = "ex#Nope";
        s.shapes["ex#Thing"]!["members"]["bad-name"] = { target: "smithy.api#String" };
        s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"].pageSize = "Token";
        s.shapes["ex#Payload"] = { type: "blob", traits: { "smithy.api#streaming": {} } };
        s.shapes["ex#Thing"]!["members"].Data = { target: "ex#Payload" };
      },
      ["Nothing"],
    );
    expect(diagnostics.map((d) => [d.file, d.pointer, d.line, d.column, d.message])).toEqual([
      [
        "(command line)",
        "",
        undefined,
        undefined,
        "--operation Nothing: no such operation in ex#Svc (it has ListThings)",
      ],
      [
        FILE,
        "/shapes/ex#Thing/members/Name/target",
        positionOf(text, '"target": "ex#Nope"').line,
        positionOf(text, '"target": "ex#Nope"').column,
        'unknown shape target "ex#Nope"',
      ],
      [
        FILE,
        "/shapes/ex#Thing/members/bad-name",
        positionOf(text, '"bad-name"').line,
        positionOf(text, '"bad-name"').column,
        'member name "bad-name" is not a valid identifier ([A-Za-z_][A-Za-z0-9_]*)',
      ],
    ]);
  });

  it("problems in the selected closure are reported together with structural ones", () => {
    const { text, diagnostics } = broken((s) => {
      s.shapes["ex#Thing"]!["members"].Name.target = "ex#Nope";
      s.shapes["ex#ListThings"]!["traits"]["smithy.api#paginated"].pageSize = "Token";
      s.shapes["ex#Payload"] = { type: "blob", traits: { "smithy.api#streaming": {} } };
      s.shapes["ex#Thing"]!["members"].Data = { target: "ex#Payload" };
    });
    expect(diagnostics.map((d) => [d.pointer, d.line])).toEqual([
      ["/shapes/ex#ListThings/traits/smithy.api#paginated/pageSize", positionOf(text, '"pageSize": "Token"').line],
      ["/shapes/ex#Thing/members/Name/target", positionOf(text, '"target": "ex#Nope"').line],
      ["/shapes/ex#Thing/members/Data", positionOf(text, '"Data"').line],
    ]);
  });

  it("a trait applied from another file is reported in the file that applied it", () => {
    const a = smallSpec();
    const b = {
      smithy: "2.0",
      shapes: {
        "ex#Thing$Name": { type: "apply", traits: { "smithy.api#jsonName": "" } },
        "ex#Nope$X": { type: "apply", traits: {} },
      },
    };
    const bText = specText(b);
    let diagnostics: readonly Diagnostic[] = [];
    try {
      runPipeline({
        root: repoRoot,
        inputs: [
          { file: "a.json", text: specText(a) },
          { file: "b.json", text: bText },
        ],
        emitters: [],
      });
    } catch (e) {
      diagnostics = (e as SpecError).diagnostics;
    }
    expect(diagnostics).toEqual([
      {
        file: "b.json",
        pointer: "/shapes/ex#Thing$Name/traits/smithy.api#jsonName",
        ...positionOf(bText, '"smithy.api#jsonName"'),
        message: "bad value for trait smithy.api#jsonName: expected a non-empty string",
      },
      {
        file: "b.json",
        pointer: "/shapes/ex#Nope$X",
        ...positionOf(bText, '"ex#Nope$X"'),
        message: "apply targets unknown shape or member ex#Nope$X",
      },
    ]);
  });
});
