/**
 * The models carry their own oracle: `smithy.rules#endpointTests`, each case parameters (or an
 * operation's input with the client's builtIns) and the URL, headers and auth properties the rules
 * must give, or their error. Every case of every reference model is run through the rule set the
 * generator emits (`signed/endpointRules.gen.ts`, compacted, imported as generated) and the runtime's
 * resolution (`@smithy/util-endpoints` with `@aws-sdk/util-endpoints`' functions); both must agree.
 * The same cases run through a BDD (`smithy.rules#endpointBdd`) of Data Exchange's rules.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { EMITTERS, type Ir, runPipeline } from "@dx/generator";
import { awsModelFiles, referenceFile } from "@dx/test-support";
import { transformSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import {
  type EndpointParamValue,
  type EndpointRules,
  endpointParams,
  evaluateRules,
  toResolved,
} from "../src/runtime/signed/endpoints.js";
import { EndpointResolutionError } from "../src/runtime/signed/errors.js";

const emitter = EMITTERS.find((e) => e.name === "paginator");
const out = mkdtempSync(join(tmpdir(), "dx-endpoint-rules-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface TestCase {
  documentation?: string;
  params?: Record<string, EndpointParamValue>;
  expect: {
    error?: string;
    endpoint?: { url: string; headers?: Record<string, string[]>; properties?: Record<string, unknown> };
  };
  operationInputs?: {
    operationName: string;
    operationParams?: Record<string, unknown>;
    builtInParams?: Record<string, EndpointParamValue>;
    clientParams?: Record<string, EndpointParamValue>;
  }[];
}

type Model = { shapes: Record<string, { type: string; traits?: Record<string, unknown> }> };

/** The service's endpoint test cases. */
function testCases(model: Model): TestCase[] {
  const service = Object.values(model.shapes).find((s) => s.type === "service");
  const tests = service?.traits?.["smithy.rules#endpointTests"] as { testCases?: TestCase[] } | undefined;
  return tests?.testCases ?? [];
}

/** Generates `model`, imports its emitted `endpointRules.gen.ts`; returns the rules and the IR. */
async function generated(name: string, model: object): Promise<{ rules: EndpointRules; ir: Ir; text: string }> {
  if (emitter === undefined) throw new Error("no paginator emitter");
  const { ir, outputs } = runPipeline({
    root: "/nonexistent",
    inputs: [{ file: `${name}.json`, text: JSON.stringify(model) }],
    emitters: [emitter],
  });
  const text = outputs[0]?.files.get("signed/endpointRules.gen.ts");
  if (text === undefined) throw new Error(`${name}: no endpointRules.gen.ts emitted`);
  const file = join(out, `${name}.mjs`);
  writeFileSync(file, transformSync(text, { loader: "ts", format: "esm" }).code);
  const rules = ((await import(pathToFileURL(file).href)) as { endpointRules: EndpointRules }).endpointRules;
  return { rules, ir, text };
}

/** The engine's answer for `params` as the expectation reads: the endpoint, or the rules' error message. */
function answer(rules: EndpointRules, params: Record<string, EndpointParamValue>): unknown {
  try {
    const e = evaluateRules(rules, params);
    return { url: e.url.href, headers: e.headers ?? {}, properties: e.properties ?? {} };
  } catch (error) {
    if (!(error instanceof EndpointResolutionError)) throw error;
    return { error: (error.cause as Error).message };
  }
}

function expected(c: TestCase): unknown {
  const e = c.expect.endpoint;
  if (e === undefined) return { error: c.expect.error };
  return { url: new URL(e.url).href, headers: e.headers ?? {}, properties: e.properties ?? {} };
}

/** BuiltIns the client fills from its options; the others (`AWS::Auth::AccountId`, …) the test adds as the SDK's tests set them. */
const CLIENT_BUILTINS = new Set(["AWS::Region", "AWS::UseFIPS", "AWS::UseDualStack", "SDK::Endpoint"]);

/** The parameters the runtime binds for an operation input of a test case, as the client would. */
function operationParams(rules: EndpointRules, ir: Ir, input: NonNullable<TestCase["operationInputs"]>[number]) {
  const op = ir.operations.find((o) => o.name === input.operationName);
  if (op === undefined) throw new Error(`no operation ${input.operationName}`);
  const builtIns = input.builtInParams ?? {};
  const params = endpointParams(
    rules,
    op.endpointParams,
    {
      region: builtIns["AWS::Region"] as string,
      useFipsEndpoint: builtIns["AWS::UseFIPS"] === true,
      useDualstackEndpoint: builtIns["AWS::UseDualStack"] === true,
      endpoint: builtIns["SDK::Endpoint"] as string | undefined,
      clientContextParams: input.clientParams,
    },
    (input.operationParams ?? {}) as Record<string, unknown>,
  );
  for (const [name, p] of Object.entries(rules.parameters))
    if (p.builtIn !== undefined && !CLIENT_BUILTINS.has(p.builtIn) && builtIns[p.builtIn] !== undefined)
      params[name] = builtIns[p.builtIn] as EndpointParamValue;
  return params;
}

/** Runs every case: its parameters, then each operation input; returns how many of each were checked. */
function runCases(rules: EndpointRules, ir: Ir, cases: readonly TestCase[]): { params: number; inputs: number } {
  let params = 0;
  let inputs = 0;
  for (const c of cases) {
    const want = expected(c);
    // A case without parameters ("Missing region") runs with none.
    if (c.params !== undefined || c.operationInputs === undefined) {
      const given = c.params ?? {};
      expect([c.documentation, answer(rules, given)]).toEqual([c.documentation, want]);
      params++;
      // Where the rules sign with SigV4, the runtime reads the scope the expectation names.
      const sigv4 = (c.expect.endpoint?.properties?.["authSchemes"] as Record<string, unknown>[] | undefined)?.find(
        (s) => s["name"] === "sigv4",
      );
      if (sigv4 !== undefined) {
        const resolved = toResolved(evaluateRules(rules, given));
        expect([resolved.signingName, resolved.signingRegion]).toEqual([sigv4["signingName"], sigv4["signingRegion"]]);
      }
    }
    for (const input of c.operationInputs ?? []) {
      const got = answer(rules, operationParams(rules, ir, input));
      expect([c.documentation, input.operationName, got]).toEqual([c.documentation, input.operationName, want]);
      inputs++;
    }
  }
  return { params, inputs };
}

describe("every endpoint test case of every reference model", () => {
  const models = awsModelFiles();
  it("finds the nine models", () => {
    expect(models.length).toBeGreaterThanOrEqual(9);
  });
  for (const file of models) {
    it(`${basename(file)}: the emitted rules and the runtime give what smithy.rules#endpointTests expects`, async () => {
      const path = referenceFile(`aws-models/${basename(file)}`);
      if (path === undefined) throw new Error(`no reference model ${file}`);
      const model = JSON.parse(readFileSync(path, "utf8")) as Model;
      const cases = testCases(model);
      expect(cases.length).toBeGreaterThan(20);
      const { rules, ir } = await generated(basename(file, ".json"), model);
      const { params, inputs } = runCases(rules, ir, cases);
      expect(params + inputs).toBeGreaterThanOrEqual(cases.length);
    });
  }
});

/**
 * Data Exchange's rules compiled to a BDD (`smithy.rules#endpointBdd`): the conditions, results and
 * nodes of the AWS SDK's own `bdd.ts` for the service, written back in the trait's form (results
 * without the "no match" result 0; nodes as base64 of big-endian 32-bit integers).
 */
function dataExchangeBdd(parameters: unknown): Record<string, unknown> {
  const ref = (name: string) => ({ ref: name });
  const attr = (name: string) => ({ fn: "getAttr", argv: [ref("PartitionResult"), name] });
  const endpoint = (url: unknown) => ({
    conditions: [],
    endpoint: { url, properties: {}, headers: {} },
    type: "endpoint",
  });
  const error = (message: string) => ({ conditions: [], error: message, type: "error" });
  const r = 100_000_000;
  const nodes = [
    [-1, 1, -1],
    [0, 12, 3],
    [1, 4, r + 11],
    [2, 5, r + 11],
    [3, 8, 6],
    [4, 7, r + 10],
    [5, r + 8, r + 9],
    [4, 10, 9],
    [6, r + 6, r + 7],
    [5, 11, r + 5],
    [6, r + 4, r + 5],
    [3, r + 1, 13],
    [4, r + 2, r + 3],
  ];
  const bytes = Buffer.alloc(nodes.length * 12);
  nodes.flat().forEach((n, i) => bytes.writeInt32BE(n, i * 4));
  return {
    version: "1.1",
    parameters,
    conditions: [
      { fn: "isSet", argv: [ref("Endpoint")] },
      { fn: "isSet", argv: [ref("Region")] },
      { fn: "aws.partition", argv: [ref("Region")], assign: "PartitionResult" },
      { fn: "booleanEquals", argv: [ref("UseFIPS"), true] },
      { fn: "booleanEquals", argv: [ref("UseDualStack"), true] },
      { fn: "booleanEquals", argv: [attr("supportsDualStack"), true] },
      { fn: "booleanEquals", argv: [attr("supportsFIPS"), true] },
    ],
    results: [
      error("Invalid Configuration: FIPS and custom endpoint are not supported"),
      error("Invalid Configuration: Dualstack and custom endpoint are not supported"),
      endpoint(ref("Endpoint")),
      endpoint("https://dataexchange-fips.{Region}.{PartitionResult#dualStackDnsSuffix}"),
      error("FIPS and DualStack are enabled, but this partition does not support one or both"),
      endpoint("https://dataexchange-fips.{Region}.{PartitionResult#dnsSuffix}"),
      error("FIPS is enabled but this partition does not support FIPS"),
      endpoint("https://dataexchange.{Region}.{PartitionResult#dualStackDnsSuffix}"),
      error("DualStack is enabled but this partition does not support DualStack"),
      endpoint("https://dataexchange.{Region}.{PartitionResult#dnsSuffix}"),
      error("Invalid Configuration: Missing Region"),
    ],
    root: 2,
    nodeCount: nodes.length,
    nodes: bytes.toString("base64"),
  };
}

describe("a BDD of the rules (smithy.rules#endpointBdd)", () => {
  it("Data Exchange's BDD, emitted and evaluated with decideEndpoint, gives what its endpoint tests expect", async () => {
    const path = referenceFile("aws-models/dataexchange-2017-07-25.json");
    if (path === undefined) throw new Error("no Data Exchange model");
    const model = JSON.parse(readFileSync(path, "utf8")) as Model;
    const service = Object.values(model.shapes).find((s) => s.type === "service") as { traits: Record<string, any> };
    const ruleSet = service.traits["smithy.rules#endpointRuleSet"];
    delete service.traits["smithy.rules#endpointRuleSet"];
    service.traits["smithy.rules#endpointBdd"] = dataExchangeBdd(ruleSet.parameters);
    const { rules, ir, text } = await generated("dataexchange-bdd", model);
    expect(rules.bdd?.nodes.length).toBe(39);
    expect(text).toContain("smithy.rules#endpointBdd");
    const cases = testCases(model);
    expect(runCases(rules, ir, cases).params).toBe(cases.length);
  });
});
