/**
 * Output as the AWS CLI v2 writes it: `--output json` (4-space indent, datetimes in Python's isoformat),
 * `--output text` (awscli/text.py's algorithm) and a plain `--output table`. Text and table escape
 * control characters in service data, so that a job's details cannot drive the terminal.
 */

/** The AWS CLI prints datetimes with `datetime.isoformat()`: `2024-01-02T03:04:05.123000+00:00` (no fraction when it is zero). */
export function awsCliTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2024-01-02T03:04:05.123Z
  const ms = date.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms === 0 ? "" : `.${String(ms).padStart(3, "0")}000`}+00:00`;
}

/** JSON-ready copy: Dates become AWS CLI timestamps; the SDK's `$metadata` is left out, as the AWS CLI does. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return awsCliTimestamp(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "$metadata")
        .map(([k, v]) => [k, plain(v)]),
    );
  return value;
}

export function formatJson(value: unknown): string {
  return `${JSON.stringify(plain(value), null, 4) ?? "null"}\n`;
}

/**
 * Control characters (C0, DEL, C1) as escapes: `\n`, `\r`, `\t`, else `\u001b` and the like. Other
 * text, backslashes included, is written as is.
 */
export function escapeControl(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** Python's `str()` of a JSON value, as awscli/text.py writes scalars. */
function pyStr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  return escapeControl(String(value));
}

const isScalar = (v: unknown): boolean => typeof v !== "object" || v === null;

/** awscli/text.py `format_text`: a port of its algorithm (sorted scalar columns, upper-cased identifiers). */
export function formatText(value: unknown): string {
  const out: string[] = [];
  formatTextInto(plain(value), out, undefined, undefined);
  return out.join("");
}

function formatTextInto(
  item: unknown,
  out: string[],
  identifier: string | undefined,
  scalarKeys: string[] | undefined,
): void {
  if (Array.isArray(item)) formatList(item, out, identifier);
  else if (typeof item === "object" && item !== null)
    formatDict(item as Record<string, unknown>, out, identifier, scalarKeys);
  else out.push(`${pyStr(item)}\n`);
}

function formatList(items: unknown[], out: string[], identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some((e) => typeof e === "object" && e !== null && !Array.isArray(e))) {
    const keys = new Set<string>();
    for (const e of items)
      if (typeof e === "object" && e !== null && !Array.isArray(e))
        for (const [k, v] of Object.entries(e)) if (isScalar(v)) keys.add(k);
    const allKeys = [...keys].sort(pySort);
    for (const e of items) formatTextInto(e, out, identifier, allKeys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const e of items.filter((x) => !isScalar(x))) formatTextInto(e, out, identifier, undefined);
  } else formatScalarList(items, out, identifier);
}

function formatScalarList(items: unknown[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) for (const i of items) out.push(`${identifier.toUpperCase()}\t${pyStr(i)}\n`);
  else out.push(`${items.map(pyStr).join("\t")}\n`);
}

function formatDict(
  item: Record<string, unknown>,
  out: string[],
  identifier: string | undefined,
  scalarKeys: string[] | undefined,
): void {
  const scalars: string[] = [];
  const nonScalars: [string, unknown][] = [];
  if (scalarKeys === undefined) {
    for (const [k, v] of Object.entries(item).sort(([a], [b]) => pySort(a, b))) {
      if (isScalar(v)) scalars.push(pyStr(v));
      else nonScalars.push([k, v]);
    }
  } else {
    for (const k of scalarKeys) scalars.push(Object.hasOwn(item, k) ? pyStr(item[k]) : "");
    for (const k of Object.keys(item)
      .filter((k) => !scalarKeys.includes(k))
      .sort(pySort))
      nonScalars.push([k, item[k]]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join("\t")}\n`);
  }
  for (const [k, v] of nonScalars) formatTextInto(v, out, escapeControl(k), undefined);
}

/** Python sorts strings by code point. */
function pySort(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A table in the spirit of the AWS CLI's: a title, then one row per item of the result's list (its
 * scalar members as columns; nested members as compact JSON), or key/value rows for an object.
 */
export function formatTable(title: string, value: unknown): string {
  const data = plain(value);
  const list = Array.isArray(data) ? data : listIn(data);
  let header: string[];
  let rows: string[][];
  if (list !== undefined) {
    const objects: Record<string, unknown>[] = list.map((item: unknown) => (isRecord(item) ? item : { Value: item }));
    header = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    rows = objects.map((o) => header.map((h) => cell(o[h])));
  } else if (isRecord(data)) {
    header = ["Key", "Value"];
    rows = Object.entries(data).map(([k, v]) => [k, cell(v)]);
  } else {
    header = ["Value"];
    rows = [[cell(data)]];
  }
  header = header.map(escapeControl);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const total = rule.length - 4;
  const titleLine = `| ${title.padStart(Math.floor((total + title.length) / 2)).padEnd(total)} |`;
  const nextToken =
    isRecord(data) && typeof data["NextToken"] === "string" && list !== undefined
      ? [`NextToken: ${escapeControl(data["NextToken"])}`]
      : [];
  return `${[rule, titleLine, rule, line(header), rule, ...rows.map(line), rule, ...nextToken].join("\n")}\n`;
}

function listIn(value: unknown): unknown[] | undefined {
  if (!isRecord(value)) return undefined;
  const lists = Object.values(value).filter(Array.isArray);
  return lists.length === 1 ? lists[0] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return escapeControl(typeof value === "string" ? value : JSON.stringify(value));
}
