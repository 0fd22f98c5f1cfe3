import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../src/index.js";
import { throughJson } from "./support/api.js";
import { generateInto, importGenerated, pkg } from "./support/generate.js";

/**
 * A spec built to break generated code: shapes named like the names the generated code uses itself
 * (`fc`, `a`, `wire`, `model`, `table`, the checkers' locals), `String` and `Integer` of its own,
 * members named like Object.prototype's, a chain of 600 nested structures and a recursive one.
 * Its validators must compile under `tsc --strict`, hold the round trip, and turn a value too deep
 * for the stack into a ValidationError.
 */
const work = join(pkg, ".names-tmp");
const NS = "example.names";
const CHAIN = 600;
const LOCAL_NAMES = [
  "fc",
  "a",
  "wire",
  "model",
  "table",
  "d",
  "c",
  "o",
  "x",
  "y",
  "r",
  "n",
  "s",
  "u",
  "k",
  "i",
  "v0",
  "M",
  "keys",
];

function spec(): object {
  const shapes: Record<string, unknown> = {
    [`${NS}#Names`]: {
      type: "service",
      version: "2024-01-01",
      operations: [{ target: `${NS}#Put` }],
      traits: { "aws.protocols#restJson1": {} },
    },
    [`${NS}#Put`]: {
      type: "operation",
      input: { target: `${NS}#fc` },
      output: { target: `${NS}#wire` },
      traits: { "smithy.api#http": { method: "POST", uri: "/put" } },
    },
    [`${NS}#String`]: { type: "string", traits: { "smithy.api#length": { min: 1 } } },
    [`${NS}#Integer`]: { type: "integer", traits: { "smithy.api#range": { min: 0 } } },
    [`${NS}#table`]: { type: "list", member: { target: `${NS}#String` } },
    [`${NS}#model`]: { type: "enum", members: { A: { target: "smithy.api#Unit" }, B: { target: "smithy.api#Unit" } } },
    [`${NS}#Node`]: {
      type: "structure",
      members: { next: { target: `${NS}#Node` }, value: { target: `${NS}#Integer` } },
    },
    [`${NS}#wire`]: {
      type: "structure",
      members: {
        node: { target: `${NS}#Node` },
        chain: { target: `${NS}#Chain0` },
        ...Object.fromEntries(LOCAL_NAMES.map((n) => [`m_${n}`, { target: `${NS}#${n}` }])),
      },
    },
  };
  const fcMembers: Record<string, unknown> = {
    constructor: { target: `${NS}#String` },
    toString: { target: `${NS}#Integer` },
    valueOf: { target: `${NS}#table` },
  };
  for (const n of ["d", "c", "o", "x", "y", "r", "n", "s", "u", "k", "i", "v0", "M"])
    fcMembers[n] = { target: `${NS}#model` };
  shapes[`${NS}#fc`] = { type: "structure", members: fcMembers };
  for (const n of LOCAL_NAMES)
    if (!shapes[`${NS}#${n}`])
      shapes[`${NS}#${n}`] = {
        type: "structure",
        members: { [n]: { target: `${NS}#String` }, String: { target: `${NS}#Integer` } },
      };
  for (let i = 0; i < CHAIN; i++)
    shapes[`${NS}#Chain${i}`] = {
      type: "structure",
      members:
        i + 1 < CHAIN
          ? { next: { target: `${NS}#Chain${i + 1}`, traits: { "smithy.api#required": {} } } }
          : { leaf: { target: `${NS}#String`, traits: { "smithy.api#required": {} } } },
    };
  return { smithy: "2.0", shapes };
}

let dir = "";
let api: Record<string, (value: unknown, options?: unknown) => unknown> = {};
let arbitraries: Record<string, fc.Arbitrary<unknown>> = {};

beforeAll(async () => {
  const generated = generateInto(work, spec());
  if (generated.run.status !== 0) throw new Error(generated.run.stderr);
  dir = generated.out;
  api = await importGenerated<typeof api>(generated);
  ({ arbitraries } = await importGenerated<{ arbitraries: typeof arbitraries }>(generated, "arbitraries.gen.ts"));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("generated code owns its names, and depth is never a crash", () => {
  it("compiles under tsc --strict (exactOptionalPropertyTypes, noUncheckedIndexedAccess)", () => {
    const generated = join(dir, "packages/validators/src/generated");
    // negative control: a file misusing the generated API must be reported, so the check sees the code
    writeFileSync(
      join(generated, "control.ts"),
      'import { isfc } from "./index.gen.js";\nexport const n: number = isfc;\n',
    );
    const program = ts.createProgram(
      [join(generated, "index.gen.ts"), join(generated, "arbitraries.gen.ts"), join(generated, "control.ts")],
      {
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        types: [],
        baseUrl: dir,
        paths: { "@dx/models": ["packages/models/src/generated/index.gen.ts"] },
      },
    );
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/control\.ts: Type .* is not assignable to type 'number'/);
  }, 120_000);

  it("holds the round trip for shapes named like the generated code's own names", () => {
    for (const name of ["fc", "wire", "a", "d", "Node", "Chain0", "M", "keys"]) {
      const arbitrary = arbitraries[name];
      expect(arbitrary, name).toBeDefined();
      fc.assert(
        fc.property(arbitrary!, (value) => {
          expect(api[`is${name}`]!(value), name).toBe(true);
          expect(api[`parse${name}`]!(throughJson(api[`serialize${name}`]!(value))), name).toEqual(value);
        }),
        { numRuns: 20, seed: 3 },
      );
    }
    expect(api["isfc"]!({ constructor: "x", toString: 3, valueOf: ["a"] })).toBe(true);
    expect(api["isfc"]!({ toString: -1 })).toBe(false);
  });

  it("checks a chain of 600 nested structures", () => {
    let value: unknown = { leaf: "x" };
    for (let i = 0; i < CHAIN - 1; i++) value = { next: value };
    expect(api["parseChain0"]!(value)).toBe(value);
    let broken: unknown = { leaf: "" };
    for (let i = 0; i < CHAIN - 1; i++) broken = { next: broken };
    let error: unknown;
    try {
      api["parseChain0"]!(broken);
    } catch (e) {
      error = e;
    }
    expect((error as ValidationError).issues.map((i) => i.pointer)).toEqual([`${"/next".repeat(CHAIN - 1)}/leaf`]);
    expect((error as ValidationError).message.length).toBeLessThan(16_384);
  });

  it("checks deep recursive values, and reports one too deep for the stack as a ValidationError", () => {
    const chain = (depth: number): unknown => {
      let value: unknown = { value: 1 };
      for (let i = 0; i < depth; i++) value = { next: value, value: i };
      return value;
    };
    expect(api["isNode"]!(chain(1_000))).toBe(true);
    for (const run of [() => api["parseNode"]!(chain(200_000)), () => api["assertNode"]!(chain(200_000))]) {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.expected).toBe("a value nested less deeply");
    }
    expect(api["isNode"]!(chain(200_000))).toBe(false);
  });
});
