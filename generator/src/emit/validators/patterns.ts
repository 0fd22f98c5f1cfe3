import { judgePattern } from "../../patterns.js";

/**
 * How the validators use a Smithy pattern, in dx's one dialect (src/patterns.ts: ECMA-262 without
 * the `u` flag, Java's POSIX classes rewritten, misreadable escapes refused). Some official models
 * also carry a pattern with literal `/…/` delimiters (Data Exchange's `AwsAccountId`:
 * "/^[\\d]{12}$/"), which as written no real value can match: it is used without its delimiters
 * and reported. A pattern the dialect cannot read is reported and not checked, so validators never
 * reject real service data for a modelling slip or a reading of ours.
 */
export interface PatternUse {
  /** The ECMA-262 source the validators use (compiled without flags), or undefined when it is not checked. */
  pattern?: string;
  /** Why the spec's pattern was changed or dropped, for a generate-time warning and the schema's `$comment`. */
  warning?: string;
}

const DELIMITED = /^\/(.+)\/$/s;

export function usePattern(pattern: string): PatternUse {
  const delimited = DELIMITED.exec(pattern);
  const used = delimited ? (delimited[1] as string) : pattern;
  const judged = judgePattern(used);
  if ("problem" in judged)
    return { warning: `pattern ${JSON.stringify(pattern)} cannot be checked (${judged.problem}); it is not checked` };
  if (!delimited) return { pattern: judged.source };
  return {
    pattern: judged.source,
    warning: `pattern ${JSON.stringify(pattern)} has literal "/" delimiters, so no real value could match it as written; the validators use ${JSON.stringify(judged.source)}`,
  };
}

/** `^[class]{m,n}$` over printable ASCII: checked as a length test and `^[class]*$` (twice as fast in V8). */
export const BOUNDED_CLASS = /^\^(\[(?:[\x20-\x5a\x5e-\x7e]|\\[dw/.+-])+\])\{(\d+)(?:,(\d+))?\}\$$/;

/**
 * The characters of a character class made only of ASCII letters, digits, ranges of them and `\d`
 * (`[a-zA-Z0-9]`, `[\d]`), as a string of every member; undefined for any other class. Such a class
 * is checked by a table lookup per character instead of a regular expression (faster in V8 for ids).
 */
export function asciiClass(cls: string): string | undefined {
  const body = cls.slice(1, -1);
  let chars = "";
  for (let i = 0; i < body.length; ) {
    if (body.startsWith("\\d", i)) {
      chars += "0123456789";
      i += 2;
      continue;
    }
    const ch = body[i] as string;
    if (!/[A-Za-z0-9]/.test(ch)) return undefined;
    if (body[i + 1] === "-" && i + 2 < body.length && /[A-Za-z0-9]/.test(body[i + 2] as string)) {
      const end = (body[i + 2] as string).charCodeAt(0);
      if (end < ch.charCodeAt(0)) return undefined;
      for (let code = ch.charCodeAt(0); code <= end; code++) chars += String.fromCharCode(code);
      i += 3;
    } else {
      chars += ch;
      i += 1;
    }
  }
  return chars === "" ? undefined : [...new Set(chars)].sort().join("");
}
