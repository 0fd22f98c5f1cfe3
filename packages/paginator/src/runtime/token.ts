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

/** Where a run starts: the service token to send (null: the first page) and how many items of that page to skip. */
export interface StartPosition {
  /** The service's own token, or null to request the first page. */
  serviceToken: string | null;
  /** Items of the first page already returned by an earlier run (botocore's `boto_truncate_amount`). */
  skip: number;
  /** Whether the starting token was a botocore token (true) or a raw service token sent as is (false). */
  botocore: boolean;
}

/** Encodes `{<inputToken>: serviceToken, boto_truncate_amount?: amount}` as botocore does. */
export function encodeResumeToken(inputToken: string, serviceToken: string | null, truncateAmount?: number): string {
  let json = `{${pythonJsonString(inputToken)}: ${serviceToken === null ? "null" : pythonJsonString(serviceToken)}`;
  if (truncateAmount !== undefined) json += `, ${pythonJsonString(TRUNCATE_KEY)}: ${truncateAmount}`;
  json += "}";
  // pythonJsonString escapes everything outside printable ASCII, so the JSON is ASCII and btoa takes it as is.
  return btoa(json);
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
  const unknown = Object.keys(decoded).filter((k) => k !== inputToken && k !== TRUNCATE_KEY);
  if (unknown.length > 0) {
    throw bad(
      `unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")} (expected ${JSON.stringify(inputToken)} and optionally ${JSON.stringify(TRUNCATE_KEY)})`,
    );
  }
  if (!Object.hasOwn(decoded, inputToken)) throw bad(`missing ${JSON.stringify(inputToken)}`);
  const serviceToken = decoded[inputToken];
  if (serviceToken !== null && typeof serviceToken !== "string") throw bad(`${inputToken} must be a string or null`);
  const amount = Object.hasOwn(decoded, TRUNCATE_KEY) ? decoded[TRUNCATE_KEY] : 0;
  if (typeof amount !== "number" || !Number.isInteger(amount)) throw bad(`${TRUNCATE_KEY} must be an integer`);
  if (amount < 0) throw bad(`${TRUNCATE_KEY} must not be negative`);
  if (!Number.isSafeInteger(amount)) throw bad(`${TRUNCATE_KEY} is larger than any page can hold`);
  return { serviceToken, skip: amount, botocore: true };
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
