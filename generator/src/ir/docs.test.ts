import { describe, expect, it } from "vitest";
import { normalizeDocs } from "./docs.js";

describe("normalizeDocs", () => {
  it("keeps a raw < of the text instead of swallowing everything up to the next >", () => {
    // DynamoDB's KeyConditionExpression documentation, as the official model writes it.
    expect(
      normalizeDocs(
        "<li><p><code>a</code> <code><</code> <code>:v</code> - less</p></li><li><p><code>a</code> <code>></code></p></li>",
      ),
    ).toBe("-\n\n`a` `<` `:v` - less\n\n-\n\n`a` `>`");
  });

  it("reads hostile text in linear time (1,000,000 '<' took minutes when a tag could span them)", () => {
    // No timing assertion: quadratic work on these sizes would run past the test timeout.
    expect(normalizeDocs("<".repeat(1_000_000))).toBe("<".repeat(1_000_000));
    expect(normalizeDocs("<a ".repeat(100_000))).toBe("<a ".repeat(100_000).trim());
    expect(normalizeDocs(`${"<p".repeat(100_000)}>`)).toBe("<p".repeat(99_999));
  });
});
