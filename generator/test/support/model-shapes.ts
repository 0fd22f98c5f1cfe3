/**
 * The shapes of a random model (model-arbitrary.ts): simple shapes with constraints, enums, lists,
 * maps, structures, unions (recursive ones too) and their member traits, each only as Smithy accepts
 * it. Every shape a member may target is recorded with what a default or constraint of it may be.
 */
import { NUMBER_TYPES } from "../../src/load/ast.js";
import { type Draw, Names, AWKWARD_MEMBER_NAMES, AWKWARD_SHAPE_NAMES } from "./model-names.js";

export type Node = Record<string, any>;

/** Sets an own property, "__proto__" too (an assignment would set the object's prototype instead). */
export function put(node: Node, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}
export type Protocol = "restJson1" | "awsJson1_0" | "awsJson1_1";

/** A shape a member may target, with what its default may be (undefined: no default may be given). */
export interface Target {
  id: string;
  type: string;
  /** A valid default value, or undefined when none is drawn (constrained, structure, union). */
  defaultValue?: unknown;
  /** The shape has a length, range or pattern of its own (a member must not add a default). */
  constrained?: boolean;
  /** The shape's own `smithy.api#default` (Primitive*), which a member targeting it must repeat. */
  mustDefault?: unknown;
}

const PRELUDE: Target[] = [
  { id: "smithy.api#String", type: "string", defaultValue: "" },
  { id: "smithy.api#Integer", type: "integer", defaultValue: 0 },
  { id: "smithy.api#Long", type: "long", defaultValue: 0 },
  { id: "smithy.api#Boolean", type: "boolean", defaultValue: false },
  { id: "smithy.api#Timestamp", type: "timestamp", defaultValue: "1970-01-01T00:00:00Z" },
  { id: "smithy.api#Blob", type: "blob", defaultValue: "" },
  { id: "smithy.api#Document", type: "document", defaultValue: null },
  { id: "smithy.api#Double", type: "double", defaultValue: 0 },
  { id: "smithy.api#Float", type: "float", defaultValue: 1.5 },
  { id: "smithy.api#Short", type: "short", defaultValue: 0 },
  { id: "smithy.api#Byte", type: "byte", defaultValue: 0 },
  { id: "smithy.api#BigInteger", type: "bigInteger", defaultValue: 0 },
  { id: "smithy.api#BigDecimal", type: "bigDecimal", defaultValue: 0 },
  { id: "smithy.api#PrimitiveInteger", type: "integer", mustDefault: 0 },
  { id: "smithy.api#PrimitiveBoolean", type: "boolean", mustDefault: false },
];

/** Documentation as AWS writes it: HTML, entities, and text that ends a comment or starts a template. */
const DOCS = [
  "<p>Returns a thing.</p>",
  "<p>The ARN, such as <code>arn:aws:s3:::bucket/*</code>. Use <code>*/</code> for all.</p>",
  '<p>See <a href="https://docs.aws.amazon.com/x?a=1&amp;b=2">the guide</a> &amp; <i>more</i>.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>',
  "<note><p>Deprecated: use <code>${Other}</code> with `ticks` and @param tags.</p></note>",
  "Plain text with a trailing backslash \\",
  "<p>Line one</p>\n<p>Line two &lt;b&gt;</p>",
];

/** ECMA 262 patterns of the kinds AWS uses, each with the lengths its strings may have. */
const PATTERNS: { pattern: string; fixed?: true }[] = [
  { pattern: "^[a-zA-Z0-9_-]+$" },
  { pattern: "^[\\w+=,.@-]+$" },
  { pattern: "^arn:aws[a-z-]*:[a-z0-9-]+:.*$" },
  { pattern: "^\\d{12}$", fixed: true },
  { pattern: "^(?!aws:)[a-zA-Z+-=._:/]+$" },
  { pattern: "^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t\\n\\r]*$" },
  { pattern: "[a-z]" },
  { pattern: "^[\\s\\S]*$" },
  { pattern: "^[^\\x00-\\x1F\\x7F]*$" },
];

const ENUM_VALUES = [
  "ACTIVE",
  "a b",
  "x-y",
  "1st",
  "über",
  "__proto__",
  "constructor",
  "toString",
  "A",
  "a",
  "*/",
  "${x}",
  'say "hi"',
  "back\\slash",
  "dots.in.it",
  "UPPER_case",
];
const ENUM_MEMBER_NAMES = [
  "ACTIVE",
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "_1",
  "A",
  "b",
  "Object",
  "default",
  "in",
  "NaN",
];
export const JSON_NAMES = [
  "type",
  "$type",
  "@odata.type",
  "x-amz-thing",
  "constructor",
  "Name with spaces",
  "__proto__",
  "$metadata",
  "message",
];

export class Shapes {
  readonly shapes: Record<string, Node> = {};
  readonly targets: Target[] = [...PRELUDE];
  /** Structures that may be an event of an event stream or a member of any shape. */
  readonly structures: string[] = [];

  constructor(
    readonly d: Draw,
    readonly ns: string,
    readonly names: Names,
    readonly protocol: Protocol,
  ) {}

  id(name: string, ns = this.ns): string {
    return `${ns}#${name}`;
  }

  doc(percent: number): Node {
    return this.d.bool(percent) ? { "smithy.api#documentation": this.d.pick(DOCS) } : {};
  }

  add(id: string, node: Node, target?: Omit<Target, "id">): string {
    this.shapes[id] = node;
    if (target) this.targets.push({ id, ...target });
    return id;
  }

  /** A named simple shape, maybe constrained. */
  simple(): string {
    const d = this.d;
    // The loader's number types, in its order (strings drawn twice as often, as AWS models have them).
    const type = d.pick(["string", "string", "blob", "boolean", ...NUMBER_TYPES, "timestamp", "document"]);
    const traits: Node = { ...this.doc(30) };
    if (d.bool(10)) traits["smithy.api#sensitive"] = {};
    if (type === "string") {
      const p = d.bool(30) ? d.pick(PATTERNS) : undefined;
      if (p) traits["smithy.api#pattern"] = p.pattern;
      if (!p?.fixed && d.bool(30)) traits["smithy.api#length"] = this.length(1);
      if (!p && d.bool(10)) traits["smithy.api#mediaType"] = d.pick(["application/json", "text/plain"]);
    }
    if (type === "blob" && d.bool(20)) traits["smithy.api#length"] = this.length(0);
    if (
      ["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal"].includes(type) &&
      d.bool(30)
    )
      traits["smithy.api#range"] = d.pick([{ min: 0 }, { max: 100 }, { min: -5, max: 5 }, { min: 1, max: 1 }]);
    if (type === "timestamp" && d.bool(30))
      traits["smithy.api#timestampFormat"] = d.pick(["date-time", "epoch-seconds", "http-date"]);
    const constrained = ["smithy.api#pattern", "smithy.api#length", "smithy.api#range", "smithy.api#mediaType"].some(
      (t) => t in traits,
    );
    const defaults: Node = { string: "", blob: "", boolean: true, timestamp: 0, document: {} };
    const name = this.names.next("", AWKWARD_SHAPE_NAMES);
    return this.add(
      this.id(name),
      { type, ...(Object.keys(traits).length > 0 && { traits }) },
      {
        type,
        constrained,
        defaultValue: constrained ? undefined : (defaults[type] ?? 0),
      },
    );
  }

  length(min: number): Node {
    return this.d.pick([{ min }, { max: 64 }, { min, max: 2048 }, { min: 2, max: 2 }]);
  }

  enumShape(): string {
    const d = this.d;
    const intEnum = d.bool(30);
    const members: Node = {};
    const memberNames = new Names(d);
    const values = new Set<string | number>();
    for (let i = d.int(1, 5); i > 0; i--) {
      const name = memberNames.next("V", ENUM_MEMBER_NAMES);
      const value = intEnum ? d.pick([0, 1, -1, 2, 42, 2147483647, -2147483648]) : d.pick(ENUM_VALUES);
      if (values.has(value)) continue;
      values.add(value);
      put(members, name, { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": value, ...this.doc(10) } });
    }
    // A 1.0 enum trait on a string, as older models still have.
    if (!intEnum && d.bool(15)) {
      const traits = { "smithy.api#enum": [...values].map((value) => ({ value: String(value) })) };
      const id = this.add(
        this.id(this.names.next("", AWKWARD_SHAPE_NAMES)),
        { type: "string", traits },
        { type: "string" },
      );
      (this.targets.at(-1) as Target).defaultValue = String([...values][0]);
      return id;
    }
    const type = intEnum ? "intEnum" : "enum";
    const id = this.id(this.names.next("", AWKWARD_SHAPE_NAMES));
    return this.add(id, { type, members, ...this.withTraits(this.doc(20)) }, { type, defaultValue: [...values][0] });
  }

  withTraits(traits: Node): Node {
    return Object.keys(traits).length > 0 ? { traits } : {};
  }

  /** A target for a member: an existing shape, or a new list, map, enum or simple shape. */
  target(depth: number): Target {
    const d = this.d;
    const roll = d.int(1, 100);
    if (roll <= 45 || depth > 2) return d.pick(this.targets.filter((t) => t.type !== "event"));
    if (roll <= 60) return this.lookup(this.list(this.target(depth + 1).id));
    if (roll <= 70) return this.lookup(this.map(this.target(depth + 1).id));
    if (roll <= 80) return this.lookup(this.enumShape());
    if (roll <= 90) return this.lookup(this.simple());
    return this.lookup(d.bool() ? this.structure(depth + 1) : this.union(depth + 1));
  }

  lookup(id: string): Target {
    return this.targets.find((t) => t.id === id) as Target;
  }

  list(member: string, name?: string): string {
    const d = this.d;
    const traits: Node = { ...this.doc(10) };
    if (d.bool(20)) traits["smithy.api#sparse"] = {};
    // Smithy: not on lists of floats, doubles or documents (their equality is not defined).
    else if (["string", "integer", "enum", "long"].includes(this.lookup(member)?.type ?? "") && d.bool(10))
      traits["smithy.api#uniqueItems"] = {};
    if (d.bool(10)) traits["smithy.api#length"] = { min: 0, max: 100 };
    const id = this.id(name ?? this.names.next("List", AWKWARD_SHAPE_NAMES));
    return this.add(
      id,
      { type: "list", member: { target: member }, ...this.withTraits(traits) },
      {
        type: "list",
        ...(!("smithy.api#length" in traits) && { defaultValue: [] }),
        constrained: "smithy.api#length" in traits,
      },
    );
  }

  map(value: string, name?: string): string {
    const d = this.d;
    const keys = this.targets.filter(
      (t) => t.type === "enum" || (t.type === "string" && t.id !== "smithy.api#PrimitiveInteger"),
    );
    const key = d.bool(60) ? "smithy.api#String" : d.pick(keys).id;
    const traits: Node = { ...this.doc(10) };
    if (d.bool(20)) traits["smithy.api#sparse"] = {};
    const id = this.id(name ?? this.names.next("Map", AWKWARD_SHAPE_NAMES));
    return this.add(
      id,
      { type: "map", key: { target: key }, value: { target: value }, ...this.withTraits(traits) },
      {
        type: "map",
        defaultValue: {},
      },
    );
  }

  /** Traits of a structure member targeting `t`: required, default, constraints, docs, names. */
  memberTraits(t: Target, used: { json: Set<string> }, allowRequired = true): Node {
    const d = this.d;
    const traits: Node = { ...this.doc(20) };
    if (allowRequired && d.bool(30)) traits["smithy.api#required"] = {};
    if (t.mustDefault !== undefined) traits["smithy.api#default"] = t.mustDefault;
    else if (t.defaultValue !== undefined && !t.constrained && d.bool(15))
      traits["smithy.api#default"] = t.defaultValue;
    const constrainable = traits["smithy.api#default"] === undefined && !t.constrained;
    if (constrainable && t.type === "string" && t.defaultValue === "" && d.bool(10))
      traits["smithy.api#length"] = { min: 1, max: 10 };
    if (constrainable && ["integer", "long", "short"].includes(t.type) && d.bool(10))
      traits["smithy.api#range"] = { min: 1, max: 1000 };
    if (t.type === "timestamp" && d.bool(30))
      traits["smithy.api#timestampFormat"] = d.pick(["date-time", "epoch-seconds", "http-date"]);
    if (d.bool(10)) traits["smithy.api#clientOptional"] = {};
    if (d.bool(5))
      traits["smithy.api#deprecated"] = d.pick([
        {},
        { message: "Use <code>Other</code> */ instead." },
        { since: "2020-01-01" },
      ]);
    if (d.bool(10)) {
      const json = d.pick(JSON_NAMES);
      if (!used.json.has(json)) {
        used.json.add(json);
        traits["smithy.api#jsonName"] = json;
      }
    }
    return traits;
  }

  /** A structure of 0-6 members, maybe reaching itself through a list, map or union. */
  structure(depth = 0, extra: Node = {}): string {
    const d = this.d;
    const id = this.id(this.names.next("", AWKWARD_SHAPE_NAMES));
    const node: Node = { type: "structure", members: {}, ...this.withTraits({ ...this.doc(30), ...extra }) };
    this.add(id, node);
    this.fill(node, d.int(0, 6), depth);
    if (d.bool(25)) {
      const via = d.pick(["list", "map", "union"]);
      const back = via === "list" ? this.list(id) : via === "map" ? this.map(id) : this.union(depth + 1, id);
      this.addMember(node, this.lookup(back), d.bool(30) && via !== "union");
    }
    this.targets.push({ id, type: "structure" });
    this.structures.push(id);
    return id;
  }

  /** Adds `count` body members of random targets to a structure. */
  fill(node: Node, count: number, depth: number): void {
    for (let i = 0; i < count; i++) this.addMember(node, this.target(depth), true);
  }

  addMember(node: Node, t: Target, allowRequired: boolean, traits?: Node, name?: string): string {
    const members = node["members"] as Node;
    const names = new Names(this.d);
    const used = { json: new Set<string>() };
    for (const [m, v] of Object.entries(members)) {
      names.claim(m);
      const j = v.traits?.["smithy.api#jsonName"];
      if (typeof j === "string") used.json.add(j);
      used.json.add(m);
    }
    const member = name && names.claim(name) ? name : names.next("m", AWKWARD_MEMBER_NAMES);
    for (const n of JSON_NAMES) if (names.has(n)) used.json.add(n);
    used.json.add(member);
    const all = { ...this.memberTraits(t, used, allowRequired), ...traits };
    // A member named like another's jsonName would share its wire name.
    for (const v of Object.values(members))
      if (v.traits?.["smithy.api#jsonName"] === member) delete v.traits["smithy.api#jsonName"];
    put(members, member, { target: t.id, ...this.withTraits(all) });
    return member;
  }

  /** A union of 1-4 members (unit members too); `back` is a structure it must reach (recursion). */
  union(depth: number, back?: string): string {
    const d = this.d;
    const id = this.id(this.names.next("Choice", AWKWARD_SHAPE_NAMES));
    const members: Node = {};
    const names = new Names(d);
    const json = new Set<string>();
    const targets = [d.bool(30) ? "smithy.api#Unit" : this.target(depth + 1).id, ...(back ? [back] : [])];
    for (let i = d.int(0, 3); i > 0; i--) targets.push(d.bool(20) ? "smithy.api#Unit" : this.target(depth + 1).id);
    for (const target of targets) {
      const name = names.next("u", AWKWARD_MEMBER_NAMES);
      const traits: Node = { ...this.doc(10) };
      if (d.bool(10) && !json.has(`j${name}`)) {
        json.add(`j${name}`);
        traits["smithy.api#jsonName"] = `j${name}`;
      }
      put(members, name, { target, ...this.withTraits(traits) });
    }
    return this.add(id, { type: "union", members, ...this.withTraits(this.doc(20)) }, { type: "union" });
  }
}
