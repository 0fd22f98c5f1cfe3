/**
 * SigV4 verification, written from the specification (not with the signer under test): the endpoint
 * recomputes the signature of a request with a known key and compares it with the one sent.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface SigV4Key {
  accessKeyId: string;
  secretAccessKey: string;
  /** Checked against the credential scope when given. */
  region?: string;
  /** Checked against the credential scope when given (default "dataexchange"). */
  service?: string;
}

/** Why the request is refused (AWS's error code and message), or undefined when its signature is right. */
export function verifySigV4(
  key: SigV4Key,
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): { code: string; message: string } | undefined {
  const auth = headers.authorization;
  if (auth === undefined)
    return { code: "MissingAuthenticationTokenException", message: "Missing Authentication Token" };
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (m === null) return { code: "IncompleteSignatureException", message: `Malformed Authorization header: ${auth}` };
  const [, accessKeyId, date, region, service, signedHeaders, signature] = m as unknown as string[];
  if (accessKeyId !== key.accessKeyId)
    return { code: "UnrecognizedClientException", message: "The security token included in the request is invalid." };
  if ((key.region !== undefined && region !== key.region) || service !== (key.service ?? "dataexchange"))
    return {
      code: "InvalidSignatureException",
      message: `Credential should be scoped to a valid region and service, not ${region}/${service}.`,
    };
  const amzDate = header(headers, "x-amz-date");
  if (amzDate === undefined || !amzDate.startsWith(date as string))
    return {
      code: "IncompleteSignatureException",
      message: "x-amz-date is missing or does not match the credential scope.",
    };
  const names = (signedHeaders as string).split(";");
  if (!names.includes("host")) return { code: "InvalidSignatureException", message: "host must be a signed header." };
  const url = new URL(rawUrl, "http://localhost");
  // Every service but S3 encodes each path segment twice: once on the wire, once more here.
  const canonicalUri = url.pathname
    .split("/")
    .map((segment) => rfc3986(segment))
    .join("/");
  const canonicalQuery = [...url.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalHeaders = names
    .map((n) => `${n}:${(header(headers, n) ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payloadHash = header(headers, "x-amz-content-sha256") ?? sha256(body);
  const canonicalRequest = [method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join(
    "\n",
  );
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let signingKey: Buffer = hmac(`AWS4${key.secretAccessKey}`, date as string);
  for (const part of [region, service, "aws4_request"]) signingKey = hmac(signingKey, part as string);
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature as string, "hex")))
    return {
      code: "InvalidSignatureException",
      message:
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
    };
  return undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** RFC 3986 percent-encoding of `text` as it is (searchParams are already decoded; path segments are not, on purpose). */
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}
