const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Normalises documentation once for every emitter. AWS models write it as HTML; this keeps the text,
 * turns paragraphs and list items into lines, code into backticks, and collapses whitespace, so the
 * same sentence reads the same whether the spec holds HTML or plain text.
 */
export function normalizeDocs(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const text = raw
    .replace(/<\/?(p|div|br|ul|ol)\b[^<>]*>/gi, "\n\n")
    .replace(/<li\b[^<>]*>/gi, "\n\n- ")
    .replace(/<\/?code\b[^<>]*>/gi, "`")
    .replace(/<[^<>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] === "#")
        return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? whole;
    });
  const paragraphs: string[] = [];
  for (const p of text.split(/\n\s*\n/)) {
    const line = p.replace(/\s+/g, " ").trim();
    if (line === "") continue;
    // AWS writes list items as <li><p>…</p></li>: the item's text is a paragraph of its own, which
    // would leave a bare "-" (an empty bullet) before it. Keep the text on its bullet; a bullet
    // followed by another (a nested list) is dropped.
    if (paragraphs[paragraphs.length - 1] === "-") paragraphs[paragraphs.length - 1] = line === "-" ? "-" : `- ${line}`;
    else paragraphs.push(line);
  }
  return paragraphs.length > 0 ? paragraphs.join("\n\n") : undefined;
}
