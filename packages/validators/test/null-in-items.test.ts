/**
 * null for an optional member is absent inside list items and map values too (found on IoT Data
 * Plane's ListRetainedMessages: a `retainedTopics` item `{"topic": null}` came back with
 * `topic: null`, which its type, `topic?: string`, does not allow). A structure whose wire and model
 * forms agree (no timestamp, blob, double or renamed member: IoT's RetainedMessageSummary holds its
 * time as a long) returns a copy without the null; its list and its map threw that copy away and kept
 * the item as it came, while a structure member kept it. The spec is a minimal hand-written one.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateInto, importGenerated, pkg } from "./support/generate.js";

const work = join(pkg, ".null-in-items-tmp");

const target = (t: string) => ({ target: t.includes("#") ? t : `ex#${t}` });
const spec = {
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#ListThings" }],
      traits: { "aws.protocols#awsJson1_0": {} },
    },
    "ex#ListThings": { type: "operation", input: target("smithy.api#Unit"), output: target("Page") },
    "ex#Page": {
      type: "structure",
      members: { Items: target("Items"), ByName: target("ByName"), Nested: target("Nested"), One: target("Item") },
    },
    "ex#Items": { type: "list", member: target("Item") },
    "ex#Nested": { type: "list", member: target("Items") },
    "ex#ByName": { type: "map", key: target("smithy.api#String"), value: target("Item") },
    "ex#Item": {
      type: "structure",
      members: { Name: target("smithy.api#String"), Size: target("smithy.api#Long"), Kind: target("Kind") },
    },
    "ex#Kind": { type: "union", members: { A: target("smithy.api#String"), B: target("smithy.api#Integer") } },
  },
};

describe("null for an optional member of a list item or a map value", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const generated = generateInto(work, spec);
  const { run } = generated;

  it("is absent in the model form, in both modes, and the input is not changed", async () => {
    expect(run.stderr).toBe("");
    const api = await importGenerated<Record<string, (v: unknown, o?: object) => unknown>>(generated);
    const parse = api["parsePage"] as (v: unknown, o?: object) => unknown;
    const page = {
      Items: [{ Name: null, Size: 1 }, { Name: "b" }, { Kind: { A: null, B: 2 } }],
      ByName: { a: { Name: "a", Size: null } },
      Nested: [[{ Size: null, Name: "n" }]],
      One: { Name: null },
    };
    const before = JSON.stringify(page);
    for (const mode of ["strict", "tolerant"])
      expect(parse(page, { mode }), mode).toEqual({
        Items: [{ Size: 1 }, { Name: "b" }, { Kind: { B: 2 } }],
        ByName: { a: { Name: "a" } },
        Nested: [[{ Name: "n" }]],
        One: {},
      });
    const parsed = parse(page) as { Items: object[]; ByName: Record<string, object> };
    expect(Object.hasOwn(parsed.Items[0] as object, "Name")).toBe(false);
    expect(Object.hasOwn(parsed.ByName["a"] as object, "Size")).toBe(false);
    expect(JSON.stringify(page)).toBe(before);
    // Items without a null are shared with the input, as before (nothing to drop, nothing copied).
    const clean = { Items: [{ Name: "b" }] };
    expect((parse(clean) as typeof clean).Items).toBe(clean.Items);
  });
});
