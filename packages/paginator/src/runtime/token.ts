/**
 * botocore's pagination tokens, byte for byte (with web APIs only: btoa, atob, TextDecoder), so that a token written by a Python boto3 paginator
 * resumes here and one written here resumes there.
 *
 * botocore's `TokenEncoder.encode` is `base64(json.dumps(token).encode("utf-8"))`: Python's default
 * `json.dumps` separators (`", "` and `": "`), `ensure_ascii=True`, and the keys in the order botocore
 * builds the dict: the input token first, then `boto_truncate_amount`.
 */
import { StartingTokenError } from "./errors.js";

export const TRUNCATE_KEY = "boto_truncate_amount";
/** botocore's key listing the paths of bytes values it base64-encoded in a token (DynamoDB's binary keys). */
export const ENCODED_KEYS = "boto_encoded_keys";

/** A service token: a string, or a map (DynamoDB's `ExclusiveStartKey`), in model form. */
export type ServiceToken = string | object;

/** Where a run starts: the service token to send (null: the first page) and how many items of that page to skip. */
export interface StartPosition {
  /** The service's own token (a string, or a map such as DynamoDB's keys), or null to request the first page. */
  serviceToken: ServiceToken | null;
  /** Items of the first page already returned by an earlier run (botocore's `boto_truncate_amount`). */
  skip: number;
  /** Whether the starting token was a botocore token (true) or a raw service token sent as is (false). */
  botocore: boolean;
}

/**
 * Encodes `{<inputToken>: serviceToken, boto_truncate_amount?: amount}` as botocore does; a map token's
 * bytes values (Uint8Array) become base64 and their paths are listed under `boto_encoded_keys`, as
 * botocore's TokenEncoder does.
 */
export function encodeResumeToken(
  inputToken: string,
  serviceToken: ServiceToken | null,
  truncateAmount?: number,
): string {
  const encoded: (string | number)[][] = [];
  let json = `{${pythonJsonString(inputToken)}: ${pythonJson(serviceToken, [inputToken], encoded)}`;
  if (truncateAmount !== undefined) json += `, ${pythonJsonString(TRUNCATE_KEY)}: ${truncateAmount}`;
  if (encoded.length > 0) json += `, ${pythonJsonString(ENCODED_KEYS)}: ${pythonJson(encoded, [], [])}`;
  json += "}";
  // pythonJsonString escapes everything outside printable ASCII, so the JSON is ASCII and btoa takes it as is.
  return btoa(json);
}

/** Bytes as base64 (web APIs only). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(binary);
}

/** A JSON value as Python's `json.dumps` writes it (default separators, ensure_ascii); bytes as base64, their paths recorded. */
function pythonJson(value: unknown, path: (string | number)[], encoded: (string | number)[][]): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return pythonJsonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value) : value > 0 ? "Infinity" : value < 0 ? "-Infinity" : "NaN";
  if (value instanceof Uint8Array) {
    encoded.push(path);
    return pythonJsonString(toBase64(value));
  }
  if (value instanceof Date) return pythonJsonString(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v, i) => pythonJson(v, [...path, i], encoded)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pythonJsonString(k)}: ${pythonJson(v, [...path, k], encoded)}`).join(", ")}}`;
}

/**
 * A string as Python's `json.dumps` writes it with `ensure_ascii=True`: `"` and `\` escaped, the five
 * short escapes, and every other code unit outside printable ASCII (0x20–0x7e) as `\uxxxx` in lower case
 * (astral characters become their UTF-16 surrogate pair, as in Python).
 */
export function pythonJsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const char = value[i] as string;
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else out += SHORT_ESCAPES.get(char) ?? `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}

const SHORT_ESCAPES: ReadonlyMap<string, string> = new Map([
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
  ["\b", "\\b"],
  ["\f", "\\f"],
]);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads a StartingToken. A string that is not base64 of a UTF-8 JSON object is a raw service token
 * (botocore and the AWS SDKs send those unchanged). One that is a JSON object must be a well-formed
 * botocore token for this operation, or it is a {@link StartingTokenError}, before any request.
 * (botocore's older `token___index` form is not read: it would misread raw tokens containing `___`.)
 */
export function decodeStartingToken(token: string, inputToken: string): StartPosition {
  const decoded = decodeJsonObject(token);
  if (decoded === undefined) return { serviceToken: token, skip: 0, botocore: false };
  const bad = (why: string): StartingTokenError => new StartingTokenError(token, why);
  const unknown = Object.keys(decoded).filter((k) => k !== inputToken && k !== TRUNCATE_KEY && k !== ENCODED_KEYS);
  if (unknown.length > 0) {
    throw bad(
      `unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")} (expected ${JSON.stringify(inputToken)} and optionally ${JSON.stringify(TRUNCATE_KEY)})`,
    );
  }
  if (!Object.hasOwn(decoded, inputToken)) throw bad(`missing ${JSON.stringify(inputToken)}`);
  let serviceToken = decoded[inputToken];
  if (
    serviceToken !== null &&
    typeof serviceToken !== "string" &&
    (typeof serviceToken !== "object" || Array.isArray(serviceToken))
  )
    throw bad(`${inputToken} must be a string, a map or null`);
  const encodedKeys = decoded[ENCODED_KEYS];
  if (encodedKeys !== undefined) {
    if (
      !Array.isArray(encodedKeys) ||
      !encodedKeys.every((p) => Array.isArray(p) && p.every((k) => typeof k === "string" || Number.isInteger(k)))
    )
      throw bad(`${ENCODED_KEYS} must be a list of key paths`);
    const root: Record<string, unknown> = { [inputToken]: serviceToken };
    for (const path of encodedKeys as (string | number)[][]) {
      if (!decodeBytesAt(root, path))
        throw bad(`${ENCODED_KEYS} names ${JSON.stringify(path)}, which is not a base64 string`);
    }
    serviceToken = root[inputToken] ?? null;
  }
  const amount = Object.hasOwn(decoded, TRUNCATE_KEY) ? decoded[TRUNCATE_KEY] : 0;
  if (typeof amount !== "number" || !Number.isInteger(amount)) throw bad(`${TRUNCATE_KEY} must be an integer`);
  if (amount < 0) throw bad(`${TRUNCATE_KEY} must not be negative`);
  if (!Number.isSafeInteger(amount)) throw bad(`${TRUNCATE_KEY} is larger than any page can hold`);
  return { serviceToken: serviceToken as ServiceToken | null, skip: amount, botocore: true };
}

/** Replaces the base64 string at `path` (inside `root`) with its bytes; false when there is none. */
function decodeBytesAt(root: Record<string, unknown>, path: readonly (string | number)[]): boolean {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path.at(-1);
  if (last === undefined || typeof node !== "object" || node === null) return false;
  const value = (node as Record<string | number, unknown>)[last];
  if (typeof value !== "string" || !BASE64.test(value)) return false;
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  (node as Record<string | number, unknown>)[last] = bytes;
  return true;
}

function decodeJsonObject(token: string): Record<string, unknown> | undefined {
  if (token.length === 0 || !BASE64.test(token)) return undefined;
  let text: string;
  try {
    const binary = atob(token);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The identity of a token, for repeat and rewind detection: maps compare by content, not by reference. */
export function tokenKey(token: ServiceToken): string {
  return typeof token === "string" ? `s${token}` : `o${encodeResumeToken("", token)}`;
}

/** botocore ends on a falsy token: "" or an empty map (and anything that is neither a string nor a map). */
export function nextToken(value: unknown): ServiceToken | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array)
    return undefined;
  return Object.keys(value).length > 0 ? value : undefined;
}
