/**
 * A union's `__type` on the wire is not a member (found on AWS Backup Search's ListSearchJobResults,
 * whose `Results` items are a union): the AWS SDKs drop it (`@smithy/core`'s UnionSerde and
 * `awsExpectUnion`, as Smithy's RestJsonDeserializeIgnoreType and AwsJson10DeserializeIgnoreType ask),
 * so `{"__type": "…#ResultItem", "S3ResultItem": {…}}` is the S3 variant. The validators failed such a
 * page in strict mode ("no such member") and, in tolerant mode, kept `__type` as a second, unknown
 * variant. Every kind of union checker is covered: one whose forms agree (shared), one that converts
 * (a timestamp member: built afresh), one that walks its keys (four members or more), and one with a
 * member whose JSON name is `__type` (that member is kept). The compiled parser and Ajv on the shipped
 * JSON Schemas agree. The spec is a minimal hand-written one.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { formats } from "../src/runtime/formats.js";
import { generateInto, importGenerated, pkg } from "./support/generate.js";

const work = join(pkg, ".union-type-tmp");

const target = (t: string) => ({ target: t.includes("#") ? t : `ex#${t}` });
const S = target("smithy.api#String");
const spec = {
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#ListThings" }],
      traits: { "aws.protocols#restJson1": {} },
    },
    "ex#ListThings": {
      type: "operation",
      input: target("smithy.api#Unit"),
      output: target("Page"),
      traits: { "smithy.api#http": { method: "GET", uri: "/things", code: 200 } },
    },
    "ex#Page": {
      type: "structure",
      members: { Shared: target("Shared"), Fresh: target("Fresh"), Many: target("Many"), Named: target("Named") },
    },
    "ex#Shared": { type: "union", members: { A: S, B: target("smithy.api#Integer") } },
    "ex#Fresh": { type: "union", members: { At: target("smithy.api#Timestamp"), Label: S } },
    "ex#Many": { type: "union", members: { A: S, B: S, C: S, D: S } },
    "ex#Named": {
      type: "union",
      members: { Kind: { ...S, traits: { "smithy.api#jsonName": "__type" } }, Other: S },
    },
  },
};

describe("a union's __type on the wire", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const generated = generateInto(work, spec);
  const { run, dir } = generated;
  const T = "ex#Whatever";
  const page = {
    Shared: { __type: T, B: 2 },
    Fresh: { __type: T, At: 1700000000.5 },
    Many: { C: "c", __type: T },
    Named: { __type: "k" },
  };
  const expected = {
    Shared: { B: 2 },
    Fresh: { At: new Date(1700000000500) },
    Many: { C: "c" },
    Named: { Kind: "k" },
  };

  it("is dropped, in both modes, without a drift report, and the input is not changed", async () => {
    expect(run.stderr).toBe("");
    const api = await importGenerated<Record<string, (v: unknown, o?: object) => unknown>>(generated);
    const parse = api["parsePage"] as (v: unknown, o?: object) => unknown;
    const before = JSON.stringify(page);
    for (const mode of ["strict", "tolerant"]) {
      const drifts: unknown[] = [];
      const parsed = parse(page, { mode, onDrift: (d: unknown) => drifts.push(d) }) as Record<string, object>;
      expect(parsed, mode).toEqual(expected);
      for (const key of ["Shared", "Fresh", "Many"]) expect(Object.hasOwn(parsed[key] as object, "__type")).toBe(false);
      expect(drifts, mode).toEqual([]);
    }
    expect(JSON.stringify(page)).toBe(before);
    // __type alone sets no member; with two members set, strict mode still refuses
    for (const mode of ["strict", "tolerant"]) {
      expect(() => parse({ Shared: { __type: T } }, { mode }), mode).toThrow(/one member set/);
      expect(() => parse({ Many: { __type: T, A: null } }, { mode }), mode).toThrow(/one member set/);
    }
    expect(() => parse({ Shared: { __type: T, A: "a", B: 1 } })).toThrow(/only one member set/);
  });

  it("is valid where the compiled parser takes it, for Ajv on the shipped JSON Schemas too", () => {
    for (const name of ["wire", "wire-tolerant"]) {
      const bundle = JSON.parse(readFileSync(join(dir, `schemas/${name}.gen.json`), "utf8")) as {
        $id: string;
      };
      const ajv = new Ajv2020.default({ strict: true, allErrors: true, unicodeRegExp: false });
      for (const [format, check] of Object.entries(formats)) ajv.addFormat(format, check);
      ajv.addSchema(bundle);
      const validate = (value: unknown) => ajv.getSchema(`${bundle.$id}#/$defs/Page`)!(value);
      expect(validate(page), name).toBe(true);
      expect(validate({ Shared: { __type: T } }), name).toBe(false);
      expect(validate({ Many: { __type: T, A: null } }), name).toBe(false);
      expect(validate({ Shared: { __type: T, A: "a", B: 1 } }), name).toBe(name === "wire-tolerant");
    }
  });
});
