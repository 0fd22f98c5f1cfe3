/**
 * A response body read to its end, as text decoded with exactly what `TextDecoder` gives (a leading
 * BOM dropped, malformed bytes as U+FFFD) or as the JSON of that text. Shared by the SDK adapter and the
 * signed transport's node:http handler. Node's types are described here, not imported, and
 * `node:buffer` is found at run time, so that browser builds and their types need none of Node.
 *
 * A success's JSON is read from the bytes (json-bytes.ts) below 128 KiB; the text is decoded, for an
 * error's body and for larger JSON, in a way that depends on its size (issue 11's notes have the numbers):
 * - one chunk (up to 64 KB), or 512 KiB and more: on Node, the bytes become one flat string, ASCII as
 *   Latin-1 (no decoding at all), other valid UTF-8 through `transcode` to UTF-16 (about twice as
 *   fast as V8's UTF-8 decoder on non-ASCII text), and `JSON.parse` reads it without first joining
 *   pieces. From about 1 MB of text, Node hands V8 an external string.
 * - between the two: chunk by chunk with `TextDecoder` (as everywhere without `node:buffer`). Flat
 *   strings of that size made by Node, with the Buffers that joining and transcoding allocate,
 *   brought on several times as many full GCs (mark-compacts) in a process listing 48,000 jobs in
 *   pages of 25, and more CPU; the pieces die young, and `JSON.parse` joins them once.
 */
import { jsonReader } from "./json-bytes.js";

export interface NodeReadableLike {
  readableEnded?: boolean;
  on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  once(event: "end" | "error", listener: (value?: unknown) => void): unknown;
}

/** The parts of `node:buffer` the fast path uses (Node ≥ 20.16 has `process.getBuiltinModule`). */
export interface NodeBufferModule {
  Buffer: {
    allocUnsafe(size: number): NodeBytes;
    concat(chunks: readonly Uint8Array[], length: number): NodeBytes;
    from(bytes: ArrayBufferLike, offset: number, length: number): NodeBytes;
  };
  isAscii(bytes: Uint8Array): boolean;
  isUtf8(bytes: Uint8Array): boolean;
  transcode(bytes: Uint8Array, from: "utf8", to: "utf16le"): NodeBytes;
}
type NodeBytes = Uint8Array & {
  toString(encoding: "latin1" | "utf16le" | "utf8", start?: number, end?: number): string;
  write(text: string, offset: number, encoding: "latin1"): number;
};

function nodeBufferModule(): NodeBufferModule | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const module = process?.getBuiltinModule?.("node:buffer") as Partial<NodeBufferModule> | undefined;
  return typeof module?.transcode === "function" &&
    typeof module.isAscii === "function" &&
    typeof module.isUtf8 === "function"
    ? (module as NodeBufferModule)
    : undefined;
}

/** A response body read to its end: its text, or the JSON in it. */
export interface BodyBytes {
  /** The text, decoded as `decodeUtf8` decodes the bytes (once; later calls give the same string). */
  text(): string;
  /**
   * `JSON.parse(text())`, or `{}` when the text is empty (an output without body members); read from the
   * bytes without decoding all of them where it can (json-bytes.ts).
   */
  json(): unknown;
}

export interface TextReaders {
  /** `new TextDecoder().decode(bytes)`, as one flat string (and faster on Node). */
  decodeUtf8(bytes: Uint8Array): string;
  /** The whole stream's bytes, to be read as text or as JSON. */
  streamBody(stream: NodeReadableLike): Promise<BodyBytes>;
  /** Bytes read already, as a body. */
  bytesBody(bytes: Uint8Array): BodyBytes;
}

/** Bodies of this many bytes and more are decoded as one flat string (see above). */
const FLAT_FROM = 512 * 1024;

/**
 * A success's JSON is read from the bytes (json-bytes.ts) below this size. Above it, `JSON.parse` flattens
 * the Latin-1 text into a large object on V8's heap, whose making alone cost about 3 ns a byte here,
 * and mending that many strings more again: listing pages of 200 jobs (700 KB) was 6–13% slower than
 * through the decoded text, reading pages of 50 and 100 jobs (180 and 360 KB) 4–8% slower, while
 * listing pages of 25 (90 KB) was 13–19% faster (bench/README.md, "JSON read from the bytes").
 */
const JSON_BELOW = 128 * 1024;

/**
 * The readers over `node:buffer` when given (tests pass `undefined` for the portable path, and a small
 * `flatFrom` to reach the flat path with small bodies).
 */
export function textReaders(
  nodeBuffer: NodeBufferModule | undefined = nodeBufferModule(),
  flatFrom: number = FLAT_FROM,
): TextReaders {
  const decodeUtf8 = (bytes: Uint8Array): string => {
    if (nodeBuffer === undefined) return new TextDecoder().decode(bytes);
    const buffer = nodeBuffer.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (nodeBuffer.isAscii(buffer)) return buffer.toString("latin1");
    // Malformed input: TextDecoder's replacement rules (transcode's would differ).
    if (!nodeBuffer.isUtf8(buffer)) return new TextDecoder().decode(buffer);
    const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    return nodeBuffer.transcode(buffer.subarray(bom), "utf8", "utf16le").toString("utf16le");
  };
  const textOf = (chunks: readonly Uint8Array[], length: number): string => {
    if (chunks.length === 1) return decodeUtf8(chunks[0] as Uint8Array);
    if (nodeBuffer !== undefined && length >= flatFrom) return decodeUtf8(nodeBuffer.Buffer.concat(chunks, length));
    return decodeChunks(chunks);
  };
  const readJson = jsonReader(nodeBuffer);
  const streamChunks = (stream: NodeReadableLike): Promise<{ chunks: Uint8Array[]; length: number }> =>
    new Promise((resolve, reject) => {
      stream.once("error", reject);
      const chunks: Uint8Array[] = [];
      let length = 0;
      stream.on("data", (chunk) => {
        chunks.push(chunk);
        length += chunk.byteLength;
      });
      stream.once("end", () => resolve({ chunks, length }));
    });
  const bodyOf = (chunks: readonly Uint8Array[], length: number): BodyBytes => {
    let text: string | undefined;
    const textOnce = (): string => (text ??= textOf(chunks, length));
    const plain = (): unknown => {
      const read = textOnce();
      return read === "" ? {} : JSON.parse(read);
    };
    // Bodies that would make a string larger than V8's largest regular object (see JSON_BELOW) are parsed
    // from their decoded text.
    const json = (): unknown => (length === 0 ? {} : length >= JSON_BELOW ? plain() : readJson(chunks, plain));
    return { text: textOnce, json };
  };
  const streamBody = (stream: NodeReadableLike): Promise<BodyBytes> =>
    streamChunks(stream).then(({ chunks, length }) => bodyOf(chunks, length));
  const bytesBody = (bytes: Uint8Array): BodyBytes => bodyOf([bytes], bytes.byteLength);
  return { decodeUtf8, streamBody, bytesBody };
}

/** The chunks' text as `TextDecoder` gives it for their bytes joined (a character may be cut between chunks). */
function decodeChunks(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  let text = "";
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

export const { streamBody, bytesBody } = textReaders();
