import type { Ir, IrConstraints, IrDeprecated, IrMember, IrShape, IrTimestampFormat } from "../../ir/types.js";
import { type IrLookup, lookup } from "../../ir/lookup.js";
import { headerLines } from "../header.js";
import { inBody, payloadMember, unvalidated } from "./body.js";
import { usePattern } from "./patterns.js";

/**
 * IR → JSON Schema (draft 2020-12), one bundle per variant with a `$defs` entry per shape.
 * - form "wire": the JSON as the service sends it (restJson1: timestamps per their resolved format,
 *   blobs as base64, non-finite doubles as "NaN"/"Infinity"/"-Infinity");
 * - form "model": the in-memory value of @dx/models (Date, Uint8Array), using the `dxModel` keyword
 *   (checked by the validators), `tsType` (read by json-schema-to-typescript) and `dxNotInBody` (a
 *   member the wire form leaves out: bound to a header, the query, a label or the status code, or a
 *   streaming blob or event stream);
 * - mode "strict": unknown members and enum values, and values outside the constraints, are faults;
 *   "tolerant": they are allowed (the constraint keywords are left out);
 * - on the wire, an optional member may be null, which means absent (as the AWS SDKs read it).
 * With `annotate: false` the bundle has no documentation: that is the copy compiled into code.
 */
export type Form = "wire" | "model";
export type Mode = "strict" | "tolerant";

export interface Variant {
  form: Form;
  mode: Mode;
}

export type Schema = { [keyword: string]: unknown };

export const VARIANTS: readonly Variant[] = [
  { form: "wire", mode: "strict" },
  { form: "wire", mode: "tolerant" },
  { form: "model", mode: "strict" },
  { form: "model", mode: "tolerant" },
];

/** File stem of a variant: wire, wire-tolerant, model, model-tolerant. */
export function variantName(v: Variant): string {
  return v.mode === "strict" ? v.form : `${v.form}-tolerant`;
}

export function bundleId(ir: Ir, v: Variant): string {
  return `urn:dx:${ir.service.name}:${variantName(v)}`;
}

/** Integer widths of Smithy's number shapes (long and bigInteger are not bounded: JSON numbers carry them). */
const WIDTH: Readonly<Record<string, { min: number; max: number }>> = {
  byte: { min: -128, max: 127 },
  short: { min: -32768, max: 32767 },
  integer: { min: -2147483648, max: 2147483647 },
};

const NON_FINITE = ["NaN", "Infinity", "-Infinity"];

export function buildBundle(ir: Ir, v: Variant, annotate: boolean): Schema {
  const builder = new SchemaBuilder(lookup(ir), v, annotate);
  const defs: Schema = {};
  for (const shape of ir.shapes) {
    if (shape.kind === "timestamp") continue; // inlined per member: the wire format belongs to the member
    defs[shape.name] = builder.shape(shape);
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: bundleId(ir, v),
    ...(annotate && { $comment: [...headerLines(ir), DESCRIPTIONS[variantName(v)]].join(" ") }),
    $defs: defs,
  };
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  wire: "Wire form (JSON as the service sends it), strict: unknown members and enum values are rejected.",
  "wire-tolerant": "Wire form (JSON as the service sends it), tolerant: unknown members and enum values are accepted.",
  model:
    "Model form (in-memory values of @dx/models: timestamps as Date, blobs as Uint8Array; the dxModel keyword checks those), strict.",
  "model-tolerant": "Model form (in-memory values of @dx/models), tolerant.",
};

/** Warnings about spec constraints that the validators cannot use as written (one per shape or member). */
export function patternWarnings(ir: Ir): string[] {
  const warnings: string[] = [];
  const note = (where: string, c: IrConstraints): void => {
    const w = c.pattern === undefined ? undefined : usePattern(c.pattern).warning;
    if (w) warnings.push(`${where}: ${w}`);
  };
  for (const s of ir.shapes) {
    note(s.id, s.constraints);
    for (const m of members(s)) note(`${s.id}$${m.name}`, m.constraints);
  }
  return warnings;
}

/** A member's schema that also accepts null, documentation kept outside. */
function nullable(schema: Schema): Schema {
  const { description, deprecated, ...rest } = schema;
  return {
    ...(description !== undefined && { description }),
    ...(deprecated !== undefined && { deprecated }),
    anyOf: [rest, { type: "null" }],
  };
}

function members(s: IrShape): IrMember[] {
  switch (s.kind) {
    case "structure":
    case "union":
      return s.members;
    case "list":
      return [s.member];
    case "map":
      return [s.key, s.value];
    default:
      return [];
  }
}

class SchemaBuilder {
  constructor(
    private readonly shapes: IrLookup,
    private readonly v: Variant,
    private readonly annotate: boolean,
  ) {}

  private get strict(): boolean {
    return this.v.mode === "strict";
  }

  private target(id: string): IrShape {
    return this.shapes.shape(id);
  }

  private doc(schema: Schema, documentation: string | undefined, deprecated?: IrDeprecated): Schema {
    if (!this.annotate) return schema;
    return {
      ...(documentation !== undefined && { description: documentation }),
      ...(deprecated && { deprecated: true }),
      ...schema,
    };
  }

  shape(s: IrShape): Schema {
    const titled = (schema: Schema): Schema =>
      this.doc(this.annotate ? { title: s.name, ...schema } : schema, s.documentation, s.deprecated);
    switch (s.kind) {
      case "structure":
      case "union": {
        const union = s.kind === "union";
        const payload = payloadMember(s, (m) => this.target(m.target));
        if (this.v.form === "model") return titled(this.object(s.members, union, true, payload));
        // The wire form is the JSON body: a payload member is the body itself; members bound to
        // headers, the query, labels or the status code, streaming blobs and event streams are not in it.
        // (an absent optional payload is an empty body, written as null)
        if (payload) return titled(payload.required ? this.member(payload) : nullable(this.member(payload)));
        return titled(
          this.object(
            s.members.filter((m) => inBody(m, this.target(m.target))),
            union,
          ),
        );
      }
      case "list": {
        const item = this.member(s.member);
        return titled({
          type: "array",
          items: s.sparse ? { anyOf: [item, { type: "null" }] } : item,
          ...this.constraints("list", s.constraints),
        });
      }
      case "map": {
        const value = this.member(s.value);
        const keys = this.keySchema(s.key);
        return titled({
          type: "object",
          additionalProperties: s.sparse ? { anyOf: [value, { type: "null" }] } : value,
          ...(keys && { propertyNames: keys }),
          ...this.constraints("map", s.constraints),
        });
      }
      case "enum":
        return titled(this.strict ? { type: "string", enum: s.values.map((e) => e.value) } : { type: "string" });
      case "intEnum":
        return titled(this.strict ? { type: "integer", enum: s.values.map((e) => e.value) } : { type: "integer" });
      case "unit":
        return titled(this.strict ? { type: "object", additionalProperties: false } : { type: "object" });
      case "timestamp":
        return titled(this.timestamp(s.format ?? "epoch-seconds"));
      default:
        return titled(this.scalar(s, s.constraints));
    }
  }

  /** Strings, numbers, booleans, blobs and documents, with the constraints of the shape and member. */
  private scalar(s: IrShape, c: IrConstraints): Schema {
    switch (s.kind) {
      case "string":
        return { type: "string", ...this.constraints("string", c) };
      case "boolean":
        return { type: "boolean" };
      case "document":
        return {};
      case "blob":
        return this.v.form === "wire"
          ? { type: "string", ...(this.annotate && { contentEncoding: "base64" }), format: "byte" }
          : { dxModel: "bytes", ...(this.annotate && { tsType: "Uint8Array" }) };
      case "number": {
        const range = this.constraints("number", c);
        const width = WIDTH[s.type];
        if (s.type === "float" || s.type === "double") {
          if (c.range) return { type: "number", ...range }; // finite (tolerant: any finite number)
          // Without a range, a float may be NaN or infinite: restJson1 sends those as strings.
          return this.v.form === "wire"
            ? { anyOf: [{ type: "number" }, { enum: NON_FINITE }] }
            : { dxModel: "double", ...(this.annotate && { tsType: "number" }) };
        }
        const integer = s.type !== "bigDecimal";
        // The type's width always; @range only where constraints are checked (strict).
        const bounds = this.strict ? c.range : undefined;
        const min = Math.max(width?.min ?? -Infinity, bounds?.min ?? -Infinity);
        const max = Math.min(width?.max ?? Infinity, bounds?.max ?? Infinity);
        return {
          type: integer ? "integer" : "number",
          ...(min > -Infinity && { minimum: min }),
          ...(max < Infinity && { maximum: max }),
        };
      }
      default:
        throw new Error(`not a scalar shape: ${s.id}`);
    }
  }

  private timestamp(format: IrTimestampFormat): Schema {
    if (this.v.form === "model") return { dxModel: "date", ...(this.annotate && { tsType: "Date" }) };
    return format === "epoch-seconds" ? { type: "number" } : { type: "string", format };
  }

  private object(ms: readonly IrMember[], union: boolean, marks = false, payload?: IrMember): Schema {
    const wire = this.v.form === "wire";
    const key = (m: IrMember): string => (wire ? m.jsonName : m.name);
    const properties: Schema = {};
    for (const m of ms) {
      const schema = wire && (union || !m.required) ? nullable(this.member(m)) : this.member(m);
      const t = this.target(m.target);
      // The model form says which members the wire form (the JSON body) leaves out, and why.
      const out = marks && !inBody(m, t) && !(payload !== undefined && payload === m);
      const why = unvalidated(t) ? (t.kind === "blob" ? "streaming" : "event-stream") : (m.http?.location ?? "");
      properties[key(m)] = out ? { ...schema, dxNotInBody: why } : schema;
    }
    const required = union ? [] : ms.filter((m) => m.required).map(key);
    return {
      type: "object",
      properties,
      ...(required.length > 0 && { required }),
      ...(this.strict && { additionalProperties: false }),
      ...(union && (wire ? this.wireUnion(ms.map(key)) : this.modelUnion())),
    };
  }

  /**
   * A union's `__type` on the wire is not a member (the AWS SDKs drop it, as Smithy's
   * RestJsonDeserializeIgnoreType asks), unless a member has that name: any value, never a member set.
   */
  private static unionType(keys: readonly string[]): Schema {
    return keys.includes("__type") ? {} : { patternProperties: { "^__type$": true } };
  }

  /** A union has exactly one member set; tolerant mode allows a variant the spec does not know yet. */
  private modelUnion(): Schema {
    return { minProperties: 1, ...(this.strict && { maxProperties: 1 }) };
  }

  /**
   * On the wire, a union member that is null is not set: at least one member is not null (tolerant:
   * known or not) and, in strict mode, when one is set every other member is null.
   */
  private wireUnion(keys: readonly string[]): Schema {
    const set = (k: string): Schema => ({ required: [k], properties: { [k]: { not: { type: "null" } } } });
    const type = SchemaBuilder.unionType(keys);
    return {
      ...(this.strict && type),
      not: { ...type, additionalProperties: { type: "null" } },
      ...(this.strict && {
        allOf: keys.map((k) => ({
          if: set(k),
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords
          then: { properties: { [k]: true }, ...type, additionalProperties: { type: "null" } },
        })),
      }),
    };
  }

  /** A member: a `$ref` to its target (plus the member's own constraints), or inline for timestamps. */
  member(m: IrMember): Schema {
    const target = this.target(m.target);
    if (unvalidated(target)) return this.doc({}, m.documentation, m.deprecated); // not validated (see the README)
    if (target.kind === "timestamp")
      return this.doc(
        this.timestamp(m.timestampFormat ?? target.format ?? "epoch-seconds"),
        m.documentation,
        m.deprecated,
      );
    const own = this.memberConstraints(target, m.constraints);
    return this.doc({ $ref: `#/$defs/${target.name}`, ...own }, m.documentation, m.deprecated);
  }

  /** Constraints set on a member narrow its target's; they sit beside the `$ref` with the type they apply to. */
  private memberConstraints(target: IrShape, c: IrConstraints): Schema {
    if (Object.keys(c).length === 0) return {};
    switch (target.kind) {
      case "string":
        return { type: "string", ...this.constraints("string", c) };
      case "list":
        return { type: "array", ...this.constraints("list", c) };
      case "map":
        return { type: "object", ...this.constraints("map", c) };
      case "number":
        return c.range ? { type: "number", ...this.constraints("number", c) } : {};
      default:
        return {};
    }
  }

  private keySchema(key: IrMember): Schema | undefined {
    const target = this.target(key.target);
    if (target.kind === "enum") return this.strict ? { enum: target.values.map((e) => e.value) } : undefined;
    const c = { ...target.constraints, ...key.constraints };
    const schema = this.constraints("string", c);
    return Object.keys(schema).length > 0 ? { type: "string", ...schema } : undefined;
  }

  /** The constraint keywords (length, pattern, range, unique items): none in tolerant mode, which reports them as drift. */
  private constraints(kind: "string" | "list" | "map" | "number", c: IrConstraints): Schema {
    const out: Schema = {};
    if (!this.strict) return out;
    const [min, max] =
      kind === "string"
        ? ["minLength", "maxLength"]
        : kind === "list"
          ? ["minItems", "maxItems"]
          : ["minProperties", "maxProperties"];
    if (kind === "number") {
      if (c.range?.min !== undefined) out["minimum"] = c.range.min;
      if (c.range?.max !== undefined) out["maximum"] = c.range.max;
      return out;
    }
    if (c.length?.min !== undefined) out[min] = c.length.min;
    if (c.length?.max !== undefined) out[max] = c.length.max;
    if (kind === "string" && c.pattern !== undefined) {
      const use = usePattern(c.pattern);
      if (use.pattern !== undefined) out["pattern"] = use.pattern;
      if (use.warning && this.annotate) out["$comment"] = `The spec's ${use.warning}.`;
    }
    if (kind === "list" && c.uniqueItems) out["uniqueItems"] = true;
    return out;
  }
}
