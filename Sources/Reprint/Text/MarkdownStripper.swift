/// The visible text of a Markdown document, line by line: every original line break is kept
/// (so callers can split lines), block markers (headings, quotes, list bullets, fences, rules)
/// are removed from the start of lines, and inline syntax (emphasis, code, links, images,
/// autolinks, HTML tags, escapes, entities) is reduced to the text a reader sees.
///
/// Lines are scanned once for their structure (code spans, matching brackets and parentheses)
/// and once to emit text, so the work stays linear even on one very long line.
struct MarkdownStripper {
    private let source: [Unicode.Scalar]
    private var output: EmphasisText
    private var referenceLabels: Set<String> = []
    private var fence: MarkdownSyntax.Fence?
    private var previousLineHasText = false

    /// Creates a stripper for one document.
    init(_ source: [Unicode.Scalar]) {
        self.source = source
        output = EmphasisText(capacity: source.count)
    }

    /// Strips the document.
    mutating func run() -> MappedText {
        referenceLabels = Self.referenceLabels(in: source)
        MarkdownSyntax.forEachLine(in: source) { start, end in
            processLine(start, end)
            if end < source.count { output.append("\n", origin: end) }
        }
        output.endParagraph()
        return output.text
    }

    /// The labels of the document's link reference definitions, which make `[label]` a link.
    private static func referenceLabels(in source: [Unicode.Scalar]) -> Set<String> {
        var labels: Set<String> = []
        MarkdownSyntax.forEachLine(in: source) { start, end in
            let index = MarkdownSyntax.skipSpaces(source, from: start, to: end)
            if let label = MarkdownSyntax.referenceDefinitionLabel(source, at: index, end: end) {
                labels.insert(MarkdownSyntax.normalizedLabel(source[label]))
            }
        }
        return labels
    }

    // MARK: - Blocks

    private mutating func processLine(_ start: Int, _ lineEnd: Int) {
        let end = MarkdownSyntax.trimTrailingSpaces(source, from: start, to: lineEnd)
        if let open = fence {
            if MarkdownSyntax.closesFence(open, source, from: start, to: end) {
                fence = nil
            } else {
                output.appendVerbatim(source, start..<end)
            }
            return
        }
        let index = MarkdownSyntax.skipSpaces(source, from: start, to: end)
        let afterText = previousLineHasText
        previousLineHasText = false
        if consumeMarkerOnlyLine(from: index, to: end, afterText: afterText) {
            output.endParagraph()
            return
        }
        previousLineHasText = true
        let contentStart = skipContainerMarkers(from: index, to: end)
        if contentStart != index { output.endParagraph() }
        if let heading = MarkdownSyntax.atxHeadingContent(source, at: contentStart, end: end) {
            output.endParagraph()
            appendInline(heading)
            output.endParagraph()
        } else {
            appendInline(contentStart..<end)
        }
    }

    /// Whether the line shows no text: it is blank, opens a code fence, is a rule or a setext
    /// underline, or defines a link reference.
    private mutating func consumeMarkerOnlyLine(from index: Int, to end: Int, afterText: Bool) -> Bool {
        if index == end { return true }
        if let opened = MarkdownSyntax.openingFence(source, at: index, end: end) {
            fence = opened
            return true
        }
        return MarkdownSyntax.isRuleOrUnderline(source, from: index, to: end, afterText: afterText)
            || MarkdownSyntax.referenceDefinitionLabel(source, at: index, end: end) != nil
    }

    /// Skips blockquote markers, list bullets and task boxes at the start of a line.
    private func skipContainerMarkers(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            if source[index] == ">" {
                index = MarkdownSyntax.skipSpaces(source, from: index + 1, to: end)
            } else if let after = MarkdownSyntax.listMarkerEnd(source, at: index, end: end) {
                index = MarkdownSyntax.skipTaskBox(source, at: MarkdownSyntax.skipSpaces(source, from: after, to: end), end: end)
            } else {
                break
            }
        }
        return index
    }

    // MARK: - Inline syntax

    /// Emits the visible text of `range`, one line's content.
    private mutating func appendInline(_ range: Range<Int>) {
        var inline = InlineScanner(source: source, range: range)
        var resumeAfterLinkText: [Int: Int] = [:]
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = source[index]
            switch scalar {
            case "]" where !resumeAfterLinkText.isEmpty:
                if let resume = resumeAfterLinkText.removeValue(forKey: index) {
                    index = resume
                } else {
                    output.append(scalar, origin: index)
                    index += 1
                }
            case "\\":
                index = appendEscape(at: index, end: range.upperBound)
            case "`":
                index = appendCode(at: index, inline: inline)
            case "!" where index + 1 < range.upperBound && source[index + 1] == "[":
                if let link = link(at: index + 1, inline: inline) {
                    index = link.resume
                } else {
                    output.append(scalar, origin: index)
                    index += 1
                }
            case "[":
                if let link = link(at: index, inline: inline) {
                    resumeAfterLinkText[link.close] = link.resume
                } else {
                    output.append(scalar, origin: index)
                }
                index += 1
            case "<":
                index = appendAngle(at: index, inline: &inline)
            case "&":
                if let (decoded, length) = HTMLEntities.decode(source, at: index, end: range.upperBound) {
                    output.append(decoded, origin: index)
                    index += length
                } else {
                    output.append(scalar, origin: index)
                    index += 1
                }
            case "*", "_", "~":
                index = appendDelimiterRun(at: index, range: range)
            case "|":
                output.append(" ", origin: index)
                index += 1
            default:
                output.append(scalar, origin: index)
                index += 1
            }
        }
    }

    /// `\*` → `*`; a backslash ending a line is a hard line break and disappears.
    private mutating func appendEscape(at index: Int, end: Int) -> Int {
        if index + 1 == end { return end }
        if MarkdownSyntax.isASCIIPunctuation(source[index + 1]) {
            output.append(source[index + 1], origin: index + 1)
            return index + 2
        }
        output.append("\\", origin: index)
        return index + 1
    }

    /// A code span keeps its content verbatim; an unmatched backtick run is text.
    private mutating func appendCode(at index: Int, inline: InlineScanner) -> Int {
        let length = MarkdownSyntax.runLength(of: "`", in: source, at: index, end: inline.range.upperBound)
        guard let content = inline.codeSpans[index] else {
            output.appendVerbatim(source, index..<index + length)
            return index + length
        }
        output.appendVerbatim(source, content)
        return content.upperBound + length
    }

    /// The link or image whose text opens with the `[` at `open`: where its text closes and where
    /// the text resumes after its destination (`(url)`, `[ref]`, or nothing for a known shortcut).
    private func link(at open: Int, inline: InlineScanner) -> (close: Int, resume: Int)? {
        guard let close = inline.closingBrackets[open] else { return nil }
        let after = close + 1
        if after < inline.range.upperBound {
            if source[after] == "(", let paren = inline.closingParentheses[after] { return (close, paren + 1) }
            if source[after] == "[", let reference = inline.closingBrackets[after] { return (close, reference + 1) }
        }
        guard !referenceLabels.isEmpty, close - open <= MarkdownSyntax.longestLabel,
              referenceLabels.contains(MarkdownSyntax.normalizedLabel(source[open + 1..<close])) else { return nil }
        return (close, after)
    }

    /// Drops an autolink, an HTML tag or comment at `index` (`<br>` becomes a line break); a `<`
    /// that starts none of them is text.
    private mutating func appendAngle(at index: Int, inline: inout InlineScanner) -> Int {
        let end = inline.range.upperBound
        if let close = MarkdownSyntax.autolinkEnd(source, at: index, end: end) { return close + 1 }
        if let commentEnd = inline.commentEnd(at: index) { return commentEnd }
        if let tag = MarkdownSyntax.htmlTag(source, at: index, end: end) {
            if tag.name == "br" { output.append("\n", origin: index) }
            return tag.end
        }
        output.append("<", origin: index)
        return index + 1
    }

    /// Emits a run of `*`, `_` or `~` as a potential emphasis delimiter, to be matched when the
    /// paragraph ends; runs that cannot open or close emphasis are plain text.
    private mutating func appendDelimiterRun(at index: Int, range: Range<Int>) -> Int {
        let marker = source[index]
        let length = MarkdownSyntax.runLength(of: marker, in: source, at: index, end: range.upperBound)
        let before: Unicode.Scalar = index > range.lowerBound ? source[index - 1] : " "
        let after: Unicode.Scalar = index + length < range.upperBound ? source[index + length] : " "
        let flanking = MarkdownSyntax.Flanking(before: before, after: after, marker: marker)
        if (flanking.canOpen || flanking.canClose) && (marker != "~" || length == 2) {
            output.appendDelimiter(marker, source: source, index..<index + length,
                                   canOpen: flanking.canOpen, canClose: flanking.canClose)
        } else {
            output.appendVerbatim(source, index..<index + length)
        }
        return index + length
    }
}

/// The structure of one line's inline content, found in one pass before text is emitted:
/// code spans and the partners of brackets and parentheses.
private struct InlineScanner {
    let range: Range<Int>
    /// For each opening backtick run, the range of the code span's content.
    private(set) var codeSpans: [Int: Range<Int>] = [:]
    /// For each `[`, the offset of its matching `]`.
    private(set) var closingBrackets: [Int: Int] = [:]
    /// For each `(`, the offset of its matching `)`.
    private(set) var closingParentheses: [Int: Int] = [:]
    private let source: [Unicode.Scalar]
    /// The offset from which no `-->` follows on this line, once a search has failed.
    private var commentEndMissingFrom = Int.max

    init(source: [Unicode.Scalar], range: Range<Int>) {
        self.source = source
        self.range = range
        findCodeSpans()
        if source[range].contains("[") { matchBrackets() }
    }

    /// Pairs each backtick run with the next run of the same length, as CommonMark does.
    private mutating func findCodeSpans() {
        var runs: [(start: Int, length: Int)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if source[index] == "\\" {
                index += 2
            } else if source[index] == "`" {
                let length = MarkdownSyntax.runLength(of: "`", in: source, at: index, end: range.upperBound)
                runs.append((index, length))
                index += length
            } else {
                index += 1
            }
        }
        guard runs.count > 1 else { return }
        var nextOfSameLength = [Int](repeating: -1, count: runs.count)
        var latestOfLength: [Int: Int] = [:]
        for run in runs.indices.reversed() {
            nextOfSameLength[run] = latestOfLength[runs[run].length] ?? -1
            latestOfLength[runs[run].length] = run
        }
        var run = 0
        while run < runs.count {
            let closer = nextOfSameLength[run]
            guard closer >= 0 else {
                run += 1
                continue
            }
            codeSpans[runs[run].start] = runs[run].start + runs[run].length..<runs[closer].start
            run = closer + 1
        }
    }

    /// Matches brackets and parentheses outside code spans and escapes.
    private mutating func matchBrackets() {
        var brackets: [Int] = []
        var parentheses: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            switch source[index] {
            case "`":
                if let span = codeSpans[index] { index = span.upperBound + (span.lowerBound - index) - 1 }
            case "\\": index += 1
            case "[": brackets.append(index)
            case "]": if let open = brackets.popLast() { closingBrackets[open] = index }
            case "(": parentheses.append(index)
            case ")": if let open = parentheses.popLast() { closingParentheses[open] = index }
            default: break
            }
            index += 1
        }
    }

    /// The offset just past the `-->` closing an HTML comment that starts at `index`.
    mutating func commentEnd(at index: Int) -> Int? {
        guard index + 4 <= range.upperBound, source[index + 1] == "!", source[index + 2] == "-", source[index + 3] == "-",
              index < commentEndMissingFrom else { return nil }
        var candidate = index + 4
        while candidate + 2 < range.upperBound {
            if source[candidate] == "-", source[candidate + 1] == "-", source[candidate + 2] == ">" {
                return candidate + 3
            }
            candidate += 1
        }
        commentEndMissingFrom = index
        return nil
    }
}

/// The visible text built so far. The emphasis delimiters of the current paragraph stay in it
/// until the paragraph ends; then those that pair up are matched and cut out.
private struct EmphasisText {
    /// A run of `*`, `_` or `~` that may open or close emphasis.
    private struct Delimiter {
        let marker: Unicode.Scalar
        /// Where the run's still unmatched scalars start in the text.
        var start: Int
        /// How many of the run's scalars are still unmatched.
        var count: Int
        let canOpen: Bool
        let canClose: Bool
    }

    /// The open delimiters of one marker, innermost last.
    private struct Openers {
        var stars: [Int] = []
        var underscores: [Int] = []
        var tildes: [Int] = []

        subscript(marker: Unicode.Scalar) -> [Int] {
            get { marker == "*" ? stars : marker == "_" ? underscores : tildes }
            set {
                switch marker {
                case "*": stars = newValue
                case "_": underscores = newValue
                default: tildes = newValue
                }
            }
        }
    }

    private(set) var text = MappedText()
    private var delimiters: [Delimiter] = []

    init(capacity: Int) {
        text.scalars.reserveCapacity(capacity)
        text.origins.reserveCapacity(capacity)
    }

    mutating func append(_ scalar: Unicode.Scalar, origin: Int) {
        text.append(scalar, origin: Int32(truncatingIfNeeded: origin))
    }

    mutating func appendVerbatim(_ source: [Unicode.Scalar], _ range: Range<Int>) {
        for index in range { append(source[index], origin: index) }
    }

    mutating func appendDelimiter(_ marker: Unicode.Scalar, source: [Unicode.Scalar], _ range: Range<Int>,
                                  canOpen: Bool, canClose: Bool) {
        delimiters.append(Delimiter(marker: marker, start: text.count, count: range.count, canOpen: canOpen, canClose: canClose))
        appendVerbatim(source, range)
    }

    /// Ends the paragraph: removes the delimiters that pair up as emphasis. Each closer takes
    /// the nearest open run of the same marker, as many scalars as both have; what is left
    /// over stays as text.
    mutating func endParagraph() {
        guard !delimiters.isEmpty else { return }
        var openers = Openers()
        var matched: [Range<Int>] = []
        for index in delimiters.indices {
            var closer = delimiters[index]
            if closer.canClose {
                while closer.count > 0, let openerIndex = openers[closer.marker].last {
                    let used = min(delimiters[openerIndex].count, closer.count)
                    delimiters[openerIndex].count -= used
                    let openerEnd = delimiters[openerIndex].start + delimiters[openerIndex].count
                    matched.append(openerEnd..<openerEnd + used)
                    matched.append(closer.start..<closer.start + used)
                    closer.start += used
                    closer.count -= used
                    if delimiters[openerIndex].count == 0 { openers[closer.marker].removeLast() }
                }
            }
            if closer.canOpen, closer.count > 0 {
                delimiters[index] = closer
                openers[closer.marker].append(index)
            }
        }
        delimiters.removeAll(keepingCapacity: true)
        remove(matched.sorted { $0.lowerBound < $1.lowerBound })
    }

    /// Removes disjoint ranges, given in order, from the text.
    private mutating func remove(_ ranges: [Range<Int>]) {
        guard var write = ranges.first?.lowerBound else { return }
        for (offset, range) in ranges.enumerated() {
            let nextStart = offset + 1 < ranges.count ? ranges[offset + 1].lowerBound : text.count
            for read in range.upperBound..<nextStart {
                text.scalars[write] = text.scalars[read]
                text.origins[write] = text.origins[read]
                write += 1
            }
        }
        text.scalars.removeSubrange(write...)
        text.origins.removeSubrange(write...)
    }
}
