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
