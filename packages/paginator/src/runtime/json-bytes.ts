/**
 * JSON read straight from a response's UTF-8 bytes, with exactly what
 * `JSON.parse(new TextDecoder().decode(bytes))` gives (the value, or the SyntaxError), but faster on Node.
 *
 * Why: decoding UTF-8 to the UTF-16 that `JSON.parse` reads was the largest cost of a page whose text is
 * not all ASCII (V8's decoder reads about 120 MB/s of such text, more than twice `JSON.parse`'s own
 * time). Yet in a JSON body every byte outside strings is ASCII, and most strings are ASCII too. So on
 * Node the bytes are read as Latin-1 (a copy, one character per byte), parsed, and only the strings that
 * hold bytes of 0x80 and above are decoded as UTF-8 afterwards, each on its own. This is exact when:
 * - no `\u` escape stands for a character of U+0080 and above (it could not be told from a byte): the
 *   bytes are searched for one first;
 * - the bytes of such a string are valid UTF-8 (strings up to 256 characters are decoded in JS, which
 *   refuses what is not; longer ones by Node, whose U+FFFD is checked);
 * - no object key holds such bytes (keys would have to be rebuilt in order; they are names, nearly always ASCII).
 * Anything else, including text `JSON.parse` refuses, goes the plain way, so errors read as before.
 * An empty text is read as `{}` (an output without body members) either way.
 */
import type { NodeBufferModule } from "./stream-text.js";

/** A string holding a character above ASCII: in Latin-1 text, a byte of a UTF-8 sequence. */
const ABOVE_ASCII = /[\x80-\xff]/;
/**
 * Strings up to this length are decoded in JS, longer ones by Node: two calls into Node cost more than
 * a short string (listing pages of 25 through `/signed`, 4–11% faster; bench/README.md, stop 23).
 */
const DECODE_IN_JS = 256;
/** Code units of a string being decoded (UTF-8 gives at most one per byte). */
const UNITS = new Uint16Array(DECODE_IN_JS);
const BACKSLASH = 0x5c;
const U = 0x75;
const ZERO = 0x30;
const SEVEN = 0x37;

/** Returned by the mend when the Latin-1 reading cannot be made exact. */
const PLAIN = Symbol("plain");

/** Reads the chunks' JSON; `plain()` parses their text decoded as TextDecoder does (where the fast way cannot be exact). */
export type JsonReader = (chunks: readonly Uint8Array[], plain: () => unknown) => unknown;

/** The reader over `node:buffer`; without it, always the plain way. */
export function jsonReader(nodeBuffer: NodeBufferModule | undefined): JsonReader {
  if (nodeBuffer === undefined) return (_chunks, plain) => plain();
  const { Buffer, isAscii, isUtf8 } = nodeBuffer;
  // Where a string's bytes are put back to be decoded as UTF-8 (grown as needed, never shrunk).
  let scratch = Buffer.allocUnsafe(0);
  const decodeString = (latin1: string): string | typeof PLAIN => {
    if (latin1.length <= DECODE_IN_JS) return decodeShort(latin1);
    if (!ABOVE_ASCII.test(latin1)) return latin1;
    if (scratch.length < latin1.length) scratch = Buffer.allocUnsafe(Math.max(latin1.length, 2 * scratch.length, 1024));
    const length = scratch.write(latin1, 0, "latin1");
    const decoded = scratch.toString("utf8", 0, length);
    return decoded.includes("\uFFFD") && !isUtf8(scratch.subarray(0, length)) ? PLAIN : decoded;
  };
  return (chunks, plain) => {
    let ascii = true;
    for (const chunk of chunks) if (!isAscii(chunk)) ascii = false;
    if (hasEscapeAboveAscii(chunks)) return plain();
    let latin1 = "";
    for (const chunk of chunks)
      latin1 += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
    let value: unknown;
    try {
      value = JSON.parse(latin1);
    } catch {
      return plain(); // its own error, or a BOM (TextDecoder drops it)
    }
    if (ascii) return value;
    const mended = mendStrings(value, decodeString);
    return mended === PLAIN ? plain() : mended;
  };
}

/**
 * Whether the bytes may hold a `\uXXXX` escape of a character above ASCII. Errs on the side of yes: an
 * escaped backslash before a "u", or an escape cut between chunks, count.
 */
function hasEscapeAboveAscii(chunks: readonly Uint8Array[]): boolean {
  for (const chunk of chunks) {
    const end = chunk.length;
    if (end > 0 && chunk[end - 1] === BACKSLASH) return true;
    for (let at = chunk.indexOf(BACKSLASH); at !== -1; at = chunk.indexOf(BACKSLASH, at + 1)) {
      if (chunk[at + 1] !== U) continue;
      if (at + 6 > end) return true;
      // \u0000 to \u007f: "00", then 0 to 7 (JSON.parse refuses anything else that is not hex)
      const third = chunk[at + 4] as number;
      if (chunk[at + 2] !== ZERO || chunk[at + 3] !== ZERO || third < ZERO || third > SEVEN) return true;
    }
  }
  return false;
}

/**
 * Decodes, in place, every string of a value parsed from Latin-1 text that holds bytes above ASCII.
 * Iterative, so that deep nesting costs no stack.
 */
function mendStrings(value: unknown, decode: (latin1: string) => string | typeof PLAIN): unknown {
  if (typeof value === "string") return decode(value);
  if (typeof value !== "object" || value === null) return value;
  // for-in reads a parsed object's own members by its enum cache (no array of keys, no lookup by name),
  // but it would visit enumerable members added to Object.prototype too: then Object.keys.
  const forIn = prototypeIsPlain();
  const pending: object[] = [value];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, unknown>;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === "string") {
          const decoded = decode(item);
          if (decoded === item) continue;
          if (decoded === PLAIN) return PLAIN;
          node[i] = decoded;
        } else if (typeof item === "object" && item !== null) pending.push(item);
      }
    } else if (forIn) {
      for (const key in node) if (mendMember(node, key, decode, pending)) return PLAIN;
    } else {
      for (const key of Object.keys(node)) if (mendMember(node, key, decode, pending)) return PLAIN;
    }
  }
  return value;
}

/** Mends one member of an object (a string decoded, an object queued); true when it cannot be made exact. */
function mendMember(
  node: Record<string, unknown>,
  key: string,
  decode: (latin1: string) => string | typeof PLAIN,
  pending: object[],
): boolean {
  if (ABOVE_ASCII.test(key)) return true;
  const item = node[key];
  if (typeof item === "string") {
    const decoded = decode(item);
    if (decoded === item) return false;
    if (decoded === PLAIN) return true;
    // An own "__proto__" (JSON.parse makes one) is redefined, not assigned through the setter.
    if (key === "__proto__")
      Object.defineProperty(node, key, { value: decoded, writable: true, enumerable: true, configurable: true });
    else node[key] = decoded;
  } else if (typeof item === "object" && item !== null) pending.push(item);
  return false;
}

/** Whether Object.prototype has no enumerable members (nothing a for-in over a parsed object would add). */
function prototypeIsPlain(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/**
 * A short string read from Latin-1 text, decoded as UTF-8: itself when all ASCII, PLAIN when its bytes are
 * not valid UTF-8 (TextDecoder would put U+FFFD in; the plain way gives exactly that).
 */
function decodeShort(latin1: string): string | typeof PLAIN {
  const length = latin1.length;
  let i = 0;
  while (i < length && latin1.charCodeAt(i) < 0x80) i++;
  if (i === length) return latin1;
  const ascii = i;
  let units = 0;
  while (i < length) {
    const a = latin1.charCodeAt(i);
    if (a < 0x80) {
      UNITS[units++] = a;
      i += 1;
    } else if (a < 0xc2) return PLAIN;
    else if (a < 0xe0) {
      const b = latin1.charCodeAt(i + 1);
      if ((b & 0xc0) !== 0x80) return PLAIN;
      UNITS[units++] = ((a & 0x1f) << 6) | (b & 0x3f);
      i += 2;
    } else if (a < 0xf0) {
      const b = latin1.charCodeAt(i + 1);
      const c = latin1.charCodeAt(i + 2);
      // not overlong (E0 80..9F), not a surrogate (ED A0..BF)
      if ((b & 0xc0) !== 0x80 || (c & 0xc0) !== 0x80 || (a === 0xe0 && b < 0xa0) || (a === 0xed && b > 0x9f))
        return PLAIN;
      UNITS[units++] = ((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f);
      i += 3;
    } else if (a < 0xf5) {
      const b = latin1.charCodeAt(i + 1);
      const c = latin1.charCodeAt(i + 2);
      const d = latin1.charCodeAt(i + 3);
      // not overlong (F0 80..8F), not above U+10FFFF (F4 90..BF)
      if (
        (b & 0xc0) !== 0x80 ||
        (c & 0xc0) !== 0x80 ||
        (d & 0xc0) !== 0x80 ||
        (a === 0xf0 && b < 0x90) ||
        (a === 0xf4 && b > 0x8f)
      )
        return PLAIN;
      const above = (((a & 0x07) << 18) | ((b & 0x3f) << 12) | ((c & 0x3f) << 6) | (d & 0x3f)) - 0x10000;
      UNITS[units++] = 0xd800 + (above >> 10);
      UNITS[units++] = 0xdc00 + (above & 0x3ff);
      i += 4;
    } else return PLAIN;
  }
  return latin1.slice(0, ascii) + String.fromCharCode.apply(null, UNITS.subarray(0, units) as unknown as number[]);
}
