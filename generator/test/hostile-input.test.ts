/**
 * No stack trace for any input (issue 9, point 5): each class of hostile spec found so far is either
 * generated or reported as `file:line:col /pointer: problem` with exit 1 and nothing written; a
 * failure of dx-gen itself is one line with exit 2.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { describeWithReference } from "@dx/test-support";
import { describe, expect, it } from "vitest";
import { SpecError, type Diagnostic } from "../src/diagnostics.js";
import { modelsEmitter } from "../src/emit/models/index.js";
import { paginatorEmitter } from "../src/emit/paginator/index.js";
import { validatorsEmitter } from "../src/emit/validators/index.js";
import { MAX_JSON_DEPTH } from "../src/load/parse-json.js";
import { runPipeline } from "../src/pipeline.js";
import {
  fixturesDir,
  positionOf,
  repoRoot,
  runCli,
  smallSpec,
  snapshotTree,
  specText,
  tempDir,
  typecheck,
  writeFile,
} from "./support.js";

const MODELS = "packages/models/src/generated";
const FILE = "h.json";

/** The front end and the models emitter on a spec text: the diagnostics, or the generated files. */
function generate(
  text: string,
  emitters = [modelsEmitter],
): { diagnostics: readonly Diagnostic[]; files?: Map<string, string> } {
  try {
    const { outputs } = runPipeline({ root: repoRoot, inputs: [{ file: FILE, text }], emitters });
    return {
      diagnostics: [],
      files: new Map(outputs.flatMap((o) => [...o.files].map(([p, t]) => [`${o.outDir}/${p}`, t]))),
    };
  } catch (e) {
    if (e instanceof SpecError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/** Writes generated files under a fresh folder and type-checks the models among them. */
function typecheckModels(files: Map<string, string>): string {
  const out = tempDir();
  for (const [path, text] of files) writeFile(join(out, path), text);
  const r = typecheck(out, [`${MODELS}/**/*.ts`]);
  return r.output;
}

describe("deep input", () => {
  it(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is reported where it gets too deep, even 5,000 deep`, () => {
    const spec = smallSpec() as Record<string, any>;
    spec["metadata"] = { deep: "__DEEP__" };
    const text = specText(spec).replace('"__DEEP__"', `${"[".repeat(5000)}${"]".repeat(5000)}`);
    const { diagnostics } = generate(text);
    // The root is level 1 and metadata level 2: the bracket that opens level MAX + 1 is the (MAX - 1)th.
    const first = positionOf(text, '"deep": [');
    expect(diagnostics).toEqual([
      {
        file: FILE,
        pointer: `/metadata/deep${"/0".repeat(MAX_JSON_DEPTH - 2)}`,
        line: first.line,
        column: first.column + '"deep": '.length + MAX_JSON_DEPTH - 2,
        message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      },
    ]);
  });

  it("a truncated spec 5,000 deep is reported too, by the CLI, with exit 1 and no stack trace", () => {
    const dir = tempDir();
    const path = writeFile(join(dir, "truncated.json"), `{"smithy": "2.0", "metadata": {"x": ${'{"a": '.repeat(5000)}`);
    const r = runCli(["--spec", path, "--out", join(dir, "out")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/truncated\.json:1:\d+ \/metadata\/x(\/a)+: JSON nested deeper than 256 levels\n/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("deep nesting after a line break inside a string is caught too (the locator reads it as outside the string)", () => {
    const dir = tempDir();
    const path = writeFile(join(dir, "broken.json"), `{"smithy": "2.0", "metadata": ["a\n${"[".repeat(20000)}", 1]}`);
    const r = runCli(["--spec", path, "--out", join(dir, "out")]);
    expect(r.stderr).toMatch(/broken\.json:2:\d+ \/metadata(\/0)+: JSON nested deeper than 256 levels\n/);
    expect(r.stderr).not.toContain("internal error");
    expect(r.status).toBe(1);
  });

  it("a chain of 2,000 nested structures and a list nested 300 deep generate (every emitter), and the models type-check", () => {
    const spec = smallSpec() as Record<string, any>;
    const n = 2000;
    for (let i = 0; i < n; i++)
      spec.shapes[`ex#S${i}`] = {
        type: "structure",
        members: i + 1 < n ? { next: { target: `ex#S${i + 1}` } } : { end: { target: "smithy.api#String" } },
      };
    // tsc itself overflows its stack on a type nested 2,000 deep, so the list chain is shorter.
    const lists = 300;
    for (let i = 0; i < lists; i++)
      spec.shapes[`ex#L${i}`] = {
        type: "list",
        member: { target: i + 1 < lists ? `ex#L${i + 1}` : "smithy.api#String" },
      };
    spec.shapes["ex#Thing"].members.Chain = { target: "ex#S0" };
    spec.shapes["ex#Thing"].members.Nested = { target: "ex#L0" };
    // Every emitter: the validators' compile step once overflowed its stack at 500 nested structures.
    const { diagnostics, files } = generate(specText(spec), [modelsEmitter, paginatorEmitter, validatorsEmitter]);
    expect(diagnostics).toEqual([]);
    const shapes = files?.get(`${MODELS}/shapes.gen.ts`) as string;
    expect(shapes).toContain(`  Nested?: string${"[]".repeat(lists)};`);
    expect(shapes).toContain("export interface S1999 {\n  end?: string;\n}");
    expect(typecheckModels(files as Map<string, string>)).toBe("");
  });
});

describe("mixins at scale (load/mixins/ walks without recursion; bench/ times them per mixin)", () => {
  const MIXIN = { "smithy.api#mixin": {} };

  it("a chain of 10,000 mixins, each adding a member and a trait, flattens into one structure that generates", () => {
    const spec = smallSpec() as Record<string, any>;
    const n = 10_000;
    for (let i = 0; i < n; i++)
      spec.shapes[`ex#M${i}`] = {
        type: "structure",
        members: { [`m${i}`]: { target: "smithy.api#String" } },
        traits: { ...MIXIN, "smithy.api#documentation": `Link ${i}.` },
        ...(i > 0 && { mixins: [{ target: `ex#M${i - 1}` }] }),
      };
    spec.shapes["ex#Chained"] = { type: "structure", mixins: [{ target: `ex#M${n - 1}` }] };
    spec.shapes["ex#Thing"].members.Chained = { target: "ex#Chained" };
    const { diagnostics, files } = generate(specText(spec));
    expect(diagnostics).toEqual([]);
    const shapes = files?.get(`${MODELS}/shapes.gen.ts`) as string;
    // The last link's documentation wins; members in chain order, the deepest first.
    expect(shapes).toContain(`/** Link ${n - 1}. */\nexport interface Chained {\n  m0?: string;\n  m1?: string;\n`);
    expect(shapes).toContain(`  m${n - 1}?: string;\n}`);
  });

  it("one mixin used by 10,000 structures gives each its members; the mixin is no shape of the model", () => {
    const spec = smallSpec() as Record<string, any>;
    const n = 10_000;
    spec.shapes["ex#Common"] = {
      type: "structure",
      members: { Id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
      traits: MIXIN,
    };
    for (let i = 0; i < n; i++) spec.shapes[`ex#U${i}`] = { type: "structure", mixins: [{ target: "ex#Common" }] };
    spec.shapes["ex#Thing"].members.Last = { target: `ex#U${n - 1}` };
    const { diagnostics, files } = generate(specText(spec));
    expect(diagnostics).toEqual([]);
    const shapes = files?.get(`${MODELS}/shapes.gen.ts`) as string;
    expect(shapes).toContain(`export interface U${n - 1} {\n  Id: string;\n}`);
    expect(shapes).not.toContain("interface Common");
  });

  it("a cycle through 10,000 mixins is one diagnostic of bounded length", () => {
    const spec = smallSpec() as Record<string, any>;
    const n = 10_000;
    for (let i = 0; i < n; i++)
      spec.shapes[`ex#C${i}`] = { type: "structure", traits: MIXIN, mixins: [{ target: `ex#C${(i + 1) % n}` }] };
    spec.shapes["ex#Thing"].mixins = [{ target: "ex#C0" }];
    const { diagnostics } = generate(specText(spec));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ pointer: `/shapes/ex#C${n - 1}/mixins/0` });
    expect(diagnostics[0]?.message).toMatch(
      /^mixins form a cycle: ex#C0 -> ex#C1 -> ex#C2 -> … \(9996 more\) -> ex#C9999 -> ex#C0$/,
    );
  });
});

describe("wide input", () => {
  /** The models of a spec whose Thing has a union of n string members. */
  const wideUnion = (n: number) => {
    const spec = smallSpec() as Record<string, any>;
    spec.shapes["ex#Wide"] = {
      type: "union",
      members: Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, { target: "smithy.api#String" }])),
    };
    spec.shapes["ex#Thing"].members.Wide = { target: "ex#Wide" };
    const { diagnostics, files } = generate(specText(spec));
    expect(diagnostics).toEqual([]);
    return files as Map<string, string>;
  };

  it("a union of 1,000 members is written in text linear in its members", () => {
    const n = 1000;
    const shapes = wideUnion(n).get(`${MODELS}/shapes.gen.ts`) as string;
    expect(shapes.length).toBeLessThan(40 * n);
    expect(shapes).toContain("export type Wide = OneOf<{\n  m0: string;\n");
  });

  // 100 members take the same OneOf path (beyond 64); tsc's own check of OneOf is quadratic in the
  // members, so the meaning is proven at 100 rather than 1,000.
  it("a union written through OneOf still means exactly one member", () => {
    const files = wideUnion(100);
    expect(files.get(`${MODELS}/shapes.gen.ts`)).toContain("export type Wide = OneOf<{");
    const out = tempDir();
    for (const [path, text] of files) writeFile(join(out, path), text);
    writeFile(
      join(out, MODELS, "use.ts"),
      [
        'import type { Wide } from "./shapes.gen.js";',
        'export const one: Wide = { m7: "x" };',
        "// @ts-expect-error two members set",
        'export const two: Wide = { m1: "x", m2: "y" };',
        "// @ts-expect-error none set",
        "export const none: Wide = {};",
        "",
      ].join("\n"),
    );
    expect(typecheck(out, [`${MODELS}/**/*.ts`]).output).toBe("");
  });
});

describe("names the generated code uses itself", () => {
  const names = [
    "fc",
    "a",
    "wire",
    "model",
    "table",
    "String",
    "Integer",
    "Record",
    "Partial",
    "Date",
    "Uint8Array",
    "AsyncIterable",
    "DocumentType",
    "Operations",
    "OperationName",
    "GlobalInstance",
    "StreamingBlobPayloadInputTypes",
    "StreamingBlobPayloadOutputTypes",
    "globalThis",
    "keyof",
    "infer",
    "readonly",
    "unique",
    "asserts",
    "is",
    "constructor",
    "__proto__",
    "JSON",
  ];

  it("never collide with shape names: the models type-check under tsc --strict", () => {
    const spec = smallSpec() as Record<string, any>;
    const thing = spec.shapes["ex#Thing"];
    for (const name of names) {
      spec.shapes[`ex#${name}`] = {
        type: "structure",
        members: { value: { target: "ex#Payload" }, when: { target: "smithy.api#Timestamp" } },
      };
      thing.members[`m_${name}`] = { target: `ex#${name}` };
    }
    spec.shapes["ex#Payload"] = {
      type: "map",
      key: { target: "smithy.api#String" },
      value: { target: "smithy.api#Document" },
    };
    // A streaming blob and an event stream make the models declare their helper types too.
    spec.shapes["ex#Blob"] = { type: "blob", traits: { "smithy.api#streaming": {} } };
    spec.shapes["ex#Events"] = {
      type: "union",
      members: { thing: { target: "ex#Thing" } },
      traits: { "smithy.api#streaming": {} },
    };
    spec.shapes["ex#ListThingsOutput"].members.Body = { target: "ex#Blob" };
    spec.shapes["ex#ListThingsOutput"].members.Events = { target: "ex#Events" };
    const { diagnostics, files } = generate(specText(spec), [modelsEmitter, paginatorEmitter]);
    expect(diagnostics).toEqual([]);
    const shapes = files?.get(`${MODELS}/shapes.gen.ts`) as string;
    expect(shapes).toContain("export interface _String {");
    expect(shapes).toContain("export interface _StreamingBlobPayloadOutputTypes {");
    expect(shapes).toContain("  Body?: StreamingBlobPayloadOutputTypes;");
    expect(shapes).toContain("  Events?: AsyncIterable<Events>;");
    expect(typecheckModels(files as Map<string, string>)).toBe("");
  });

  it("every TypeScript keyword works as a shape, member and enum value name: the models type-check", () => {
    const keywords: string[] = [];
    for (let k = ts.SyntaxKind.FirstKeyword; k <= ts.SyntaxKind.LastKeyword; k++) {
      const text = ts.tokenToString(k);
      if (text !== undefined && /^[A-Za-z_]\w*$/.test(text)) keywords.push(text);
    }
    expect(keywords.length).toBeGreaterThan(80);
    const spec = smallSpec() as Record<string, any>;
    spec.shapes["ex#Keywords"] = {
      type: "enum",
      members: Object.fromEntries(keywords.map((k) => [k, { target: "smithy.api#Unit" }])),
    };
    for (const k of keywords) {
      spec.shapes[`ex#${k}`] = {
        type: "structure",
        members: { [k]: { target: "ex#Keywords" }, self: { target: `ex#${k}` } },
      };
      spec.shapes["ex#Thing"].members[`k_${k}`] = { target: `ex#${k}` };
    }
    const { diagnostics, files } = generate(specText(spec));
    expect(diagnostics).toEqual([]);
    expect(typecheckModels(files as Map<string, string>)).toBe("");
  });

  it("a shape whose renamed name meets another shape's is a diagnostic, not broken output", () => {
    const spec = smallSpec() as Record<string, any>;
    spec.shapes["ex#String"] = { type: "structure", members: {} };
    spec.shapes["ex#_String"] = { type: "structure", members: {} };
    spec.shapes["ex#Thing"].members.A = { target: "ex#String" };
    spec.shapes["ex#Thing"].members.B = { target: "ex#_String" };
    const text = specText(spec);
    expect(generate(text).diagnostics.map((d) => d.message)).toEqual([
      'shape ex#_String collides with ex#String: both are named _String in TypeScript (names must differ in more than case; a service can tell them apart with "rename")',
    ]);
  });
});

describe("wire names and shape keys", () => {
  it("two members with the same jsonName are a diagnostic at the second", () => {
    const spec = smallSpec() as Record<string, any>;
    spec.shapes["ex#Thing"].members.Name.traits["smithy.api#jsonName"] = "n";
    spec.shapes["ex#Thing"].members.Other = { target: "smithy.api#String", traits: { "smithy.api#jsonName": "n" } };
    const text = specText(spec);
    expect(generate(text).diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Thing/members/Other",
        ...positionOf(text, '"Other"'),
        message: 'member "Other" has the wire name "n" of member "Name": one would be lost in the JSON body',
      },
    ]);
  });

  it("a jsonName equal to another member's name is a diagnostic; awsJson ignores jsonName, so there it is fine", () => {
    const spec = smallSpec() as Record<string, any>;
    spec.shapes["ex#Thing"].members.Other = {
      target: "smithy.api#String",
      traits: { "smithy.api#jsonName": "Name" },
    };
    expect(generate(specText(spec)).diagnostics.map((d) => d.pointer)).toEqual(["/shapes/ex#Thing/members/Other"]);
    spec.shapes["ex#Svc"].traits = { "aws.protocols#awsJson1_1": {} };
    delete spec.shapes["ex#ListThings"].traits["smithy.api#http"];
    expect(generate(specText(spec)).diagnostics).toEqual([]);
  });

  it("a shape key given twice is a diagnostic at the second (JSON.parse would keep the last silently)", () => {
    const text = specText(smallSpec()).replace('"ex#Thing": {', '"ex#Thing": { "type": "string" },\n    "ex#Thing": {');
    expect(generate(text).diagnostics).toEqual([
      {
        file: FILE,
        pointer: "/shapes/ex#Thing",
        ...positionOf(text, '"ex#Thing": {', 1),
        message: 'duplicate key "ex#Thing": JSON keeps only the last, so an earlier definition would be lost',
      },
    ]);
  });

  it("a member key given twice is a diagnostic too", () => {
    const text = specText(smallSpec()).replace(
      '"Token": {',
      '"Token": { "target": "smithy.api#Integer" },\n        "Token": {',
    );
    expect(generate(text).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/shapes/ex#ListThingsInput/members/Token",
        'duplicate key "Token": JSON keeps only the last, so an earlier definition would be lost',
      ],
    ]);
  });
});

describe("the command line", () => {
  it("a UTF-8 byte order mark is accepted: the output is the same as without it", () => {
    const dir = tempDir();
    const text = specText(smallSpec());
    const plain = writeFile(join(dir, "plain.json"), text);
    const bom = writeFile(join(dir, "bom.json"), `\uFEFF${text}`);
    const a = runCli(["--spec", plain, "--out", join(dir, "a")]);
    const b = runCli(["--spec", bom, "--out", join(dir, "b")]);
    expect([a.status, b.status]).toEqual([0, 0]);
    const models = (root: string): string =>
      readFileSync(join(root, MODELS, "shapes.gen.ts"), "utf8").replace(/^\/\/ Generated.*\n/, "");
    expect(models(join(dir, "b"))).toBe(models(join(dir, "a")));
  });

  it("--out naming a file, or a folder beneath a file, is a problem of the command line: exit 1, nothing written", () => {
    const dir = tempDir();
    const spec = writeFile(join(dir, "s.json"), specText(smallSpec()));
    const file = writeFile(join(dir, "file"), "keep me");
    const before = snapshotTree(dir);
    for (const [out, problem] of [
      [file, `${file} is a file, not a folder`],
      [join(file, "sub"), `${file} is a file where a folder must be`],
    ] as const) {
      const r = runCli(["--spec", spec, "--out", out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `(command line) /: --out: ${problem}\ndx-gen: 1 problem(s) on the command line; nothing was written.\n`,
      );
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("a generated folder blocked by a file is reported the same way", () => {
    const dir = tempDir();
    const spec = writeFile(join(dir, "s.json"), specText(smallSpec()));
    writeFile(join(dir, "out", "packages", "models"), "a file where a folder must be");
    const r = runCli(["--spec", spec, "--out", join(dir, "out")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`--out: ${join(dir, "out", "packages", "models")} is a file where a folder must be`);
  });

  it("dx-gen diff reports a broken old spec in its own file, not under the new spec's name", () => {
    const dir = tempDir();
    const bad = writeFile(join(dir, "old.json"), '{"smithy": "2.0", "shapes": {"ex#A": {"type": "nope"}}}');
    const good = writeFile(join(dir, "new.json"), specText(smallSpec()));
    const r = runCli(["diff", bad, good]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:1:`);
    expect(r.stderr).not.toContain(good);
  });

  it("a failure of dx-gen itself is one line naming it, exit 2, no stack trace", () => {
    const dir = tempDir();
    const spec = writeFile(join(dir, "s.json"), specText(smallSpec()));
    // Writing fails with a plain Error, as a bug of ours would.
    const hook = [
      'import fs from "node:fs";',
      'import { syncBuiltinESMExports } from "node:module";',
      'fs.writeFileSync = () => { throw new Error("disk on fire\\nsecond line"); };',
      "syncBuiltinESMExports();",
    ].join("\n");
    const r = runCli(["--spec", spec, "--out", join(dir, "out")], repoRoot, [
      "--import",
      `data:text/javascript,${encodeURIComponent(hook)}`,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.replace(/^dx-gen: warning: .*\n/gm, "")).toBe("dx-gen: internal error: disk on fire\n");
  });
});

/** One random corruption: a value replaced, a key removed or renamed, or the text cut or spliced. */
const corruption = fc.record({
  kind: fc.constantFrom("replace", "delete", "rename", "truncate", "splice"),
  where: fc.nat(),
  value: fc.jsonValue({ maxDepth: 3 }),
  text: fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "\uFEFF", "0", "null", '"x"', "\n[[[", '"\n'),
});
type Corruption = typeof corruption extends fc.Arbitrary<infer T> ? T : never;

function corrupt(spec: unknown, c: Corruption): string {
  const copy = structuredClone(spec);
  // Every (container, key) of the document, in document order.
  const slots: [Record<string, unknown> | unknown[], string][] = [];
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    for (const [k, v] of Object.entries(node)) {
      slots.push([node as Record<string, unknown>, k]);
      stack.push(v);
    }
  }
  const [holder, key] = slots[c.where % slots.length] as [Record<string, unknown>, string];
  if (c.kind === "replace") holder[key] = c.value;
  else if (c.kind === "delete") {
    if (Array.isArray(holder)) holder.splice(Number(key), 1);
    else delete holder[key];
  } else if (c.kind === "rename" && !Array.isArray(holder)) {
    holder[`${key}x`] = holder[key];
    delete holder[key];
  }
  const text = specText(copy);
  const at = c.where % text.length;
  if (c.kind === "truncate") return text.slice(0, at);
  if (c.kind === "splice") return text.slice(0, at) + c.text + text.slice(at);
  return text;
}

/** The emitters the property runs: all three (each assumes only a checked IR). */
const PROPERTY_EMITTERS = [modelsEmitter, paginatorEmitter, validatorsEmitter];

describe("random corruptions of a valid spec", () => {
  it("are generated (as TypeScript that parses) or reported as diagnostics with a pointer; nothing else is ever thrown", () => {
    const spec = smallSpec() as Record<string, any>;
    // Give the corruptions more to break: an enum, a union, a map, a deprecated member, a jsonName.
    spec.shapes["ex#Kind"] = { type: "enum", members: { A: { target: "smithy.api#Unit" } } };
    spec.shapes["ex#Choice"] = { type: "union", members: { k: { target: "ex#Kind" }, t: { target: "ex#Thing" } } };
    spec.shapes["ex#Tags"] = { type: "map", key: { target: "ex#Kind" }, value: { target: "smithy.api#Timestamp" } };
    spec.shapes["ex#Thing"].members.Choice = {
      target: "ex#Choice",
      traits: { "smithy.api#deprecated": { since: "1" } },
    };
    spec.shapes["ex#Thing"].members.Tags = { target: "ex#Tags", traits: { "smithy.api#jsonName": "tags" } };
    fc.assert(
      fc.property(corruption, (c) => {
        const { diagnostics, files } = generate(corrupt(spec, c), PROPERTY_EMITTERS);
        // What is generated at all parses as TypeScript.
        for (const [path, text] of files ?? []) {
          if (!path.endsWith(".ts")) continue;
          const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
          expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, path).toEqual([]);
        }
        for (const d of diagnostics) {
          expect(d.file).toMatch(/^(h\.json|\(command line\))$/);
          expect(d.pointer === "" || d.pointer.startsWith("/")).toBe(true);
          expect(d.message).not.toBe("");
        }
      }),
      { numRuns: Number(process.env["DX_PROPERTY_RUNS"] ?? 400) },
    );
  });

  it("of the hostile fixture (every trait dx reads, a second file applying traits) behave the same", () => {
    const hostile = JSON.parse(readFileSync(join(fixturesDir, "hostile.json"), "utf8")) as unknown;
    const apply = readFileSync(join(fixturesDir, "hostile-apply.json"), "utf8");
    fc.assert(
      fc.property(corruption, fc.boolean(), (c, corruptApply) => {
        const inputs = corruptApply
          ? [
              { file: "hostile.json", text: specText(hostile) },
              { file: "apply.json", text: corrupt(JSON.parse(apply), c) },
            ]
          : [
              { file: "hostile.json", text: corrupt(hostile, c) },
              { file: "apply.json", text: apply },
            ];
        try {
          runPipeline({ root: repoRoot, inputs, emitters: PROPERTY_EMITTERS });
        } catch (e) {
          if (!(e instanceof SpecError)) throw e;
          for (const d of e.diagnostics) expect(d.file).toMatch(/^(hostile\.json|apply\.json|\(command line\))$/);
        }
      }),
      { numRuns: Number(process.env["DX_PROPERTY_RUNS"] ?? 300) },
    );
  });
});

describeWithReference(
  "random corruptions of an official model with streams and HTTP bindings",
  ["aws-models/bedrock-runtime-2023-09-30.json"],
  ([path]) => {
    it("are generated or reported as diagnostics; nothing else is ever thrown", () => {
      const model = JSON.parse(readFileSync(path as string, "utf8")) as unknown;
      fc.assert(
        fc.property(corruption, (c) => {
          try {
            runPipeline({
              root: repoRoot,
              inputs: [{ file: "m.json", text: corrupt(model, c) }],
              emitters: PROPERTY_EMITTERS,
            });
          } catch (e) {
            if (!(e instanceof SpecError)) throw e;
          }
        }),
        { numRuns: Number(process.env["DX_PROPERTY_RUNS"] ?? 60) },
      );
    });
  },
);
