import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { bodyOnly, issuesOf, throughJson } from "./support/api.js";
import { generateInto, importGenerated, pkg } from "./support/generate.js";

/**
 * Each protocol's wire form is its own: awsJson ignores `@jsonName` and sends body timestamps as
 * epoch seconds; restJson1 honours `@jsonName`, leaves members bound to headers, the query, labels
 * and the status code out of the JSON body, and reads an `@httpPayload` structure as the body itself.
 */
const work = join(pkg, ".protocols-tmp");
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Api = Record<string, (value: unknown, options?: unknown) => unknown>;

async function generate(
  protocol: string,
  shapes: Record<string, unknown>,
): Promise<{
  api: Api;
  arbitraries: Record<string, fc.Arbitrary<unknown>>;
  model: { $defs: Record<string, unknown> };
}> {
  const spec = {
    smithy: "2.0",
    shapes: {
      "example.p#Svc": {
        type: "service",
        version: "2024-01-01",
        operations: [{ target: "example.p#Op" }],
        traits: { [`aws.protocols#${protocol}`]: {} },
      },
      ...shapes,
    },
  };
  const generated = generateInto(work, spec, `${protocol}-`);
  if (generated.run.status !== 0) throw new Error(generated.run.stderr);
  const api = await importGenerated<Api>(generated);
  const { arbitraries } = await importGenerated<{ arbitraries: Record<string, fc.Arbitrary<unknown>> }>(
    generated,
    "arbitraries.gen.ts",
  );
  const model = JSON.parse(readFileSync(join(generated.dir, "schemas/model.gen.json"), "utf8")) as {
    $defs: Record<string, unknown>;
  };
  return { api, arbitraries, model };
}

const output = {
  type: "structure",
  members: {
    When: { target: "smithy.api#Timestamp", traits: { "smithy.api#required": {} } },
    Renamed: { target: "smithy.api#String", traits: { "smithy.api#jsonName": "renamed" } },
    Ratio: { target: "smithy.api#Double" },
  },
};

describe("wire forms by protocol", () => {
  it("awsJson1_0 and awsJson1_1: jsonName ignored, timestamps as epoch seconds", async () => {
    for (const protocol of ["awsJson1_0", "awsJson1_1"]) {
      const { api } = await generate(protocol, {
        "example.p#Op": { type: "operation", output: { target: "example.p#Out" } },
        "example.p#Out": output,
      });
      const parsed = api["parseOut"]!({ When: 1704164645.5, Renamed: "r", Ratio: "NaN" }) as Record<string, unknown>;
      expect(parsed).toEqual({ When: new Date("2024-01-02T03:04:05.500Z"), Renamed: "r", Ratio: Number.NaN });
      expect(issuesOf(() => api["parseOut"]!({ When: 1, renamed: "r" })).map((i) => i.pointer)).toEqual(["/renamed"]);
      expect(api["serializeOut"]!(parsed)).toEqual({ When: 1704164645.5, Renamed: "r", Ratio: "NaN" });
    }
  }, 60_000);

  it("restJson1: jsonName honoured, HTTP-bound members out of the body, an httpPayload structure is the body", async () => {
    const { api, arbitraries, model } = await generate("restJson1", {
      "example.p#Op": {
        type: "operation",
        input: { target: "example.p#In" },
        output: { target: "example.p#Out" },
        traits: { "smithy.api#http": { method: "POST", uri: "/things/{Id}" } },
      },
      "example.p#In": {
        type: "structure",
        members: {
          Id: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#httpLabel": {} } },
          Token: { target: "smithy.api#String", traits: { "smithy.api#httpHeader": "x-token" } },
          Body: { target: "example.p#Out", traits: { "smithy.api#httpPayload": {} } },
        },
      },
      "example.p#Out": output,
    });
    const when = "2024-01-02T03:04:05Z";
    // the payload structure is the whole body; the label and header are not in it
    expect(api["parseIn"]!({ When: 1704164645, renamed: "r" })).toEqual({
      Body: { When: new Date(when), Renamed: "r" },
    });
    expect(issuesOf(() => api["parseIn"]!({ When: 1, Id: "x" })).map((i) => i.pointer)).toEqual(["/Id"]);
    expect(api["serializeIn"]!({ Id: "x", Token: "t", Body: { When: new Date(when), Renamed: "r" } })).toEqual({
      When: 1704164645,
      renamed: "r",
    });
    // tolerant: unknown wire keys are kept in the model form, but one that is a renamed member's
    // model name is only drift: in the model form, that name holds the member's own (checked) value
    const drifts: unknown[] = [];
    const options = { mode: "tolerant", onDrift: (d: unknown) => drifts.push(d) };
    expect(api["parseOut"]!({ When: 1, renamed: "r", Renamed: "x", Other: "o" }, options)).toEqual({
      When: new Date(1000),
      Renamed: "r",
      Other: "o",
    });
    const alone = api["parseOut"]!({ When: 1, Renamed: 5 }, options);
    expect(alone).toEqual({ When: new Date(1000) }); // not the unchecked 5 where a string must be
    expect(api["isOut"]!(alone)).toBe(true);
    expect(drifts).toEqual([
      { pointer: "/Renamed", kind: "unknown-member", value: "x" },
      { pointer: "/Other", kind: "unknown-member", value: "o" },
      { pointer: "/Renamed", kind: "unknown-member", value: 5 },
    ]);
    expect(api["isIn"]!({ Id: "x", Body: { When: new Date(when) } })).toBe(true);
    expect(api["isIn"]!({ Body: { When: new Date(when) } })).toBe(false); // the label is required in the model
    fc.assert(
      fc.property(arbitraries["In"]!, (value) => {
        expect(api["parseIn"]!(throughJson(api["serializeIn"]!(value)))).toEqual(bodyOnly(model, "In", value));
      }),
      { numRuns: 50, seed: 5 },
    );
  }, 60_000);
});
