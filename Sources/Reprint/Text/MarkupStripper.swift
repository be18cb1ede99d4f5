/// Recognises Markdown and HTML documents and reduces them to the text a reader sees, keeping
/// for every visible scalar its offset in the original document.
///
/// Stripping is a linear scan over the scalars (no regular expressions, no recursion), so it is
/// safe on any input: empty files, stray `<`, unterminated comments, a 50 MB single line.
public enum MarkupStripper {
    /// How much of a document format detection looks at.
    private static let sniffLength = 200_000

    /// Guesses the format of a document.
    ///
    /// The extension decides when it names a format (`md`/`markdown` → Markdown, `html`/`htm` →
    /// HTML; with or without the dot, in any case). Otherwise the content decides: a doctype, an
    /// `<html>` element or several well-formed tags, including structural ones such as `<p>` or
    /// `<div>`, make HTML; several Markdown constructs (ATX headings, inline links, `**strong**`,
    /// fences, reference definitions, or one of those plus list items and quotes) make Markdown.
    /// Detection is conservative: a news story with a stray `#1`, `5 * 3` or advert `<a><img>`
    /// stays plain.
    ///
    /// - Parameters:
    ///   - original: the document's text.
    ///   - fileExtension: the extension of the file it came from, if any.
    public static func detectFormat(of original: [Unicode.Scalar], fileExtension: String?) -> DocumentFormat {
        if let format = format(forExtension: fileExtension) { return format }
        let sample = Array(original.prefix(sniffLength))
        if startsAsHTML(sample) { return .html }
        let markdown = MarkdownEvidence(sample)
        let tags = HTMLTagEvidence(sample)
        if markdown.isConvincing {
            // Markdown may hold inline HTML (`<br>`, `<sup>`); only a page's structure outweighs it.
            return tags.structural > markdown.strong ? .html : .markdown
        }
        return tags.count >= 3 && tags.distinctNames >= 2 && tags.structural >= 2 ? .html : .plain
    }

    /// The visible text of a document, every scalar mapped to its offset in `original`.
    ///
    /// - `plain`: the original itself, with the identity mapping.
    /// - `markdown`: markers removed, every line break kept (see ``DocumentFormat/markdown``).
    /// - `html`: tags, comments and non-article elements (`script`, `style`, `head`, `nav`,
    ///   `footer`, `aside`, `form`…) removed, entities decoded (mapped to their `&`), whitespace
    ///   collapsed, and block elements turned into line breaks mapped to their tag's `<`.
    public static func visibleText(of original: [Unicode.Scalar], format: DocumentFormat) -> MappedText {
        switch format {
        case .plain:
            return MappedText(identity: original)
        case .markdown:
            var stripper = MarkdownStripper(original)
            return stripper.run()
        case .html:
            var stripper = HTMLStripper(original)
            return stripper.run()
        }
    }

    private static func format(forExtension fileExtension: String?) -> DocumentFormat? {
        guard var name = fileExtension?.lowercased() else { return nil }
        if name.hasPrefix(".") { name.removeFirst() }
        switch name {
        case "md", "markdown", "mdown", "mkd", "mkdn": return .markdown
        case "html", "htm", "xhtml": return .html
        default: return nil
        }
    }

    /// Whether the text opens with a doctype or an `<html>` element (after a BOM and whitespace).
    private static func startsAsHTML(_ sample: [Unicode.Scalar]) -> Bool {
        guard let start = sample.firstIndex(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }) else { return false }
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: sample[start..<min(start + 14, sample.count)])
        let opening = String(prefix).lowercased()
        return opening.hasPrefix("<!doctype html") || opening.hasPrefix("<html")
    }
}

/// Counts the well-formed tags of common HTML elements.
private struct HTMLTagEvidence {
    /// Elements that structure a page, which Markdown documents rarely contain.
    private static let structuralElements: Set<String> = [
        "article", "aside", "blockquote", "body", "div", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "html", "li", "link", "main", "meta", "nav", "ol", "p",
        "pre", "script", "section", "style", "table", "td", "th", "title", "tr", "ul",
    ]
    /// Elements used inside text, which Markdown documents also contain.
    private static let inlineElements: Set<String> = [
        "a", "b", "br", "code", "em", "figcaption", "hr", "i", "iframe", "img", "input", "noscript",
        "small", "span", "strong", "sub", "sup", "tbody", "thead", "time", "u",
    ]

    /// How many tags were found.
    private(set) var count = 0
    /// How many of them belong to structural elements (paragraphs, divisions, lists, tables…).
    private(set) var structural = 0
    /// How many different elements they belong to.
    var distinctNames: Int { names.count }
    private var names: Set<String> = []

    init(_ sample: [Unicode.Scalar]) {
        var index = 0
        while let open = sample[index...].firstIndex(of: "<") {
            guard let tag = MarkdownSyntax.htmlTag(sample, at: open, end: sample.count) else {
                index = open + 1
                continue
            }
            let isStructural = Self.structuralElements.contains(tag.name)
            if isStructural || Self.inlineElements.contains(tag.name) {
                count += 1
                structural += isStructural ? 1 : 0
                names.insert(tag.name)
            }
            index = tag.end
        }
    }
}

/// Counts Markdown constructs, line by line.
private struct MarkdownEvidence {
    /// Constructs that hardly occur in plain text: ATX headings, setext `===` underlines, code
    /// fences, reference definitions, inline links and images, `**strong**` and `__strong__`.
    private(set) var strong = 0
    /// Constructs that plain text also uses: list items, quoted lines, backtick pairs.
    private(set) var weak = 0

    /// Whether there is enough evidence to treat the text as Markdown.
    var isConvincing: Bool { strong >= 2 || (strong >= 1 && weak >= 3) }

    init(_ sample: [Unicode.Scalar]) {
        var previousLineHasText = false
        MarkdownSyntax.forEachLine(in: sample) { start, lineEnd in
            let end = MarkdownSyntax.trimTrailingSpaces(sample, from: start, to: lineEnd)
            let index = MarkdownSyntax.skipSpaces(sample, from: start, to: end)
            defer { previousLineHasText = index < end }
            guard index < end else { return }
            countBlock(sample, at: index, end: end, afterText: previousLineHasText)
            countInline(sample, from: index, to: end)
        }
    }

    private mutating func countBlock(_ line: [Unicode.Scalar], at index: Int, end: Int, afterText: Bool) {
        if let heading = MarkdownSyntax.atxHeadingContent(line, at: index, end: end), !heading.isEmpty {
            strong += 1
        } else if line[index] == "=", MarkdownSyntax.isRuleOrUnderline(line, from: index, to: end, afterText: afterText) {
            strong += 1
        } else if let fence = MarkdownSyntax.openingFence(line, at: index, end: end), fence.marker == "`" {
            strong += 1
        } else if MarkdownSyntax.referenceDefinitionLabel(line, at: index, end: end) != nil {
            strong += 1
        } else if line[index] == ">" || MarkdownSyntax.listMarkerEnd(line, at: index, end: end) != nil {
            weak += 1
        }
    }

    /// Counts `[text](url)` links, `**strong**` pairs and backtick pairs on one line.
    private mutating func countInline(_ line: [Unicode.Scalar], from start: Int, to end: Int) {
        let lastParenthesis = line[start..<end].lastIndex(of: ")") ?? start
        var sawOpenBracket = false
        var strongOpeners = 0
        var strongClosers = 0
        var backticks = 0
        var index = start
        while index < end {
            let scalar = line[index]
            switch scalar {
            case "[":
                sawOpenBracket = true
            case "]" where sawOpenBracket && index + 1 < end && line[index + 1] == "(":
                if lastParenthesis > index + 1 { strong += 1 }
                sawOpenBracket = false
            case "`":
                backticks += 1
            case "*", "_":
                let length = MarkdownSyntax.runLength(of: scalar, in: line, at: index, end: end)
                if length == 2 {
                    let flanking = MarkdownSyntax.Flanking(
                        before: index > start ? line[index - 1] : " ",
                        after: index + 2 < end ? line[index + 2] : " ",
                        marker: scalar
                    )
                    if flanking.canOpen { strongOpeners += 1 } else if flanking.canClose { strongClosers += 1 }
                }
                index += length
                continue
            default:
                break
            }
            index += 1
        }
        strong += min(strongOpeners, strongClosers)
        weak += backticks / 2
    }
}
