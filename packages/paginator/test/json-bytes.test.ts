import * as nodeBuffer from "node:buffer";
import { isAscii } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonReader } from "../src/runtime/json-bytes.js";
import type { NodeBufferModule } from "../src/runtime/stream-text.js";

const readJson = jsonReader(nodeBuffer as unknown as NodeBufferModule);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What the reader must give: the value of the text TextDecoder decodes, or its error. */
function plainOf(bytes: Uint8Array): () => unknown {
  return () => {
    const text = new TextDecoder().decode(bytes);
    return text === "" ? {} : JSON.parse(text);
  };
}

/** The bytes in pieces cut at `cuts`. */
function chunksOf(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from) chunks.push(Buffer.from(bytes.subarray(from, to)));
    from = to;
  }
  return chunks.length > 0 ? chunks : [new Uint8Array(0)];
}

/** The outcome as text: the JSON of the value (own keys in order, an own `__proto__` too), or the error. */
function outcome(read: () => unknown): string {
  try {
    return `value ${JSON.stringify(read())}`;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** Reads the chunks, counting the times the plain way was taken. */
function read(chunks: Uint8Array[], bytes: Uint8Array): { value: unknown; plainCalls: number } {
  let plainCalls = 0;
  const plain = plainOf(bytes);
  const value = readJson(chunks, () => {
    plainCalls++;
    return plain();
  });
  return { value, plainCalls };
}

/** Strings of any kind; keys mostly ASCII (as services' member names are), so that the fast way is taken. */
const strings = fc.oneof(
  fc.string({ unit: "grapheme-ascii" }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
);
const keys = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant("__proto__") },
);
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    strings,
    fc.array(tie("json"), { maxLength: 5 }),
    fc.dictionary(keys, tie("json"), { maxKeys: 5 }),
  ),
}));

/** JSON texts as services send them, and as they should not: raw Unicode, escapes, BOMs, bad bytes. */
const texts = fc
  .tuple(
    json,
    fc.oneof(
      { weight: 4, arbitrary: fc.constant("raw") },
      fc.constantFrom("escape-some", "escape-bytes", "bom", "junk"),
    ),
    fc.nat(),
    fc.uint8Array({ minLength: 1, maxLength: 3 }),
  )
  .map(([value, how, at, junk]) => {
    let text = JSON.stringify(value) ?? "null";
    if (how === "escape-some")
      text = text.replace(/[\u0080-\u{10FFFF}]/u, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    // Every other character above ASCII as escapes of its UTF-8 bytes (`\u00c3\u00a9` for "é"), which
    // would read as that character if escapes were taken for bytes; the rest raw.
    let n = 0;
    if (how === "escape-bytes")
      text = text.replace(/[\u0080-\u{10FFFF}]/gu, (c) =>
        n++ % 2 ? c : [...encode(c)].map((b) => `\\u00${b.toString(16)}`).join(""),
      );
    if (how === "bom") text = `\uFEFF${text}`;
    const bytes = encode(text);
    if (how !== "junk") return bytes;
    const cut = at % (bytes.length + 1);
    return new Uint8Array([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)]);
  });

describe("JSON read from UTF-8 bytes", () => {
  it("gives exactly what JSON.parse of TextDecoder's text gives, value or error, however the bytes are cut", () => {
    let fastAboveAscii = 0;
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
        const expected = outcome(plainOf(bytes));
        let plainCalls = 0;
        const counted = (): unknown => {
          plainCalls++;
          return plainOf(bytes)();
        };
        expect(outcome(() => readJson(chunksOf(bytes, cuts), counted))).toBe(expected);
        if (plainCalls === 0 && !isAscii(bytes)) fastAboveAscii++;
        expect(outcome(() => jsonReader(undefined)(chunksOf(bytes, cuts), plainOf(bytes)))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    // The fast way was taken for text above ASCII often enough to be what was tested.
    expect(fastAboveAscii).toBeGreaterThan(300);
  });

  it("reads text above ASCII from the bytes, without decoding the body first", () => {
    const bytes = encode('{"Jobs":[{"Name":"caf\u00e9 \u{1F600}","Tags":["\u4e2d\u6587","ascii"]}],"n":1}');
    for (const cuts of [[], [10], [11, 12, 13, 14, 15]]) {
      const { value, plainCalls } = read(chunksOf(bytes, cuts), bytes);
      expect(value).toEqual({ Jobs: [{ Name: "caf\u00e9 \u{1F600}", Tags: ["\u4e2d\u6587", "ascii"] }], n: 1 });
      expect(plainCalls).toBe(0);
    }
  });

  it("decodes thousands of strings, one holding a NUL too, across chunks", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `${i} caf\u00e9 \u{1F600}`);
    const text = JSON.stringify({ many, nul: ["a\u00e9\u0000b\u00e9", "\u00e9"] });
    const bytes = encode(text);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(read(chunksOf(bytes, [70_000]), bytes)).toEqual({ value: JSON.parse(text), plainCalls: 0 });
  });

  it("keeps a U+FFFD the service sent (valid UTF-8) on the fast way", () => {
    const bytes = encode('{"a":"\uFFFD\u00e9"}');
    expect(read([bytes], bytes)).toEqual({ value: { a: "\uFFFD\u00e9" }, plainCalls: 0 });
  });

  it.each([
    ["an escape of a character above ASCII", '{"a":"\\u00e9 \u00e9"}'],
    ["an escaped surrogate pair", '{"a":"\\ud83d\\ude00"}'],
    ["escapes that spell UTF-8 bytes", '{"a":"\\u00c3\\u00a9"}'],
    ["a key above ASCII", '{"cl\u00e9":"\u00e9"}'],
    ["a BOM", '\uFEFF{"a":"\u00e9"}'],
  ])("goes the plain way for %s, with the same value", (_, text) => {
    const bytes = encode(text);
    const { value, plainCalls } = read([bytes], bytes);
    expect(plainCalls).toBe(1);
    expect(value).toEqual(JSON.parse(new TextDecoder().decode(bytes)));
  });

  it("goes the plain way for bytes that are not UTF-8 in a string, giving TextDecoder's U+FFFD", () => {
    const bytes = new Uint8Array([...encode('{"a":"x'), 0xe2, 0x82, ...encode('y","b":"\u00e9"}')]);
    const { value, plainCalls } = read([bytes], bytes);
    expect(plainCalls).toBe(1);
    expect(value).toEqual({ a: "x\uFFFDy", b: "\u00e9" });
  });

  // Strings up to 256 characters are decoded in JS, longer ones by Node: both must refuse what is not
  // UTF-8 exactly where TextDecoder puts a U+FFFD, and take every valid sequence.
  it.each([
    ["a lone continuation byte", [0x80]],
    ["C0 and C1, always overlong", [0xc0, 0xaf]],
    ["an overlong three-byte sequence (E0 80..9F)", [0xe0, 0x80, 0xaf]],
    ["a surrogate (ED A0..BF)", [0xed, 0xa0, 0x80]],
    ["an overlong four-byte sequence (F0 80..8F)", [0xf0, 0x80, 0x80, 0xaf]],
    ["above U+10FFFF (F4 90..)", [0xf4, 0x90, 0x80, 0x80]],
    ["F5 and above", [0xf5, 0x80, 0x80, 0x80]],
    ["a sequence cut by the string's end", [0xf0, 0x9f, 0x98]],
  ])("goes the plain way for %s, in short and long strings", (_, junk) => {
    for (const pad of [1, 300]) {
      const bytes = new Uint8Array([...encode(`{"a":"${"\u00e9".repeat(pad)}`), ...junk, ...encode('","b":"\u00e9"}')]);
      const { value, plainCalls } = read([bytes], bytes);
      expect(plainCalls).toBe(1);
      expect(value).toEqual(JSON.parse(new TextDecoder().decode(bytes)));
    }
  });

  it("decodes every length of sequence at its bounds, in short and long strings", () => {
    const bounds = "\u0080\u07ff\u0800\ud7ff\ue000\uffff\u{10000}\u{10ffff}";
    for (const text of [bounds, bounds.repeat(40)]) {
      const bytes = encode(JSON.stringify({ a: `x${text}y`, b: [text] }));
      expect(read([bytes], bytes)).toEqual({ value: { a: `x${text}y`, b: [text] }, plainCalls: 0 });
    }
  });

  it("keeps ASCII escapes on the fast way, and refuses what JSON.parse refuses with its own error", () => {
    const ok = encode('{"a":"\\u0041\\n\u00e9"}');
    expect(read([ok], ok)).toEqual({ value: { a: "A\n\u00e9" }, plainCalls: 0 });
    const bad = encode('{"a":"\u00e9",}');
    expect(() => readJson([bad], plainOf(bad))).toThrow(SyntaxError);
    expect(outcome(() => readJson([bad], plainOf(bad)))).toBe(outcome(plainOf(bad)));
  });

  it("sets an own __proto__ member as data, leaving the prototype alone", () => {
    const bytes = encode('{"__proto__":"\u00e9","x":{"__proto__":["\u00e9"]}}');
    const value = readJson([bytes], plainOf(bytes)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toBe("\u00e9");
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(new TextDecoder().decode(bytes))));
  });

  it("is not misled by enumerable members added to Object.prototype", () => {
    const bytes = encode('{"a":"\u00e9"}');
    let value: Record<string, unknown>;
    Object.defineProperty(Object.prototype, "dxPolluted", {
      value: "\u00c3\u00a9",
      enumerable: true,
      writable: true,
      configurable: true,
    });
    try {
      value = readJson([bytes], plainOf(bytes)) as Record<string, unknown>;
    } finally {
      delete (Object.prototype as Record<string, unknown>)["dxPolluted"];
    }
    expect(Object.keys(value)).toEqual(["a"]);
    expect(value["a"]).toBe("\u00e9");
  });

  it("mends strings nested 100,000 deep without using the stack", () => {
    const depth = 100_000;
    const bytes = encode(`${"[".repeat(depth)}"\u00e9"${"]".repeat(depth)}`);
    let value = readJson([bytes], plainOf(bytes));
    for (let i = 0; i < depth; i++) value = (value as unknown[])[0];
    expect(value).toBe("\u00e9");
  });
});
