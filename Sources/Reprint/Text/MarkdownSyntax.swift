/// Line-level Markdown syntax, shared by the stripper and by format detection.
enum MarkdownSyntax {
    /// CommonMark's limit on the length of a link label.
    static let longestLabel = 999

    /// An open code fence: its marker (`` ` `` or `~`) and length.
    struct Fence {
        let marker: Unicode.Scalar
        let length: Int
    }

    /// Whether a delimiter run can open or close emphasis, by CommonMark's flanking rules
    /// (`_` may not open or close inside a word, so `snake_case_name` stays as it is).
    struct Flanking {
        let canOpen: Bool
        let canClose: Bool

        init(before: Unicode.Scalar, after: Unicode.Scalar, marker: Unicode.Scalar) {
            let beforeIsSpace = MarkdownSyntax.isWhitespace(before)
            let afterIsSpace = MarkdownSyntax.isWhitespace(after)
            let beforeIsPunctuation = MarkdownSyntax.isPunctuation(before)
            let afterIsPunctuation = MarkdownSyntax.isPunctuation(after)
            let left = !afterIsSpace && (!afterIsPunctuation || beforeIsSpace || beforeIsPunctuation)
            let right = !beforeIsSpace && (!beforeIsPunctuation || afterIsSpace || afterIsPunctuation)
            if marker == "_" {
                canOpen = left && (!right || beforeIsPunctuation)
                canClose = right && (!left || afterIsPunctuation)
            } else {
                canOpen = left
                canClose = right
            }
        }
    }

    /// Calls `body` with the start and end (the `\n` or the end of the text) of every line.
    static func forEachLine(in source: [Unicode.Scalar], _ body: (Int, Int) -> Void) {
        var start = 0
        while start < source.count {
            let end = source[start...].firstIndex(of: "\n") ?? source.count
            body(start, end)
            start = end + 1
        }
    }

    /// Whether `scalar` is a space or a tab, the blanks of Markdown's line syntax.
    static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    /// The offset of the first scalar at or after `start` that is not a space or tab.
    static func skipSpaces(_ source: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, isSpaceOrTab(source[index]) { index += 1 }
        return index
    }

    /// The end of the line once trailing spaces, tabs and a carriage return are dropped.
    static func trimTrailingSpaces(_ source: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start, isSpaceOrTab(source[end - 1]) || source[end - 1] == "\r" { end -= 1 }
        return end
    }

    /// How many times `marker` repeats from `start`.
    static func runLength(of marker: Unicode.Scalar, in source: [Unicode.Scalar], at start: Int, end: Int) -> Int {
        var index = start
        while index < end, source[index] == marker { index += 1 }
        return index - start
    }

    /// The content of an ATX heading (`## Title ##` → `Title`), or `nil` if the line is not one.
    static func atxHeadingContent(_ source: [Unicode.Scalar], at index: Int, end: Int) -> Range<Int>? {
        let level = runLength(of: "#", in: source, at: index, end: end)
        guard (1...6).contains(level), index + level == end || isSpaceOrTab(source[index + level]) else { return nil }
        let start = skipSpaces(source, from: index + level, to: end)
        var contentEnd = end
        let closing = end - runLengthBackwards(of: "#", in: source, before: end, start: start)
        if closing == start || isSpaceOrTab(source[closing - 1]) {
            contentEnd = trimTrailingSpaces(source, from: start, to: closing)
        }
        return start..<contentEnd
    }

    private static func runLengthBackwards(of marker: Unicode.Scalar, in source: [Unicode.Scalar],
                                           before end: Int, start: Int) -> Int {
        var index = end
        while index > start, source[index - 1] == marker { index -= 1 }
        return end - index
    }

    /// The fence a line opens: three or more backticks (with no backtick after them) or tildes.
    static func openingFence(_ source: [Unicode.Scalar], at index: Int, end: Int) -> Fence? {
        guard index < end, source[index] == "`" || source[index] == "~" else { return nil }
        let marker = source[index]
        let length = runLength(of: marker, in: source, at: index, end: end)
        guard length >= 3, marker == "~" || !source[(index + length)..<end].contains("`") else { return nil }
        return Fence(marker: marker, length: length)
    }

    /// Whether a line closes `fence`: a run of its marker at least as long, and nothing else.
    static func closesFence(_ fence: Fence, _ source: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        let index = skipSpaces(source, from: start, to: end)
        let length = runLength(of: fence.marker, in: source, at: index, end: end)
        return length >= fence.length && skipSpaces(source, from: index + length, to: end) == end
    }

    /// Whether a line is a thematic break (`---`, `***`, `___`), a setext underline (`===` or
    /// `---` under a line of text), or the delimiter row of a table (`|---|:--:|`).
    static func isRuleOrUnderline(_ source: [Unicode.Scalar], from start: Int, to end: Int, afterText: Bool) -> Bool {
        let line = source[start..<end]
        let marker = line.first ?? " "
        switch marker {
        case "=":
            return afterText && line.allSatisfy { $0 == "=" }
        case "-", "*", "_":
            let isRule = line.allSatisfy { $0 == marker || $0 == " " || $0 == "\t" }
            if isRule, marker == "-" || line.count(where: { $0 == marker }) >= 3 { return true }
        default:
            break
        }
        return line.contains("|") && line.contains("-")
            && line.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
    }

    /// The label of a link reference definition (`[label]: destination "title"`) starting at
    /// `index`, or `nil` if the line is not one.
    static func referenceDefinitionLabel(_ source: [Unicode.Scalar], at index: Int, end: Int) -> Range<Int>? {
        guard index < end, source[index] == "[",
              let close = source[(index + 1)..<end].firstIndex(of: "]"), close > index + 1, source[index + 1] != "^",
              close + 1 < end, source[close + 1] == ":" else { return nil }
        let destination = skipSpaces(source, from: close + 2, to: end)
        guard destination < end else { return nil }
        var afterDestination = destination
        while afterDestination < end, !isSpaceOrTab(source[afterDestination]) { afterDestination += 1 }
        let title = skipSpaces(source, from: afterDestination, to: end)
        guard title == end || source[title] == "\"" || source[title] == "'" || source[title] == "(" else { return nil }
        return index + 1..<close
    }

    /// A label folded for matching references: lowercased, with runs of whitespace as one space.
    static func normalizedLabel(_ label: ArraySlice<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in label {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result).lowercased()
    }

    /// The offset just past a list bullet (`- `, `* `, `+ `) or number (`1. `, `2) `) at `index`.
    static func listMarkerEnd(_ source: [Unicode.Scalar], at index: Int, end: Int) -> Int? {
        var after = index
        switch source[index] {
        case "-", "*", "+":
            after += 1
        case "0"..."9":
            while after < end, after - index < 9, ("0"..."9").contains(source[after]) { after += 1 }
            guard after < end, source[after] == "." || source[after] == ")" else { return nil }
            after += 1
        default:
            return nil
        }
        guard after < end, source[after] == " " || source[after] == "\t" else { return nil }
        return after
    }

    /// Skips a task list box (`[ ] `, `[x] `) at `index`.
    static func skipTaskBox(_ source: [Unicode.Scalar], at index: Int, end: Int) -> Int {
        guard index + 3 < end, source[index] == "[", source[index + 2] == "]", source[index + 3] == " ",
              source[index + 1] == " " || source[index + 1] == "x" || source[index + 1] == "X" else { return index }
        return skipSpaces(source, from: index + 3, to: end)
    }

    /// The offset of the `>` closing an autolink (`<https://…>`, `<name@example.com>`) at `index`.
    static func autolinkEnd(_ source: [Unicode.Scalar], at index: Int, end: Int) -> Int? {
        var close = index + 1
        var colon: Int?
        var hasAt = false
        while close < end {
            switch source[close] {
            case ">":
                let isURI = colon.map { $0 > index + 2 && source[index + 1].properties.isAlphabetic } ?? false
                return isURI || hasAt ? close : nil
            case " ", "\t", "<":
                return nil
            case ":":
                if colon == nil { colon = close }
            case "@":
                hasAt = true
            default:
                break
            }
            close += 1
        }
        return nil
    }

    /// An HTML start or end tag (`<br/>`, `<span class="x">`, `</div>`) at `index`: its
    /// lowercased name and the offset just past its `>`.
    static func htmlTag(_ source: [Unicode.Scalar], at index: Int, end: Int) -> (name: String, end: Int)? {
        var cursor = index + 1
        if cursor < end, source[cursor] == "/" { cursor += 1 }
        guard cursor < end, source[cursor].isASCII, source[cursor].properties.isAlphabetic else { return nil }
        var name = ""
        while cursor < end, HTMLEntities.isASCIIAlphanumeric(source[cursor]) {
            name.unicodeScalars.append(source[cursor])
            cursor += 1
        }
        guard cursor < end, source[cursor] == ">" || source[cursor] == "/" || isSpaceOrTab(source[cursor]) else { return nil }
        while cursor < end, source[cursor] != "<" {
            if source[cursor] == ">" { return (name.lowercased(), cursor + 1) }
            cursor += 1
        }
        return nil
    }

    /// Whether `scalar` is ASCII punctuation, which a backslash may escape.
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.isWhitespace
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIPunctuation(scalar) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
