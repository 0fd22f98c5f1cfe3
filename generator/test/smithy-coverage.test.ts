/**
 * The parts of a Smithy JSON AST a user may write beyond what AWS's flattened models use, each read
 * as Smithy defines it or refused where it is written: `apply` onto a list's member and a map's key
 * and value, `apply` from several files and onto the prelude, traits given twice, a service's
 * `rename` as Smithy's ServiceValidator checks it, Smithy 1.0 files (ModelUpgrader's defaults,
 * `@box`, `set`), metadata merged across files, `@default` values, and shape ids that differ only in case.
 */
import { describe, expect, it } from "vitest";
import { SpecError, type Diagnostic } from "../src/diagnostics.js";
import type { Ir, IrMember, IrShape } from "../src/ir/types.js";
import { loadModel } from "../src/load/load.js";
import { runPipeline } from "../src/pipeline.js";
import { positionOf, repoRoot, smallSpec, specText } from "./support.js";

type Spec = ReturnType<typeof smallSpec> & { shapes: Record<string, Record<string, any>>; metadata?: unknown };

function spec(mutate: (s: Spec) => void = () => {}): Spec {
  const s = smallSpec() as Spec;
  mutate(s);
  return s;
}

/** Runs the front end over the files (name → spec object), giving the IR or the diagnostics. */
function front(files: Record<string, unknown>): { ir?: Ir; diagnostics: readonly Diagnostic[] } {
  const inputs = Object.entries(files).map(([file, s]) => ({ file, text: specText(s) }));
  try {
    const { ir } = runPipeline({ root: repoRoot, inputs, emitters: [] });
    return { ir, diagnostics: [] };
  } catch (e) {
    if (e instanceof SpecError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

function ok(files: Record<string, unknown>): Ir {
  const { ir, diagnostics } = front(files);
  expect(diagnostics).toEqual([]);
  return ir as Ir;
}

function shape(ir: Ir, id: string): IrShape & Record<string, any> {
  const s = ir.shapes.find((x) => x.id === id);
  if (!s) throw new Error(`no shape ${id} in the IR`);
  return s as IrShape & Record<string, any>;
}

function member(ir: Ir, id: string, name: string): IrMember {
  const m = (shape(ir, id)["members"] as IrMember[]).find((x) => x.name === name);
  if (!m) throw new Error(`no member ${name} in ${id}`);
  return m;
}

/** The small spec with a map `ex#Tags` (string → string) on `ex#Thing`. */
function withMap(s: Spec): void {
  s.shapes["ex#Tags"] = { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } };
  s.shapes["ex#Thing"]!["members"].Tags = { target: "ex#Tags" };
}

describe("apply onto a list's member and a map's key and value", () => {
  it("reaches them as members of the shape (ns#List$member, ns#Map$key, ns#Map$value)", () => {
    const s = spec(withMap);
    s.shapes["ex#Things$member"] = { type: "apply", traits: { "smithy.api#documentation": "One thing." } };
    s.shapes["ex#Tags$key"] = { type: "apply", traits: { "smithy.api#length": { min: 1, max: 128 } } };
    s.shapes["ex#Tags$value"] = { type: "apply", traits: { "smithy.api#pattern": "^[a-z]*$" } };
    const ir = ok({ "a.json": s });
    expect(shape(ir, "ex#Things")["member"]).toMatchObject({ documentation: "One thing." });
    expect(shape(ir, "ex#Tags")["key"]).toMatchObject({ constraints: { length: { min: 1, max: 128 } } });
    expect(shape(ir, "ex#Tags")["value"]).toMatchObject({ constraints: { pattern: "^[a-z]*$" } });
  });

  it("generates what the same traits written on the member generate", () => {
    const applied = spec((s) => {
      s.shapes["ex#Things$member"] = { type: "apply", traits: { "smithy.api#length": { max: 3 } } };
    });
    const written = spec((s) => {
      s.shapes["ex#Things"]!["member"].traits = { "smithy.api#length": { max: 3 } };
    });
    expect(ok({ "a.json": applied }).shapes).toEqual(ok({ "a.json": written }).shapes);
  });

  it("a bad trait value applied to a list member is located in the apply", () => {
    const s = spec((x) => {
      x.shapes["ex#Things$member"] = { type: "apply", traits: { "smithy.api#length": { min: "one" } } };
    });
    const text = specText(s);
    expect(front({ "a.json": s }).diagnostics).toEqual([
      {
        file: "a.json",
        pointer: "/shapes/ex#Things$member/traits/smithy.api#length",
        ...positionOf(text, '"smithy.api#length"'),
        message:
          'bad value for trait smithy.api#length: bad value "one" for "min"; expected an object {"min"?: integer >= 0, "max"?: integer >= 0}',
      },
    ]);
  });

  it("a list has no `key`, a map no `member`", () => {
    const s = spec((x) => {
      withMap(x);
      x.shapes["ex#Things$key"] = { type: "apply", traits: {} };
      x.shapes["ex#Tags$member"] = { type: "apply", traits: {} };
    });
    expect(front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      ["/shapes/ex#Things$key", "apply targets unknown shape or member ex#Things$key"],
      ["/shapes/ex#Tags$member", "apply targets unknown shape or member ex#Tags$member"],
    ]);
  });
});

describe("apply: traits given twice, several files, the prelude", () => {
  const tagged = (tags: string[]) => ({
    smithy: "2.0",
    shapes: { "ex#Thing": { type: "apply", traits: { "smithy.api#tags": tags } } },
  });

  it("array traits concatenate (Smithy's list traits), in file order", () => {
    const s = spec((x) => {
      x.shapes["ex#Thing"]!["traits"]["smithy.api#tags"] = ["a"];
    });
    const { shapes } = loadModel([
      { file: "a.json", text: specText(s) },
      { file: "b.json", text: specText(tagged(["b", "a"])) },
      { file: "c.json", text: specText(tagged(["c"])) },
    ]);
    expect(shapes.get("ex#Thing")?.node["traits"]).toMatchObject({ "smithy.api#tags": ["a", "b", "a", "c"] });
  });

  it("an equal value is allowed; a different one is a conflict located at the later apply", () => {
    const s = spec();
    const docs = (d: string) => ({
      smithy: "2.0",
      shapes: { "ex#Thing": { type: "apply", traits: { "smithy.api#documentation": d } } },
    });
    expect(front({ "a.json": s, "b.json": docs("A thing.") }).diagnostics).toEqual([]);
    const other = specText(docs("Another."));
    expect(front({ "a.json": s, "b.json": docs("Another.") }).diagnostics).toEqual([
      {
        file: "b.json",
        pointer: "/shapes/ex#Thing/traits/smithy.api#documentation",
        ...positionOf(other, '"smithy.api#documentation"'),
        message:
          'conflicting value for trait smithy.api#documentation on ex#Thing: it already has "A thing." (Smithy merges a trait given twice only when both values are arrays or equal)',
      },
    ]);
  });

  it("a trait applied from another file to a list member reaches it", () => {
    const more = {
      smithy: "2.0",
      shapes: { "ex#Things$member": { type: "apply", traits: { "smithy.api#documentation": "Elsewhere." } } },
    };
    const ir = ok({ "a.json": spec(), "b.json": more });
    expect(shape(ir, "ex#Things")["member"]).toMatchObject({ documentation: "Elsewhere." });
  });

  it("apply onto a prelude shape is refused, saying what to do instead", () => {
    const s = spec((x) => {
      x.shapes["smithy.api#String"] = { type: "apply", traits: { "smithy.api#length": { max: 3 } } };
    });
    expect(front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/shapes/smithy.api#String",
        "apply cannot change the prelude shape smithy.api#String (Smithy refuses traits applied to smithy.api shapes); define a shape of your own that targets it, with the traits",
      ],
    ]);
  });
});

describe("a service's rename, as Smithy's ServiceValidator checks it", () => {
  const renamed = (rename: Record<string, string>, more: (s: Spec) => void = () => {}) =>
    spec((s) => {
      s.shapes["ex#Svc"]!["rename"] = rename;
      more(s);
    });
  const problems = (s: Spec) => front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message]);

  it("renames a shape of the closure", () => {
    const ir = ok({ "a.json": renamed({ "ex#Thing": "Item" }) });
    expect(shape(ir, "ex#Thing").name).toBe("Item");
  });

  it("a shape outside the service's closure", () => {
    expect(problems(renamed({ "ex#Nope": "Other" }, (s) => void (s.shapes["ex#Nope"] = { type: "string" })))).toEqual([
      [
        "/shapes/ex#Svc/rename/ex#Nope",
        'rename: ex#Nope is not a shape of the service\'s closure (Smithy: "Service attempts to rename a shape not in the service"); remove the entry',
      ],
    ]);
    expect(problems(renamed({ "ex#Missing": "Other" }))[0]?.[1]).toMatch(
      /^rename: ex#Missing is not a shape of the service's closure/,
    );
  });

  it("a shape of the closure that --operation leaves out is still the service's", () => {
    const s = renamed({ "ex#Other": "Another" }, (x) => {
      x.shapes["ex#Svc"]!["operations"].push({ target: "ex#GetOther" });
      x.shapes["ex#GetOther"] = {
        type: "operation",
        input: { target: "ex#Other" },
        traits: { "smithy.api#http": { method: "GET", uri: "/o" } },
      };
      x.shapes["ex#Other"] = { type: "structure", members: {} };
    });
    const inputs = [{ file: "a.json", text: specText(s) }];
    expect(() => runPipeline({ root: repoRoot, inputs, operations: ["ListThings"], emitters: [] })).not.toThrow();
  });

  it("a mixin: not a shape of the service once flattened", () => {
    const s = renamed({ "ex#Named": "HasName" }, (x) => {
      x.shapes["ex#Named"] = {
        type: "structure",
        members: { Id: { target: "smithy.api#String" } },
        traits: { "smithy.api#mixin": {} },
      };
      x.shapes["ex#Thing"]!["mixins"] = [{ target: "ex#Named" }];
    });
    expect(problems(s)).toEqual([
      [
        "/shapes/ex#Svc/rename/ex#Named",
        "rename: ex#Named is a mixin, and mixins are not shapes of the service (Smithy removes them once they are copied into the shapes that use them); rename the shapes that use it",
      ],
    ]);
  });

  it("members, operations and errors cannot be renamed; a rename must change the name", () => {
    const s = renamed(
      { "ex#Thing$Name": "Title", "ex#ListThings": "ListItems", "ex#Oops": "Failure", "ex#Things": "Things" },
      (x) => {
        x.shapes["ex#Oops"] = { type: "structure", members: {}, traits: { "smithy.api#error": "client" } };
        x.shapes["ex#ListThings"]!["errors"] = [{ target: "ex#Oops" }];
      },
    );
    expect(problems(s)).toEqual([
      [
        "/shapes/ex#Svc/rename/ex#Thing$Name",
        "rename: ex#Thing$Name is a member; members cannot be renamed (rename the shape it targets)",
      ],
      ["/shapes/ex#Svc/rename/ex#ListThings", "rename: ex#ListThings is an operation; operations cannot be renamed"],
      [
        "/shapes/ex#Svc/rename/ex#Oops",
        "rename: ex#Oops is an error; errors cannot be renamed (their name is their wire identity)",
      ],
      ["/shapes/ex#Svc/rename/ex#Things", 'rename: "Things" does not change the name of ex#Things'],
    ]);
  });
});

describe("Smithy 1.0 files, upgraded as Smithy's ModelUpgrader does", () => {
  /** A 1.0 file adding members of every kind to ex#Thing (defined in the 2.0 file). */
  const v1 = (members: Record<string, unknown>, shapes: Record<string, unknown> = {}) => ({
    smithy: "1.0",
    shapes: { "v1#Extra": { type: "structure", members }, ...shapes },
  });
  const withExtra = (s: Spec) => void (s.shapes["ex#Thing"]!["members"].Extra = { target: "v1#Extra" });

  it("non-boxed booleans and numbers get their zero @default; boxed ones and other types none", () => {
    const ir = ok({
      "a.json": spec(withExtra),
      "b.json": v1(
        {
          Count: { target: "smithy.api#PrimitiveInteger" },
          Flag: { target: "smithy.api#PrimitiveBoolean" },
          Boxed: { target: "smithy.api#Integer" },
          Local: { target: "v1#Size" },
          LocalBoxed: { target: "v1#MaybeSize" },
          MemberBoxed: { target: "v1#Size", traits: { "smithy.api#box": {} } },
          Name: { target: "smithy.api#String" },
          FromV2: { target: "ex#Count" },
        },
        { "v1#Size": { type: "long" }, "v1#MaybeSize": { type: "double", traits: { "smithy.api#box": {} } } },
      ),
      "c.json": { smithy: "2.0", shapes: { "ex#Count": { type: "integer" } } },
    });
    const d = (name: string) => member(ir, "v1#Extra", name).default;
    expect([
      d("Count"),
      d("Flag"),
      d("Boxed"),
      d("Local"),
      d("LocalBoxed"),
      d("MemberBoxed"),
      d("Name"),
      d("FromV2"),
    ]).toEqual([0, false, undefined, 0, undefined, null, undefined, undefined]);
    // The member of a 2.0 structure targeting a 1.0 shape is not upgraded: 2.0 needs its own @default.
    expect(member(ir, "ex#Thing", "Extra").default).toBeUndefined();
  });

  it("a set is a list with @uniqueItems", () => {
    const ir = ok({
      "a.json": spec((s) => void (s.shapes["ex#Thing"]!["members"].Ids = { target: "v1#Ids" })),
      "b.json": { smithy: "1.0", shapes: { "v1#Ids": { type: "set", member: { target: "smithy.api#String" } } } },
    });
    expect(shape(ir, "v1#Ids")).toMatchObject({ kind: "list", constraints: { uniqueItems: true } });
  });

  it("what 1.0 lacks and 2.0 dropped is refused where it is written", () => {
    const old = {
      smithy: "1.0",
      shapes: {
        "v1#Color": { type: "enum", members: { RED: { target: "smithy.api#Unit" } } },
        "v1#Extra": {
          type: "structure",
          members: { N: { target: "smithy.api#Integer", traits: { "smithy.api#default": 1 } } },
        },
      },
    };
    const s = spec((x) => {
      x.shapes["ex#Thing"]!["members"].Name.traits["smithy.api#box"] = {};
      x.shapes["ex#Ids"] = { type: "set", member: { target: "smithy.api#String" } };
    });
    expect(front({ "a.json": s, "b.json": old }).diagnostics.map((d) => [d.file, d.pointer, d.message])).toEqual([
      [
        "a.json",
        "/shapes/ex#Thing/members/Name/traits/smithy.api#box",
        expect.stringMatching(/^@box is not supported in Smithy IDL 2.0/),
      ],
      [
        "a.json",
        "/shapes/ex#Ids/type",
        'set shapes cannot be used in Smithy 2.0: write a "list" with the smithy.api#uniqueItems trait (or keep the file at "smithy": "1.0")',
      ],
      [
        "b.json",
        "/shapes/v1#Color/type",
        'enum shapes can only be used in Smithy 2.0 or later; set "smithy" to "2.0", or write a string with the @enum trait',
      ],
      [
        "b.json",
        "/shapes/v1#Extra/members/N/traits/smithy.api#default",
        expect.stringMatching(/^the @default trait can only be used in Smithy 2.0 or later/),
      ],
    ]);
  });
});

describe("metadata merged across files", () => {
  const meta = (metadata: unknown) => ({ smithy: "2.0", metadata, shapes: {} });

  it("arrays concatenate, equal values are kept once, other values must agree", () => {
    const model = loadModel([
      { file: "a.json", text: specText({ ...spec(), metadata: { list: [1], same: { a: 1 } } }) },
      { file: "b.json", text: specText(meta({ list: [2, 1], same: { a: 1 } })) },
    ]);
    expect(model.diagnostics).toEqual([]);
    expect(model.metadata).toEqual({ list: [1, 2, 1], same: { a: 1 } });
    const bad = specText(meta({ same: { a: 2 } }));
    expect(
      front({ "a.json": { ...spec(), metadata: { same: { a: 1 } } }, "b.json": JSON.parse(bad) }).diagnostics,
    ).toEqual([
      {
        file: "b.json",
        pointer: "/metadata/same",
        ...positionOf(bad, '"same"'),
        message: 'metadata "same" conflicts with an earlier file',
      },
    ]);
  });
});

describe("shape ids", () => {
  it("ids that differ only in case conflict (Smithy's ShapeIdConflictValidator)", () => {
    const s = spec((x) => {
      x.shapes["ex#thing"] = { type: "string" };
    });
    expect(front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/shapes/ex#thing",
        "shape id ex#thing differs from ex#Thing only in case; Smithy refuses such ids in one model (rename one of them)",
      ],
    ]);
  });

  it("namespaces with dots, and absolute targets", () => {
    const ir = ok({
      "a.json": spec((x) => {
        x.shapes["ex#Thing"]!["members"].Code = { target: "com.example.types#Code" };
        x.shapes["com.example.types#Code"] = { type: "string", traits: { "smithy.api#length": { max: 4 } } };
      }),
    });
    expect(member(ir, "ex#Thing", "Code").target).toBe("com.example.types#Code");
  });

  it("a member id as a target is refused: members target shapes", () => {
    const s = spec((x) => {
      x.shapes["ex#Thing"]!["members"].Alias = { target: "ex#Thing$Name" };
    });
    expect(front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      ["/shapes/ex#Thing/members/Alias/target", 'invalid shape id "ex#Thing$Name" as target'],
    ]);
  });
});

describe("@default values", () => {
  /** ex#Thing gets a member targeting `target` with `@default(value)`, and the shapes given. */
  const defaulted = (target: string, value: unknown, shapes: Record<string, unknown> = {}) =>
    spec((s) => {
      s.shapes["ex#Thing"]!["members"].D = { target, traits: { "smithy.api#default": value } };
      Object.assign(s.shapes, shapes);
    });
  const problems = (s: Spec) => front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message]);
  const at = "/shapes/ex#Thing/members/D/traits/smithy.api#default";

  it("a value of the target's type is the member's default in the IR", () => {
    const cases: [string, unknown, Record<string, unknown>?][] = [
      ["smithy.api#Boolean", true],
      ["smithy.api#Integer", 3],
      ["smithy.api#Double", 1.5],
      ["smithy.api#String", ""],
      ["smithy.api#Blob", "aGk="],
      ["smithy.api#Timestamp", 0],
      ["smithy.api#Timestamp", "1985-04-12T23:20:50.52Z"],
      ["smithy.api#Document", {}],
      ["smithy.api#Document", "x"],
      ["ex#Names", [], { "ex#Names": { type: "list", member: { target: "smithy.api#String" } } }],
      [
        "ex#Dict",
        {},
        { "ex#Dict": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } } },
      ],
      [
        "ex#Color",
        "red",
        {
          "ex#Color": {
            type: "enum",
            members: { RED: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "red" } } },
          },
        },
      ],
      [
        "ex#Level",
        2,
        {
          "ex#Level": {
            type: "intEnum",
            members: { HIGH: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 2 } } },
          },
        },
      ],
    ];
    for (const [target, value, shapes] of cases)
      expect(member(ok({ "a.json": defaulted(target, value, shapes) }), "ex#Thing", "D").default).toEqual(value);
  });

  it("a value that does not fit the target is refused, saying what fits", () => {
    const cases: [string, unknown, string, Record<string, unknown>?][] = [
      ["smithy.api#Boolean", 0, "expected a boolean"],
      ["smithy.api#Integer", 1.5, "expected an integer (integer values are whole numbers)"],
      ["smithy.api#String", 1, "expected a string"],
      ["smithy.api#Blob", "not base64!", "expected a base64 string for a blob"],
      [
        "smithy.api#Timestamp",
        "yesterday",
        "expected epoch seconds (a number) or an RFC 3339 date-time string for a timestamp",
      ],
      ["smithy.api#Document", [1], "a document's default is true, false, a string, a number, [] or {}"],
      [
        "ex#Names",
        ["a"],
        "a list's default can only be []",
        { "ex#Names": { type: "list", member: { target: "smithy.api#String" } } },
      ],
      [
        "ex#Color",
        "blue",
        'expected one of the values of ex#Color ("RED")',
        { "ex#Color": { type: "enum", members: { RED: { target: "smithy.api#Unit" } } } },
      ],
      ["ex#Thing", {}, "a structure cannot have a default value"],
      [
        "ex#Code",
        "c",
        "expected one of the @enum values of ex#Code",
        { "ex#Code": { type: "string", traits: { "smithy.api#enum": [{ value: "a" }, { value: "b" }] } } },
      ],
    ];
    for (const [target, value, message, shapes] of cases)
      expect(problems(defaulted(target, value, shapes))).toEqual([
        [at, `bad value for trait smithy.api#default: ${message}`],
      ]);
  });

  it("a member targeting a shape with a default repeats it or sets null (Smithy 2.0's rule)", () => {
    expect(member(ok({ "a.json": defaulted("smithy.api#PrimitiveInteger", 0) }), "ex#Thing", "D").default).toBe(0);
    expect(
      member(ok({ "a.json": defaulted("smithy.api#PrimitiveInteger", null) }), "ex#Thing", "D").default,
    ).toBeNull();
    const bare = spec((s) => void (s.shapes["ex#Thing"]!["members"].D = { target: "smithy.api#PrimitiveBoolean" }));
    expect(problems(bare)).toEqual([
      [
        "/shapes/ex#Thing/members/D",
        'D targets smithy.api#PrimitiveBoolean, which has @default(false): Smithy asks the member to repeat it ("smithy.api#default": false), or to set null for no default',
      ],
    ]);
    expect(problems(defaulted("smithy.api#PrimitiveInteger", 1))).toEqual([
      [at, "D's default 1 differs from smithy.api#PrimitiveInteger's @default(0); repeat it, or set null"],
    ]);
  });

  it("@required with @default, @addedDefault and @clientOptional are kept; required-ness follows @clientOptional", () => {
    const ir = ok({
      "a.json": spec((s) => {
        s.shapes["ex#Thing"]!["members"].N = {
          target: "smithy.api#Integer",
          traits: { "smithy.api#required": {}, "smithy.api#default": 1, "smithy.api#addedDefault": {} },
        };
        s.shapes["ex#Thing"]!["members"].O = {
          target: "smithy.api#Integer",
          traits: { "smithy.api#required": {}, "smithy.api#clientOptional": {}, "smithy.api#default": 1 },
        };
      }),
    });
    expect(member(ir, "ex#Thing", "N")).toMatchObject({ required: true, default: 1 });
    expect(member(ir, "ex#Thing", "O")).toMatchObject({ required: false, default: 1 });
  });
});

describe("trait values written as null (Smithy's annotation shorthand)", () => {
  it("a structure trait is {}, a list trait [], as Smithy's loader coerces them", () => {
    const nulls = spec((s) => {
      s.shapes["ex#Thing"]!["members"].Name.traits = { "smithy.api#required": null };
      s.shapes["ex#Thing"]!["traits"]["smithy.api#tags"] = null;
      s.shapes["ex#Things"]!["traits"] = { "smithy.api#uniqueItems": null };
    });
    const written = spec((s) => {
      s.shapes["ex#Thing"]!["members"].Name.traits = { "smithy.api#required": {} };
      s.shapes["ex#Thing"]!["traits"]["smithy.api#tags"] = [];
      s.shapes["ex#Things"]!["traits"] = { "smithy.api#uniqueItems": {} };
    });
    expect(ok({ "a.json": nulls })).toEqual(ok({ "a.json": written }));
    expect(loadModel([{ file: "a.json", text: specText(nulls) }]).shapes.get("ex#Thing")?.node["traits"]).toMatchObject(
      {
        "smithy.api#tags": [],
      },
    );
  });

  it("null is no value for a string trait", () => {
    const s = spec((x) => {
      x.shapes["ex#Thing"]!["traits"]["smithy.api#documentation"] = null;
    });
    expect(front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/shapes/ex#Thing/traits/smithy.api#documentation",
        "bad value for trait smithy.api#documentation: expected a string",
      ],
    ]);
  });
});

describe("trait values of the wrong type, for every prelude trait dx reads", () => {
  const bad = (holder: "member" | "shape" | "service", trait: string, value: unknown) =>
    spec((s) => {
      const node =
        holder === "member"
          ? s.shapes["ex#Thing"]!["members"].Name
          : holder === "shape"
            ? s.shapes["ex#Thing"]!
            : s.shapes["ex#Svc"]!;
      node.traits = { ...node.traits, [trait]: value };
    });
  it.each([
    ["member", "smithy.api#httpPrefixHeaders", {}, "expected a string"],
    ["member", "smithy.api#httpQueryParams", "q", "expected an object"],
    ["member", "smithy.api#httpResponseCode", true, "expected an object"],
    ["member", "smithy.api#httpQuery", "", "expected a non-empty string"],
    ["member", "smithy.api#jsonName", 1, "expected a non-empty string"],
    ["member", "smithy.api#timestampFormat", "iso", 'expected "date-time", "epoch-seconds" or "http-date"'],
    ["member", "smithy.api#addedDefault", true, "expected an object"],
    ["shape", "smithy.api#input", [], "expected an object"],
    ["shape", "smithy.api#mediaType", 1, "expected a string"],
    [
      "shape",
      "smithy.api#length",
      { min: -1 },
      'bad value -1 for "min"; expected an object {"min"?: integer >= 0, "max"?: integer >= 0}',
    ],
    ["shape", "smithy.api#range", { min: 2, max: 1 }, "min is greater than max"],
    ["shape", "smithy.api#pattern", 1, "expected a string"],
    ["service", "aws.protocols#restJson1", true, "expected an object"],
    [
      "service",
      "aws.api#service",
      { sdkId: 1 },
      'expected an object {"sdkId"?: string, "endpointPrefix"?: string, ...}',
    ],
  ] as const)("%s %s = %j", (holder, trait, value, message) => {
    const problems = front({ "a.json": bad(holder, trait, value) }).diagnostics.map((d) => d.message);
    expect(problems).toContain(`bad value for trait ${trait}: ${message}`);
  });
});

describe("@input and @output structures (Smithy's OperationInputOutputValidator)", () => {
  const problems = (s: Spec) => front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message]);
  const marked = (more: (s: Spec) => void) =>
    spec((s) => {
      s.shapes["ex#ListThingsInput"]!["traits"] = { "smithy.api#input": {} };
      s.shapes["ex#ListThingsOutput"]!["traits"] = { "smithy.api#output": {} };
      more(s);
    });

  it("are read when each serves one operation", () => {
    expect(problems(marked(() => {}))).toEqual([]);
  });

  it("a member may not target one, and the other side of an operation may not use it", () => {
    const s = marked((x) => {
      x.shapes["ex#Thing"]!["members"].Query = { target: "ex#ListThingsInput" };
      x.shapes["ex#ListThings"]!["output"] = { target: "ex#ListThingsInput" };
    });
    expect(problems(s)).toEqual(
      expect.arrayContaining([
        [
          "/shapes/ex#ListThings/output",
          "operation output cannot target ex#ListThingsInput, a structure marked with the @input trait",
        ],
        [
          "/shapes/ex#Thing/members/Query/target",
          "members cannot target structures marked with the @input trait: ex#ListThingsInput (give the member a structure of its own)",
        ],
      ]),
    );
  });

  it("two operations may not share one", () => {
    const s = marked((x) => {
      x.shapes["ex#Svc"]!["operations"].push({ target: "ex#CountThings" });
      x.shapes["ex#CountThings"] = {
        type: "operation",
        input: { target: "ex#ListThingsInput" },
        traits: { "smithy.api#http": { method: "GET", uri: "/count" } },
      };
    });
    expect(problems(s)).toEqual([
      [
        "/shapes/ex#ListThingsInput/traits/smithy.api#input",
        "ex#ListThingsInput is marked with the @input trait, so it can be the input of one operation only, but ex#ListThings, ex#CountThings use it (give each its own structure)",
      ],
    ]);
  });
});

describe("files defining the same shape, and intEnum values", () => {
  it("a shape defined identically in two files is one shape (Smithy ignores the repeat)", () => {
    const again = { smithy: "2.0", shapes: { "ex#Thing": spec().shapes["ex#Thing"] } };
    expect(ok({ "a.json": spec(), "b.json": again }).shapes).toEqual(ok({ "a.json": spec() }).shapes);
  });

  it("an intEnum's members need integer @enumValue traits", () => {
    const s = spec((x) => {
      x.shapes["ex#Level"] = {
        type: "intEnum",
        members: {
          LOW: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 1 } },
          HIGH: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "2" } },
          NONE: { target: "smithy.api#Unit" },
        },
      };
      x.shapes["ex#Thing"]!["members"].Level = { target: "ex#Level" };
    });
    expect(front({ "a.json": s }).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/shapes/ex#Level/members/HIGH/traits/smithy.api#enumValue",
        "intEnum members need an integer smithy.api#enumValue",
      ],
      [
        "/shapes/ex#Level/members/NONE/traits/smithy.api#enumValue",
        "intEnum members need an integer smithy.api#enumValue",
      ],
    ]);
  });
});
