const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Elements that end a paragraph: HTML's block elements and the AWS models' own `<note>`, `<important>`
 * and `<fullname>`, so that `<dt>Term</dt><dd>Text</dd>` does not read "TermText".
 */
const BLOCK_TAG =
  /<\/?(p|div|br|ul|ol|dl|dt|dd|h[1-6]|pre|table|thead|tbody|tfoot|tr|blockquote|hr|section|note|important|fullname)\b[^<>]*>/gi;

/** Elements dropped with their text kept; any other `<word>` is text (a placeholder), not a tag. */
const INLINE_ELEMENTS = new Set(
  [
    "a abbr b big body caption code center cite col colgroup del dfn em emphasis font head html i img ins kbd label li literal mark programlisting",
    "q replaceable s samp small span strike strong sub sup td th title tt u userinput var wbr",
  ]
    .join(" ")
    .split(" "),
);

// Links and code are held as markers while tags are stripped: \0 index \1 text \2 for a link, \3 text
// \4 for code. Control characters that documentation never holds, so the spec's own are dropped first
// and entities do not make them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the markers' characters
const MARKER_CHARACTERS = /[\0-\x04]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a link's markers around its text
const MARKED_LINK = /\0(\d+)\x01([^\0\x02]*)\x02/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: code's markers around its text
const MARKED_CODE = /\x03([^\x03\x04]*)\x04/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a link's marker left without its pair
const LONE_LINK_MARKER = /\0\d+\x01|\x02/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a code marker left without its pair
const LONE_CODE_MARKER = /[\x03\x04]/g;

/**
 * Normalises documentation once for every emitter. AWS models write it as HTML; this keeps the text,
 * turns paragraphs and list items into lines, code into backticks, links into Markdown links (the
 * `[text](https://…)` that editors' hovers and JSON Schema viewers render), and collapses whitespace,
 * so the same sentence reads the same whether the spec holds HTML or plain text.
 */
export function normalizeDocs(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const hrefs: string[] = [];
  const text = raw
    .replace(MARKER_CHARACTERS, "")
    .replace(/<a\b([^<>]*)>/gi, (_, attributes: string) => {
      const href = linkTarget(attributes);
      if (href === undefined) return "";
      hrefs.push(href);
      return `\0${hrefs.length - 1}\x01`;
    })
    .replace(/<\/a\s*>/gi, "\x02")
    .replace(BLOCK_TAG, "\n\n")
    .replace(/<li\b[^<>]*>/gi, "\n\n- ")
    .replace(/<code\b[^<>]*>/gi, "\x03")
    .replace(/<\/code\s*>/gi, "\x04")
    // A tag starts with a letter (or is a comment): `<=>` in a list of punctuation is text. Only the
    // elements documentation is written with are tags: `<region>` in `arn:aws:iot:<region>:…` (IoT),
    // `<function name>` (Lambda) or `"Caption Selector <N>"` (MediaConvert) is a placeholder of the text.
    .replace(/<\/?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>|<![^<>]*>/g, (tag, name: string | undefined) =>
      name === undefined || INLINE_ELEMENTS.has(name.toLowerCase()) ? "" : tag,
    )
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, decodeEntity)
    .replace(MARKED_CODE, (_, code: string) => codeSpan(code))
    .replace(LONE_CODE_MARKER, "`")
    .replace(MARKED_LINK, (_, index: string, label: string) => markdownLink(hrefs[Number(index)] as string, label))
    .replace(LONE_LINK_MARKER, ""); // a link never closed, or a close without a link: its text stays
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

/** An entity's character; the entity as written when it names none (or a marker's control character). */
function decodeEntity(whole: string, entity: string): string {
  if (entity[0] !== "#") return ENTITIES[entity.toLowerCase()] ?? whole;
  const hex = entity[1] === "x" || entity[1] === "X";
  const code = parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
  return code > 0x04 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** Markdown code: fenced by more backticks than the longest run in it (SQS lists `` ` `` among its punctuation). */
function codeSpan(code: string): string {
  const longest = (code.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 && (code.startsWith("`") || code.endsWith("`")) ? " " : "";
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** The absolute http(s) or mailto target of an `<a>` tag's attributes; a relative one means nothing out of its page. */
function linkTarget(attributes: string): string | undefined {
  const match = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const href = (match?.[1] ?? match?.[2] ?? match?.[3] ?? "")
    .trim()
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, decodeEntity);
  if (!/^(https?:\/\/|mailto:)\S/i.test(href)) return undefined;
  // Markdown ends the target at a space or an unbalanced ")".
  return href.replace(/\s/g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/** `[label](href)`; the bare address when the label is empty or is the address; the label alone across paragraphs. */
function markdownLink(href: string, label: string): string {
  if (/\n\s*\n/.test(label)) return label;
  const text = label.replace(/\s+/g, " ").trim();
  return text === "" || text === href ? href : `[${text.replace(/[[\]\\]/g, "\\$&")}](${href})`;
}
