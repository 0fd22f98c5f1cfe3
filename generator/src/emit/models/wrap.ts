/** Longest line the models emitter aims for; doc comments are wrapped to fit it. */
export const MAX_LINE = 100;

/**
 * Lays out (already escaped) documentation for a doc comment at `indent` spaces: kept on one line
 * when `/** text *\/` fits, else wrapped at spaces so that ` * text` lines fit. Paragraph breaks are
 * kept; a list item's continuation lines are indented under its text. Words longer than a line
 * (URLs) are never split.
 */
export function layoutDoc(text: string, indent: number): string {
  if (!text.includes("\n") && indent + text.length + "/**  */".length <= MAX_LINE) return text;
  const width = MAX_LINE - indent - " * ".length;
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, width))
    .join("\n");
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const hanging = /^- /.test(line) ? "  " : "";
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = hanging + word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}
