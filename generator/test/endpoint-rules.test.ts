/**
 * The service's endpoint rules in the generator: the IR carries the rule set (or BDD) without its
 * documentation and the parameter bindings (client, static, context, operation context); the check
 * stage reports a malformed rule set at its file and JSON pointer instead of crashing; the emitted
 * compact module is the same value, whatever repeats in it (a property test).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpecError, type Diagnostic, formatDiagnostic } from "../src/diagnostics.js";
import { compactConsts } from "../src/emit/paginator/compact.js";
import { paginatorEmitter } from "../src/emit/paginator/index.js";
import type { Ir } from "../src/ir/types.js";
import { runPipeline } from "../src/pipeline.js";
import { repoRoot, smallSpec, specText } from "./support.js";

const FILE = "p.json";
type Spec = ReturnType<typeof smallSpec> & { shapes: Record<string, Record<string, any>> };

function front(spec: unknown): {
  ir?: Ir;
  files?: Map<string, string> | undefined;
  diagnostics: readonly Diagnostic[];
} {
  try {
    const { ir, outputs } = runPipeline({
      root: repoRoot,
      inputs: [{ file: FILE, text: specText(spec) }],
      emitters: [paginatorEmitter],
    });
    return { ir, files: outputs[0]?.files, diagnostics: [] };
  } catch (e) {
    if (e instanceof SpecError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

const ruleSet = () => ({
  version: "1.0",
  parameters: {
    Region: { builtIn: "AWS::Region", required: false, documentation: "The region.", type: "String" },
    UseFIPS: { builtIn: "AWS::UseFIPS", required: true, default: false, type: "Boolean" },
    Endpoint: { builtIn: "SDK::Endpoint", required: false, type: "String" },
    Kind: { required: false, type: "String" },
    Mode: { required: false, type: "String" },
    Names: { required: false, type: "stringArray" },
  },
  rules: [
    {
      conditions: [{ fn: "isSet", argv: [{ ref: "Endpoint" }] }],
      endpoint: { url: { ref: "Endpoint" }, properties: {}, headers: {} },
      type: "endpoint",
      documentation: "A custom endpoint.",
    },
    {
      conditions: [{ fn: "aws.partition", argv: [{ ref: "Region" }], assign: "PartitionResult" }],
      endpoint: { url: "https://things.{Region}.{PartitionResult#dnsSuffix}", properties: {}, headers: {} },
      type: "endpoint",
    },
    { conditions: [], error: "Invalid Configuration: Missing Region", type: "error" },
  ],
});

function spec(mutate: (s: Spec) => void = () => {}): Spec {
  const s = smallSpec() as Spec;
  s.shapes["ex#Svc"]!["traits"]["smithy.rules#endpointRuleSet"] = ruleSet();
  s.shapes["ex#Svc"]!["traits"]["smithy.rules#clientContextParams"] = { Mode: { type: "string", documentation: "x" } };
  const op = s.shapes["ex#ListThings"]!["traits"];
  op["smithy.rules#staticContextParams"] = { Kind: { value: "list" } };
  op["smithy.rules#operationContextParams"] = { Names: { path: "Things[*].Name" } };
  s.shapes["ex#ListThingsInput"]!["members"]["Token"]["traits"] = { "smithy.rules#contextParam": { name: "Mode" } };
  mutate(s);
  return s;
}

describe("the endpoint rules in the IR", () => {
  it("carries the rule set without documentation, and every parameter binding", () => {
    const { ir, diagnostics } = front(spec());
    expect(diagnostics).toEqual([]);
    const rules = ir?.service.endpointRules;
    expect(rules?.parameters["Region"]).toEqual({ type: "String", builtIn: "AWS::Region" });
    expect(rules?.parameters["UseFIPS"]).toEqual({
      type: "Boolean",
      builtIn: "AWS::UseFIPS",
      required: true,
      default: false,
    });
    expect(JSON.stringify(rules)).not.toContain("documentation");
    expect(rules?.ruleSet?.rules).toHaveLength(3);
    expect(rules?.clientContextParams).toEqual({ Mode: "string" });
    expect(ir?.operations[0]?.endpointParams).toEqual({
      staticParams: { Kind: "list" },
      contextParams: { Mode: "Token" },
      operationParams: { Names: "Things[*].Name" },
    });
  });

  it("is written once, in signed/endpointRules.gen.ts, which the binding imports with its parameters", () => {
    const { files } = front(spec());
    expect(files?.get("signed/endpointRules.gen.ts")).toContain("export const endpointRules: EndpointRules = {");
    const binding = files?.get("signed/paginateListThings.gen.ts") ?? "";
    expect(binding).toContain('import { endpointRules } from "./endpointRules.gen.js";');
    expect(binding).toContain(
      '  endpointParams: {"staticParams":{"Kind":"list"},"contextParams":{"Mode":"Token"},"operationParams":{"Names":"Things[*].Name"}},',
    );
    // Without rules: no module, and the binding keeps its host template.
    const plain = front(spec((s) => delete s.shapes["ex#Svc"]!["traits"]["smithy.rules#endpointRuleSet"]));
    expect(plain.files?.has("signed/endpointRules.gen.ts")).toBe(false);
  });
});

describe("a malformed rule set is a spec error at its pointer", () => {
  const at = "/shapes/ex#Svc/traits/smithy.rules#endpointRuleSet";
  it.each<[string, (rs: Record<string, any>) => void, string, string]>([
    ["not an object", (rs) => Object.keys(rs).forEach((k) => delete rs[k]), `${at}/version`, 'expected "version"'],
    ["rules missing", (rs) => delete rs["rules"], `${at}/rules`, 'expected "rules", an array of rules'],
    [
      "a parameter without a type",
      (rs) => (rs["parameters"]["Region"]["type"] = "Number"),
      `${at}/parameters/Region/type`,
      'parameter Region: "type" must be "String", "Boolean" or "stringArray", got "Number"',
    ],
    [
      "a default of another type",
      (rs) => (rs["parameters"]["UseFIPS"]["default"] = "no"),
      `${at}/parameters/UseFIPS/default`,
      'parameter UseFIPS: the default "no" is not a Boolean',
    ],
    [
      "a reference to no parameter",
      (rs) => (rs["rules"][0]["conditions"][0]["argv"][0] = { ref: "Endpont" }),
      `${at}/rules/0/conditions/0/argv/0`,
      'argument 0 of isSet refers to "Endpont", which is not a parameter or assigned before it',
    ],
    [
      "a template naming what is not assigned",
      (rs) => (rs["rules"][1]["endpoint"]["url"] = "https://things.{Region}.{Partition#dnsSuffix}"),
      `${at}/rules/1/endpoint/url`,
      "the URL refers to {Partition#dnsSuffix}, but Partition is not a parameter or assigned before it",
    ],
    [
      "an unknown function",
      (rs) => (rs["rules"][1]["conditions"][0]["fn"] = "aws.partitions"),
      `${at}/rules/1/conditions/0/fn`,
      'unknown function "aws.partitions"',
    ],
    [
      "a wrong number of arguments",
      (rs) => rs["rules"][0]["conditions"][0]["argv"].push(true),
      `${at}/rules/0/conditions/0/argv`,
      "isSet takes 1 argument(s), got 2",
    ],
    [
      "a rule of no known type",
      (rs) => (rs["rules"][2]["type"] = "fallback"),
      `${at}/rules/2/type`,
      'a rule\'s "type" must be "endpoint", "error" or "tree", got "fallback"',
    ],
    [
      "a tree without rules",
      (rs) => (rs["rules"][2] = { conditions: [], type: "tree" }),
      `${at}/rules/2`,
      'a tree rule needs "rules", an array of rules',
    ],
  ])("%s", (_, mutate, pointer, message) => {
    const { diagnostics } = front(spec((s) => mutate(s.shapes["ex#Svc"]!["traits"]["smithy.rules#endpointRuleSet"])));
    const found = diagnostics.find((d) => d.pointer === pointer);
    expect(found, diagnostics.map(formatDiagnostic).join("\n")).toBeDefined();
    expect(found?.message).toContain(message);
    expect(found?.file).toBe(FILE);
    expect(found?.line).toBeGreaterThan(1);
  });

  it("a parameter binding that names no parameter of the rules", () => {
    const { diagnostics } = front(
      spec((s) => {
        s.shapes["ex#ListThings"]!["traits"]["smithy.rules#staticContextParams"] = { Knd: { value: "list" } };
        s.shapes["ex#ListThingsInput"]!["members"]["Token"]["traits"] = {
          "smithy.rules#contextParam": { name: "Mod" },
        };
      }),
    );
    expect(diagnostics.map((d) => `${d.pointer}: ${d.message}`)).toEqual([
      "/shapes/ex#ListThings/traits/smithy.rules#staticContextParams/Knd: ListThings: static context parameter Knd is not a parameter of the endpoint rules",
      "/shapes/ex#ListThingsInput/members/Token/traits/smithy.rules#contextParam: ListThingsInput: member Token: context parameter Mod is not a parameter of the endpoint rules",
    ]);
  });

  it("a BDD whose nodes are not what it says", () => {
    const { diagnostics } = front(
      spec((s) => {
        const traits = s.shapes["ex#Svc"]!["traits"];
        delete traits["smithy.rules#endpointRuleSet"];
        traits["smithy.rules#endpointBdd"] = {
          version: "1.1",
          parameters: ruleSet().parameters,
          conditions: [{ fn: "isSet", argv: [{ ref: "Endpoint" }] }],
          results: [{ conditions: [], endpoint: { url: { ref: "Endpoint" } }, type: "endpoint" }],
          root: 2,
          nodeCount: 2,
          nodes: Buffer.from(new Uint8Array(12)).toString("base64"),
        };
      }),
    );
    expect(diagnostics.map((d) => `${d.pointer}: ${d.message}`)).toEqual([
      '/shapes/ex#Svc/traits/smithy.rules#endpointBdd/nodes: Svc: expected "nodes", the base64 of 2 nodes of three 32-bit integers (24 bytes)',
    ]);
  });
});

describe("the compact module", () => {
  /** Evaluates `consts` and `expression` as the emitted module would (they are plain JavaScript). */
  function evaluate(consts: string[], expression: string): unknown {
    return new Function(`${consts.join("\n")}\nreturn (${expression});`)();
  }
  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom("ref", "fn", "argv", "Region", "a b", "__proto__x", "constructor", ""),
      fc.boolean(),
      fc.integer(),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom("fn", "argv", "ref", "type", "a-b", "1x", "$k", "__proto__"), tie("value"), {
        maxKeys: 4,
      }),
    ),
  })).value;

  it("is the same value, with repeated strings and subtrees named once", () => {
    fc.assert(
      fc.property(json, (value) => {
        const { consts, expression } = compactConsts(value as never, new Set(["endpointRules"]));
        expect(evaluate(consts, expression)).toEqual(value);
        expect(consts.every((c) => !c.startsWith("const endpointRules "))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every line of Data Exchange-sized rules under 100 characters but its long strings", () => {
    const { files } = front(spec());
    const text = files?.get("signed/endpointRules.gen.ts") ?? "";
    for (const line of text.split("\n").slice(2))
      if (!line.includes('"https://')) expect(line.length).toBeLessThanOrEqual(100);
  });
});
