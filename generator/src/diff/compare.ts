import type { Ir, IrConstraints, IrDeprecated, IrMember, IrOperation, IrShape } from "../ir/types.js";
import { sortChanges, type Change, type Severity } from "./changes.js";

/**
 * Every difference between two IRs that a consumer of the generated packages can notice, classified
 * by smithy-diff's rules. Shapes and operations are matched by absolute id, members by name and enum
 * values by their wire value, so reordering alone is no change.
 */
export function diffIr(before: Ir, after: Ir): Change[] {
  const out = new Collector();
  diffService(out, before, after);
  diffById(out, before.operations, after.operations, "operation", diffOperation);
  diffById(out, before.shapes, after.shapes, "shape", diffShape);
  return sortChanges(out.changes);
}

class Collector {
  readonly changes: Change[] = [];
  add(severity: Severity, rule: string, subject: string, message: string): void {
    this.changes.push({ severity, rule, subject, message });
  }
}

function diffById<T extends { id: string }>(
  out: Collector,
  before: readonly T[],
  after: readonly T[],
  noun: "shape" | "operation",
  diffOne: (out: Collector, a: T, b: T) => void,
): void {
  const next = new Map(after.map((x) => [x.id, x]));
  const prev = new Map(before.map((x) => [x.id, x]));
  const Noun = noun === "shape" ? "Shape" : "Operation";
  for (const [id, a] of prev) {
    const b = next.get(id);
    if (b === undefined) out.add("breaking", `Removed${Noun}`, id, `${noun} removed`);
    else diffOne(out, a, b);
  }
  for (const id of next.keys()) if (!prev.has(id)) out.add("additive", `Added${Noun}`, id, `${noun} added`);
}

function diffService(out: Collector, before: Ir, after: Ir): void {
  const [a, b] = [before.service, after.service];
  if (a.id !== b.id) out.add("breaking", "ServiceRename", b.id, `service renamed from ${a.id}`);
  // Another protocol changes every wire name, timestamp default and HTTP binding at once.
  if (a.protocol !== b.protocol) out.add("breaking", "ChangedProtocol", b.id, `protocol ${a.protocol} → ${b.protocol}`);
  if (a.version !== b.version)
    out.add("documentation", "ChangedServiceVersion", b.id, `API version ${a.version} → ${b.version}`);
  diffDocs(out, b.id, a, b);
}

function diffOperation(out: Collector, a: IrOperation, b: IrOperation): void {
  const id = b.id;
  for (const io of ["input", "output"] as const) {
    if (a[io] !== b[io]) {
      const rule = `ChangedOperation${io === "input" ? "Input" : "Output"}`;
      out.add("breaking", rule, id, `${io} changed from ${a[io] ?? "Unit"} to ${b[io] ?? "Unit"}`);
    }
  }
  for (const e of a.errors)
    if (!b.errors.includes(e)) out.add("breaking", "RemovedOperationError", id, `error ${e} removed`);
  for (const e of b.errors)
    if (!a.errors.includes(e)) out.add("additive", "AddedOperationError", id, `error ${e} added`);
  if (!sameJson(a.http, b.http))
    out.add("breaking", "ChangedHttpTrait", id, `HTTP binding ${showHttp(a.http)} → ${showHttp(b.http)}`);
  if (!sameJson(a.pagination, b.pagination)) {
    // A new paginator is an addition; changing or dropping one changes what callers iterate over.
    const severity = a.pagination === undefined ? "additive" : "breaking";
    out.add(
      severity,
      "ChangedPaginatedTrait",
      id,
      `pagination ${a.pagination === undefined ? "added" : b.pagination === undefined ? "removed" : "changed"}`,
    );
  }
  if (a.readonly !== b.readonly)
    out.add("documentation", "ChangedReadonlyTrait", id, `@readonly ${b.readonly ? "added" : "removed"}`);
  diffDocs(out, id, a, b);
}

function diffShape(out: Collector, a: IrShape, b: IrShape): void {
  const id = b.id;
  const typeOf = (s: IrShape): string => (s.kind === "number" ? s.type : s.kind);
  if (typeOf(a) !== typeOf(b)) {
    out.add("breaking", "ChangedShapeType", id, `type changed from ${typeOf(a)} to ${typeOf(b)}`);
    return;
  }
  diffDocs(out, id, a, b);
  diffConstraints(out, id, a.constraints, b.constraints);
  if (a.kind === "structure" && b.kind === "structure") {
    if (a.error !== b.error)
      out.add("breaking", "ChangedErrorTrait", id, `@error ${a.error ?? "none"} → ${b.error ?? "none"}`);
    diffMembers(out, id, a.members, b.members, "structure");
  } else if (a.kind === "union" && b.kind === "union") {
    diffMembers(out, id, a.members, b.members, "union");
  } else if (a.kind === "list" && b.kind === "list") {
    diffSparse(out, id, a.sparse, b.sparse);
    diffMember(out, `${id}$member`, a.member, b.member);
  } else if (a.kind === "map" && b.kind === "map") {
    diffSparse(out, id, a.sparse, b.sparse);
    diffMember(out, `${id}$key`, a.key, b.key);
    diffMember(out, `${id}$value`, a.value, b.value);
  } else if (a.kind === "enum" && b.kind === "enum") {
    diffEnumValues(out, id, a.values, b.values);
  } else if (a.kind === "intEnum" && b.kind === "intEnum") {
    diffEnumValues(out, id, a.values, b.values);
  } else if (a.kind === "timestamp" && b.kind === "timestamp" && a.format !== b.format) {
    out.add(
      "breaking",
      "ChangedTimestampFormat",
      id,
      `@timestampFormat ${a.format ?? "default"} → ${b.format ?? "default"}`,
    );
  }
}

function diffMembers(
  out: Collector,
  id: string,
  before: readonly IrMember[],
  after: readonly IrMember[],
  kind: "structure" | "union",
): void {
  const next = new Map(after.map((m) => [m.name, m]));
  const prev = new Map(before.map((m) => [m.name, m]));
  for (const [name, a] of prev) {
    const b = next.get(name);
    if (b === undefined) out.add("breaking", "RemovedMember", `${id}$${name}`, `${kind} member removed`);
    else diffMember(out, `${id}$${name}`, a, b);
  }
  for (const [name, b] of next) {
    if (prev.has(name)) continue;
    // A new required member without a default breaks every caller that builds the structure.
    if (b.required && b.default === undefined)
      out.add("breaking", "AddedRequiredMember", `${id}$${name}`, "required member added");
    else
      out.add(
        "additive",
        "AddedMember",
        `${id}$${name}`,
        `${b.required ? "required member with a default" : "optional member"} added`,
      );
  }
}

function diffMember(out: Collector, subject: string, a: IrMember, b: IrMember): void {
  if (a.target !== b.target)
    out.add("breaking", "ChangedMemberTarget", subject, `target changed from ${a.target} to ${b.target}`);
  diffNullability(out, subject, a, b);
  if (a.jsonName !== b.jsonName)
    out.add("breaking", "ChangedJsonName", subject, `wire name "${a.jsonName}" → "${b.jsonName}"`);
  if (!sameJson(a.http, b.http))
    out.add("breaking", "ChangedHttpBinding", subject, `HTTP binding ${showJson(a.http)} → ${showJson(b.http)}`);
  if (a.timestampFormat !== b.timestampFormat) {
    out.add(
      "breaking",
      "ChangedTimestampFormat",
      subject,
      `timestamp format ${a.timestampFormat ?? "none"} → ${b.timestampFormat ?? "none"}`,
    );
  }
  diffConstraints(out, subject, a.constraints, b.constraints);
  diffDocs(out, subject, a, b);
}

/** smithy-diff's ChangedNullability and ChangedDefault: what was optional stays optional and vice versa. */
function diffNullability(out: Collector, subject: string, a: IrMember, b: IrMember): void {
  if (!a.required && b.required) out.add("breaking", "AddedRequiredTrait", subject, "member made required");
  if (a.required && !b.required && b.default === undefined)
    out.add("breaking", "RemovedRequiredTrait", subject, "member made optional without a default");
  if (!sameJson(a.default, b.default)) {
    // Only a @default that replaces @required keeps existing callers working.
    const replacesRequired = a.default === undefined && a.required && !b.required;
    out.add(
      replacesRequired ? "additive" : "breaking",
      "ChangedDefault",
      subject,
      `default ${showJson(a.default)} → ${showJson(b.default)}`,
    );
  }
}

function diffSparse(out: Collector, id: string, a: boolean, b: boolean): void {
  if (a !== b)
    out.add("breaking", b ? "AddedSparseTrait" : "RemovedSparseTrait", id, `@sparse ${b ? "added" : "removed"}`);
}

function diffEnumValues<V extends string | number>(
  out: Collector,
  id: string,
  before: readonly { key: string; value: V; documentation?: string; deprecated?: IrDeprecated }[],
  after: readonly { key: string; value: V; documentation?: string; deprecated?: IrDeprecated }[],
): void {
  const next = new Map(after.map((v) => [v.value, v]));
  const prev = new Map(before.map((v) => [v.value, v]));
  for (const [value, a] of prev) {
    const b = next.get(value);
    const subject = `${id}$${a.key}`;
    if (b === undefined)
      out.add("breaking", "RemovedEnumValue", subject, `enum value ${JSON.stringify(value)} removed`);
    else {
      if (a.key !== b.key)
        out.add("breaking", "ChangedEnumName", subject, `constant for ${JSON.stringify(value)} renamed to ${b.key}`);
      diffDocs(out, subject, a, b);
    }
  }
  for (const [value, b] of next) {
    if (!prev.has(value))
      out.add("additive", "AddedEnumValue", `${id}$${b.key}`, `enum value ${JSON.stringify(value)} added`);
  }
}

/**
 * Accepting fewer values breaks producers of that value (smithy-diff's ChangedLengthTrait and
 * ChangedRangeTrait are errors when min grows or max shrinks); accepting more is an addition.
 */
function diffConstraints(out: Collector, subject: string, a: IrConstraints, b: IrConstraints): void {
  for (const key of ["length", "range"] as const) {
    const change = compareBounds(a[key], b[key]);
    const rule = key === "length" ? "ChangedLengthTrait" : "ChangedRangeTrait";
    const message = `@${key} ${showBounds(a[key])} → ${showBounds(b[key])}`;
    if (change === "narrowed") out.add("breaking", rule, subject, `${message} (narrowed)`);
    else if (change === "widened") out.add("additive", rule, subject, `${message} (widened)`);
  }
  if (a.pattern !== b.pattern) {
    // Nothing says a new pattern accepts every string the old one did, so only removing one is safe.
    const severity = b.pattern === undefined ? "additive" : "breaking";
    out.add(severity, "ChangedPatternTrait", subject, `@pattern ${showJson(a.pattern)} → ${showJson(b.pattern)}`);
  }
  if (Boolean(a.uniqueItems) !== Boolean(b.uniqueItems)) {
    out.add(
      b.uniqueItems ? "breaking" : "additive",
      "ChangedUniqueItemsTrait",
      subject,
      `@uniqueItems ${b.uniqueItems ? "added" : "removed"}`,
    );
  }
}

type Bounds = { min?: number; max?: number } | undefined;

/** "narrowed" when any side got tighter (even if the other loosened), "widened" when only looser. */
export function compareBounds(a: Bounds, b: Bounds): "narrowed" | "widened" | "same" {
  const lo = (x: Bounds): number => x?.min ?? -Infinity;
  const hi = (x: Bounds): number => x?.max ?? Infinity;
  if (lo(b) > lo(a) || hi(b) < hi(a)) return "narrowed";
  if (lo(b) < lo(a) || hi(b) > hi(a)) return "widened";
  return "same";
}

function diffDocs(
  out: Collector,
  subject: string,
  a: { documentation?: string; deprecated?: IrDeprecated },
  b: { documentation?: string; deprecated?: IrDeprecated },
): void {
  if (a.documentation !== b.documentation)
    out.add("documentation", "ChangedDocumentation", subject, "documentation changed");
  if (Boolean(a.deprecated) !== Boolean(b.deprecated)) {
    out.add("documentation", "ChangedDeprecatedTrait", subject, `@deprecated ${b.deprecated ? "added" : "removed"}`);
  } else if (!sameJson(a.deprecated, b.deprecated)) {
    out.add("documentation", "ChangedDeprecatedTrait", subject, "@deprecated message or since changed");
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function showJson(v: unknown): string {
  return v === undefined ? "none" : JSON.stringify(v);
}

function showBounds(b: Bounds): string {
  return b === undefined ? "none" : `${b.min ?? ""}..${b.max ?? ""}`;
}

function showHttp(h: IrOperation["http"]): string {
  return h === undefined ? "none" : `${h.method} ${h.uri} ${h.code}`;
}
