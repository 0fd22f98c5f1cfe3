import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factsOf, fixtureText } from "../fixtures.mjs";
import { awsModelFiles, describeWithReference, fixtureReferenceDir, sharedReferenceDir } from "../index.js";

describe("facts-only copies", () => {
  it("drop documentation, examples and external docs, and keep every other trait", () => {
    const facts = factsOf({
      shapes: {
        "a#B": {
          type: "string",
          traits: { "smithy.api#documentation": "prose", "smithy.api#pattern": "^x$", "smithy.api#examples": [] },
        },
      },
    });
    expect(facts).toEqual({ shapes: { "a#B": { type: "string", traits: { "smithy.api#pattern": "^x$" } } } });
  });

  it("exist in the repo for every model the tests read", () => {
    expect(awsModelFiles().length).toBeGreaterThanOrEqual(9);
  });
});

describeWithReference(
  "the committed facts-only copies match ../shared/reference/aws-models",
  ["aws-models/dataexchange-2017-07-25.json"],
  () => {
    it.each(awsModelFiles())("%s", (name) => {
      const original = readFileSync(join(sharedReferenceDir, "aws-models", name), "utf8");
      expect(readFileSync(join(fixtureReferenceDir, "aws-models", name), "utf8") === fixtureText(original)).toBe(true);
    });
  },
  { factsOnly: false },
);
