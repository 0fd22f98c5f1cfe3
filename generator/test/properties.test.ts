/**
 * Property tests over inputs a spec author controls: documentation text, member names and enum
 * values. Whatever they hold, the output parses as TypeScript, problems are located exactly, and
 * enum objects hold exactly the spec's values.
 */
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SpecError, type Diagnostic } from "../src/diagnostics.js";
import { modelsEmitter } from "../src/emit/models/index.js";
import { layoutDoc, MAX_LINE } from "../src/emit/layout.js";
import { isIdentifier } from "../src/naming.js";
import { runPipeline } from "../src/pipeline.js";
import { positionOf, repoRoot, smallSpec, specText } from "./support.js";

function emit(spec: unknown): Map<string, string> {
  const { outputs } = runPipeline({
    root: repoRoot,
    inputs: [{ file: "p.json", text: specText(spec) }],
    emitters: [modelsEmitter],
  });
  return (outputs[0] as { files: Map<string, string> }).files;
}

function diagnosticsOf(spec: unknown): readonly Diagnostic[] {
  try {
    emit(spec);
    return [];
  } catch (e) {
    if (e instanceof SpecError) return e.diagnostics;
    throw e;
  }
}

function parse(name: string, text: string): { file: ts.SourceFile; errors: readonly ts.Diagnostic[] } {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return { file, errors: (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics };
}

/** Strings rich in what breaks comments and templates. */
const hostileText = fc
  .string({ maxLength: 6, unit: "binary" })
  .chain((s) =>
    fc
      .array(
        fc.constantFrom("*/", "/*", "${", "`", "@", "\\", "<p>", "&amp;", "\n", "\r\n", "\u2028", " * ", "*", "/"),
        { maxLength: 8 },
      )
      .map((parts) => parts.join(s)),
  );

describe("documentation of any text", () => {
  it("emits models that parse, with every declaration and member intact", () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (shapeDoc, memberDoc, valueDoc) => {
        const spec = smallSpec();
        const thing = spec.shapes["ex#Thing"] as Record<string, any>;
        thing["traits"]["smithy.api#documentation"] = shapeDoc;
        thing["members"].Name.traits["smithy.api#documentation"] = memberDoc;
        thing["members"].Kind = { target: "ex#Kind" };
        spec.shapes["ex#Kind"] = {
          type: "string",
          traits: { "smithy.api#enum": [{ value: "A", name: "A", documentation: valueDoc }, { value: "B" }] },
        };
        const files = emit(spec);
        for (const [name, text] of files) expect(parse(name, text).errors, name).toEqual([]);
        const shapes = parse("shapes.gen.ts", files.get("shapes.gen.ts") as string).file;
        const iface = shapes.statements.find(
          (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Thing",
        );
        expect(iface?.members.map((m) => (m.name as ts.Identifier).text)).toEqual(["Name", "Kind"]);
        const enums = parse("enums.gen.ts", files.get("enums.gen.ts") as string).file;
        expect(
          enums.statements.map((s) =>
            ts.isVariableStatement(s) ? "const" : ts.isTypeAliasDeclaration(s) ? "type" : "other",
          ),
        ).toEqual(["const", "type"]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("member names of any text", () => {
  it("a name that is not an identifier is reported at its own key, with an escaped pointer", () => {
    const base = specText(smallSpec());
    const badName = fc
      .string({ minLength: 0, maxLength: 12, unit: "grapheme" })
      .filter((n) => !isIdentifier(n) && !base.includes(JSON.stringify(n)));
    fc.assert(
      fc.property(badName, (name) => {
        const spec = smallSpec();
        (spec.shapes["ex#Thing"] as Record<string, any>)["members"][name] = { target: "smithy.api#String" };
        const text = specText(spec);
        const escaped = name.replace(/~/g, "~0").replace(/\//g, "~1");
        expect(diagnosticsOf(spec)).toEqual([
          {
            file: "p.json",
            pointer: `/shapes/ex#Thing/members/${escaped}`,
            ...positionOf(text, JSON.stringify(name)),
            message: `member name "${name}" is not a valid identifier ([A-Za-z_][A-Za-z0-9_]*)`,
          },
        ]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("enum values of any text", () => {
  it("either collide (reported) or give a const object holding exactly those values", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 8 }), (values) => {
        const spec = smallSpec();
        (spec.shapes["ex#Thing"] as Record<string, any>)["members"].Kind = { target: "ex#Kind" };
        spec.shapes["ex#Kind"] = { type: "string", traits: { "smithy.api#enum": values.map((value) => ({ value })) } };
        const problems = diagnosticsOf(spec);
        if (problems.length > 0) {
          // Only two values that map to the same key may be refused.
          for (const p of problems)
            expect(p.message).toMatch(/^enum entry ".*" collides with ".*": both become the key /s);
          return;
        }
        const js = ts.transpileModule(emit(spec).get("enums.gen.ts") as string, {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
        }).outputText;
        const exports: Record<string, Record<string, string>> = {};
        new Function("exports", js)(exports);
        const kind = exports["Kind"] as Record<string, string>;
        expect(Object.getPrototypeOf(kind)).toBe(Object.prototype);
        expect(Object.values(kind).sort()).toEqual([...values].sort());
        // Keys are JavaScript identifiers, so `X.KEY` works for each.
        for (const key of Object.keys(kind)) expect(key).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
      }),
      { numRuns: 80, examples: [[["__proto__", "toString", "9lives", ""]], [["a-b", "a_b"]]] },
    );
  });
});

describe("doc comment layout", () => {
  /** Words CommonMark reads as a block's start at the start of a line (a paragraph's continuation included). */
  const BLOCK_MARKER = /^(?:[-+*]|\d+[.)]|#{1,6}|>.*|```.*|~~~.*|=+|-+|<[A-Za-z/!?].*)$/;

  it("never starts a wrapped line with a Markdown block marker (MediaConvert's `3/2 - L, R` became a bullet)", () => {
    // Eac3Settings.LoRoCenterMixLevel ("3/2 - L, R, C"), a VideoSelector's "Streams > Advanced >
    // Interlaced Mode" and Av1Settings.PerFrameMetrics ("* PSNR: … * SSIM: …"), as the official model
    // writes them, each where the break fell before the marker: the word before it now goes with it.
    // (width 97 at indent 0: each filler leaves room for the word before the marker, not for both)
    const x = (n: number): string => "x".repeat(n);
    expect(layoutDoc(`${x(92)} 3/2 - L, R, C, Ls, Rs`, 0)).toBe(`${x(92)}\n3/2 - L, R, C, Ls, Rs`);
    expect(layoutDoc(`${x(88)} Streams > Advanced > Interlaced Mode`, 0)).toBe(
      `${x(88)}\nStreams > Advanced > Interlaced Mode`,
    );
    expect(layoutDoc(`- ${x(87)} types: * PSNR: Peak * SSIM`, 0)).toBe(`- ${x(87)}\n  types: * PSNR: Peak * SSIM`);
    expect(layoutDoc(`${x(93)} of 1. the # of items`, 0)).toBe(`${x(93)}\nof 1. the # of items`);
    // One word too long to move: the marker stays at the end of its line, the line is longer.
    expect(layoutDoc(`${"x".repeat(96)} - L`, 0)).toBe(`${"x".repeat(96)} -\nL`);
  });

  const words = fc.array(
    fc.oneof(
      fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom("a", "b", "-", "`", "*") }),
      fc.constantFrom("-", "+", "*", "1.", "2)", "#", "###", ">", ">=", "```", "~~~", "=", "---", "<div>"),
      fc.string({ minLength: 90, maxLength: 130, unit: fc.constantFrom("x", "/") }),
    ),
    { maxLength: 60 },
  );
  const paragraphs = fc
    .array(
      words.map((w) => w.join(" ")),
      { minLength: 1, maxLength: 4 },
    )
    .map((ps) => ps.join("\n\n"));

  it("keeps every word in order and fits each line unless one word is longer", () => {
    fc.assert(
      fc.property(paragraphs, fc.constantFrom(0, 2, 4), (text, indent) => {
        const laid = layoutDoc(text, indent);
        expect(laid.replace(/\s+/g, " ").trim()).toBe(text.replace(/\s+/g, " ").trim());
        expect(laid.split("\n").filter((l) => l === "").length).toBe(text.split("\n").filter((l) => l === "").length);
        if (laid.includes("\n")) {
          for (const line of laid.split("\n"))
            if (line.trim().includes(" ") && !BLOCK_MARKER.test(line.trim().split(" ")[1] ?? ""))
              expect(indent + 3 + line.length).toBeLessThanOrEqual(MAX_LINE);
        } else expect(laid === text).toBe(true);
        // A wrapped line reads as the paragraph's text in Markdown, never as a bullet, heading or quote.
        const lines = laid.split("\n");
        lines.forEach((line, i) => {
          if (i > 0 && lines[i - 1] !== "" && line !== "") expect(line.trim().split(" ")[0]).not.toMatch(BLOCK_MARKER);
        });
      }),
      { numRuns: 200 },
    );
  });
});
