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
 * - the bytes of such a string are valid UTF-8 (a U+FFFD in a decoded string is checked);
 * - no object key holds such bytes (keys would have to be rebuilt in order; they are names, nearly always ASCII).
 * Anything else, including text `JSON.parse` refuses, goes the plain way, so errors read as before.
 * An empty text is read as `{}` (an output without body members) either way.
 */
import type { NodeBufferModule } from "./stream-text.js";

/** A string holding a character above ASCII: in Latin-1 text, a byte of a UTF-8 sequence. */
const ABOVE_ASCII = /[\x80-\xff]/;
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
  if (typeof value === "string") return ABOVE_ASCII.test(value) ? decode(value) : value;
  if (typeof value !== "object" || value === null) return value;
  const pending: object[] = [value];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, unknown>;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === "string") {
          if (!ABOVE_ASCII.test(item)) continue;
          const decoded = decode(item);
          if (decoded === PLAIN) return PLAIN;
          node[i] = decoded;
        } else if (typeof item === "object" && item !== null) pending.push(item);
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      if (ABOVE_ASCII.test(key)) return PLAIN;
      const item = node[key];
      if (typeof item === "string") {
        if (!ABOVE_ASCII.test(item)) continue;
        const decoded = decode(item);
        if (decoded === PLAIN) return PLAIN;
        // An own "__proto__" (JSON.parse makes one) is redefined, not assigned through the setter.
        if (key === "__proto__")
          Object.defineProperty(node, key, { value: decoded, writable: true, enumerable: true, configurable: true });
        else node[key] = decoded;
      } else if (typeof item === "object" && item !== null) pending.push(item);
    }
  }
  return value;
}
