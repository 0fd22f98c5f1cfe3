/**
 * The one regular-expression dialect of dx: how a Smithy `@pattern` is judged by the check stage and
 * compiled by the validators (their JSON Schemas and the Ajv code compiled from them).
 *
 * Smithy says patterns are ECMA-262 regular expressions; real AWS models are written for the AWS
 * SDKs, which accept more than ECMA-262's `u` mode: identity escapes of punctuation (`^[\w\-\_]+$`,
 * `^\#[0-9a-f]{6}$`, `^https\://\S+$`), a `-` after a class escape (`[\w-_]`), and, from the models'
 * Java origins, POSIX classes such as `\p{Print}` or `\p{Graph}`. The dialect is therefore:
 *
 * - ECMA-262 **without** the `u` flag (Annex B), so those escapes mean the character they escape;
 * - a class range of astral characters written as surrogate pairs (`[\uD800\uDC00-\uDBFF\uDFFF]`,
 *   Java's way; out of order without `u`) is widened to the surrogate code units of those characters:
 *   it accepts every character of the range, and never rejects one;
 * - Java's POSIX classes (`\p{Lower}`, `\p{Upper}`, `\p{ASCII}`, `\p{Alpha}`, `\p{Digit}`,
 *   `\p{Alnum}`, `\p{Punct}`, `\p{Graph}`, `\p{Print}`, `\p{Blank}`, `\p{Cntrl}`, `\p{XDigit}`,
 *   `\p{Space}`, and `\P{…}` outside a class) are rewritten to the ASCII classes they stand for;
 * - what would silently mean something else without `u` is refused rather than misread: another
 *   `\p{…}` (a Unicode property, e.g. `\p{L}`) and an escaped letter that ECMA-262 does not define
 *   (Java's `\A`, `\Z`, `\z`, `\Q…\E`, `\h`; Annex B would read them as the plain letter).
 *
 * A refused pattern, or one no engine compiles, is reported as a warning and not checked: a
 * validator never rejects real data because dx read a pattern differently from the service.
 */

/** The flags every pattern is compiled with (no `u`: Annex B identity escapes are allowed). */
export const PATTERN_FLAGS = "";

/** Java's POSIX character classes (US-ASCII), as the body of an ECMA-262 character class. */
const POSIX: Readonly<Record<string, string>> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};

/** Letters ECMA-262 defines as escapes (without `u`); any other escaped letter is Java's, and refused. */
const ECMA_LETTER_ESCAPES = new Set("bBcdDfknrsStuvwWx");

/** `\uHIGH\uLOW-\uHIGH\uLOW`: a range of astral characters as surrogate pairs. */
const SURROGATE_RANGE = /\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})-\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})/gi;

export type PatternResult = { source: string; regExp: RegExp } | { problem: string };

/**
 * Judges a Smithy pattern in dx's dialect: the ECMA-262 source to use (POSIX classes rewritten) and
 * its compiled RegExp, or why it cannot be checked.
 */
export function judgePattern(pattern: string): PatternResult {
  const rewritten = rewrite(pattern);
  if (typeof rewritten !== "string") return rewritten;
  try {
    return { source: rewritten, regExp: new RegExp(rewritten, PATTERN_FLAGS) };
  } catch (e) {
    return { problem: `not a regular expression: ${(e as Error).message}` };
  }
}

/** The compiled pattern, or undefined when it cannot be checked (see judgePattern for why). */
export function compilePattern(pattern: string): RegExp | undefined {
  const r = judgePattern(pattern);
  return "regExp" in r ? r.regExp : undefined;
}

/** Rewrites POSIX classes and refuses escapes that would be misread; one pass, linear in the pattern. */
function rewrite(source: string): string | { problem: string } {
  const pattern = source.replace(SURROGATE_RANGE, "\\u$1-\\u$3\\uDC00-\\uDFFF");
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = pattern[i + 1];
    if (next === undefined) return { problem: "ends with a lone backslash" };
    if (next === "p" || next === "P") {
      const m = /^\{([A-Za-z_]+)\}/.exec(pattern.slice(i + 2, i + 2 + 40));
      const name = m?.[1];
      const body = name === undefined ? undefined : POSIX[name];
      if (body === undefined)
        return {
          problem: `uses \\${next}${m ? `{${name}}` : ""}, a Unicode property that ECMA-262 reads only in u mode (without it, a plain "${next}")`,
        };
      if (next === "P" && inClass) return { problem: `uses \\P{${name}} inside a character class` };
      out += inClass ? body : `[${next === "P" ? "^" : ""}${body}]`;
      i += 1 + (m as RegExpExecArray)[0].length;
      continue;
    }
    if (/[A-Za-z]/.test(next) && !ECMA_LETTER_ESCAPES.has(next))
      return { problem: `uses \\${next}, which ECMA-262 reads as a plain "${next}" (Java gives it another meaning)` };
    out += c + next;
    i++;
  }
  return out;
}
