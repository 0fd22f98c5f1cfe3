/**
 * Readers of the reference material in `<repo>/../shared/reference`: boto3's paginator page (request
 * and response syntax, response structure descriptions) and the facts file's enum lists.
 */
import { readFileSync } from "node:fs";
import { referenceFile } from "@dx/test-support";

/** A value of boto3's response syntax: what the documentation shows for each member. */
export type SyntaxNode =
  | { kind: "dict"; members: [string, SyntaxNode][] }
  | { kind: "list"; item: SyntaxNode }
  | { kind: "string" }
  | { kind: "enum"; values: string[] }
  | { kind: "datetime" }
  | { kind: "integer" }
  | { kind: "float" };

export const BOTO3_PAGE = "boto3-dataexchange-paginator-listjobs.rst";
export const FACTS = "aws-listjobs-facts.md";
export const CLOSURE = "aws-listjobs-closure.json";
/** Readers for suites under describeWithReference (which skips or fails when a file is missing). */
const read = (file: string, factsOnly: boolean): string =>
  readFileSync(referenceFile(file, { factsOnly }) ?? file, "utf8");
export const boto3Page = (): string => read(BOTO3_PAGE, false);
export const factsText = (): string => read(FACTS, false);
export const officialClosure = (): Record<string, Record<string, unknown>> => JSON.parse(read(CLOSURE, true));

/** The `::` literal block that follows a heading such as `**Response Syntax**`. */
function literalBlock(page: string, heading: string): string {
  const start = page.indexOf(heading);
  if (start < 0) throw new Error(`no ${heading} in the boto3 page`);
  const lines = page.slice(start).split("\n");
  const open = lines.findIndex((l) => l.trim() === "::");
  const body: string[] = [];
  for (const line of lines.slice(open + 1)) {
    if (line.trim() !== "" && !/^\s{6,}/.test(line)) break;
    if (line.trim().startsWith("**")) break;
    body.push(line);
  }
  return body.join("\n");
}

/** Parses the Python-literal response syntax: dicts, lists, 'string', 'A'|'B' enums, datetime(...), 123, 123.0. */
export function parseResponseSyntax(page: string): SyntaxNode {
  const text = literalBlock(page, "**Response Syntax**");
  const tokens = text.match(/'[^']*'|datetime\([^)]*\)|\d+\.\d+|\d+|[{}[\]:,|]/g) ?? [];
  let i = 0;
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new Error("response syntax ends early");
    return t;
  };
  const peek = (): string | undefined => tokens[i];
  const expectToken = (t: string): void => {
    const got = next();
    if (got !== t) throw new Error(`response syntax: expected ${t}, got ${got}`);
  };
  const value = (): SyntaxNode => {
    const t = next();
    if (t === "{") {
      const members: [string, SyntaxNode][] = [];
      while (peek() !== "}") {
        const key = next().slice(1, -1);
        expectToken(":");
        members.push([key, value()]);
        if (peek() === ",") next();
      }
      next();
      return { kind: "dict", members };
    }
    if (t === "[") {
      const item = value();
      if (peek() === ",") next();
      expectToken("]");
      return { kind: "list", item };
    }
    if (t.startsWith("datetime(")) return { kind: "datetime" };
    if (/^\d+\.\d+$/.test(t)) return { kind: "float" };
    if (/^\d+$/.test(t)) return { kind: "integer" };
    if (t.startsWith("'")) {
      const values = [t.slice(1, -1)];
      while (peek() === "|") {
        next();
        values.push(next().slice(1, -1));
      }
      // boto3 writes 'string' for a free string and the values themselves for an enum.
      return values.length === 1 && values[0] === "string" ? { kind: "string" } : { kind: "enum", values };
    }
    throw new Error(`response syntax: unexpected ${t}`);
  };
  const root = value();
  if (i !== tokens.length) throw new Error(`response syntax: ${tokens.length - i} tokens left over`);
  return root;
}

/** The keyword parameters of the request syntax, e.g. DataSetId='string'. */
export function requestParameters(page: string): string[] {
  const text = literalBlock(page, "**Request Syntax**");
  return [...text.matchAll(/^ {10}(\w+)=/gm)].map((m) => m[1] as string);
}

/**
 * The descriptions of the Response Structure section, keyed by member path from the response
 * ("Jobs/[]/Arn"; "[]" is a list's item, whose description is its structure's).
 */
export function responseDescriptions(page: string): Map<string, string> {
  const lines = page.slice(page.indexOf("**Response Structure**")).split("\n");
  const bullet = /^(\s*)- (?:\*\*(\w+)\*\* )?\*\((\w+)\) --\*\s*$/;
  const found = new Map<string, string>();
  const stack: { indent: number; segment: string }[] = [];
  for (let n = 0; n < lines.length; n++) {
    const m = bullet.exec(lines[n] as string);
    if (!m) continue;
    const indent = (m[1] as string).length;
    while (stack.length > 0 && (stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    stack.push({ indent, segment: m[2] ?? "[]" });
    const paragraph: string[] = [];
    for (let k = n + 1; k < lines.length && !bullet.test(lines[k] as string); k++)
      paragraph.push((lines[k] as string).trim());
    const description = paragraph
      .join("\n")
      .trim()
      .replace(/\s*\n\s*\n\s*/g, "\n\n")
      .replace(/[ \t]+/g, " ");
    // The first bullet is the response itself.
    const path = stack
      .slice(1)
      .map((s) => s.segment)
      .join("/");
    if (path !== "" && description !== "") found.set(path, description);
  }
  return found;
}

/** The facts file's enum lists, in model order: name -> values. */
export function factEnums(facts: string): Map<string, string[]> {
  const section = facts.slice(facts.indexOf("### Enums"), facts.indexOf("###", facts.indexOf("### Enums") + 3));
  // Join wrapped lines ("  VALUE, ...") to the item they continue.
  const items = section
    .split("\n")
    .slice(1)
    .reduce<string[]>((acc, line) => {
      if (/^- /.test(line)) acc.push(line.slice(2));
      else if (/^ {2}- /.test(line)) acc.push(`\t${line.trim().slice(2)}`);
      else if (/^ {2}\S/.test(line) && acc.length > 0) acc[acc.length - 1] += ` ${line.trim()}`;
      return acc;
    }, []);
  const enums = new Map<string, string[]>();
  let last: string[] = [];
  for (const item of items) {
    if (item.startsWith("\t")) {
      // A sub-bullet: `"value" (name)`.
      last.push((/^\t"([^"]+)"/.exec(item) as RegExpExecArray)[1] as string);
      continue;
    }
    const m = /^`(\w+)`[^:]*:\s*(.*)$/.exec(item);
    if (!m) continue;
    last = [];
    enums.set(m[1] as string, last);
    const list = m[2] as string;
    if (list === "") continue;
    for (const entry of list.split(/,\s*/))
      last.push((/^"([^"]+)"/.exec(entry) ?? (/^(\w+)/.exec(entry) as RegExpExecArray))[1] as string);
  }
  return enums;
}
