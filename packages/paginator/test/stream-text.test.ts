import { EventEmitter } from "node:events";
import * as nodeBuffer from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type NodeBufferModule, textReaders } from "../src/runtime/stream-text.js";

const onNode = textReaders(nodeBuffer as unknown as NodeBufferModule);
/** Node's readers with every body of more than one chunk joined into one flat string (by default, from 512 KiB). */
const onNodeFlat = textReaders(nodeBuffer as unknown as NodeBufferModule, 1);
const portable = textReaders(undefined);

/** A Node-like stream that emits `bytes` in the given pieces. */
function streamOf(bytes: Uint8Array, cuts: number[]): EventEmitter & { readableEnded: boolean } {
  const stream = Object.assign(new EventEmitter(), { readableEnded: false });
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  queueMicrotask(() => {
    let from = 0;
    for (const to of [...at, bytes.length]) {
      if (to > from) stream.emit("data", Buffer.from(bytes.subarray(from, to)));
      from = to;
    }
    stream.readableEnded = true;
    stream.emit("end");
  });
  return stream;
}

/**
 * Bytes as a response may carry them: UTF-8 of any text (a BOM sometimes, first or after ASCII), or
 * anything at all.
 */
const bodies = fc.oneof(
  fc.string({ unit: "grapheme-ascii" }).map((s) => new TextEncoder().encode(s)),
  fc
    .tuple(fc.string({ unit: "grapheme-ascii" }), fc.string({ unit: "binary" }))
    .map(([a, b]) => new TextEncoder().encode(`${a}\uFEFF${b}`)),
  fc.string({ unit: "binary" }).map((s) => new TextEncoder().encode(s)),
  fc.string({ unit: "binary" }).map((s) => new TextEncoder().encode(`\uFEFF${s}`)),
  fc.uint8Array({ maxLength: 64 }),
  fc
    .tuple(fc.string({ unit: "binary" }), fc.uint8Array({ maxLength: 4 }), fc.string({ unit: "binary" }))
    .map(([a, junk, b]) => new Uint8Array([...new TextEncoder().encode(a), ...junk, ...new TextEncoder().encode(b)])),
);

describe("response body text", () => {
  it("decodes exactly as TextDecoder does, on Node's fast path and the portable one", () => {
    fc.assert(
      fc.property(bodies, (bytes) => {
        const expected = new TextDecoder().decode(bytes);
        expect(onNode.decodeUtf8(bytes)).toBe(expected);
        expect(portable.decodeUtf8(bytes)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a stream cut anywhere (inside a character too) to the same text", async () => {
    await fc.assert(
      fc.asyncProperty(bodies, fc.array(fc.nat(), { maxLength: 12 }), async (bytes, cuts) => {
        const expected = new TextDecoder().decode(bytes);
        expect((await onNode.streamBody(streamOf(bytes, cuts))).text()).toBe(expected);
        expect((await onNodeFlat.streamBody(streamOf(bytes, cuts))).text()).toBe(expected);
        expect((await portable.streamBody(streamOf(bytes, cuts))).text()).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a character cut across chunks in order, before the ASCII that follows it", async () => {
    // The first two bytes of a three-byte character, one chunk each, then ASCII: TextDecoder gives
    // U+FFFD for the unfinished character, then "A".
    const bytes = new Uint8Array([0x7b, 0xe2, 0x82, 0x41]);
    for (const reader of [onNode, portable])
      expect((await reader.streamBody(streamOf(bytes, [1, 2, 3]))).text()).toBe(new TextDecoder().decode(bytes));
    expect(new TextDecoder().decode(bytes)).toBe("{\uFFFDA");
  });

  it("takes Node's fast path here (the package's default readers), and it yields one flat string", () => {
    const { decodeUtf8 } = textReaders();
    // A 4-byte character, a BOM and ASCII: the same text as TextDecoder, through transcode.
    const bytes = new TextEncoder().encode('\uFEFF{"a":"\u{1F600}\u00e9"}');
    expect(decodeUtf8(bytes)).toBe('{"a":"\u{1F600}\u00e9"}');
    expect(typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule).toBe("function");
  });
});
