import Testing
@testable import Reprint

private func scalars(_ text: String) -> [Unicode.Scalar] {
    Array(text.unicodeScalars)
}

private func visible(_ text: String, _ format: DocumentFormat) -> String {
    MarkupStripper.visibleText(of: scalars(text), format: format).string
}

private func detect(_ text: String, _ fileExtension: String? = nil) -> DocumentFormat {
    MarkupStripper.detectFormat(of: scalars(text), fileExtension: fileExtension)
}

/// Checks the offset map: origins are in range and never go backwards, and every visible
/// scalar that is not a synthesized space or line break is either the original scalar at its
/// origin or an entity decoded from the `&` there.
private func expectFaithfulOrigins(_ text: String, _ format: DocumentFormat, sourceLocation: SourceLocation = #_sourceLocation) {
    let original = scalars(text)
    let mapped = MarkupStripper.visibleText(of: original, format: format)
    #expect(mapped.scalars.count == mapped.origins.count, sourceLocation: sourceLocation)
    var previous: Int32 = -1
    for (scalar, origin) in zip(mapped.scalars, mapped.origins) {
        guard origin >= 0, Int(origin) < original.count else {
            Issue.record("origin \(origin) out of range", sourceLocation: sourceLocation)
            return
        }
        #expect(origin >= previous, sourceLocation: sourceLocation)
        previous = origin
        if scalar != " ", scalar != "\n" {
            #expect(original[Int(origin)] == scalar || original[Int(origin)] == "&", sourceLocation: sourceLocation)
        }
    }
}

// MARK: - Plain

@Test func plainTextIsTheIdentity() {
    let text = "Line one\r\n  <b>not markup</b> &amp; *stars*\n"
    let mapped = MarkupStripper.visibleText(of: scalars(text), format: .plain)
    #expect(mapped.string == text)
    #expect(mapped.origins == (0..<Int32(mapped.count)).map { $0 })
}

// MARK: - HTML

@Test func htmlParagraphsAndEntities() {
    let html = "<p>Fish &amp; chips &mdash; &#8220;cheap&#x201D; at &pound;3&nbsp;each</p>\n<p>Second   line\n here</p>"
    #expect(visible(html, .html) == "Fish & chips — “cheap” at £3 each\n\nSecond line here")
}

@Test func htmlDropsPageFurniture() {
    let html = """
    <!DOCTYPE html><html><head><title>Page title</title><style>p { color: red }</style>
    <script>var s = "<p>not text</p>";</script></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a></nav><!-- a comment -->
    <h1>Headline</h1><p class="lead">Body text.</p>
    <aside>Share this</aside><noscript>Enable scripts</noscript><template><p>Hidden</p></template>
    <svg><title>Icon</title><text>svg text</text></svg><form><input value="q"> Search</form>
    <footer>Copyright</footer></body></html>
    """
    #expect(visible(html, .html) == "Headline\n\nBody text.")
}

@Test func htmlLineBreaksListsAndCells() {
    let html = "<ul><li>One</li><li>Two</li></ul>Line<br>break<br><br>para<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
    #expect(visible(html, .html) == "One\nTwo\n\nLine\nbreak\n\npara\n\na b\nc")
}

@Test func htmlPreformattedTextKeepsItsLines() {
    #expect(visible("<p>Code:</p><pre>line 1\nline 2</pre>", .html) == "Code:\n\nline 1\nline 2")
}

@Test func htmlHeadEndsWithoutItsEndTag() {
    #expect(visible("<html><head><title>T</title><meta charset=\"utf-8\"><body><p>Text</p>", .html) == "Text")
    #expect(visible("<head><title>T</title>Hello", .html) == "Hello")
}

@Test func htmlFormWrappingThePageIsNotHidden() {
    #expect(visible("<form><p>Search</p><article><p>Story</p></article></form>", .html) == "Story")
}

@Test func htmlMalformedMarkupKeepsTheText() {
    let html = "a < b and 3<4, <p class=\"x>unclosed quote</p> tail & more <b"
    #expect(visible(html, .html) == "a < b and 3<4,\n\nunclosed quote\n\ntail & more <b")
    #expect(visible("<nav>Menu<p>Story text", .html) == "Menu\n\nStory text")
    #expect(visible("<script>alert(1)", .html) == "alert(1)")
    #expect(visible("<p title='a>b'>quoted</p>", .html) == "quoted")
}

@Test func htmlUnterminatedCommentHidesNothing() {
    #expect(visible("<p>before</p><!-- never closed <p>after</p>", .html) == "before\n\nnever closed\n\nafter")
}

@Test func htmlEntityEdgeCases() {
    #expect(visible("it&#146;s &#0; &foo; &amp AT&T &#x1F600;", .html) == "it’s \u{FFFD} &foo; &amp AT&T 😀")
}

@Test func htmlOffsetsPointAtTheOriginal() {
    let html = "<p>Caf&eacute;  au\n lait</p><p>Next</p>"
    let original = scalars(html)
    let mapped = MarkupStripper.visibleText(of: original, format: .html)
    #expect(mapped.string == "Café au lait\n\nNext")
    let entity = mapped.scalars.firstIndex(of: "é")!
    #expect(mapped.origins[entity] == 6)
    let space = mapped.scalars.firstIndex(of: " ")!
    #expect(mapped.origins[space] == 14)
    let lineBreak = mapped.scalars.firstIndex(of: "\n")!
    #expect(original[Int(mapped.origins[lineBreak])] == "<")
    expectFaithfulOrigins(html, .html)
}

// MARK: - Markdown

@Test func markdownHeadingsAndRules() {
    let markdown = "# Title\n\nText\n## Sub ##\nSetext\n===\nOther\n---\nabove\n\n***\n\nbelow"
    #expect(visible(markdown, .markdown) == "Title\n\nText\nSub\nSetext\n\nOther\n\nabove\n\n\n\nbelow")
}

@Test func markdownLinksAndImages() {
    let markdown = """
    See [the report](http://x.com/a_(b)) and ![chart](c.png) or [ref link][r], [shortcut] and [not a link].
    [![badge](b.svg)](http://ci.example.com)

    [r]: http://example.com
    [shortcut]: <http://example.com> "Title"
    """
    #expect(visible(markdown, .markdown) == "See the report and  or ref link, shortcut and [not a link].\n\n\n\n")
}

@Test func markdownEmphasis() {
    let markdown = "**bold** and *it* and __b__ and _i_ and ~~gone~~ and snake_case_name and 5 * 3 and a*b"
    #expect(visible(markdown, .markdown) == "bold and it and b and i and gone and snake_case_name and 5 * 3 and a*b")
    #expect(visible("**start of\nbold** end", .markdown) == "start of\nbold end")
    #expect(visible("**foo*", .markdown) == "*foo")
    #expect(visible("***both***", .markdown) == "both")
}

@Test func markdownCodeAndEscapes() {
    #expect(visible("Use `a*b*c` and ``x ` y`` or `open", .markdown) == "Use a*b*c and x ` y or `open")
    #expect(visible("Price \\$5 \\*not em\\* in C:\\path", .markdown) == "Price $5 *not em* in C:\\path")
    #expect(visible("```swift\nlet a = **b**\n```\nafter", .markdown) == "\nlet a = **b**\n\nafter")
}

@Test func markdownListsQuotesAndTables() {
    let markdown = "- one\n* two\n+ three\n1. four\n2) five\n> quoted\n> - nested\n- [x] done"
    #expect(visible(markdown, .markdown) == "one\ntwo\nthree\nfour\nfive\nquoted\nnested\ndone")
    #expect(visible("| a | b |\n|---|:-:|\n| 1 | 2 |", .markdown) == "  a   b  \n\n  1   2  ")
}

@Test func markdownInlineHTMLAutolinksAndEntities() {
    #expect(visible("Line one<br/>line two <span class=\"x\">kept</span> <!-- gone --> end", .markdown)
        == "Line one\nline two kept  end")
    #expect(visible("Visit <https://example.com/x> or https://bare.example.com now", .markdown)
        == "Visit  or https://bare.example.com now")
    #expect(visible("AT&amp;T &copy; 2024 &nope;", .markdown) == "AT&T © 2024 &nope;")
}

@Test func markdownKeepsEveryLineBreak() {
    let markdown = "# Head\n\n[x]: http://x\n![img](y)\nText\n"
    #expect(visible(markdown, .markdown).split(separator: "\n", omittingEmptySubsequences: false).count
        == markdown.split(separator: "\n", omittingEmptySubsequences: false).count)
}

@Test func markdownOffsetsPointAtTheOriginal() {
    let markdown = "## A **bold** [link](http://x) \\* &amp; `code`\n> quote _em_\n"
    let original = scalars(markdown)
    let mapped = MarkupStripper.visibleText(of: original, format: .markdown)
    #expect(mapped.string == "A bold link * & code\nquote em\n")
    #expect(mapped.origins[mapped.scalars.firstIndex(of: "b")!] == 7)
    #expect(original[Int(mapped.origins[mapped.scalars.firstIndex(of: "&")!])] == "&")
    expectFaithfulOrigins(markdown, .markdown)
}

// MARK: - Format detection

@Test func detectionFollowsTheExtension() {
    #expect(detect("plain words", "md") == .markdown)
    #expect(detect("plain words", ".MARKDOWN") == .markdown)
    #expect(detect("plain words", "htm") == .html)
    #expect(detect("plain words", "HTML") == .html)
    #expect(detect("plain words", "txt") == .plain)
    #expect(detect("plain words", nil) == .plain)
}

@Test func detectionRecognisesHTML() {
    #expect(detect("<!DOCTYPE html><title>x</title>", "txt") == .html)
    #expect(detect("\u{FEFF}  <html><body>Hi</body></html>") == .html)
    #expect(detect("<div><p>One</p><p>Two</p></div>") == .html)
    #expect(detect("Intro<br>\n<p>Para</p>") == .html)
}

@Test func detectionRecognisesMarkdown() {
    #expect(detect("# Title\n\nSome [link](http://x.example) text.") == .markdown)
    #expect(detect("Headline\n========\n\nBy **Staff**\n\nText.") == .markdown)
    #expect(detect("# Title\n\n- one\n- two\n- three\n") == .markdown)
    #expect(detect("# Title\n\nText<br/>more<br/>and <sup>1</sup> [link](x)") == .markdown)
}

@Test func detectionIsConservative() {
    let story = """
    The band went to #1 in the charts on Friday.
    Officials said 5 * 3 was the sum * of it all, and she wrote <b> in the form.
    - Quoted dialogue line.
    # 2 seed was knocked out.
    Email <editor@example.com> with tips.
    """
    #expect(detect(story) == .plain)
    #expect(detect(story, "txt") == .plain)
    let scrapedWithAnAd = "Story text.\n<A HREF=\"http://ads.example\"><IMG SRC=\"ad.gif\" BORDER=0></A>\nMore text."
    #expect(detect(scrapedWithAnAd) == .plain)
    #expect(detect("") == .plain)
}

// MARK: - Robustness

@Test(arguments: [DocumentFormat.html, .markdown])
func strippingNeverCrashes(format: DocumentFormat) {
    let small: [String] = [
        "", "<", ">", "&", "&#", "&#x", "&#99999999999;", "&#xD800;", "<!--", "<!-->", "<!", "<?", "</", "</>",
        "<a", "<a href=\"", "<a href='x", "<script>", "<style>x", "<svg><svg></svg>", "<head>", "</head></nav>",
        "[", "[x](", "![", "![x][", "`", "``", "\\", "*", "**", "_", "~~", "#", "######", "> ", "- ", "1.",
        "```", "~~~\ncode", "|", "[x]:", "<http:", "<br", "\r\n\r\n", "\n\n\n",
    ]
    let repeated: [String] = [
        "<div>", "[", "(", "*a ", "> ", "<!--", "<a \"",
    ].map { String(repeating: $0, count: 10_000) }
    for input in small + repeated + [String(repeating: "`", count: 10_000) + "x"] {
        expectFaithfulOrigins(input, format)
    }
}

@Test func oneLongLineOfPathologicalMarkupIsStripped() {
    let line = Array(String(repeating: "<a x=\"[`*_&<!-- ", count: 200_000).unicodeScalars)
    for format in DocumentFormat.allCases {
        let visible = MarkupStripper.visibleText(of: line, format: format)
        #expect(visible.count <= line.count + line.count / 2)
        #expect(visible.origins.allSatisfy { $0 >= 0 && Int($0) < line.count })
    }
    #expect(MarkupStripper.detectFormat(of: line, fileExtension: nil) != .html)
}
