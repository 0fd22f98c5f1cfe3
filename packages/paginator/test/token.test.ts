import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StartingTokenError } from "../src/runtime/errors.js";
import { decodeStartingToken, encodeResumeToken, pythonJsonString } from "../src/runtime/token.js";

// Observed with botocore 1.29.27 (see shared/reference/aws-listjobs-facts.md, section 6), byte for byte.
const BOTOCORE = {
  truncated: "eyJOZXh0VG9rZW4iOiAidEEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==", // {"NextToken": "tA", "boto_truncate_amount": 1}
  firstPage: "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==", // {"NextToken": null, "boto_truncate_amount": 1}
  boundary: "eyJOZXh0VG9rZW4iOiAidEEifQ==", // {"NextToken": "tA"}
};

const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

describe("encodeResumeToken", () => {
  it("writes botocore's observed tokens byte for byte", () => {
    expect(encodeResumeToken("NextToken", "tA", 1)).toBe(BOTOCORE.truncated);
    expect(encodeResumeToken("NextToken", null, 1)).toBe(BOTOCORE.firstPage);
    expect(encodeResumeToken("NextToken", "tA")).toBe(BOTOCORE.boundary);
  });

  it("uses Python's json.dumps separators and key order", () => {
    const json = Buffer.from(encodeResumeToken("NextToken", "a", 3), "base64").toString("utf8");
    expect(json).toBe('{"NextToken": "a", "boto_truncate_amount": 3}');
  });
});

describe("pythonJsonString (json.dumps with ensure_ascii)", () => {
  it.each([
    ["plain", '"plain"'],
    ['q"b\\', '"q\\"b\\\\"'],
    ["\n\r\t\b\f", '"\\n\\r\\t\\b\\f"'],
    ["\u0001\u001f", '"\\u0001\\u001f"'],
    ["\u007f", '"\\u007f"'],
    ["é", '"\\u00e9"'],
    ["€", '"\\u20ac"'],
    ["😀", '"\\ud83d\\ude00"'],
    ["/", '"/"'],
  ])("%j → %s", (input, python) => {
    expect(pythonJsonString(input)).toBe(python);
  });

  it("is read back by JSON.parse as the same string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => JSON.parse(pythonJsonString(s)) === s));
  });
});

describe("decodeStartingToken", () => {
  it("reads botocore's tokens", () => {
    expect(decodeStartingToken(BOTOCORE.truncated, "NextToken")).toEqual({
      serviceToken: "tA",
      skip: 1,
      botocore: true,
    });
    expect(decodeStartingToken(BOTOCORE.firstPage, "NextToken")).toEqual({
      serviceToken: null,
      skip: 1,
      botocore: true,
    });
    expect(decodeStartingToken(BOTOCORE.boundary, "NextToken")).toEqual({
      serviceToken: "tA",
      skip: 0,
      botocore: true,
    });
  });

  it("round-trips every token it writes", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: "binary" }), { nil: null }),
        fc.option(fc.nat(), { nil: undefined }),
        (token, amount) => {
          const decoded = decodeStartingToken(encodeResumeToken("NextToken", token, amount), "NextToken");
          expect(decoded).toEqual({ serviceToken: token, skip: amount ?? 0, botocore: true });
        },
      ),
    );
  });

  it.each(["!!!notbase64", "tA", "abc", "AQID", b64("[1,2]"), b64('"tA"'), b64("42"), b64("{not json"), ""])(
    "sends a non-botocore token %j to the service unchanged",
    (token) => {
      expect(decodeStartingToken(token, "NextToken")).toEqual({ serviceToken: token, skip: 0, botocore: false });
    },
  );

  it.each([
    ['{"NextToken": "a", "Foo": 1}', /unknown key "Foo"/],
    ['{"Foo": "a"}', /unknown key "Foo"/],
    ['{"boto_truncate_amount": 1}', /missing "NextToken"/],
    ['{"NextToken": 5}', /must be a string, a map or null/],
    ['{"NextToken": "a", "boto_truncate_amount": -1}', /negative/],
    ['{"NextToken": "a", "boto_truncate_amount": 1.5}', /integer/],
    ['{"NextToken": "a", "boto_truncate_amount": "1"}', /integer/],
    ['{"NextToken": "a", "boto_truncate_amount": 1e300}', /larger than any page/],
    ['{"NextToken": "a", "boto_encoded_keys": ["NextToken"]}', /boto_encoded_keys must be a list of key paths/],
  ])("rejects the malformed botocore token %s", (json, message) => {
    const token = b64(json);
    expect(() => decodeStartingToken(token, "NextToken")).toThrow(StartingTokenError);
    expect(() => decodeStartingToken(token, "NextToken")).toThrow(message);
  });
});
