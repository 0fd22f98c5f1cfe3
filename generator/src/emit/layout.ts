/**
 * The one layout policy of generated code, for every emitter: lines within MAX_LINE where the spec's
 * names allow it (doc comments wrapped, long lists one item a line), never a line of 1,000 characters
 * or more outside the compiled validators (Ajv's output, which no one reads).
 */

/** Longest line emitters aim for; doc comments are wrapped to fit it. */
export const MAX_LINE = 100;

/**
 * `import type { A, B } from "x";` (or `import { … }`), one name a line when one line would be
 * longer than MAX_LINE; names sorted.
 */
export function importLine(names: readonly string[], from: string, typeOnly = true): string {
  if (names.length === 0) return "";
  const sorted = [...names].sort();
  const keyword = typeOnly ? "import type" : "import";
  const line = `${keyword} { ${sorted.join(", ")} } from "${from}";`;
  return line.length <= MAX_LINE ? line : `${keyword} {\n${sorted.map((n) => `  ${n},`).join("\n")}\n} from "${from}";`;
}

/**
 * Lays out (already escaped) documentation for a doc comment at `indent` spaces: kept on one line
 * when `/** text *\/` fits, else wrapped at spaces so that ` * text` lines fit. Paragraph breaks are
 * kept; a list item's continuation lines are indented under its text. Words longer than a line
 * (URLs) are never split, and no line but a paragraph's first starts with a Markdown block marker.
 */
export function layoutDoc(text: string, indent: number): string {
  if (!text.includes("\n") && indent + text.length + "/**  */".length <= MAX_LINE) return text;
  const width = MAX_LINE - indent - " * ".length;
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, width))
    .join("\n");
}

/**
 * A word that Markdown reads as the start of a block when it starts a line, even inside a paragraph:
 * a bullet (`-`, `+`, `*`), a numbered item, a heading's `#`, a quote's `>`, a code fence, a
 * heading's underline (`===`, `---`), an HTML block. Editors render doc comments as Markdown, so a
 * wrapped line must not start with one: "3/2 - L, R" wrapped before "-" showed a bullet (MediaConvert).
 */
const BLOCK_START = /^(?:[-+*]|\d{1,9}[.)]|#{1,6}|>.*|`{3}.*|~{3}.*|=+|-+|<[A-Za-z/!?].*)$/;

/**
 * The line's words, a block-starting word joined to the word before it, so that a break never
 * comes before it (a line is longer than the width only where a word and such a word are).
 */
function unbreakableWords(line: string): string[] {
  const units: string[] = [];
  for (const word of line.split(" ")) {
    if (units.length > 0 && BLOCK_START.test(word)) units[units.length - 1] += ` ${word}`;
    else units.push(word);
  }
  return units;
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const hanging = /^- /.test(line) ? "  " : "";
  const lines: string[] = [];
  let current = "";
  for (const word of unbreakableWords(line)) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = hanging + word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}
