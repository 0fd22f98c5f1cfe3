/**
 * The maintained `jmespath` package, with the one function its typings leave out: `compile` parses an
 * expression without evaluating it, so a syntax error is found before any request (evaluating on an
 * empty value instead would also raise type errors such as `length(null)`).
 */
import jmespath from "jmespath";

interface JmespathModule {
  search(data: unknown, expression: string): unknown;
  compile(expression: string): unknown;
}

const library: JmespathModule = jmespath as typeof jmespath & Pick<JmespathModule, "compile">;

/** Throws the library's ParserError or LexerError if `expression` is not JMESPath. */
export function checkExpression(expression: string): void {
  library.compile(expression);
}

export function search(data: unknown, expression: string): unknown {
  return library.search(data, expression);
}
