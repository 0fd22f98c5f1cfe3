/**
 * restJson1's map and payload bindings in the emitted `/signed` bindings: a `@httpQueryParams` map,
 * `@httpPrefixHeaders` and an `@httpPayload` member travel where Smithy binds them, not in the JSON
 * body under their names (buildRequest's side is tested in signed.e2e.test.ts).
 */
import { describe, expect, it } from "vitest";
import { emittedSignedBinding } from "./support/emitted.js";

function spec(payloadTarget: string) {
  const paginated = { inputToken: "NextToken", outputToken: "NextToken", items: "Items" };
  return {
    smithy: "2.0",
    shapes: {
      "ex#Things": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#ListThings" }, { target: "ex#SearchThings" }],
        traits: {
          "aws.protocols#restJson1": {},
          "aws.api#service": { sdkId: "Things" },
          "aws.auth#sigv4": { name: "things" },
        },
      },
      "ex#ListThings": {
        type: "operation",
        input: { target: "ex#ListThingsInput" },
        output: { target: "ex#Page" },
        traits: { "smithy.api#http": { method: "GET", uri: "/things", code: 200 }, "smithy.api#paginated": paginated },
      },
      "ex#SearchThings": {
        type: "operation",
        input: { target: "ex#SearchThingsInput" },
        output: { target: "ex#Page" },
        traits: { "smithy.api#http": { method: "POST", uri: "/search", code: 200 }, "smithy.api#paginated": paginated },
      },
      "ex#ListThingsInput": {
        type: "structure",
        members: {
          NextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "token" } },
          Extra: { target: "ex#Params", traits: { "smithy.api#httpQueryParams": {} } },
          Meta: { target: "ex#Params", traits: { "smithy.api#httpPrefixHeaders": "X-Meta-" } },
          Json: { target: "ex#JsonText", traits: { "smithy.api#httpHeader": "X-Json" } },
          Epochs: { target: "ex#EpochList", traits: { "smithy.api#httpQuery": "epochs" } },
          Stamps: { target: "ex#StampList", traits: { "smithy.api#httpHeader": "X-Stamps" } },
          Since: { target: "ex#Epoch", traits: { "smithy.api#httpQuery": "since" } },
        },
      },
      "ex#SearchThingsInput": {
        type: "structure",
        members: {
          NextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "token" } },
          Filter: { target: payloadTarget, traits: { "smithy.api#httpPayload": {}, "smithy.api#jsonName": "filter" } },
        },
      },
      "ex#Filter": { type: "structure", members: { Kind: { target: "smithy.api#String" } } },
      "ex#Params": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
      "ex#Page": {
        type: "structure",
        members: { NextToken: { target: "smithy.api#String" }, Items: { target: "ex#Names" } },
      },
      "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
      "ex#JsonText": { type: "string", traits: { "smithy.api#mediaType": "application/json" } },
      "ex#Epoch": { type: "timestamp", traits: { "smithy.api#timestampFormat": "epoch-seconds" } },
      "ex#EpochList": { type: "list", member: { target: "ex#Epoch" } },
      "ex#StampList": { type: "list", member: { target: "smithy.api#Timestamp" } },
    },
  };
}

describe("the emitted /signed binding of restJson1's maps and payloads", () => {
  it("binds a query map and prefix headers as such", () => {
    const list = emittedSignedBinding(spec("ex#Filter"), "ListThings");
    expect(list).toContain(`"Extra": ["queryParams", "Extra"]`);
    expect(list).toContain(`"Meta": ["prefixHeaders", "X-Meta-"]`);
  });

  it("marks a @mediaType string header base64 and gives a list's timestamps their member shape's format", () => {
    const list = emittedSignedBinding(spec("ex#Filter"), "ListThings");
    // Smithy sends a @mediaType string in a header base64-encoded (its test MediaTypeHeaderInputBase64).
    expect(list).toContain(`"Json": ["header", "X-Json", "base64"]`);
    // A list's timestamps in the format of the list's member shape, as a single one in its own.
    expect(list).toContain(`"Epochs": ["query", "epochs", "epoch-seconds"]`);
    expect(list).toContain(`"Since": ["query", "since", "epoch-seconds"]`);
    // Without a format of their own, the location's default (http-date in a header) is the runtime's.
    expect(list).toContain(`"Stamps": ["header", "X-Stamps"]`);
  });

  it("binds an @httpPayload member as the whole body: a structure as JSON, a string as text, a blob as bytes", () => {
    expect(emittedSignedBinding(spec("ex#Filter"), "SearchThings")).toContain(
      `"Filter": ["payload", "filter", "json"]`,
    );
    expect(emittedSignedBinding(spec("smithy.api#String"), "SearchThings")).toContain(
      `"Filter": ["payload", "filter", "text"]`,
    );
    expect(emittedSignedBinding(spec("smithy.api#Blob"), "SearchThings")).toContain(
      `"Filter": ["payload", "filter", "bytes"]`,
    );
  });
});
