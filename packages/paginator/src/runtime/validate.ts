import type { PageDrift, PaginatorOptions, ValidatorDrift, ValidatorOptions } from "./types.js";

/** What the runtime needs of an operation's validators. */
export interface PageValidators<Output> {
  parse(json: unknown, options?: ValidatorOptions): Output;
  assert(value: unknown, options?: ValidatorOptions): asserts value is Output;
}

/**
 * Turns a response into a typed page, as the options ask: "tolerant" (default) and "strict" go through
 * the validators; "off" trusts model-form pages as they are. Wire-form pages are always parsed, since
 * their timestamps must become Dates, but with "off" drift is not reported.
 */
export function pageValidator<Output>(
  validators: PageValidators<Output>,
  form: "model" | "wire",
  options: PaginatorOptions,
): (response: unknown, page: number) => Output {
  const mode = options.validation ?? "tolerant";
  const drifts = new DriftLog(mode === "off" ? undefined : options.onDrift);
  let page = 0;
  // Without a listener, drift is not looked for at all: the walk that finds it costs a second pass over the page.
  const validatorOptions: ValidatorOptions = {
    mode: mode === "strict" ? "strict" : "tolerant",
    ...(options.onDrift !== undefined &&
      mode !== "off" && { onDrift: (drift: ValidatorDrift) => drifts.report(drift, page) }),
  };
  if (form === "wire") {
    return (response, n) => {
      page = n;
      return validators.parse(response, validatorOptions);
    };
  }
  if (mode === "off") return (response) => trusted<Output>(response);
  return (response, n) => {
    page = n;
    validators.assert(response, validatorOptions);
    return response;
  };
}

/** validation "off": the caller vouches for the transport, so the response is taken as the page type. */
function trusted<Output>(response: unknown): Output {
  return response as Output;
}

/**
 * Reports each drift once per run: an unknown member, or a value outside a constraint, once per path
 * (array indexes as `*`), with the first value seen; an unknown enum value once per path and value. The
 * keys kept are bounded by the spec's paths and the distinct enum values seen, never by the number of
 * pages or items.
 */
class DriftLog {
  private readonly seen = new Set<string>();
  constructor(private readonly onDrift: ((drift: PageDrift) => void) | undefined) {}

  report(drift: ValidatorDrift, page: number): void {
    if (this.onDrift === undefined) return;
    const path = drift.pointer.replace(/\/\d+(?=\/|$)/g, "/*");
    const key =
      drift.kind !== "unknown-enum-value"
        ? `${drift.kind}\u0000${path}`
        : `${drift.kind}\u0000${path}\u0000${typeof drift.value === "string" ? drift.value : stableJson(drift.value)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const expected = drift.expected === undefined ? {} : { expected: drift.expected };
    this.onDrift({ path, pointer: drift.pointer, kind: drift.kind, value: drift.value, ...expected, page });
  }
}

function stableJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) =>
        v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : v,
      ) ?? "undefined"
    );
  } catch {
    return String(value);
  }
}
