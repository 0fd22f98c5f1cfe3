/**
 * `smithy.api#clientOptional` (found on API Gateway Management API's GetConnection output, whose
 * `Identity.SourceIp` is `@required @clientOptional`): a client treats such a member as optional, so
 * the generated types, schemas and validators accept a response without it, while a member that is
 * only `@required` is still enforced. The spec is a minimal hand-written one of that shape.
 *
 * So is a `@required @idempotencyToken` input member (found on Connect Participant's
 * CompleteAttachmentUpload and StartAttachmentUpload `ClientToken`): the client fills it when it is
 * left out, so the AWS SDK types it `ClientToken?: string`; dx typed it required and its validators
 * refused an input without it.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { issuesOf } from "./support/api.js";
import { generateInto, importGenerated, pkg } from "./support/generate.js";

const work = join(pkg, ".client-optional-tmp");

const spec = {
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#GetConnection" }],
      traits: { "aws.protocols#restJson1": {} },
    },
    "ex#GetConnection": {
      type: "operation",
      input: { target: "ex#GetConnectionRequest" },
      output: { target: "ex#GetConnectionResponse" },
      traits: { "smithy.api#http": { method: "GET", uri: "/c/{Id}" } },
    },
    "ex#GetConnectionRequest": {
      type: "structure",
      members: {
        Id: { target: "smithy.api#String", traits: { "smithy.api#httpLabel": {}, "smithy.api#required": {} } },
        ClientToken: {
          target: "smithy.api#String",
          traits: { "smithy.api#idempotencyToken": {}, "smithy.api#required": {}, "smithy.api#httpQuery": "token" },
        },
      },
      traits: { "smithy.api#input": {} },
    },
    "ex#GetConnectionResponse": {
      type: "structure",
      members: { Identity: { target: "ex#Identity", traits: { "smithy.api#jsonName": "identity" } } },
      traits: { "smithy.api#output": {} },
    },
    "ex#Identity": {
      type: "structure",
      members: {
        SourceIp: {
          target: "smithy.api#String",
          traits: { "smithy.api#clientOptional": {}, "smithy.api#required": {}, "smithy.api#jsonName": "sourceIp" },
        },
        UserAgent: {
          target: "smithy.api#String",
          traits: { "smithy.api#required": {}, "smithy.api#jsonName": "userAgent" },
        },
      },
    },
  },
};

describe("a @required @clientOptional member", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const generated = generateInto(work, spec);
  const { run, out, dir } = generated;

  it("generates without complaint", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("is optional in the models and the schemas; a plain @required member stays required", () => {
    const models = readFileSync(join(out, "packages/models/src/generated/shapes.gen.ts"), "utf8");
    expect(models).toContain("  SourceIp?: string;\n");
    expect(models).toContain("  UserAgent: string;\n");
    expect(models).toContain("  ClientToken?: string;\n");
    expect(models).toContain("  Id: string;\n");
    for (const form of ["wire", "model"]) {
      const bundle = JSON.parse(readFileSync(join(dir, `schemas/${form}.gen.json`), "utf8")) as {
        $defs: Record<string, { required?: string[] }>;
      };
      expect(bundle.$defs["Identity"]?.required, form).toEqual([form === "wire" ? "userAgent" : "UserAgent"]);
    }
  });

  it("is accepted absent by the validators; the plain @required member is still enforced", async () => {
    const api = await importGenerated<Record<string, (v: unknown) => unknown>>(generated);
    const parse = api["parseGetConnectionResponse"] as (v: unknown) => unknown;
    expect(parse({ identity: { userAgent: "curl" } })).toEqual({ Identity: { UserAgent: "curl" } });
    expect(parse({ identity: { sourceIp: "10.0.0.1", userAgent: "curl" } })).toEqual({
      Identity: { SourceIp: "10.0.0.1", UserAgent: "curl" },
    });
    expect(issuesOf(() => parse({ identity: { sourceIp: "10.0.0.1" } })).map((i) => i.pointer)).toEqual([
      "/identity/userAgent",
    ]);
    expect((api["isIdentity"] as (v: unknown) => boolean)({ UserAgent: "curl" })).toBe(true);
    // The idempotency token the client fills: absent is fine; the label stays required.
    const request = api["isGetConnectionRequest"] as (v: unknown) => boolean;
    expect(request({ Id: "c1" })).toBe(true);
    expect(request({ Id: "c1", ClientToken: "t" })).toBe(true);
    expect(request({ ClientToken: "t" })).toBe(false);
  });
});
