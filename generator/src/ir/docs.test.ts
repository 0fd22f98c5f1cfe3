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

  it('keeps links as Markdown links, as AWS writes them (<a href="https://…">text</a>)', () => {
    // Data Exchange's ExportRevisionsToS3 documentation, as the official model writes it.
    const href = "https://docs.aws.amazon.com/data-exchange/latest/userguide/jobs.html#revision-export-keypatterns";
    expect(normalizeDocs(`<p>See <a href="${href}">Key patterns when exporting revisions</a>.</p>`)).toBe(
      `See [Key patterns when exporting revisions](${href}).`,
    );
    // Entities in the address are decoded; a label that is the address, or none, gives the address.
    expect(normalizeDocs('<a href="https://x.test/?a=1&amp;b=2">https://x.test/?a=1&amp;b=2</a>')).toBe(
      "https://x.test/?a=1&b=2",
    );
    expect(normalizeDocs("<a href='https://x.test/'></a> and <a href=https://y.test/>y</a>")).toBe(
      "https://x.test/ and [y](https://y.test/)",
    );
    // Code in the label stays code; brackets in it and parentheses in the address are escaped.
    expect(normalizeDocs('<a href="https://x.test/a_(b)"><code>Get[0]</code></a>')).toBe(
      "[`Get\\[0\\]`](https://x.test/a_%28b%29)",
    );
  });

  it("keeps only the text of links that lead nowhere out of their page, or are never closed", () => {
    expect(normalizeDocs('<a href="#anchor">here</a>, <a name="x">there</a>, <a href="javascript:x()">js</a>')).toBe(
      "here, there, js",
    );
    expect(normalizeDocs('<a href="https://x.test/">open</a> and <a href="https://y.test/">never closed')).toBe(
      "[open](https://x.test/) and never closed",
    );
    expect(normalizeDocs("stray </a>close")).toBe("stray close");
    // A link across paragraphs keeps its text; the markers cannot be forged by the text itself.
    expect(normalizeDocs('<a href="https://x.test/"><p>one</p><p>two</p></a>')).toBe("one\n\ntwo");
    expect(normalizeDocs("\u00000\u0001forged\u0002 &#0;&#1;&#2;")).toBe("0forged &#0;&#1;&#2;");
  });

  it("keeps code as written: `<=>` in it is text, and a backtick in it gets a longer fence", () => {
    // SQS's MessageDeduplicationId documentation, as the official model writes it: `<=>` was dropped
    // as a tag, and the backtick ended the code early.
    expect(normalizeDocs("punctuation (<code>!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~</code>).")).toBe(
      "punctuation (``!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~``).",
    );
    expect(normalizeDocs("<code>`a`</code> <code>b``c</code> <code>d</code>")).toBe("`` `a` `` ```b``c``` `d`");
    // A code tag without its pair is still a backtick; a comment is not text.
    expect(normalizeDocs("<code>open and <!-- note --> <code>x</code> close</code>")).toBe("`open and `x` close`");
    expect(normalizeDocs("a <= b and c > d, <1>")).toBe("a <= b and c > d, <1>");
  });

  it("keeps a placeholder written as <word> as text: only the elements docs are written with are tags", () => {
    // IoT's CreateCommandResponse.commandArn, Lambda's LoggingConfig.LogGroup, MediaConvert's
    // CaptionSelectorName and QuickSight's CreateGroup, as the official models write them: the
    // placeholders were dropped as tags, leaving `arn:aws:iot:::command/`.
    expect(normalizeDocs("<p>For example, <code>arn:aws:iot:<region>:<accountid>:command/<commandId></code></p>")).toBe(
      "For example, `arn:aws:iot:<region>:<accountid>:command/<commandId>`",
    );
    expect(normalizeDocs("<p>A log group named <code>/aws/lambda/<function name></code>.</p>")).toBe(
      "A log group named `/aws/lambda/<function name>`.",
    );
    expect(normalizeDocs('The format "Caption Selector <N>", the Nth.')).toBe(
      'The format "Caption Selector <N>", the Nth.',
    );
    expect(
      normalizeDocs(
        "<code>arn:aws:quicksight:<your-region>:<i><relevant-aws-account-id></i>:group/<i><group-name></i></code>",
      ),
    ).toBe("`arn:aws:quicksight:<your-region>:<relevant-aws-account-id>:group/<group-name>`");
    expect(normalizeDocs('adds <Accessibility schemeIdUri="urn:x" value="caption"/>.')).toBe(
      'adds <Accessibility schemeIdUri="urn:x" value="caption"/>.',
    );
    // The elements docs are written with still go, in either case, with or without attributes.
    expect(normalizeDocs('<P>One <B>bold</B> <span class="x">and</span> <em>em</em><br/>two</P>')).toBe(
      "One bold and em\n\ntwo",
    );
  });

  it("ends a paragraph at block elements: a definition list's term and text do not run together", () => {
    // IoT's TopicRuleDestination.status writes <dl><dt>IN_PROGRESS</dt><dd><p>…</p></dd>.
    expect(normalizeDocs("<dl><dt>IN_PROGRESS</dt><dd>Created.</dd><dt>ENABLED</dt><dd>Enabled.</dd></dl>")).toBe(
      "IN_PROGRESS\n\nCreated.\n\nENABLED\n\nEnabled.",
    );
    expect(normalizeDocs("Text<note>A note.</note>More<important>Mind.</important><h2>Head</h2>")).toBe(
      "Text\n\nA note.\n\nMore\n\nMind.\n\nHead",
    );
  });

  it("keeps an entity that names no character as written (a code point past U+10FFFF threw)", () => {
    expect(normalizeDocs("a &#99999999; b &#xFFFFFFFF; c &bogus; d &#x41;")).toBe(
      "a &#99999999; b &#xFFFFFFFF; c &bogus; d A",
    );
  });

  it("reads hostile text in linear time (1,000,000 '<' took minutes when a tag could span them)", () => {
    // No timing assertion: quadratic work on these sizes would run past the test timeout.
    expect(normalizeDocs("<".repeat(1_000_000))).toBe("<".repeat(1_000_000));
    expect(normalizeDocs("<a ".repeat(100_000))).toBe("<a ".repeat(100_000).trim());
    expect(normalizeDocs(`${"<p".repeat(100_000)}>`)).toBe("<p".repeat(99_999));
    expect(normalizeDocs('<a href="https://x.test/">'.repeat(100_000))).toBe(undefined);
    expect(normalizeDocs('<a href="https://x.test/">x</a>'.repeat(100_000))).toBe(
      "[x](https://x.test/)".repeat(100_000),
    );
    expect(normalizeDocs("<code>".repeat(100_000))).toBe("`".repeat(100_000));
    expect(normalizeDocs("<code>`</code>".repeat(100_000))).toBe("`` ` ``".repeat(100_000));
    expect(normalizeDocs(`${'<a href="https://x.test/">'.repeat(50_000)}${"</a>".repeat(50_000)}`)).toBe(
      "https://x.test/",
    );
  });
});
