/**
 * A JSON value as a compact TypeScript module, the way the AWS SDKs write their endpoint rule sets:
 * strings and subtrees that repeat are written once, as short `const`s that the value refers to (a key
 * through a computed name, `[a]: …`), so the rules weigh little in a bundle; lines are laid out
 * within MAX_LINE (a list of numbers filled line by line, a longer object or list one entry a line).
 */
import { MAX_LINE } from "../layout.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const RESERVED = new Set(["do", "if", "in", "as", "of", "is"]);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Short names: a…z, A…Z, then two letters (never a reserved word, never one of `taken`). */
function* names(taken: ReadonlySet<string>): Generator<string> {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters) if (!taken.has(a)) yield a;
  for (const a of letters)
    for (const b of `${letters}0123456789_`) if (!RESERVED.has(a + b) && !taken.has(a + b)) yield a + b;
  throw new Error("compact: out of names");
}

/**
 * `const`s for the repeated parts of `value` and the expression of `value` itself, laid out at
 * `indent`; `taken` are names the module declares itself.
 */
export function compactConsts(value: Json, taken: ReadonlySet<string>): { consts: string[]; expression: string } {
  const q = JSON.stringify;
  // 1. Strings: hoisted where writing them once and naming them is shorter.
  const keyUses = new Map<string, number>();
  const valueUses = new Map<string, number>();
  const countStrings = (v: Json): void => {
    if (typeof v === "string") valueUses.set(v, (valueUses.get(v) ?? 0) + 1);
    else if (Array.isArray(v)) for (const x of v) countStrings(x);
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        keyUses.set(k, (keyUses.get(k) ?? 0) + 1);
        countStrings(x);
      }
  };
  countStrings(value);
  const saving = (s: string): number => {
    const text = q(s).length;
    const asKey = IDENTIFIER.test(s) ? s.length : text;
    return (keyUses.get(s) ?? 0) * (asKey - 3) + (valueUses.get(s) ?? 0) * (text - 1) - (text + 4);
  };
  const all = new Set([...keyUses.keys(), ...valueUses.keys()]);
  const hoisted = [...all].filter((s) => saving(s) > 0).sort((a, b) => saving(b) - saving(a) || (a < b ? -1 : 1));
  const next = names(taken);
  const stringName = new Map<string, string>();
  const consts: string[] = [];
  for (const s of hoisted) {
    const name = next.next().value as string;
    stringName.set(s, name);
    consts.push(`const ${name} = ${q(s)};`);
  }
  // 2. Subtrees (objects and lists) written the same way more than once: named too.
  const flat = (v: Json): string => {
    if (typeof v === "string") return stringName.get(v) ?? q(v);
    if (Array.isArray(v)) return `[${v.map(flat).join(",")}]`;
    if (v !== null && typeof v === "object")
      return `{${Object.entries(v)
        .map(([k, x]) => `${key(k)}:${flat(x)}`)
        .join(",")}}`;
    return q(v);
  };
  const key = (k: string): string => {
    const name = stringName.get(k);
    // "__proto__" written as a key would set the prototype: a computed key is an own property.
    if (k === "__proto__") return `[${name ?? q(k)}]`;
    return name !== undefined ? `[${name}]` : IDENTIFIER.test(k) ? k : q(k);
  };
  // A subtree is named when it is still written more than once after the larger ones are named (a
  // named subtree is written once, in its definition, however often the value refers to it).
  const named = new Map<string, Json>();
  for (;;) {
    const uses = new Map<string, { count: number; node: Json }>();
    const count = (v: Json, top: boolean): void => {
      if (v === null || typeof v !== "object") return;
      const text = flat(v);
      const seen = uses.get(text) ?? { count: 0, node: v };
      seen.count++;
      uses.set(text, seen);
      if (top || !named.has(text)) for (const x of Array.isArray(v) ? v : Object.values(v)) count(x, false);
    };
    count(value, true);
    for (const node of named.values())
      for (const x of Array.isArray(node) ? node : Object.values(node as object)) count(x, false);
    let best: { text: string; node: Json; gain: number } | undefined;
    for (const [text, { count: n, node }] of uses) {
      const gain = (n - 1) * text.length - (text.length + 10);
      if (
        n > 1 &&
        text.length > 4 &&
        !named.has(text) &&
        gain > 0 &&
        (best === undefined || gain > best.gain || (gain === best.gain && text < best.text))
      )
        best = { text, node, gain };
    }
    if (best === undefined) break;
    named.set(best.text, best.node);
  }
  const subtreeName = new Map<string, string>();
  // Lays out `v` at `indent`: named where it repeats, else on one line when it fits, else one entry a line.
  const write = (v: Json, indent: number, top = false): string => {
    if (v === null || typeof v !== "object") return typeof v === "string" ? (stringName.get(v) ?? q(v)) : q(v);
    const text = flat(v);
    if (!top && named.has(text)) {
      let name = subtreeName.get(text);
      if (name === undefined) {
        const definition = write(v, 0, true);
        name = next.next().value as string;
        subtreeName.set(text, name);
        consts.push(`const ${name} = ${definition};`);
      }
      return name;
    }
    const pad = " ".repeat(indent + 2);
    if (Array.isArray(v)) {
      const items = v.map((x) => write(x, indent + 2));
      const inline = `[${items.join(", ")}]`;
      if (indent + inline.length <= MAX_LINE - 12 && !inline.includes("\n")) return inline;
      if (v.every((x) => typeof x === "number")) {
        // Numbers (a BDD's nodes) fill each line.
        const lines: string[] = [];
        let line = "";
        for (const item of items) {
          if (line !== "" && pad.length + line.length + item.length + 2 > MAX_LINE) {
            lines.push(`${pad}${line}`);
            line = "";
          }
          line += `${item}, `;
        }
        if (line !== "") lines.push(`${pad}${line.trimEnd()}`);
        return `[\n${lines.join("\n")}\n${" ".repeat(indent)}]`;
      }
      return `[\n${items.map((i) => `${pad}${i},`).join("\n")}\n${" ".repeat(indent)}]`;
    }
    const entries = Object.entries(v).map(([k, x]) => `${key(k)}: ${write(x, indent + 2)}`);
    const inline = `{ ${entries.join(", ")} }`;
    if (entries.length === 0) return "{}";
    if (indent + inline.length <= MAX_LINE - 12 && !inline.includes("\n")) return inline;
    return `{\n${entries.map((e) => `${pad}${e},`).join("\n")}\n${" ".repeat(indent)}}`;
  };
  const expression = write(value, 0, true);
  return { consts, expression };
}
