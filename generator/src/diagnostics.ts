/** A problem found in a spec, located by file and JSON pointer. */
export interface Diagnostic {
  /** Spec file as given on the command line (or "(command line)"). */
  file: string;
  /** RFC 6901 JSON pointer into that file; "" for the whole document. */
  pointer: string;
  message: string;
  /** 1-based position, filled in when the file's text is known. */
  line?: number;
  column?: number;
}

/** Thrown by a pipeline stage that found problems; carries all of them. */
export class SpecError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    super(sorted.map(formatDiagnostic).join("\n"));
    this.name = "SpecError";
    this.diagnostics = sorted;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  return `${where} ${d.pointer === "" ? "/" : d.pointer}: ${d.message}`;
}

/** Stable order: by file, then position, then pointer, then message. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.pointer, b.pointer) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a JSON pointer from raw path segments, escaping "~" and "/". */
export function pointer(...segments: (string | number)[]): string {
  let out = "";
  for (const s of segments) {
    const text = String(s);
    out += `/${text.includes("~") || text.includes("/") ? text.replace(/~/g, "~0").replace(/\//g, "~1") : text}`;
  }
  return out;
}
