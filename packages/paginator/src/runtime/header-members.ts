/**
 * restJson1's output members bound to response headers (`@httpHeader`, `@httpPrefixHeaders`), read into
 * the page as the AWS SDKs read them: a header's text parsed by the member's type with smithy's own
 * parsers, lists split as Smithy writes them (quoted items; http-dates, which hold a comma, two parts
 * at a time), a `@mediaType` string base64-decoded, prefix headers as a map by the rest of their name.
 * The body's validators never see these members: a header that does not parse is a ValidationError
 * at the member's pointer.
 */
import {
  fromBase64,
  parseBoolean,
  parseEpochTimestamp,
  parseRfc3339DateTimeWithOffset,
  parseRfc7231DateTime,
  splitEvery,
  splitHeader,
  strictParseDouble,
  toUtf8,
} from "@smithy/core/serde";
import { ValidationError, type ValidationIssue } from "@dx/validators";
import { describeValue } from "./describe.js";
import { setOwn } from "./members.js";
import type { TimestampFormat } from "./signed/binding.js";

/** What a header's text is read as: `encoded` is a `@mediaType` string (base64 on the wire); `[]` marks a list. */
export type HeaderValueKind = "string" | "encoded" | "number" | "boolean" | "timestamp" | "blob";

/**
 * Where an output member comes from: `["header", name, kind, timestampFormat?]` (name lower-case, as
 * responses give them), or `["prefixHeaders", prefix]` (every header starting with it, by the rest of its name).
 */
export type OutputBinding =
  | readonly [
      location: "header",
      name: string,
      kind: HeaderValueKind | `${HeaderValueKind}[]`,
      format?: TimestampFormat,
    ]
  | readonly [location: "prefixHeaders", prefix: string];

/** A response's headers: one by its lower-case name, and (where the handler can tell) every name. */
export interface ResponseHeaders {
  header(name: string): string | undefined;
  headerNames?(): Iterable<string>;
}

/**
 * A generated operation descriptor's `outputHeaders`: the reader of its header-bound members (only the
 * descriptors of operations with such members import this module, so other bundles leave it out).
 */
export function headerMembers(
  bindings: Readonly<Record<string, OutputBinding>>,
): (response: ResponseHeaders) => Record<string, unknown> {
  return (response) => readHeaderMembers(bindings, response);
}

/** Where a member of an error comes from: a header (as an output member), or the error body under its `@jsonName`. */
export type ErrorMemberBinding = OutputBinding | readonly [location: "body", jsonName: string];

/**
 * A generated `/signed` binding's `errors`: by error name, the members a ServiceError gets under their
 * member names (the body's are already on it under their wire names). A header that does not parse is
 * left out: the error is still the service's, and what it says must not be lost to a fault of its own.
 */
export function errorMembers(
  tables: Readonly<Record<string, Readonly<Record<string, ErrorMemberBinding>>>>,
): (code: string, body: Record<string, unknown>, response: ResponseHeaders) => Record<string, unknown> {
  return (code, body, response) => {
    const members: Record<string, unknown> = {};
    for (const [member, at] of Object.entries(Object.hasOwn(tables, code) ? (tables[code] ?? {}) : {})) {
      if (at[0] === "body") {
        if (Object.hasOwn(body, at[1]) && body[at[1]] !== undefined) setOwn(members, member, body[at[1]]);
        continue;
      }
      try {
        Object.entries(readHeaderMembers({ [member]: at }, response)).forEach(([k, v]) => setOwn(members, k, v));
      } catch {
        // left out (see above)
      }
    }
    return members;
  };
}

/** The members `bindings` name, read from `response`'s headers; a member whose header is absent is left out. */
export function readHeaderMembers(
  bindings: Readonly<Record<string, OutputBinding>>,
  response: ResponseHeaders,
): Record<string, unknown> {
  const members: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const [member, at] of Object.entries(bindings)) {
    if (at[0] === "prefixHeaders") {
      // As the SDKs: the map is there (maybe empty) whenever the handler can list the headers.
      const names = response.headerNames?.();
      if (names === undefined) continue;
      const map: Record<string, string> = {};
      for (const name of names) {
        const value = name.startsWith(at[1]) ? response.header(name) : undefined;
        if (value !== undefined) setOwn(map, name.slice(at[1].length), value);
      }
      members[member] = map;
      continue;
    }
    const [, name, kind, format = "http-date"] = at;
    const text = response.header(name);
    if (text === undefined) continue;
    const list = kind.endsWith("[]");
    const scalar = (list ? kind.slice(0, -2) : kind) as HeaderValueKind;
    try {
      members[member] = list
        ? (scalar === "timestamp" && format === "http-date" ? splitEvery(text, ",", 2) : splitHeader(text)).map(
            (item) => headerValue(item.trim(), scalar, format),
          )
        : headerValue(text, scalar, format);
    } catch (error) {
      const expected = `${list ? "a list of " : ""}${EXPECTED[scalar]} in the ${name} header`;
      issues.push(headerIssue(`/${escapePointer(member)}`, expected, text, error));
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, "response headers");
  return members;
}

/** One header value as its member's type; throws (smithy's TypeError) when it does not parse. */
function headerValue(text: string, kind: HeaderValueKind, format: TimestampFormat): unknown {
  switch (kind) {
    case "string":
      return text;
    case "encoded":
      return toUtf8(fromBase64(text));
    case "blob":
      return fromBase64(text);
    case "number":
      return strictParseDouble(text);
    case "boolean":
      return parseBoolean(text);
    case "timestamp":
      return format === "epoch-seconds"
        ? parseEpochTimestamp(text)
        : format === "date-time"
          ? parseRfc3339DateTimeWithOffset(text)
          : parseRfc7231DateTime(text);
  }
}

const EXPECTED: Record<HeaderValueKind, string> = {
  string: "a string",
  encoded: "base64 text",
  blob: "base64 bytes",
  number: "a number",
  boolean: "true or false",
  timestamp: "a timestamp",
};

function headerIssue(pointer: string, expected: string, found: string, error: unknown): ValidationIssue {
  const why = error instanceof Error ? ` (${error.message})` : "";
  return {
    pointer,
    expected,
    found: describeValue(found),
    message: `${pointer}: expected ${expected}; got ${describeValue(found)}${why}`,
  };
}

/** A member name as a JSON pointer segment (RFC 6901). */
function escapePointer(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}
