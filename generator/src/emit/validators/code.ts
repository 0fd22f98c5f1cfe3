import { lookup } from "../../ir/lookup.js";
import type { Ir, IrConstraints, IrMember, IrShape, IrTimestampFormat } from "../../ir/types.js";
import { validatorNames } from "../../naming.js";
import { inBody, payloadMember, unvalidated } from "./body.js";
import { mergeConstraints } from "./constraints.js";
import { asciiClass, BOUNDED_CLASS, usePattern } from "./patterns.js";
import { assign, indent, inherited, lit, list, plural, read } from "./syntax.js";

/**
 * IR → the validators' code: for every structure, union, list and map, one checker per form
 * (`$w_X` checks the wire JSON and returns its model form, copy-on-write; `$m_X` checks a model
 * value) and, where the forms differ, a serializer (`$s_X`); then the public functions of each
 * structure and union (`isX`, `assertX`, `parseX`, `serializeX`) as plain function declarations.
 *
 * The same checks hold in both modes: the context says whether an unknown member or enum value is
 * a fault (strict) or drift (tolerant). Nested shapes are calls, never copies, so the code grows
 * linearly with the model, and a bundler keeps only the closure of what a program imports.
 *
 * Every name the generated code declares or imports itself contains `$`, which no Smithy
 * identifier can: shape names (`fc`, `wire`, `String`, …) never collide with them.
 */

type Form = "wire" | "model";

/** What a checker needs to know of a value's place: its target and the member's constraints and format. */
interface Slot {
  target: IrShape;
  constraints: IrConstraints;
  format?: IrTimestampFormat;
}

const REQUIRED = "a value (the member is required)";
const NON_FINITE = "a finite number or one of NaN, Infinity, -Infinity";
const FORMAT_TEXT: Readonly<Record<IrTimestampFormat, string>> = {
  "date-time": "an RFC 3339 date-time with an offset, like 2024-01-02T03:04:05Z",
  "http-date": "an IMF-fixdate, like Sun, 06 Nov 1994 08:49:37 GMT",
  "epoch-seconds": "a finite number",
};

/** Integer widths of Smithy's number shapes (long and bigInteger are not bounded: JSON numbers carry them). */
const WIDTH: Readonly<Record<string, { min: number; max: number }>> = {
  byte: { min: -128, max: 127 },
  short: { min: -32768, max: 32767 },
  integer: { min: -2147483648, max: 2147483647 },
};

/** Unions and structures of optional members with at least this many members walk their keys (see objectBody). */
const DISPATCH_MIN = 4;

/** The key a JSON protocol may add to a union's object, which is not one of its members. */
const UNION_TYPE = "__type";

/** Enums with more values than this are checked with a Set; smaller ones with comparisons. */
const SET_THRESHOLD = 16;

class CodeGen {
  private readonly look;
  private readonly consts = new Map<string, string>(); // declaration text → name
  private readonly converting = new Map<string, boolean>();

  constructor(private readonly ir: Ir) {
    this.look = lookup(ir);
    this.computeConverting();
  }

  /** A module-level constant (deduplicated), with a name that no shape can take. */
  private constant(prefix: string, init: string): string {
    const key = `${prefix}|${init}`;
    let name = this.consts.get(key);
    if (name === undefined) {
      name = `$${prefix}${this.consts.size}`;
      this.consts.set(key, name);
    }
    return name;
  }

  declarations(): string[] {
    return [...this.consts].map(([key, name]) => `const ${name} = /* @__PURE__ */ ${key.slice(key.indexOf("|") + 1)};`);
  }

  private slot(m: IrMember): Slot {
    const target = this.look.shape(m.target);
    return {
      target,
      constraints: mergeConstraints(target.constraints, m.constraints),
      ...(target.kind === "timestamp" && { format: m.timestampFormat ?? target.format ?? "epoch-seconds" }),
    };
  }

  /** Whether values of a shape differ between the wire and model forms (a fixpoint over the shape graph). */
  private computeConverting(): void {
    const scalar = (s: IrShape): boolean =>
      s.kind === "timestamp" ||
      s.kind === "blob" ||
      (s.kind === "number" && (s.type === "float" || s.type === "double") && !s.constraints.range);
    const memberConverts = (m: IrMember): boolean => {
      const t = this.look.shape(m.target);
      if (t.kind === "number" && (t.type === "float" || t.type === "double"))
        return !t.constraints.range && !m.constraints.range;
      return scalar(t) || (this.converting.get(t.id) ?? false);
    };
    for (const s of this.ir.shapes) this.converting.set(s.id, scalar(s));
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of this.ir.shapes) {
        if (this.converting.get(s.id)) continue;
        let c = false;
        if (s.kind === "structure" || s.kind === "union")
          c = s.members.some(
            (m) => m.name !== m.jsonName || !inBody(m, this.look.shape(m.target)) || memberConverts(m),
          );
        else if (s.kind === "list") c = memberConverts(s.member);
        else if (s.kind === "map") c = memberConverts(s.value);
        if (c) {
          this.converting.set(s.id, true);
          changed = true;
        }
      }
    }
  }

  private slotConverts(slot: Slot): boolean {
    const t = slot.target;
    if (t.kind === "number" && (t.type === "float" || t.type === "double")) return !slot.constraints.range;
    return this.converting.get(t.id) ?? false;
  }

  /** Scalar shapes used by a member as they are: checked by one function of their own, not in line. */
  readonly scalarUses = new Set<IrShape>();

  /** Scalars whose check is long enough to be shared: enums, numbers but unbounded doubles, constrained strings. */
  private sharedScalar(t: IrShape): boolean {
    if (t.kind === "enum" || t.kind === "intEnum") return true;
    if (t.kind === "number") return !((t.type === "float" || t.type === "double") && !t.constraints.range);
    return t.kind === "string" && Object.keys(t.constraints).length > 0;
  }

  /** The shared checker of a scalar shape (the same in both forms). */
  scalarChecker(t: IrShape): string {
    const body = this.check({ target: t, constraints: mergeConstraints(t.constraints, {}) }, "model", "k", false);
    return `function $k_${t.name}(x: any, c: $r.Ctx, k: any): void {\n${indent([body])}\n}`;
  }

  private isComposite(s: IrShape): boolean {
    return s.kind === "structure" || s.kind === "union" || s.kind === "list" || s.kind === "map" || s.kind === "unit";
  }

  /**
   * Statements checking the value in `x` (never undefined) at key expression `k`. In the wire form
   * they leave the model form in `y` when the slot converts (the caller compares it with `x`).
   */
  check(slot: Slot, form: Form, k: string, share = true): string {
    const t = slot.target;
    const c = slot.constraints;
    const fail = (expected: string, len?: boolean) => `$r.fail(c, ${k}, ${lit(expected)}, x${len ? ", 1" : ""});`;
    if (unvalidated(t)) return ""; // streaming blobs and event streams are not validated
    if (share && this.sharedScalar(t) && JSON.stringify(c) === JSON.stringify(mergeConstraints(t.constraints, {}))) {
      this.scalarUses.add(t);
      return `$k_${t.name}(x, c, ${k});`;
    }
    if (this.isComposite(t)) {
      const call = form === "wire" ? `y = $w_${t.name}(x, c);` : `$m_${t.name}(x, c);`;
      if (k === "undefined") return call;
      return `${this.memberLengthCheck(t, slot, k)}r = c.r.length; ${call} if (c.r.length !== r) $r.at(c, r, ${k});`;
    }
    switch (t.kind) {
      case "string": {
        const checks = this.stringChecks(c, k, "x");
        return `if (typeof x !== "string") ${fail("string")}${checks ? ` else {${checks}}` : ""}`;
      }
      case "enum": {
        const values = t.values.map((v) => v.value);
        return `if (typeof x !== "string") ${fail("string")} else if (!(${this.oneOf("x", values)})) $r.unknownValue(c, ${k}, ${this.valueSet(values)}, x);`;
      }
      case "intEnum": {
        const values = t.values.map((v) => v.value);
        return `if (typeof x !== "number" || !Number.isInteger(x)) ${fail("an integer")} else if (!(${this.oneOf("x", values)})) $r.unknownValue(c, ${k}, ${this.valueSet(values)}, x);`;
      }
      case "boolean":
        return `if (typeof x !== "boolean") ${fail("boolean")}`;
      case "document":
        return "";
      case "blob":
        return form === "wire"
          ? `if (typeof x !== "string") ${fail("string")} else if ((y = $r.base64(c, x)) === undefined) ${fail("a base64 string")}`
          : `if (!(x instanceof Uint8Array)) ${fail("a Uint8Array")}`;
      case "timestamp": {
        if (form === "model") return `if (!$r.isDate(x)) ${fail("a valid Date")}`;
        const format = slot.format ?? "epoch-seconds";
        if (format === "epoch-seconds")
          return `if (typeof x !== "number" || !Number.isFinite(x)) ${fail(FORMAT_TEXT[format])} else y = $r.epochSeconds(c, x);`;
        const reader = format === "date-time" ? "$r.dateTime" : "$r.httpDate";
        return `if (typeof x !== "string") ${fail("string")} else if ((y = ${reader}(c, x)) === undefined) ${fail(FORMAT_TEXT[format])}`;
      }
      case "number":
        return this.numberCheck(t.type, c, form, k);
      default:
        throw new Error(`internal: no check for a ${t.kind}`);
    }
  }

  /** Member-level @length on a list or map target (the target's own bounds are checked by its checker). */
  private memberLengthCheck(t: IrShape, slot: Slot, k: string): string {
    const own = slot.constraints.length;
    const base = t.constraints.length;
    if (!own || (own.min === base?.min && own.max === base?.max)) return "";
    if (t.kind === "list") return this.countCheck("Array.isArray(x)", "x.length", own, k, "item", "x");
    if (t.kind === "map") return this.countCheck("$r.isObject(x)", "Object.keys(x).length", own, k, "member", "x");
    return "";
  }

  private countCheck(
    guard: string,
    count: string,
    length: { min?: number; max?: number },
    k: string,
    word: string,
    v: string,
  ): string {
    const parts: string[] = [];
    if (length.min !== undefined)
      parts.push(
        `if (${count} < ${length.min}) $r.bound(c, ${k}, ${lit(`at least ${plural(length.min, word)}`)}, ${v}, 1);`,
      );
    if (length.max !== undefined)
      parts.push(
        `${parts.length ? "else " : ""}if (${count} > ${length.max}) $r.bound(c, ${k}, ${lit(`at most ${plural(length.max, word)}`)}, ${v}, 1);`,
      );
    return parts.length ? `if (${guard}) {${parts.join(" ")}} ` : "";
  }

  /** A Set of the values, as a module constant (its name). */
  private valueSet(values: readonly (string | number)[]): string {
    return this.constant("e", `new Set(${list(values)})`);
  }

  private oneOf(x: string, values: readonly (string | number)[]): string {
    if (values.length > SET_THRESHOLD) return `${this.valueSet(values)}.has(${x})`;
    return values.map((v) => `${x} === ${lit(v)}`).join(" || ") || "false";
  }

  /** Length (in code points) and pattern of a string held in `v`. */
  private stringChecks(c: IrConstraints, k: string, v: string): string {
    const out: string[] = [];
    const min = c.length?.min;
    const max = c.length?.max;
    if (min !== undefined || max !== undefined) {
      const atLeast = min === undefined ? "" : `at least ${plural(min, "character")}`;
      const atMost = max === undefined ? "" : `at most ${plural(max, "character")}`;
      const expected =
        min !== undefined && max !== undefined
          ? `$r.codePoints(${v}) < ${min} ? ${lit(atLeast)} : ${lit(atMost)}`
          : lit(atLeast || atMost);
      out.push(`if (!$r.lengthIn(${v}, ${min ?? 0}, ${max ?? "Infinity"})) $r.bound(c, ${k}, ${expected}, ${v}, 1);`);
    }
    const pattern = c.pattern === undefined ? undefined : usePattern(c.pattern).pattern;
    if (pattern !== undefined) {
      const expected = lit(`a string matching /${pattern}/`);
      const bounded = BOUNDED_CLASS.exec(pattern);
      if (bounded && !(bounded[1] as string).startsWith("[^")) {
        const lo = Number(bounded[2]);
        const hi = bounded[3] === undefined ? lo : Number(bounded[3]);
        const table = asciiClass(bounded[1] as string);
        const test =
          table === undefined
            ? `!${this.constant("p", `new RegExp(${lit(`^${bounded[1] as string}*$`)})`)}.test(${v})`
            : `!$r.onlyAscii(${v}, ${this.constant("t", `$r.asciiSet(${lit(table)})`)})`;
        out.push(`if (${v}.length < ${lo} || ${v}.length > ${hi} || ${test}) $r.bound(c, ${k}, ${expected}, ${v});`);
      } else {
        const re = this.constant("p", `new RegExp(${lit(pattern)})`);
        out.push(`if (!${re}.test(${v})) $r.bound(c, ${k}, ${expected}, ${v});`);
      }
    }
    return out.join(" ");
  }

  private numberCheck(type: string, c: IrConstraints, form: Form, k: string): string {
    const fail = (expected: string) => `$r.fail(c, ${k}, ${lit(expected)}, x);`;
    if ((type === "float" || type === "double") && !c.range) {
      if (form === "model") return `if (typeof x !== "number") ${fail("a number")}`;
      return `y = x; if (typeof x !== "number" || !Number.isFinite(x)) { if (typeof x !== "string" || (y = $r.nonFinite(x)) === undefined) ${fail(NON_FINITE)} }`;
    }
    const integer = type !== "float" && type !== "double" && type !== "bigDecimal";
    const width = WIDTH[type];
    const min = Math.max(width?.min ?? -Infinity, c.range?.min ?? -Infinity);
    const max = Math.min(width?.max ?? Infinity, c.range?.max ?? Infinity);
    const typeCheck = integer
      ? `if (typeof x !== "number" || !Number.isInteger(x)) ${fail("an integer")}`
      : `if (typeof x !== "number" || !Number.isFinite(x)) ${fail("a finite number")}`;
    // Bounds of the type's width are its type (a fault in both modes); tighter ones of @range, constraints.
    const over = (fromRange: boolean, expected: string) =>
      fromRange ? `$r.bound(c, ${k}, ${lit(expected)}, x);` : fail(expected);
    const range: string[] = [];
    if (min > -Infinity) range.push(`if (x < ${min}) ${over(min > (width?.min ?? -Infinity), `a number >= ${min}`)}`);
    if (max < Infinity)
      range.push(
        `${range.length ? "else " : ""}if (x > ${max}) ${over(max < (width?.max ?? Infinity), `a number <= ${max}`)}`,
      );
    return range.length ? `${typeCheck} else {${range.join(" ")}}` : typeCheck;
  }

  /** The wire checker (wire JSON → model form) of a structure, union, list, map or unit. */
  wireChecker(s: IrShape): string {
    return this.checker(s, "wire");
  }

  modelChecker(s: IrShape): string {
    return this.checker(s, "model");
  }

  private checker(s: IrShape, form: Form): string {
    const fn = `$${form === "wire" ? "w" : "m"}_${s.name}`;
    const ret = form === "wire" ? "any" : "void";
    const back = form === "wire" ? "return d;" : "return;";
    const body: string[] = [];
    switch (s.kind) {
      case "structure":
      case "union":
      case "unit": {
        const payload = s.kind === "unit" ? undefined : payloadMember(s, (m) => this.look.shape(m.target));
        if (form === "wire" && payload) {
          body.push(...this.payloadBody(payload));
          break;
        }
        const members =
          s.kind === "unit" || form === "model"
            ? s.kind === "unit"
              ? []
              : s.members
            : s.members.filter((m) => inBody(m, this.look.shape(m.target)));
        body.push(...this.objectBody(members, s.kind === "union", s, form));
        break;
      }
      case "list": {
        const slot = this.slot(s.member);
        // A structure, union, list or map item may come back a copy (a null member dropped) even where
        // the forms agree: the list keeps it, as a structure keeps its members'.
        const conv = form === "wire" && (this.slotConverts(slot) || this.isComposite(slot.target));
        body.push(`if (!Array.isArray(d)) { $r.fail(c, undefined, "array", d); ${back} }`);
        const length = s.constraints.length;
        if (length) body.push(this.countCheck("true", "d.length", length, "undefined", "item", "d"));
        body.push("let o: any, r = 0, x: any, y: any;", "for (let i = 0; i < d.length; i++) {", "x = d[i];");
        body.push(s.sparse ? "if (x === null) continue;" : "if (x === undefined) x = null;");
        body.push(this.check(slot, form, "i"));
        if (conv) body.push("if (y !== x) (o ??= d.slice())[i] = y;");
        body.push("}");
        if (s.constraints.uniqueItems)
          body.push(
            `${length?.max !== undefined ? `if (d.length <= ${length.max}) ` : ""}$r.uniqueItems(c, undefined, d);`,
          );
        body.push(form === "wire" ? "return o ?? d;" : "void o; void y;");
        break;
      }
      case "map": {
        const slot = this.slot(s.value);
        const conv = form === "wire" && (this.slotConverts(slot) || this.isComposite(slot.target));
        body.push(`if (!$r.isObject(d)) { $r.fail(c, undefined, "object", d); ${back} }`);
        const length = s.constraints.length;
        body.push("const keys = Object.keys(d);");
        if (length) body.push(this.countCheck("true", "keys.length", length, "undefined", "member", "d"));
        body.push("let o: any, r = 0, x: any, y: any;", "for (const k of keys) {", "x = d[k];");
        body.push(this.keyCheck(s.key));
        body.push(s.sparse ? "if (x === null) continue;" : "");
        body.push(this.check(slot, form, "k"));
        if (conv) body.push("if (y !== x) $r.setOwn(o ??= $r.copy(d), k, y);");
        body.push("}");
        body.push(form === "wire" ? "return o ?? d;" : "void o; void y;");
        break;
      }
      default:
        throw new Error(`internal: no checker for a ${s.kind}`);
    }
    return `function ${fn}(d: any, c: $r.Ctx): ${ret} {\n${indent(body.filter((l) => l !== ""))}\n}`;
  }

  private keyCheck(key: IrMember): string {
    const t = this.look.shape(key.target);
    if (t.kind === "enum") {
      const values = t.values.map((v) => v.value);
      return `if (!(${this.oneOf("k", values)})) $r.unknownKey(c, k, ${this.valueSet(values)});`;
    }
    const checks = this.stringChecks(mergeConstraints(t.constraints, key.constraints), "k", "k");
    // Faults of a key are reported at the key, as "a key that is …".
    return checks.replace(/\$r\.bound\(c, k, /g, "$r.boundKey(c, k, ");
  }

  /** Wire checker of a structure whose payload member is the whole JSON body. */
  private payloadBody(m: IrMember): string[] {
    const slot = this.slot(m);
    const absent = m.required ? `$r.fail(c, undefined, ${lit(REQUIRED)}, d); return d;` : "return {};"; // empty body
    return [
      "let r = 0, y: any, x: any = d;",
      "void r;",
      `if (x === undefined || x === null) { ${absent} }`,
      `y = x; ${this.check(slot, "wire", "undefined")}`,
      `return { ${m.name === "__proto__" ? `[${lit(m.name)}]` : lit(m.name)}: y };`,
    ];
  }

  /** Body of a structure's or union's checker. */
  private objectBody(members: readonly IrMember[], union: boolean, s: IrShape, form: Form): string[] {
    const wire = form === "wire";
    const key = (m: IrMember) => (wire ? m.jsonName : m.name);
    // The model form of a shape whose forms differ is built afresh (it renames, and building is
    // cheaper than a copy): each member's model value goes to a local `vN`, then one object literal
    // holds the required members and the optional ones present are added. A shape whose forms agree
    // is shared with the input, unless a null (an absent optional member) has to be dropped.
    const fresh = wire && (this.converting.get(s.id) ?? false);
    // A union's `__type` on the wire is not a member: the AWS SDKs drop it (Smithy's
    // RestJsonDeserializeIgnoreType and AwsJson10DeserializeIgnoreType), unless a member has that name.
    const ignoreType = wire && union && !members.some((m) => key(m) === UNION_TYPE);
    const known = this.constant(
      "k",
      `new Set(${list(ignoreType ? [...members.map(key), UNION_TYPE] : members.map(key))})`,
    );
    const dropType = fresh ? "" : `$r.drop(o ??= $r.copy(d), ${lit(UNION_TYPE)}); `;
    const local = (i: number) => `v${i}`;
    // A union, or a structure of optional members only, with many members usually holds few of
    // them, in objects of many hidden classes: reading every member by name is then a megamorphic
    // load per member. Such a shape walks its own keys instead (one switch per key present), which
    // also counts the unknown ones (`n`); other shapes read their members by name and compare the
    // count of those present (`n`) with the object's key count.
    const dispatch = members.length >= DISPATCH_MIN && members.every((m) => union || !m.required);
    const out: string[] = [];
    out.push(`if (!$r.isObject(d)) { $r.fail(c, undefined, "object", d); return${wire ? " d" : ""}; }`);
    out.push(`let o: any, n = 0, r = 0, x: any, y: any${union ? ", s = 0" : ""};`);
    if (fresh && members.length > 0) out.push(`let ${members.map((_, i) => `${local(i)}: any`).join(", ")};`);
    if (dispatch) out.push("for (const k in d) {", "switch (k) {");
    members.forEach((m, i) => {
      const slot = this.slot(m);
      // walking the keys, the key in hand (`k`) is the member's name: no copy of it in the code
      const k = dispatch ? "k" : lit(key(m));
      const conv = wire && (this.slotConverts(slot) || this.isComposite(slot.target));
      const lines: string[] = [`x = ${dispatch && !inherited(key(m)) ? "d[k]" : read("d", key(m))};`];
      const absent = m.required && !union ? `$r.req(c, ${k});` : "";
      const present: string[] = dispatch ? [] : ["n++;"];
      if (union && !(dispatch && wire && fresh)) present.push(wire ? "if (x !== null) s++;" : "s++;");
      const checkCode = this.check(slot, form, k);
      let store = "";
      if (fresh) store = `${local(i)} = ${conv ? "y" : "x"};`;
      else if (conv) store = `if (y !== x) ${assign("(o ??= $r.copy(d))", m.name, "y")}`;
      const setY = conv ? "y = x; " : "";
      const body = `${setY}${checkCode} ${store}`;
      if (dispatch && wire && fresh) {
        // null on the wire for an optional member is absent (as the AWS SDKs read it)
        out.push(`case ${lit(key(m))}: ${lines[0]} if (x != null) {${union ? "s++; " : ""}${body}} break;`);
        return;
      }
      if (wire && (!m.required || union)) {
        // null on the wire for an optional member is absent (as the AWS SDKs read it)
        const drop = fresh ? "" : `$r.drop(o ??= $r.copy(d), ${k});`;
        present.push(`if (x === null) {${drop}} else {${body}}`);
      } else present.push(body);
      if (dispatch) out.push(`case ${lit(key(m))}: ${lines[0]} if (x !== undefined) {${present.join(" ")}} break;`);
      else {
        lines.push(`if (x === undefined) {${absent}} else {${present.join(" ")}}`);
        out.push(lines.join(" "));
      }
    });
    if (dispatch && ignoreType) out.push(`case ${lit(UNION_TYPE)}: ${dropType}break;`);
    else if (ignoreType) out.push(`if (d.${UNION_TYPE} !== undefined) { n++; ${dropType}}`);
    if (dispatch) out.push("default: n++;", "}", "}");
    const extra = dispatch ? "n !== 0" : "$r.keyCount(d) !== n";
    // An unknown wire key that is a renamed member's model name cannot be kept in the model form:
    // it would stand (unchecked) where the member's value is, and serialize back under the member's wire name.
    const renamed = members.filter((m) => m.name !== m.jsonName).map((m) => m.name);
    const taken = fresh && renamed.length > 0 ? `, ${this.constant("k", `new Set(${list(renamed)})`)}` : "";
    const unknown = `${extra} ? $r.unknownMembers(c, d, ${known}${fresh ? `, o${taken}` : ""}) : 0;`;
    if (fresh) {
      // a check alone (checkX) builds nothing: the input is valid or not as it is
      out.push(
        `if (c.o) { ${union ? "const u = " : ""}${extra} ? $r.unknownMembers(c, d, ${known}) : 0; ${union ? "$r.unionCount(c, s + u, d); " : ""}return d; }`,
      );
      const required = members.flatMap((m, i) => (m.required && !union ? [[m, i] as const] : []));
      const prop = (name: string) => (name === "__proto__" ? `[${lit(name)}]` : lit(name));
      out.push(`o = { ${required.map(([m, i]) => `${prop(m.name)}: ${local(i)}`).join(", ")} };`);
      members.forEach((m, i) => {
        if (!m.required || union) out.push(`if (${local(i)} !== undefined) ${assign("o", m.name, local(i))}`);
      });
    }
    out.push(`${union ? "const u = " : ""}${unknown}`);
    if (union) out.push("$r.unionCount(c, s + u, d);");
    out.push(wire ? (fresh ? "return o;" : "return o ?? d;") : "void o; void y; void r;");
    return out;
  }

  /** The serializer (model → wire) of a shape whose forms differ. */
  serializer(s: IrShape): string | undefined {
    if (!this.converting.get(s.id) || !this.isComposite(s)) return undefined;
    const body: string[] = ["let o: any, x: any, y: any;"];
    switch (s.kind) {
      case "structure":
      case "union": {
        const payload = payloadMember(s, (m) => this.look.shape(m.target));
        if (payload) {
          const ser = this.toWire(this.slot(payload), "x") ?? "x";
          // an absent payload is an empty body, written as JSON null (which parses back to absent)
          body.push(`x = ${read("d", payload.name)};`, `return x === undefined || x === null ? null : ${ser};`);
          break;
        }
        const body$ = (m: IrMember) => inBody(m, this.look.shape(m.target));
        const fresh = s.members.some((m) => m.name !== m.jsonName || !body$(m));
        if (fresh) {
          body.push("o = {};", "for (const k of Object.keys(d)) {", "x = d[k];", "switch (k) {");
          for (const m of s.members) {
            if (!body$(m)) {
              body.push(`case ${lit(m.name)}: break;`); // not in the JSON body
              continue;
            }
            const ser = this.toWire(this.slot(m), "x");
            body.push(
              `case ${lit(m.name)}: ${assign("o", m.jsonName, ser && ser !== "x" ? `x === undefined || x === null ? x : ${ser}` : "x")} break;`,
            );
          }
          body.push("default: $r.setOwn(o, k, x);", "}", "}", "return o;");
        } else {
          for (const m of s.members) {
            const ser = this.toWire(this.slot(m), "x");
            if (!ser) continue;
            body.push(
              `x = ${read("d", m.name)}; if (x !== undefined && x !== null) { y = ${ser}; if (y !== x) ${assign("(o ??= $r.copy(d))", m.name, "y")} }`,
            );
          }
          body.push("return o ?? d;");
        }
        break;
      }
      case "list": {
        const ser = this.toWire(this.slot(s.member), "x") as string;
        body.push(
          "for (let i = 0; i < d.length; i++) {",
          "x = d[i];",
          `if (x !== null && x !== undefined) { y = ${ser}; if (y !== x) (o ??= d.slice())[i] = y; }`,
          "}",
          "return o ?? d;",
        );
        break;
      }
      case "map": {
        const ser = this.toWire(this.slot(s.value), "x") as string;
        body.push(
          "for (const k of Object.keys(d)) {",
          "x = d[k];",
          `if (x !== null && x !== undefined) { y = ${ser}; if (y !== x) $r.setOwn(o ??= $r.copy(d), k, y); }`,
          "}",
          "return o ?? d;",
        );
        break;
      }
      default:
        return undefined;
    }
    return `function $s_${s.name}(d: any): any {\n${indent(body)}\n}`;
  }

  /** The expression turning a model value in `x` into its wire form, or undefined when they are the same. */
  private toWire(slot: Slot, x: string): string | undefined {
    const t = slot.target;
    if (!this.slotConverts(slot)) return undefined;
    switch (t.kind) {
      case "timestamp":
        return slot.format === "date-time"
          ? `${x}.toISOString()`
          : slot.format === "http-date"
            ? `${x}.toUTCString()`
            : `${x}.getTime() / 1000`;
      case "blob":
        return `$r.toBase64(${x})`;
      case "number":
        return `$r.doubleToWire(${x})`;
      default:
        return `$s_${t.name}(${x})`;
    }
  }
}

/** The shapes that get public validators: structures and unions. */
export function validatedShapes(ir: Ir): IrShape[] {
  return ir.shapes.filter((s) => s.kind === "structure" || s.kind === "union");
}

/** validators.gen.ts: the checkers, serializers and public functions. */
export function renderValidators(ir: Ir): string {
  const gen = new CodeGen(ir);
  const functions: string[] = [];
  for (const s of ir.shapes) {
    if (!["structure", "union", "list", "map", "unit"].includes(s.kind)) continue;
    functions.push(gen.wireChecker(s), gen.modelChecker(s));
    const ser = gen.serializer(s);
    if (ser) functions.push(ser);
  }
  // after the checkers, which say which scalar shapes they call (in shape order: deterministic)
  for (const s of ir.shapes) if (gen.scalarUses.has(s)) functions.push(gen.scalarChecker(s));
  const api: string[] = [];
  for (const s of validatedShapes(ir)) {
    const n = validatorNames(s.name);
    const type = `$M.${s.name}`;
    const ref = `{@link @dx/models#${s.name} | ${s.name}}`;
    const ser = gen.serializer(s) ? `$s_${s.name}(value)` : "value";
    api.push(
      `/** Whether \`value\` is a ${ref} in model form (timestamps as \`Date\`). */`,
      `export function ${n.is}(value: unknown, options?: $ValidateOptions): value is ${type} {`,
      `  return $isWith($m_${s.name}, value, options);`,
      "}",
      `/** Throws a \`ValidationError\` listing every fault unless \`value\` is a ${ref} in model form. */`,
      `export function ${n.assert}(value: unknown, options?: $ValidateOptions): asserts value is ${type} {`,
      `  $parseWith($m_${s.name}, value, options, ${lit(`${s.name} (model form)`)});`,
      "}",
      `/** Whether \`json\` is a ${ref} in wire form (\`${n.parse}\`'s check alone). */`,
      `export function ${n.check}(json: unknown, options?: $ValidateOptions): json is $W.${s.name} {`,
      `  return $isWith($w_${s.name}, json, options, true);`,
      "}",
      `/** Validates the wire JSON of a ${ref} (throwing a \`ValidationError\`) and returns its model form. */`,
      `export function ${n.parse}(json: unknown, options?: $ValidateOptions): ${type} {`,
      `  return $parseWith($w_${s.name}, json, options, ${lit(`${s.name} (wire form)`)}) as ${type};`,
      "}",
      `/** The wire JSON of a ${ref} (the inverse of \`${n.parse}\`). */`,
      `export function ${n.serialize}(value: ${type}): unknown {`,
      `  return ${ser};`,
      "}",
      "",
    );
  }
  return [
    'import type * as $M from "@dx/models";',
    'import * as $r from "../runtime/check.js";',
    'import type * as $W from "./wire.gen.js";',
    'import { isWith as $isWith, parseWith as $parseWith } from "../runtime/entry.js";',
    'import type { ValidateOptions as $ValidateOptions } from "../runtime/options.js";',
    "",
    ...gen.declarations(),
    "",
    "// Checkers: `$w_X` checks wire JSON and returns the model form (copy-on-write), `$m_X` checks a model value,",
    "// `$s_X` turns a model value into wire JSON. The runtime (../runtime/check.ts) records faults and drift.",
    "",
    ...functions.flatMap((f) => [f, ""]),
    ...api,
  ].join("\n");
}

/**
 * ajv/wire.gen.d.ts: the types of the Ajv standalone module that @dx/validators' build compiles from
 * schemas/wire.gen.json (scripts/ajv-standalone.mjs), one `validateX` per structure and union. The
 * build exports exactly the validators declared here.
 */
export function renderAjvDeclarations(ir: Ir): string {
  const lines = [
    'import type { AjvValidateFunction as $AjvValidateFunction } from "../../runtime/ajv.js";',
    'import type * as $W from "../wire.gen.js";',
    "",
    "// Ajv standalone code of ../schemas/wire.gen.json (strict), compiled when the package is built.",
    "",
  ];
  for (const s of validatedShapes(ir)) {
    const n = validatorNames(s.name);
    lines.push(
      `/** Ajv's check of the wire JSON of a {@link @dx/models#${s.name} | ${s.name}} (strict; the first fault in \`errors\`). */`,
      `export declare const ${n.validate}: $AjvValidateFunction<$W.${s.name}>;`,
    );
  }
  return `${lines.join("\n")}\n`;
}
