import { lookup } from "../../ir/lookup.js";
import type { Ir, IrMember, IrShape } from "../../ir/types.js";
import { inBody, payloadMember } from "./body.js";
import { lit } from "./syntax.js";

/**
 * wire.gen.ts: the TypeScript types of the wire form (the JSON body, as schemas/wire.gen.json
 * describes it, strict), one per structure, union, list, map and enum (scalars and timestamps are
 * written in place at each member: a timestamp's wire form belongs to the member):
 * what `checkX` and Ajv's `validateX` narrow to. Members by their wire
 * names; an optional member may be null (absent); a union lists its members as optional (the rule
 * that exactly one is set is checked, not typed). Types only: the module has no run-time code.
 */
export function renderWireTypes(ir: Ir): string {
  const look = lookup(ir);
  const target = (m: IrMember): IrShape => look.shape(m.target);

  const memberType = (m: IrMember): string => {
    const t = target(m);
    if (t.kind === "timestamp")
      return (m.timestampFormat ?? t.format ?? "epoch-seconds") === "epoch-seconds" ? "number" : "string";
    // a member's own range makes a float a finite number (the schema's `type: "number"` beside the $ref)
    if (
      t.kind === "number" &&
      (t.type === "float" || t.type === "double") &&
      !t.constraints.range &&
      m.constraints.range
    )
      return "number";
    return scalar(t) ?? t.name;
  };

  /** Strings, numbers, booleans, blobs and documents are written in place (as @dx/models does; the prelude's names would collide). */
  const scalar = (s: IrShape): string | undefined => {
    switch (s.kind) {
      case "string":
      case "blob":
        return "string";
      case "boolean":
        return "boolean";
      case "document":
        return "unknown";
      case "number":
        return (s.type === "float" || s.type === "double") && !s.constraints.range
          ? '(number | "NaN" | "Infinity" | "-Infinity")'
          : "number";
      default:
        return undefined;
    }
  };

  const shapeType = (s: IrShape): string | undefined => {
    switch (s.kind) {
      case "structure":
      case "union": {
        const payload = payloadMember(s, target);
        if (payload) return `${memberType(payload)}${payload.required ? "" : " | null"}`;
        const union = s.kind === "union";
        const lines = s.members
          .filter((m) => inBody(m, target(m)))
          .map((m) =>
            union || !m.required
              ? `  ${lit(m.jsonName)}?: ${memberType(m)} | null;`
              : `  ${lit(m.jsonName)}: ${memberType(m)};`,
          );
        return lines.length ? `{\n${lines.join("\n")}\n}` : "{}";
      }
      case "list":
        return s.sparse ? `(${memberType(s.member)} | null)[]` : `${memberType(s.member)}[]`;
      case "map":
        return `{ [key: string]: ${memberType(s.value)}${s.sparse ? " | null" : ""} }`;
      case "enum":
      case "intEnum":
        if (s.values.length === 0) return s.kind === "enum" ? "string" : "number";
        // one value a line when many (the layout policy: no very long generated lines)
        return s.values.length > 8
          ? s.values.map((v) => `\n  | ${lit(v.value)}`).join("")
          : s.values.map((v) => lit(v.value)).join(" | ");
      case "unit":
        return "{ [key: string]: never }";
      default:
        return undefined; // scalars and timestamps: in place, at each member
    }
  };

  const out = [
    "// The wire form (the JSON body the service sends) of every shape, as types: what checkX and the",
    "// Ajv standalone validateX narrow to (each named like its model type in @dx/models). Types only.",
    "",
  ];
  for (const s of ir.shapes) {
    // (an event stream has its checkers too: checked as the union it is, when called directly)
    const type = shapeType(s);
    if (type === undefined) continue;
    out.push(
      type.startsWith("{\n") || type === "{}"
        ? `export interface ${s.name} ${type}`
        : `export type ${s.name} = ${type};`,
    );
  }
  return `${out.join("\n")}\n`;
}
