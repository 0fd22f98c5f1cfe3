import { readFileSync } from "node:fs";
import { awsModelFiles, describeWithReference } from "@dx/test-support";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern, judgePattern, PATTERN_FLAGS } from "./patterns.js";

describe("the one pattern dialect", () => {
  it("compiles without the u flag, so the escapes AWS models use mean the character they escape", () => {
    expect(PATTERN_FLAGS).not.toContain("u");
    const cases: [string, string[], string[]][] = [
      ["^[a-zA-Z0-9\\-\\_]+$", ["a-b_c", "Z9"], ["a b", ""]],
      ["^\\#[a-zA-Z0-9]{6}$", ["#a1b2c3"], ["a1b2c3", "#a1b2c"]],
      ["^https\\://\\S+$", ["https://example.com/x"], ["http://x", "https:// x"]],
      ["^[\\w-_]*$", ["a-b_c", ""], ["a.b"]],
      ["^[\\.\\-\\!\\*\\_\\'\\(\\)a-zA-Z0-9]+$", ["a.b-c!*_'()"], ["a/b"]],
    ];
    for (const [pattern, good, bad] of cases) {
      const re = compilePattern(pattern) as RegExp;
      expect(re, pattern).toBeInstanceOf(RegExp);
      for (const s of good) expect(re.test(s), `${pattern} on ${s}`).toBe(true);
      for (const s of bad) expect(re.test(s), `${pattern} on ${s}`).toBe(false);
    }
  });

  it("rewrites Java's POSIX classes to the ASCII classes they stand for, inside and outside a class", () => {
    const java: Record<string, (c: number) => boolean> = {
      Lower: (c) => c >= 0x61 && c <= 0x7a,
      Upper: (c) => c >= 0x41 && c <= 0x5a,
      ASCII: (c) => c <= 0x7f,
      Alpha: (c) => java["Lower"]!(c) || java["Upper"]!(c),
      Digit: (c) => c >= 0x30 && c <= 0x39,
      Alnum: (c) => java["Alpha"]!(c) || java["Digit"]!(c),
      Punct: (c) => "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".includes(String.fromCharCode(c)),
      Graph: (c) => java["Alnum"]!(c) || java["Punct"]!(c),
      Print: (c) => java["Graph"]!(c) || c === 0x20,
      Blank: (c) => c === 0x20 || c === 0x09,
      Cntrl: (c) => c < 0x20 || c === 0x7f,
      XDigit: (c) => java["Digit"]!(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66),
      Space: (c) => " \t\n\x0B\f\r".includes(String.fromCharCode(c)),
    };
    for (const [name, inClass] of Object.entries(java)) {
      const forms = {
        bare: compilePattern(`^\\p{${name}}$`) as RegExp,
        negated: compilePattern(`^\\P{${name}}$`) as RegExp,
        inside: compilePattern(`^[\\p{${name}}]$`) as RegExp,
        negatedClass: compilePattern(`^[^\\p{${name}}]$`) as RegExp,
      };
      for (let c = 0; c <= 0x2ff; c++) {
        const ch = String.fromCharCode(c);
        const expected = inClass(c);
        expect(forms.bare.test(ch), `${name} ${c}`).toBe(expected);
        expect(forms.inside.test(ch), `[${name}] ${c}`).toBe(expected);
        expect(forms.negated.test(ch), `P${name} ${c}`).toBe(!expected);
        expect(forms.negatedClass.test(ch), `[^${name}] ${c}`).toBe(!expected);
      }
    }
    // The official forms, as real models write them.
    expect(compilePattern("^[\\p{Graph}\\x20]*$")?.test("Name: a-b (c)")).toBe(true);
    expect(compilePattern("^[^\\p{Cntrl}]*$")?.test("tab\there")).toBe(false);
    expect(compilePattern("^[\\p{Upper}\\p{Digit}_]+$")?.test("AB_9")).toBe(true);
  });

  it("widens an astral range written as surrogate pairs, so every character of it passes", () => {
    const xml = compilePattern("^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*$") as RegExp;
    expect(xml.test("plain text, \u00e9, \u{1F600} and \u{10FFFF}\n")).toBe(true);
    expect(xml.test("a\u0001b")).toBe(false);
  });

  it("refuses, with a reason, what would silently mean something else without u", () => {
    expect(judgePattern("^[\\p{L}\\p{Z}]*$")).toEqual({
      problem: 'uses \\p{L}, a Unicode property that ECMA-262 reads only in u mode (without it, a plain "p")',
    });
    expect(judgePattern("^a\\Z")).toEqual({
      problem: 'uses \\Z, which ECMA-262 reads as a plain "Z" (Java gives it another meaning)',
    });
    expect(judgePattern("^[\\P{Alpha}]$")).toEqual({ problem: "uses \\P{Alpha} inside a character class" });
    expect(judgePattern("[a-")).toMatchObject({ problem: expect.stringMatching(/^not a regular expression: /) });
    expect(judgePattern("a\\")).toEqual({ problem: "ends with a lone backslash" });
    expect(compilePattern("(")).toBeUndefined();
  });

  it("never throws, whatever the pattern", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("\\", "p", "P", "{", "}", "[", "]", "^", "-", "L", "Alpha", "a", "(", ")", "*", "Z"))
          .map((parts) => parts.join("")),
        (pattern) => {
          const r = judgePattern(pattern);
          if ("regExp" in r) expect(r.regExp.source).toBe(new RegExp(r.source).source);
          else expect(r.problem).not.toBe("");
        },
      ),
    );
  });
});

const models = awsModelFiles().map((f) => `aws-models/${f}`);
describeWithReference("every pattern of the official AWS models", models, (paths) => {
  it("is compiled, or refused only for a Unicode property escape", () => {
    const refused = new Set<string>();
    let compiled = 0;
    for (const path of paths) {
      for (const [, p] of readFileSync(path, "utf8").matchAll(/"smithy\.api#pattern":\s*("(?:[^"\\]|\\.)*")/g)) {
        const pattern = JSON.parse(p as string) as string;
        const r = judgePattern(pattern);
        if ("regExp" in r) compiled++;
        else refused.add(r.problem.replace(/\\p\{\w+\}/, "\\p{…}"));
      }
    }
    expect(compiled).toBeGreaterThan(300);
    expect([...refused]).toEqual([
      'uses \\p{…}, a Unicode property that ECMA-262 reads only in u mode (without it, a plain "p")',
    ]);
  });
});
