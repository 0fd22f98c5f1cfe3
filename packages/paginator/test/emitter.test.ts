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

function warnings(s: unknown): string[] {
  if (emitter === undefined) throw new Error("no paginator emitter registered");
  return runPipeline({
    root: "/nonexistent",
    inputs: [{ file: "spec.json", text: JSON.stringify(s) }],
    emitters: [emitter],
  }).warnings;
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
    expect([...files.keys()].sort()).toEqual([
      "index.gen.ts",
      "paginateListThings.gen.ts",
      "sdk/index.gen.ts",
      "signed/index.gen.ts",
      "signed/paginateListThings.gen.ts",
    ]);
    const binding = files.get("paginateListThings.gen.ts") ?? "";
    expect(binding).toContain(
      'export const paginateListThingsOperation: PaginatedOperation<ListThingsInput, ListThingsOutput, "Cursor", ["Cursor"], ["Items"], "Limit"> = {',
    );
    expect(binding).toContain('  items: ["Items"],');
    expect(binding).toContain('import { assertListThingsOutput, parseListThingsOutput } from "@dx/validators";');
    expect(binding).toContain(
      "export const paginateListThings = /* @__PURE__ */ createPaginator(paginateListThingsOperation);",
    );
    expect(binding).not.toContain("@aws-sdk"); // no aws.api#service sdkId: function transports only
    expect(files.get("sdk/index.gen.ts")).toMatch(/export \{\};\n$/);
  });

  it("merges the service's paginated trait and binds an AWS service to its SDK v3 command in sdk/ only", () => {
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
    expect(binding).not.toContain("@aws-sdk"); // the main entry never names the SDK (an optional peer)
    expect(binding).toContain(
      'PaginatedOperation<ListThingsInput, ListThingsOutput, "Cursor", ["Cursor"], ["Things"], "PageSize">',
    );
    const sdk = files.get("sdk/paginateListThings.gen.ts") ?? "";
    expect(sdk).toContain('import { ThingStoreClient, ListThingsCommand } from "@aws-sdk/client-thing-store";');
    expect(sdk).toContain(
      "export const paginateListThings = /* @__PURE__ */ createSdkPaginator(paginateListThingsOperation, ThingStoreClient, ListThingsCommand);",
    );
    expect(files.get("sdk/index.gen.ts")).toContain(
      'export { paginateListThings } from "./paginateListThings.gen.js";',
    );
  });

  it("names the SDK client as the SDK does: each word of the sdkId capitalised, spaces removed", () => {
    const client = (sdkId: string): string => {
      const paginated = { inputToken: "Cursor", outputToken: "Cursor", items: "Things" };
      const files = emit(spec({ "smithy.api#paginated": paginated }, { "aws.api#service": { sdkId } }));
      return (files.get("sdk/paginateListThings.gen.ts") ?? "").split("\n").find((l) => l.startsWith("import {")) ?? "";
    };
    // IAM Identity Center's identity store has the lower-case sdkId "identitystore".
    expect(client("identitystore")).toBe(
      'import { IdentitystoreClient, ListThingsCommand } from "@aws-sdk/client-identitystore";',
    );
    expect(client("codestar notifications")).toBe(
      'import { CodestarNotificationsClient, ListThingsCommand } from "@aws-sdk/client-codestar-notifications";',
    );
    expect(client("SageMaker Runtime")).toContain("{ SageMakerRuntimeClient,");
  });

  it("binds the signed transport to the operation's HTTP bindings (restJson1)", () => {
    const files = emit(
      spec({
        "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", items: "Items", pageSize: "Limit" },
      }),
    );
    const signed = files.get("signed/paginateListThings.gen.ts") ?? "";
    expect(signed).toContain("createSignedPaginator(paginateListThingsOperation, {");
    expect(signed).toContain('  protocol: "restJson1",');
    expect(signed).toContain('  method: "GET",\n  uri: "/things",');
    expect(signed).toContain('    "Cursor": ["body", "Cursor"],'); // no httpQuery in this spec: a body member
  });

  it("signs with the aws.auth#sigv4 name, not the sdkId, and names the endpoint prefix where it differs", () => {
    const paginated = {
      "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", items: "Items", pageSize: "Limit" },
    };
    // Contact Lens's shape: sdkId "Connect Contact Lens", signs as "connect", served at contact-lens.<region>.
    const lens = emit(
      spec(paginated, {
        "aws.api#service": { sdkId: "Thing Lens", endpointPrefix: "thing-lens" },
        "aws.auth#sigv4": { name: "things" },
      }),
    ).get("signed/paginateListThings.gen.ts");
    expect(lens).toContain('  signingName: "things",\n  endpointPrefix: "thing-lens",\n');
    // CloudWatch Logs' shape: sdkId "CloudWatch Logs", signs as "logs" at logs.<region>: no prefix line.
    const logs = emit(
      spec(paginated, {
        "aws.api#service": { sdkId: "Thing Logs", endpointPrefix: "logs" },
        "aws.auth#sigv4": { name: "logs" },
      }),
    ).get("signed/paginateListThings.gen.ts");
    expect(logs).toContain('  signingName: "logs",\n  method: "GET",');
    expect(logs).not.toContain("endpointPrefix");
    // Without the trait, the sdkId lower-cased without spaces, as before.
    const bare = emit(spec(paginated, { "aws.api#service": { sdkId: "Thing Store" } }));
    expect(bare.get("signed/paginateListThings.gen.ts")).toContain('  signingName: "thingstore",\n');
  });

  it("refuses an aws.auth#sigv4 trait without a name", () => {
    const s = spec({}, { "aws.auth#sigv4": { region: "x" } });
    expect(() => emit(s)).toThrow(/aws\.auth#sigv4.*expected an object \{"name": non-empty string/s);
  });

  it("accepts map tokens (DynamoDB's ExclusiveStartKey / LastEvaluatedKey)", () => {
    const s = spec({ "smithy.api#paginated": { inputToken: "Key", outputToken: "Key", items: "Things" } });
    const key = { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } };
    (s.shapes as Record<string, unknown>)["ex#Key"] = key;
    (s.shapes["ex#ListThingsInput"].members as Record<string, unknown>)["Key"] = { target: "ex#Key" };
    (s.shapes["ex#ListThingsOutput"].members as Record<string, unknown>)["Key"] = { target: "ex#Key" };
    const binding = emit(s).get("paginateListThings.gen.ts") ?? "";
    expect(binding).toContain(
      'PaginatedOperation<ListThingsInput, ListThingsOutput, "Key", ["Key"], ["Things"], never>',
    );
  });

  it("emits a page-only paginator, with a warning and no crash, for a trait without items", () => {
    const s = spec({ "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", pageSize: "Limit" } });
    const files = emit(s);
    const binding = files.get("paginateListThings.gen.ts") ?? "";
    expect(binding).toContain(
      'export const paginateListThingsOperation: PagesOperation<ListThingsInput, ListThingsOutput, "Cursor", ["Cursor"], "Limit"> = {',
    );
    expect(binding).toContain("createPagesPaginator(paginateListThingsOperation)");
    expect(binding).not.toContain("items:");
  });

  it("gives a page-only paginator and a warning when items names a map", () => {
    const s = spec({
      "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", items: "Things", pageSize: "Limit" },
    });
    s.shapes["ex#Things"] = {
      type: "map",
      key: { target: "smithy.api#String" },
      value: { target: "smithy.api#String" },
    } as never;
    const files = emit(s);
    expect(files.get("paginateListThings.gen.ts")).toContain("createPagesPaginator(paginateListThingsOperation)");
    expect(warnings(s)).toEqual([
      "paginator: ListThings: items Things is a map, which botocore cannot truncate or merge either; its paginator pages only (no items(), MaxItems or buildFullResult)",
    ]);
  });

  it("warns, naming the service and the scheme, when its endpoint rules sign with other than SigV4 (found on CloudFront KeyValueStore)", () => {
    const paginated = { "smithy.api#paginated": { inputToken: "Cursor", outputToken: "Cursor", items: "Things" } };
    // As CloudFront KeyValueStore's rule set gives its account endpoints (sigv4a, signing region "*").
    const endpoint = (url: string, name: string) => ({
      conditions: [],
      type: "endpoint",
      endpoint: {
        url,
        properties: { authSchemes: [{ name, signingName: "svc", signingRegionSet: ["*"] }] },
        headers: {},
      },
    });
    const rules = (...names: string[]) => ({
      "aws.api#service": { sdkId: "Svc", endpointPrefix: "svc" },
      "aws.auth#sigv4": { name: "svc" },
      "smithy.rules#endpointRuleSet": {
        version: "1.0",
        parameters: { Account: { type: "String", required: true } },
        rules: [
          {
            conditions: [],
            type: "tree",
            rules: names.map((n) => endpoint(`https://{Account}.svc.global.api.aws/${n}`, n)),
          },
        ],
      },
    });
    expect(warnings(spec(paginated, rules("sigv4a")))).toEqual([
      "paginator: service ex#Svc: its endpoint rules (smithy.rules#endpointRuleSet) sign with sigv4a; the /signed bindings sign SigV4 only and refuse, before sending, an endpoint whose rules allow no SigV4: use the /sdk bindings (an AWS SDK client that signs sigv4a) for it",
    ]);
    // SigV4 endpoints, or no paginated operation to bind, give no warning.
    expect(warnings(spec(paginated, rules("sigv4")))).toEqual([]);
    expect(warnings(spec({}, rules("sigv4a")))).toEqual([]);
  });

  it("emits nothing but empty indexes when no operation is paginated", () => {
    const files = emit(spec({}));
    expect([...files.keys()].sort()).toEqual(["index.gen.ts", "sdk/index.gen.ts", "signed/index.gen.ts"]);
    expect(files.get("index.gen.ts")).toMatch(/export \{\};\n$/);
  });
});
