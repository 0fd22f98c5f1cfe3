import { describe, expect, it } from "vitest";
import { normalizeDocs } from "./docs.js";

describe("normalizeDocs", () => {
  it("keeps a raw < of the text instead of swallowing everything up to the next >", () => {
    // DynamoDB's KeyConditionExpression documentation, as the official model writes it.
    expect(
      normalizeDocs(
        "<li><p><code>a</code> <code><</code> <code>:v</code> - less</p></li><li><p><code>a</code> <code>></code></p></li>",
      ),
    ).toBe("- `a` `<` `:v` - less\n\n- `a` `>`");
  });

  it("keeps a list item's paragraph on its bullet (<li><p>…</p></li>, as AWS writes lists)", () => {
    // Forecast Query's Predictions documentation: each item's text used to follow an empty "-" bullet.
    const forecast =
      "<p>The forecast.</p>\n <ul>\n <li>\n <p>p10</p>\n </li>\n <li>\n <p>p50</p>\n </li>\n </ul>\n <p>The default.</p>";
    expect(normalizeDocs(forecast)).toBe("The forecast.\n\n- p10\n\n- p50\n\nThe default.");
    // Free Tier's Expression documentation writes them on one line; an item without <p> is unchanged.
    expect(normalizeDocs("<ul> <li> <p>Simple (<code>Dimensions</code>)</p> </li> <li>Complex</li> </ul>")).toBe(
      "- Simple (`Dimensions`)\n\n- Complex",
    );
    // A bullet whose first content is a nested list keeps one bullet, not an empty one before the next.
    expect(normalizeDocs("<ul><li><ul><li><p>inner</p></li></ul></li></ul>")).toBe("- inner");
  });

  it("reads hostile text in linear time (1,000,000 '<' took minutes when a tag could span them)", () => {
    // No timing assertion: quadratic work on these sizes would run past the test timeout.
    expect(normalizeDocs("<".repeat(1_000_000))).toBe("<".repeat(1_000_000));
    expect(normalizeDocs("<a ".repeat(100_000))).toBe("<a ".repeat(100_000).trim());
    expect(normalizeDocs(`${"<p".repeat(100_000)}>`)).toBe("<p".repeat(99_999));
  });
});
