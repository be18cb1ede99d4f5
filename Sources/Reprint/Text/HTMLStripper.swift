/// The visible text of an HTML document: tags dropped, entities decoded, whitespace collapsed,
/// block elements turned into line breaks, and the content of non-article elements (scripts,
/// styles, the head, navigation, footers, asides, forms…) removed.
///
/// A single forward scan with bounded look-ups; every look-ahead that can fail remembers its
/// result, so malformed input (stray `<`, unclosed tags and comments) stays linear.
struct HTMLStripper {
    /// Elements whose content is not markup and is never shown.
    private static let rawTextElements: Set<String> = ["script", "style", "title", "iframe", "noembed", "noframes"]
    /// Elements whose content is markup but not part of the article.
    private static let hiddenElements: Set<String> = [
        "head", "nav", "footer", "aside", "noscript", "template", "svg", "form",
    ]
    /// Elements that may appear in `<head>`; any other start tag ends it, as in browsers.
    private static let headElements: Set<String> = [
        "base", "link", "meta", "noscript", "script", "style", "template", "title",
    ]
    /// Elements set off by a blank line.
    private static let paragraphElements: Set<String> = [
        "address", "article", "blockquote", "body", "caption", "center", "details", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "legend", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "ul", "aside", "form",
    ]
    /// Elements that start a new line.
    private static let lineElements: Set<String> = ["dd", "dt", "li", "option", "tr"]
    /// Elements separated from their neighbours by a space.
    private static let cellElements: Set<String> = ["td", "th"]

    /// A start or end tag.
    private struct Tag {
        var name: String
        var isEnd: Bool
        var isSelfClosing: Bool
        /// The offset just past the tag's `>`.
        var end: Int

        /// Whether the tag opens an element with content (`<p>`, not `</p>` or `<br/>`).
        var isStart: Bool { !isEnd && !isSelfClosing }
    }

    /// An element whose content is being dropped.
    private struct HiddenElement {
        var name: String
        /// How many elements of the same name are open inside it.
        var depth = 1
    }

    private let source: [Unicode.Scalar]
    private var builder: VisibleTextBuilder
    private var position = 0
    private var hidden: HiddenElement?
    private var preDepth = 0
    /// The offset of the next `>` at or after the last look-up (`source.count` if there is none).
    private var nextGreaterThan = -1
    /// The offset from which no `-->` follows, once a search has failed.
    private var commentEndMissingFrom = Int.max
    /// For each element name, the offset of the next end tag found (`source.count` if none).
    private var nextEndTag: [String: Int] = [:]

    /// Creates a stripper for one document.
    init(_ source: [Unicode.Scalar]) {
        self.source = source
        builder = VisibleTextBuilder(capacity: source.count)
    }

    /// Strips the document.
    mutating func run() -> MappedText {
        while position < source.count {
            let scalar = source[position]
            if scalar == "<", readMarkup() { continue }
            if scalar == "&", let (decoded, length) = HTMLEntities.decode(source, at: position, end: source.count) {
                appendText(decoded, origin: position)
                position += length
            } else {
                appendText(scalar, origin: position)
                position += 1
            }
        }
        return builder.text
    }

    // MARK: - Text

    private mutating func appendText(_ scalar: Unicode.Scalar, origin: Int) {
        let isSpace = VisibleTextBuilder.isHTMLSpace(scalar)
        if hidden != nil {
            // Text that is not whitespace cannot be in <head>: the body has begun.
            guard !isSpace, hidden?.name == "head" else { return }
            hidden = nil
        }
        if isSpace {
            if preDepth > 0, scalar == "\n" {
                builder.appendLineBreak(origin: origin)
            } else {
                builder.appendSpace(origin: origin)
            }
        } else {
            builder.append(scalar, origin: origin)
        }
    }

    // MARK: - Markup

    /// Consumes the markup starting at the `<` at `position`; returns `false` when the `<` is text.
    private mutating func readMarkup() -> Bool {
        guard position + 1 < source.count else { return false }
        let next = source[position + 1]
        if next == "!" {
            return readComment() || skipDeclaration()
        }
        if next == "?" {
            return skipDeclaration()
        }
        guard let tag = parseTag(at: position) else { return false }
        let start = position
        position = tag.end
        handle(tag, at: start)
        return true
    }

    /// Skips `<!-- … -->`. An unterminated comment hides nothing: only its `<!--` is dropped.
    private mutating func readComment() -> Bool {
        guard matches("<!--", at: position) else { return false }
        if position < commentEndMissingFrom, let end = find("-->", from: position + 2) {
            position = end + 3
        } else {
            commentEndMissingFrom = min(commentEndMissingFrom, position)
            position += 4
        }
        return true
    }

    /// Skips a doctype, a processing instruction or a CDATA section up to the next `>`.
    private mutating func skipDeclaration() -> Bool {
        guard let end = indexOfGreaterThan(from: position) else { return false }
        position = end + 1
        return true
    }

    private mutating func handle(_ tag: Tag, at start: Int) {
        if hidden != nil, !endsHiddenElement(tag, at: start) { return }
        if tag.isStart, skipRawText(of: tag) { return }
        if tag.isStart, Self.hiddenElements.contains(tag.name),
           tag.name == "head" || endTag(of: tag.name, from: tag.end) != nil {
            hidden = HiddenElement(name: tag.name)
        }
        if tag.name == "pre", !tag.isSelfClosing {
            preDepth = max(0, preDepth + (tag.isEnd ? -1 : 1))
        }
        applyLayout(of: tag.name, origin: start)
    }

    /// Handles a tag met inside a hidden element. Returns `true` when the tag is a start tag that
    /// implicitly ends the element, and must then be handled as visible markup.
    private mutating func endsHiddenElement(_ tag: Tag, at start: Int) -> Bool {
        guard var element = hidden else { return true }
        if element.name == tag.name {
            element.depth += tag.isEnd ? -1 : (tag.isStart ? 1 : 0)
            hidden = element.depth > 0 ? element : nil
            if hidden == nil { builder.appendParagraphBreak(origin: start) }
            return false
        }
        guard tag.isStart || tag.isSelfClosing, endsImplicitly(element.name, startTag: tag.name) else {
            skipRawText(of: tag)
            return false
        }
        hidden = nil
        return true
    }

    /// Whether a start tag closes a hidden element without its end tag: body content ends
    /// `<head>`, and a form wrapping the whole page (as ASP.NET pages do) is not hidden.
    private func endsImplicitly(_ hiddenName: String, startTag name: String) -> Bool {
        switch hiddenName {
        case "head": return !Self.headElements.contains(name)
        case "form": return name == "main" || name == "article"
        default: return false
        }
    }

    /// Skips the content and end tag of a script, style or other raw-text element; returns
    /// `false` (and skips nothing) when `tag` is not one, or when its end tag is missing.
    @discardableResult
    private mutating func skipRawText(of tag: Tag) -> Bool {
        guard tag.isStart, Self.rawTextElements.contains(tag.name),
              let close = endTag(of: tag.name, from: tag.end) else { return false }
        position = (indexOfGreaterThan(from: close) ?? source.count - 1) + 1
        return true
    }

    private mutating func applyLayout(of name: String, origin: Int) {
        if name == "br" {
            builder.appendLineBreak(origin: origin)
        } else if Self.paragraphElements.contains(name) {
            builder.appendParagraphBreak(origin: origin)
        } else if Self.lineElements.contains(name) {
            builder.appendBlockLineBreak(origin: origin)
        } else if Self.cellElements.contains(name) {
            builder.appendSpace(origin: origin)
        }
    }

    // MARK: - Parsing tags

    /// Parses the tag starting at `start`; `nil` when the `<` does not start a tag.
    private mutating func parseTag(at start: Int) -> Tag? {
        var index = start + 1
        let isEnd = index < source.count && source[index] == "/"
        if isEnd { index += 1 }
        guard index < source.count, isASCIILetter(source[index]) else { return nil }
        var name = ""
        while index < source.count, isNameScalar(source[index]) {
            name.unicodeScalars.append(lowercased(source[index]))
            index += 1
        }
        guard let close = tagEnd(from: index, tagStart: start) else { return nil }
        let isSelfClosing = !isEnd && source[close - 1] == "/" && close - 1 >= index
        return Tag(name: name, isEnd: isEnd, isSelfClosing: isSelfClosing, end: close + 1)
    }

    /// The offset of the `>` closing a tag whose attributes start at `index`. Quoted values may
    /// hold `>`; a quote left open falls back to the first `>` after the tag's `<`.
    private mutating func tagEnd(from index: Int, tagStart: Int) -> Int? {
        var index = index
        var quote: Unicode.Scalar?
        while index < source.count {
            let scalar = source[index]
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if scalar == "<" {
                    break
                }
            } else if scalar == ">" {
                return index
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "<" {
                break
            }
            index += 1
        }
        return indexOfGreaterThan(from: tagStart)
    }

    // MARK: - Searching

    /// The offset of the next `>` at or after `start`, amortised over the whole scan.
    private mutating func indexOfGreaterThan(from start: Int) -> Int? {
        if nextGreaterThan < start {
            nextGreaterThan = source[start...].firstIndex(of: ">") ?? source.count
        }
        return nextGreaterThan < source.count ? nextGreaterThan : nil
    }

    /// The offset of the next `</name` at or after `start`, amortised per name.
    private mutating func endTag(of name: String, from start: Int) -> Int? {
        if let known = nextEndTag[name], known >= start {
            return known < source.count ? known : nil
        }
        let needle = Array(name.unicodeScalars)
        var index = start
        while index + needle.count + 1 < source.count {
            if source[index] == "<", source[index + 1] == "/", matchesName(needle, at: index + 2) {
                nextEndTag[name] = index
                return index
            }
            index += 1
        }
        nextEndTag[name] = source.count
        return nil
    }

    /// Whether the tag name at `index` is `needle` (ASCII case-insensitive) and ends there.
    private func matchesName(_ needle: [Unicode.Scalar], at index: Int) -> Bool {
        for (offset, scalar) in needle.enumerated() where lowercased(source[index + offset]) != scalar {
            return false
        }
        let after = index + needle.count
        return after >= source.count || !isNameScalar(source[after])
    }

    /// The offset of the next `needle` at or after `start`.
    private func find(_ needle: String, from start: Int) -> Int? {
        let first = needle.unicodeScalars.first!
        var index = start
        while let candidate = source[index...].firstIndex(of: first) {
            if matches(needle, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func matches(_ needle: String, at index: Int) -> Bool {
        var offset = index
        for scalar in needle.unicodeScalars {
            guard offset < source.count, source[offset] == scalar else { return false }
            offset += 1
        }
        return true
    }

    private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }

    private func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == "-" || scalar == ":" || scalar == "_"
    }

    private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
    }
}

/// Accumulates visible text: runs of whitespace become one space, line breaks requested by
/// consecutive tags merge, and nothing is emitted before the first or after the last visible scalar.
private struct VisibleTextBuilder {
    /// The text built so far.
    private(set) var text = MappedText()
    private var pendingSpace: Int32?
    private var pendingBreaks = 0
    private var pendingBreakOrigin: Int32 = 0

    /// Creates a builder expecting about `capacity` scalars.
    init(capacity: Int) {
        text.scalars.reserveCapacity(capacity)
        text.origins.reserveCapacity(capacity)
    }

    /// Whether HTML treats `scalar` as inter-word space (including the no-break space).
    static func isHTMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0C}", "\u{A0}": return true
        default: return false
        }
    }

    /// Appends a visible scalar, preceded by the space or line breaks pending before it.
    mutating func append(_ scalar: Unicode.Scalar, origin: Int) {
        if pendingBreaks > 0 {
            if !text.scalars.isEmpty {
                for _ in 0..<pendingBreaks { text.append("\n", origin: pendingBreakOrigin) }
            }
        } else if let space = pendingSpace, !text.scalars.isEmpty {
            text.append(" ", origin: space)
        }
        pendingBreaks = 0
        pendingSpace = nil
        text.append(scalar, origin: Int32(truncatingIfNeeded: origin))
    }

    /// Notes whitespace; it becomes one space if visible text follows on the same line.
    mutating func appendSpace(origin: Int) {
        if pendingSpace == nil { pendingSpace = Int32(truncatingIfNeeded: origin) }
    }

    /// Requests a blank line (a paragraph boundary).
    mutating func appendParagraphBreak(origin: Int) {
        requestBreaks(2, origin: origin)
    }

    /// Requests a new line that merges with the other block boundaries around it (`<li>`, `<tr>`).
    mutating func appendBlockLineBreak(origin: Int) {
        requestBreaks(1, origin: origin)
    }

    /// Adds a line break that counts on its own (`<br>`): two in a row make a blank line.
    mutating func appendLineBreak(origin: Int) {
        requestBreaks(min(pendingBreaks + 1, 2), origin: origin)
    }

    private mutating func requestBreaks(_ count: Int, origin: Int) {
        if pendingBreaks == 0 { pendingBreakOrigin = Int32(truncatingIfNeeded: origin) }
        pendingBreaks = max(pendingBreaks, count)
    }
}
