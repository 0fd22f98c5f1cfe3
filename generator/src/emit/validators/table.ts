import type { Ir, IrMember, IrShape } from "../../ir/types.js";

/**
 * The shape table of the runtime walkers (see packages/validators/src/runtime/table.ts): for each
 * shape that conversion or drift must enter, its members and targets. A target is a shape name, a
 * codec token (`@date-time`, `@epoch-seconds`, `@http-date`, `@blob`, `@double`) or null (inert).
 */
type Target = string | null;
type Entry =
  | { kind: "structure" | "union"; convert: boolean; members: [string, string, Target][] }
  | { kind: "list"; convert: boolean; item: Target }
  | { kind: "map"; convert: boolean; value: Target; keys?: string[] }
  | { kind: "enum"; values: (string | number)[] };

export function buildTable(ir: Ir): Record<string, Entry> {
  const shapes = new Map(ir.shapes.map((s) => [s.id, s]));
  const table: Record<string, Entry> = {};
  const converting = new Map<string, boolean>();

  const shapeOf = (id: string): IrShape => {
    const s = shapes.get(id);
    if (!s) throw new Error(`IR has no shape ${id}`);
    return s;
  };

  /** The target of a member; registers the target's entry when it has one. */
  const target = (m: IrMember): Target => {
    const s = shapeOf(m.target);
    switch (s.kind) {
      case "timestamp":
        return `@${m.timestampFormat ?? s.format ?? "epoch-seconds"}`;
      case "blob":
        return "@blob";
      case "number":
        return (s.type === "float" || s.type === "double") && !s.constraints.range && !m.constraints.range
          ? "@double"
          : null;
      case "structure":
      case "union":
      case "enum":
      case "intEnum":
      case "list":
      case "map":
        return entry(s) ? s.name : null;
      default:
        return null;
    }
  };

  const convertsTarget = (t: Target): boolean => t !== null && (t.startsWith("@") || (converting.get(t) ?? false));

  /** Adds the shape's entry (unless inert) and says whether it has one. Cycles only pass through structures and unions. */
  function entry(s: IrShape): boolean {
    if (s.name in table) return true;
    switch (s.kind) {
      case "enum":
      case "intEnum":
        table[s.name] = { kind: "enum", values: s.values.map((v) => v.value) };
        return true;
      case "structure":
      case "union": {
        // A member whose wire name (jsonName) differs from its model name is renamed by the conversion.
        const renames = s.members.some((m) => m.name !== m.jsonName);
        const e: Entry = { kind: s.kind, convert: renames, members: [] };
        table[s.name] = e;
        converting.set(s.name, renames);
        e.members = s.members.map((m) => [m.name, m.jsonName, target(m)]);
        return true;
      }
      case "list": {
        const item = target(s.member);
        if (item === null) return false;
        table[s.name] = { kind: "list", convert: false, item };
        return true;
      }
      case "map": {
        const value = target(s.value);
        const key = shapeOf(s.key.target);
        const keys = key.kind === "enum" ? key.values.map((v) => v.value) : undefined;
        if (value === null && !keys) return false;
        table[s.name] = { kind: "map", convert: false, value, ...(keys && { keys }) };
        return true;
      }
      default:
        return false;
    }
  }

  for (const s of ir.shapes) entry(s);
  // Whether a shape converts is a fixpoint over the (possibly cyclic) graph of entries.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, e] of Object.entries(table)) {
      if (e.kind === "enum" || e.convert) continue;
      const inner = e.kind === "list" ? [e.item] : e.kind === "map" ? [e.value] : e.members.map((m) => m[2]);
      if (inner.some(convertsTarget)) {
        e.convert = true;
        converting.set(name, true);
        changed = true;
      }
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function renderTable(ir: Ir): string {
  const table = buildTable(ir);
  const lines = Object.entries(table).map(([name, e]) => `  ${JSON.stringify(name)}: ${JSON.stringify(e)},`);
  return [
    'import type { ShapeTable } from "../runtime/table.js";',
    "",
    "/** What the conversion and drift walkers need of each shape; see runtime/table.ts. */",
    "export const table: ShapeTable = {",
    ...lines,
    "};",
    "",
  ].join("\n");
}
