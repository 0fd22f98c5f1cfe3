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

/** Deeper nesting than this is reported, not parsed: no Smithy model comes close, and every later stage may recurse. */
export const MAX_JSON_DEPTH = 256;

/**
 * Parses strict JSON. The fast path is JSON.parse; the position tree (jsonc-parser) is built only
 * when a diagnostic needs a line and column, so a clean run pays nothing for it. A UTF-8 byte order
 * mark is skipped. Before anything recursive runs, one linear scan reports nesting deeper than
 * MAX_JSON_DEPTH and duplicate keys (which JSON.parse would silently resolve to the last one).
 */
export function parseJsonFile(file: string, raw: string): ParsedFile | Diagnostic | Diagnostic[] {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let lines: number[] | undefined;
  const at = (offset: number): { line: number; column: number } => position((lines ??= lineStarts(text)), offset);
  const scan = scanJson(text);
  if (scan.tooDeep)
    return {
      file,
      pointer: scan.tooDeep.pointer,
      ...at(scan.tooDeep.offset),
      message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed(file, text);
  }
  if (scan.duplicates.length > 0)
    return scan.duplicates.map((d) => ({
      file,
      pointer: d.pointer,
      ...at(d.offset),
      message: `duplicate key ${JSON.stringify(d.key)}: JSON keeps only the last, so an earlier definition would be lost`,
    }));
  let tree: Node | undefined;
  return {
    file,
    value,
    locate(ptr) {
      tree ??= parseTree(text) as Node;
      const path = ptr === "" ? [] : ptr.slice(1).split("/").map(unescape);
      const node = deepestNode(tree, path);
      // A property's key is the most useful place to point at, not its value.
      const where = node.parent?.type === "property" ? node.parent : node;
      return at(where.offset);
    },
  };
}

/** The offset of `needle` at or after `from`, or +Infinity. */
function indexFrom(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
}

interface Scan {
  tooDeep?: { offset: number; pointer: string };
  duplicates: { key: string; offset: number; pointer: string }[];
}

/**
 * One pass over the text with an explicit stack (no recursion): the first point deeper than
 * MAX_JSON_DEPTH, and every key repeated in its object. Tolerates malformed text (JSON.parse reports it).
 */
function scanJson(text: string): Scan {
  // Each frame knows its parent and its key in it; a pointer is built only for a finding.
  type Frame = { parent?: Frame; at: string | number; keys?: Set<string>; index: number; expectKey: boolean };
  const pathOf = (frame: Frame | undefined, last: string | number): string => {
    const segments: (string | number)[] = [last];
    for (let f = frame; f?.parent !== undefined; f = f.parent) segments.push(f.at);
    return pointer(...segments.reverse());
  };
  const stack: Frame[] = [];
  const duplicates: Scan["duplicates"] = [];
  let lastKey: string | undefined;
  let nextLf = -1;
  let nextCr = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      // The string ends at the next quote or line break not escaped by an odd run of backslashes: a
      // line break ends it as jsonc-parser's scanner does, so both agree on what is inside a string
      // (and so on the nesting the locator will recurse through) even in malformed text.
      for (let from = i + 1; ; ) {
        const q = text.indexOf('"', from);
        // Each next-break position is searched again only once passed: linear in the text.
        if (nextLf < from) nextLf = indexFrom(text, "\n", from);
        if (nextCr < from) nextCr = indexFrom(text, "\r", from);
        const end = Math.min(q < 0 ? Number.POSITIVE_INFINITY : q, nextLf, nextCr);
        if (end === Number.POSITIVE_INFINITY) {
          i = text.length;
          break;
        }
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) {
          i = end === q ? end : end - 1;
          break;
        }
        from = end + 1;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const rawKey = text.slice(start + 1, i);
        let key = rawKey;
        if (rawKey.includes("\\")) {
          try {
            key = JSON.parse(`"${rawKey}"`) as string;
          } catch {
            key = rawKey;
          }
        }
        if (top.keys.has(key)) duplicates.push({ key, offset: start, pointer: pathOf(top, key) });
        top.keys.add(key);
        top.expectKey = false;
        lastKey = key;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const at = parent === undefined ? "" : parent.keys ? (lastKey ?? "") : parent.index;
      if (stack.length >= MAX_JSON_DEPTH)
        return { tooDeep: { offset: i, pointer: parent === undefined ? "" : pathOf(parent, at) }, duplicates };
      const frame: Frame = { at, index: 0, expectKey: c === 0x7b };
      if (parent !== undefined) frame.parent = parent;
      if (c === 0x7b) frame.keys = new Set();
      stack.push(frame);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top) {
        top.index++;
        if (top.keys) top.expectKey = true;
      }
    }
  }
  return { duplicates };
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
  let path: (string | number)[] = [];
  try {
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    path = getLocation(text, errors[0]?.offset ?? 0).path.filter((s) => s !== "");
  } catch {
    // jsonc-parser recurses; the scan before it keeps nesting shallow, and should it still overflow,
    // the problem is reported at the first error found, or at the start.
  }
  const first = errors[0];
  const offset = first?.offset ?? 0;
  const { line, column } = position(lineStarts(text), offset);
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
