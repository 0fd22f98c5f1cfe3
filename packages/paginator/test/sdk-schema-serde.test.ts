/**
 * `@dx/paginator/sdk` over an SDK client of the schema-based generation (AWS SDK for JavaScript v3 from
 * about 3.9xx: a command no longer deserializes through `command.deserialize`; the client's protocol
 * reads the body and keeps only the members it knows, an unknown union member as `$unknown: [name,
 * value]`). dx must still read the body itself, so that drift is reported and kept as over `/signed`
 * (README: "Drift is seen on every transport"). Before the fix, such a client's pages were taken in the
 * SDK's model form: a union member added by AWS came back as a member named `$unknown` (reported as
 * drift at `/policies/*\/definition/$unknown`), and an unknown member beside a known one was dropped.
 *
 * The spec is hand-written in the shape of Amazon Verified Permissions' ListPolicies (its items carry a
 * union, `PolicyDefinitionItem`), so that the generated binding drives the real
 * `@aws-sdk/client-verifiedpermissions` (3.1124.0, schema-based) over an in-memory request handler.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { packageDir } from "./support/bundle.js";
import { generatedBundle } from "./support/generated-signed.js";

const NS = "com.amazonaws.verifiedpermissions#";
const doc = (target: string, required = false) => ({
  target: target.includes("#") ? target : NS + target,
  ...(required && { traits: { "smithy.api#required": {} } }),
});
const spec = {
  smithy: "2.0",
  shapes: {
    [`${NS}VerifiedPermissions`]: {
      type: "service",
      version: "2021-12-01",
      operations: [{ target: `${NS}ListPolicies` }],
      traits: {
        "aws.api#service": { sdkId: "VerifiedPermissions", endpointPrefix: "verifiedpermissions" },
        "aws.auth#sigv4": { name: "verifiedpermissions" },
        "aws.protocols#awsJson1_0": {},
      },
    },
    [`${NS}ListPolicies`]: {
      type: "operation",
      input: { target: `${NS}ListPoliciesInput` },
      output: { target: `${NS}ListPoliciesOutput` },
      traits: {
        "smithy.api#paginated": {
          inputToken: "nextToken",
          outputToken: "nextToken",
          pageSize: "maxResults",
          items: "policies",
        },
      },
    },
    [`${NS}ListPoliciesInput`]: {
      type: "structure",
      members: {
        policyStoreId: doc("smithy.api#String", true),
        nextToken: doc("smithy.api#String"),
        maxResults: doc("smithy.api#Integer"),
      },
    },
    [`${NS}ListPoliciesOutput`]: {
      type: "structure",
      members: { nextToken: doc("smithy.api#String"), policies: doc("PolicyList", true) },
    },
    [`${NS}PolicyList`]: { type: "list", member: { target: `${NS}PolicyItem` } },
    [`${NS}PolicyItem`]: {
      type: "structure",
      members: {
        policyId: doc("smithy.api#String", true),
        definition: doc("PolicyDefinitionItem", true),
        createdDate: doc("Timestamp", true),
      },
    },
    [`${NS}Timestamp`]: { type: "timestamp", traits: { "smithy.api#timestampFormat": "date-time" } },
    [`${NS}PolicyDefinitionItem`]: {
      type: "union",
      members: { static: doc("StaticPolicyDefinitionItem"), templateLinked: doc("TemplateLinkedPolicyDefinitionItem") },
    },
    [`${NS}StaticPolicyDefinitionItem`]: { type: "structure", members: { description: doc("smithy.api#String") } },
    [`${NS}TemplateLinkedPolicyDefinitionItem`]: {
      type: "structure",
      members: { policyTemplateId: doc("smithy.api#String", true) },
    },
  },
};

const work = mkdtempSync(join(tmpdir(), "dx-sdk-schema-serde-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Bundle {
  paginateListPolicies(client: unknown, params: object, options?: object): AsyncIterable<Record<string, unknown>>;
  VerifiedPermissionsClient: new (config: object) => unknown;
}

let bundled: Promise<Bundle> | undefined;
/** The generated `/sdk` binding with the real client, bundled from this package (which resolves the SDK). */
function bindings(): Promise<Bundle> {
  bundled ??= generatedBundle(
    work,
    "vp",
    spec,
    (at) => `export * from ${JSON.stringify(join(at("paginator"), "generated", "sdk", "index.gen.ts"))};
export { VerifiedPermissionsClient } from "@aws-sdk/client-verifiedpermissions";`,
    [join(packageDir, "node_modules")], // the SDK client, imported by the generated files outside this package
  ) as Promise<unknown> as Promise<Bundle>;
  return bundled;
}

const PAGES = [
  {
    policies: [
      { policyId: "p1", definition: { static: { description: "d" } }, createdDate: "2024-08-12T18:20:50.99Z" },
      {
        policyId: "p2",
        definition: { policyV2: { cedar: "permit(principal, action, resource);" } },
        createdDate: "2024-08-12T18:20:51Z",
      },
    ],
    nextToken: "t/2+=",
  },
  {
    policies: [
      { policyId: "p3", definition: { static: {}, policyV3: 1 }, createdDate: "2024-08-12T18:20:52Z", extra: "x" },
    ],
  },
];

/**
 * A real client whose request handler answers the pages above: one Node stream a response, as node:http
 * gives, or a web ReadableStream, as the SDK's fetch handler gives (read through the client's collector).
 */
function client(
  VerifiedPermissionsClient: Bundle["VerifiedPermissionsClient"],
  web = false,
): { client: unknown; bodies: string[] } {
  const bodies: string[] = [];
  const requestHandler = {
    async handle(request: { body?: unknown }) {
      bodies.push(String(request.body));
      const page = PAGES[bodies.length - 1];
      return {
        response: {
          statusCode: 200,
          headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": `r${bodies.length}` },
          body: web ? new Blob([JSON.stringify(page)]).stream() : Readable.from([Buffer.from(JSON.stringify(page))]),
        },
      };
    },
  };
  return {
    client: new VerifiedPermissionsClient({
      region: "us-east-1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
      requestHandler,
    }),
    bodies,
  };
}

describe("@dx/paginator/sdk over a schema-based SDK client (@aws-sdk/client-verifiedpermissions 3.1124.0)", () => {
  it("reads the body itself: an unknown union member is kept under its own name and reported once per path", async () => {
    const api = await bindings();
    const c = client(api.VerifiedPermissionsClient);
    const drift: { path: string; kind: string; value: unknown }[] = [];
    const pages: Record<string, unknown>[] = [];
    for await (const page of api.paginateListPolicies(
      c.client,
      { policyStoreId: "PS1" },
      { onDrift: (d: (typeof drift)[number]) => drift.push(d) },
    ))
      pages.push(page);
    expect(c.bodies.map((b) => JSON.parse(b))).toEqual([
      { policyStoreId: "PS1" },
      { policyStoreId: "PS1", nextToken: "t/2+=" },
    ]);
    const policies = pages.flatMap((p) => p["policies"] as Record<string, unknown>[]);
    expect(policies.map((p) => p["definition"])).toEqual([
      { static: { description: "d" } },
      { policyV2: { cedar: "permit(principal, action, resource);" } },
      { static: {}, policyV3: 1 },
    ]);
    expect(policies[2]?.["extra"]).toBe("x");
    expect((policies[0]!["createdDate"] as Date).toISOString()).toBe("2024-08-12T18:20:50.990Z");
    expect(drift.map((d) => [d.path, d.kind, d.value])).toEqual([
      ["/policies/*/definition/policyV2", "unknown-member", { cedar: "permit(principal, action, resource);" }],
      ["/policies/*/definition/policyV3", "unknown-member", 1],
      ["/policies/*/extra", "unknown-member", "x"],
    ]);
    // The SDK's metadata, as before.
    expect(pages.map((p) => (p["$metadata"] as { requestId?: string; httpStatusCode?: number }).requestId)).toEqual([
      "r1",
      "r2",
    ]);
    expect((pages[0]!["$metadata"] as { attempts?: number }).attempts).toBe(1);
  }, 60_000);

  it("reads a web ReadableStream body (the fetch handler's) through the client's stream collector", async () => {
    const api = await bindings();
    const c = client(api.VerifiedPermissionsClient, true);
    const drift: string[] = [];
    const pages: Record<string, unknown>[] = [];
    for await (const page of api.paginateListPolicies(
      c.client,
      { policyStoreId: "PS1" },
      { onDrift: (d: { path: string }) => drift.push(d.path) },
    ))
      pages.push(page);
    expect(pages.flatMap((p) => (p["policies"] as { definition: unknown }[]).map((x) => x.definition))).toEqual([
      { static: { description: "d" } },
      { policyV2: { cedar: "permit(principal, action, resource);" } },
      { static: {}, policyV3: 1 },
    ]);
    expect(drift).toEqual(["/policies/*/definition/policyV2", "/policies/*/definition/policyV3", "/policies/*/extra"]);
  }, 60_000);

  it("after a retried 500, takes the 2xx response's body, with the SDK's attempt count", async () => {
    const api = await bindings();
    let calls = 0;
    const requestHandler = {
      async handle() {
        calls++;
        const ok = calls > 1;
        const body = ok
          ? { policies: [{ policyId: "p1", definition: { policyV2: {} }, createdDate: "2024-08-12T18:20:50Z" }] }
          : { message: "oops" };
        return {
          response: {
            statusCode: ok ? 200 : 500,
            headers: {
              "content-type": "application/x-amz-json-1.0",
              ...(!ok && { "x-amzn-errortype": "InternalServerException" }),
            },
            body: Readable.from([Buffer.from(JSON.stringify(body))]),
          },
        };
      },
    };
    const c = new api.VerifiedPermissionsClient({
      region: "us-east-1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
      requestHandler,
    });
    const pages: Record<string, unknown>[] = [];
    for await (const page of api.paginateListPolicies(c, { policyStoreId: "PS1" })) pages.push(page);
    expect(calls).toBe(2);
    expect((pages[0]!["policies"] as { definition: unknown }[])[0]!.definition).toEqual({ policyV2: {} });
    expect(pages[0]!["$metadata"]).toMatchObject({ httpStatusCode: 200, attempts: 2 });
  }, 60_000);

  it("refuses the page in strict mode at the unknown member's own pointer (not at $unknown)", async () => {
    const api = await bindings();
    const c = client(api.VerifiedPermissionsClient);
    const run = async () => {
      for await (const _ of api.paginateListPolicies(c.client, { policyStoreId: "PS1" }, { validation: "strict" }))
        void _;
    };
    await expect(run()).rejects.toThrow(/\/policies\/1\/definition\/policyV2: expected no such member/);
  }, 60_000);
});
