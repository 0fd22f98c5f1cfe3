import { getLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Diagnostic } from "../diagnostics.js";
import { pointer } from "../diagnostics.js";

/** A parsed spec file that can map JSON pointers back to line and column. */
export interface ParsedFile {
  file: string;
  value: unknown;
  /** Line and column of the node at a pointer (or of its nearest existing ancestor). */
  locate(ptr: string): { line: number; column: number };
}

/**
 * Parses strict JSON. The fast path is JSON.parse; the position tree (jsonc-parser) is built only
 * when a diagnostic needs a line and column, so a clean run pays nothing for it.
 */
export function parseJsonFile(file: string, text: string): ParsedFile | Diagnostic {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed(file, text);
  }
  let tree: Node | undefined;
  let lines: number[] | undefined;
  return {
    file,
    value,
    locate(ptr) {
      tree ??= parseTree(text) as Node;
      lines ??= lineStarts(text);
      const path = ptr === "" ? [] : ptr.slice(1).split("/").map(unescape);
      const node = deepestNode(tree, path);
      // A property's key is the most useful place to point at, not its value.
      const at = node.parent?.type === "property" ? node.parent : node;
      return position(lines, at.offset);
    },
  };
}

/**
 * The node at `path`, or its nearest existing ancestor. Segments index arrays by number and objects
 * by key (jsonc-parser's findNodeAtLocation would need the caller to know which is which).
 */
function deepestNode(root: Node, path: readonly string[]): Node {
  let node = root;
  for (const segment of path) {
    let next: Node | undefined;
    if (node.type === "array" && /^(0|[1-9][0-9]*)$/.test(segment)) next = node.children?.[Number(segment)];
    else if (node.type === "object")
      next = node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
    if (!next) break;
    node = next;
  }
  return node;
}

function malformed(file: string, text: string): Diagnostic {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const offset = first?.offset ?? 0;
  const { line, column } = position(lineStarts(text), offset);
  const path = getLocation(text, offset).path.filter((s) => s !== "");
  return {
    file,
    pointer: pointer(...path),
    line,
    column,
    message: `malformed JSON: ${first ? describe(printParseErrorCode(first.error)) : "unexpected content"}`,
  };
}

function describe(code: string): string {
  // "CommaExpected" -> "comma expected"
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
