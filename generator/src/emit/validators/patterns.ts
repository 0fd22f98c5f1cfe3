/**
 * Smithy patterns are ECMA-262 regular expressions without delimiters. Some official models carry a
 * pattern with literal `/…/` delimiters (Data Exchange's `AwsAccountId`: "/^[\\d]{12}$/"), which as
 * written no real value can match. Such a pattern is used without its delimiters and reported, so
 * validators never reject real service data for a modelling slip.
 */
export interface PatternUse {
  /** The pattern the validators use, or undefined when it cannot be used at all. */
  pattern?: string;
  /** Why the spec's pattern was changed, for a generate-time warning and the schema's `$comment`. */
  warning?: string;
}

const DELIMITED = /^\/(.+)\/$/s;

export function usePattern(pattern: string): PatternUse {
  const delimited = DELIMITED.exec(pattern);
  const used = delimited ? (delimited[1] as string) : pattern;
  // Without the u flag, \p{…} would silently mean "p{…}": such a pattern is not checked rather than misread.
  if (/(^|[^\\])(\\\\)*\\[pP]\{/.test(used))
    return {
      warning: `pattern ${JSON.stringify(pattern)} uses a \\p{…} class, which ECMA-262 reads only in u mode; it is not checked`,
    };
  try {
    new RegExp(used);
  } catch (e) {
    return {
      warning: `pattern ${JSON.stringify(pattern)} is not an ECMA-262 regular expression (${(e as Error).message}); it is not checked`,
    };
  }
  if (!delimited) return { pattern };
  return {
    pattern: used,
    warning: `pattern ${JSON.stringify(pattern)} has literal "/" delimiters, so no real value could match it as written; the validators use ${JSON.stringify(used)}`,
  };
}
