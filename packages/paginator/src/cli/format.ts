/** Output as the AWS CLI writes it: `--output json` (4-space indent, datetimes in Python's isoformat) and a plain `--output table`. */

/** The AWS CLI prints datetimes with `datetime.isoformat()`: `2024-01-02T03:04:05.123000+00:00` (no fraction when it is zero). */
export function awsCliTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2024-01-02T03:04:05.123Z
  const ms = date.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms === 0 ? "" : `.${String(ms).padStart(3, "0")}000`}+00:00`;
}

/** JSON-ready copy: Dates become AWS CLI timestamps. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return awsCliTimestamp(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export function formatJson(value: unknown): string {
  return `${JSON.stringify(plain(value), null, 4) ?? "null"}\n`;
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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const total = rule.length - 4;
  const titleLine = `| ${title.padStart(Math.floor((total + title.length) / 2)).padEnd(total)} |`;
  const nextToken =
    isRecord(data) && typeof data["NextToken"] === "string" && list !== undefined
      ? [`NextToken: ${data["NextToken"]}`]
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
  return typeof value === "string" ? value : JSON.stringify(value);
}
