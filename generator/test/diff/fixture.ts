import type { SpecInput } from "../../src/load/load.js";

/** A small restJson1 service with one paginated operation: the "before" of every spec pair. */
export function baseSpec(): { smithy: string; shapes: Record<string, Record<string, unknown>> } {
  return {
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "2024-01-01",
        operations: [{ target: "ex#ListThings" }],
        traits: { "aws.protocols#restJson1": {}, "smithy.api#documentation": "A service." },
      },
      "ex#ListThings": {
        type: "operation",
        input: { target: "ex#ListThingsRequest" },
        output: { target: "ex#ListThingsResponse" },
        errors: [{ target: "ex#Oops" }],
        traits: {
          "smithy.api#readonly": {},
          "smithy.api#http": { method: "GET", uri: "/things", code: 200 },
          "smithy.api#paginated": {
            inputToken: "NextToken",
            outputToken: "NextToken",
            items: "Things",
            pageSize: "MaxResults",
          },
        },
      },
      "ex#ListThingsRequest": {
        type: "structure",
        members: {
          NextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "nextToken" } },
          MaxResults: { target: "ex#MaxResults", traits: { "smithy.api#httpQuery": "maxResults" } },
          Kind: { target: "ex#Kind", traits: { "smithy.api#httpQuery": "kind" } },
        },
      },
      "ex#ListThingsResponse": {
        type: "structure",
        members: {
          Things: { target: "ex#Things" },
          NextToken: { target: "smithy.api#String" },
        },
      },
      "ex#Things": { type: "list", member: { target: "ex#Thing" } },
      "ex#Thing": {
        type: "structure",
        members: {
          Id: { target: "ex#Id", traits: { "smithy.api#required": {} } },
          Name: { target: "smithy.api#String", traits: { "smithy.api#documentation": "The name." } },
          Kind: { target: "ex#Kind" },
          CreatedAt: { target: "smithy.api#Timestamp" },
          Tags: { target: "ex#Tags" },
        },
        traits: { "smithy.api#documentation": "A thing." },
      },
      "ex#Tags": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
      "ex#Id": {
        type: "string",
        traits: { "smithy.api#length": { min: 1, max: 64 }, "smithy.api#pattern": "^[a-z]+$" },
      },
      "ex#MaxResults": { type: "integer", traits: { "smithy.api#range": { min: 1, max: 100 } } },
      "ex#Kind": {
        type: "enum",
        members: {
          SMALL: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "small" } },
          LARGE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "large" } },
        },
      },
      "ex#Oops": {
        type: "structure",
        members: { Message: { target: "smithy.api#String" } },
        traits: { "smithy.api#error": "client" },
      },
    },
  };
}

export type Spec = ReturnType<typeof baseSpec>;

export function input(spec: Spec): SpecInput[] {
  return [{ file: "spec/example.json", text: JSON.stringify(spec, null, 2) }];
}

/** The base spec after `edit`, which mutates a fresh copy. */
export function edited(edit: (spec: Spec) => void): Spec {
  const spec = baseSpec();
  edit(spec);
  return spec;
}

/** The `members` object of a structure, union or enum of the spec. */
export function members(spec: Spec, id: string): Record<string, { target: string; traits?: Record<string, unknown> }> {
  return (spec.shapes[id] as { members: Record<string, { target: string; traits?: Record<string, unknown> }> }).members;
}

export function traits(node: { traits?: Record<string, unknown> }): Record<string, unknown> {
  node.traits ??= {};
  return node.traits;
}
