/// Splits text into sentences with rules tuned for English news.
///
/// A sentence ends:
/// - at `.`, `!`, `?` or `…` (or a run of them, such as `?!` or `...`), together with any closing
///   quotes and brackets that follow, when whitespace and then an uppercase letter, a digit or
///   an opening quote or bracket come next, or the text ends;
/// - at a blank line (a paragraph break), always;
/// - at a single line break after a line without terminal punctuation when the next line starts
///   with an uppercase letter or a quote (a headline, a byline, a caption), unless the line
///   plainly runs on: it ends in a comma, a semicolon, a hyphen or a lowercase function word
///   such as `the` or `of`. In hard-wrapped text (most single line breaks fall inside a
///   sentence, as in e-mail and wire copy wrapped at 70 columns) a single line break never ends
///   a sentence.
///
/// A period does not end a sentence after a common abbreviation (`Mr.`, `Dr.`, `Sept.`, `etc.`,
/// `Inc.`, …; `No.` only before a number), after a single-letter initial (`J. K. Rowling`,
/// `U.S.`, `U.N.`), or when no whitespace follows it (`1.2`, `3.5%`, `themoscowtimes.com`,
/// an e-mail address). The splitter runs in linear time.
public enum SentenceSplitter {
    /// Ranges (half-open, scalar indices) of the sentences of a text, in order, trimmed of
    /// surrounding whitespace; empty sentences are omitted.
    public static func sentenceRanges(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var scanner = SentenceScanner(text: text)
        scanner.scan()
        return scanner.ranges
    }
}

// MARK: - Scanning

/// One pass over a text, cutting it into sentences.
private struct SentenceScanner {
    let text: [Unicode.Scalar]
    private(set) var ranges: [Range<Int>] = []
    /// Where the sentence being read starts (before trimming).
    private var start = 0

    /// How far back a period looks for the word it ends; longer words are no abbreviations.
    private static let maxWordLength = 32

    /// Whether the text is hard-wrapped, so that single line breaks are spaces.
    private let isHardWrapped: Bool

    init(text: [Unicode.Scalar]) {
        self.text = text
        isHardWrapped = Self.isHardWrapped(text)
    }

    /// Whether at least half of the lines followed by another line (at least three of them) end
    /// without terminal punctuation.
    private static func isHardWrapped(_ text: [Unicode.Scalar]) -> Bool {
        var joined = 0, unpunctuated = 0
        var lineEnd = -1
        for (index, scalar) in text.enumerated() where scalar == "\n" {
            var last = index
            while last > lineEnd + 1, Scalars.isWhitespace(text[last - 1]) { last -= 1 }
            let lineIsEmpty = last <= lineEnd + 1
            let next = index + 1 < text.count ? text[index + 1] : "\n"
            if !lineIsEmpty && !Scalars.isNewline(next) {
                joined += 1
                var end = last
                while end > lineEnd + 1, Scalars.isClosing(text[end - 1]) { end -= 1 }
                if end == lineEnd + 1 || !Scalars.isTerminal(text[end - 1]) { unpunctuated += 1 }
            }
            lineEnd = index
        }
        return joined >= 3 && unpunctuated * 2 >= joined
    }

    mutating func scan() {
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if Scalars.isNewline(scalar) {
                index = handleLineBreak(at: index)
            } else if Scalars.isTerminal(scalar) {
                index = handleTerminal(at: index)
            } else {
                index += 1
            }
        }
        cut(at: text.count)
    }

    /// Ends the current sentence at `end` (exclusive) and starts the next one there.
    private mutating func cut(at end: Int) {
        var lower = start
        var upper = end
        while lower < upper, Scalars.isWhitespace(text[lower]) { lower += 1 }
        while upper > lower, Scalars.isWhitespace(text[upper - 1]) { upper -= 1 }
        if lower < upper { ranges.append(lower..<upper) }
        start = end
    }

    // MARK: Terminal punctuation

    /// Handles the run of terminal punctuation starting at `index`; returns where to go on.
    private mutating func handleTerminal(at index: Int) -> Int {
        var runEnd = index
        while runEnd < text.count, Scalars.isTerminal(text[runEnd]) { runEnd += 1 }
        var end = runEnd
        while end < text.count, Scalars.isClosing(text[end]) { end += 1 }
        guard end < text.count, Scalars.isWhitespace(text[end]) else { return end }
        let next = firstNonWhitespace(from: end)
        if next == text.count {
            cut(at: end)
        } else if Scalars.startsSentence(text[next]), !isNonTerminalPeriod(index..<runEnd, before: next) {
            cut(at: end)
        }
        return end
    }

    /// Whether a single period is part of an abbreviation or an initial rather than an end.
    private func isNonTerminalPeriod(_ run: Range<Int>, before next: Int) -> Bool {
        guard run.count == 1, text[run.lowerBound] == "." else { return false }
        let word = wordRange(before: run.lowerBound)
        guard !word.isEmpty else { return false }
        var lastPartStart = word.upperBound
        while lastPartStart > word.lowerBound, text[lastPartStart - 1] != "." { lastPartStart -= 1 }
        if word.upperBound - lastPartStart == 1, text[lastPartStart].properties.isAlphabetic {
            return true
        }
        guard let lowered = asciiLowercased(word) else { return false }
        if lowered == "no" { return Scalars.isDigit(text[next]) }
        return Abbreviations.all.contains(lowered)
    }

    /// The word that ends just before `end`, without leading quotes or brackets (`U.S`, `Mr`,
    /// `e.g`); empty if it is longer than any abbreviation.
    private func wordRange(before end: Int) -> Range<Int> {
        var lower = end
        while lower > 0, end - lower <= Self.maxWordLength, !Scalars.isWhitespace(text[lower - 1]) {
            lower -= 1
        }
        guard end - lower <= Self.maxWordLength else { return end..<end }
        while lower < end, Scalars.isOpening(text[lower]) { lower += 1 }
        return lower..<end
    }

    /// The lowercased text of a short ASCII word, or nil for a longer or non-ASCII one.
    private func asciiLowercased(_ range: Range<Int>) -> String? {
        guard range.count <= Abbreviations.maxLength else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for scalar in text[range] {
            guard scalar.isASCII else { return nil }
            let byte = UInt8(scalar.value)
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Line breaks

    /// Handles the line break at `index` (a paragraph break or a single newline); returns where
    /// to go on.
    private mutating func handleLineBreak(at index: Int) -> Int {
        let afterBreak = endOfNewline(at: index)
        if text[index] == Scalars.paragraphSeparator {
            cut(at: index)
            return afterBreak
        }
        let nextLine = firstNonBlank(from: afterBreak)
        if nextLine < text.count, Scalars.isNewline(text[nextLine]) {
            cut(at: index)
        } else if nextLine < text.count, endsHeadline(before: index, nextLineStart: nextLine) {
            cut(at: index)
        }
        return afterBreak
    }

    /// Whether the line ending at `lineEnd` is a sentence of its own (a headline, a caption):
    /// it has no terminal punctuation, does not run on, and the next line starts like a sentence.
    private func endsHeadline(before lineEnd: Int, nextLineStart: Int) -> Bool {
        guard !isHardWrapped, Scalars.startsLine(text[nextLineStart]) else { return false }
        var last = lineEnd
        while last > start, Scalars.isBlank(text[last - 1]) { last -= 1 }
        guard last > start, !Scalars.isNewline(text[last - 1]) else { return false }
        return !endsWithTerminal(last) && !runsOn(last)
    }

    /// Whether `text[..<end]` ends with terminal punctuation, possibly inside closing quotes.
    private func endsWithTerminal(_ end: Int) -> Bool {
        var index = end
        while index > start, end - index < 8, Scalars.isClosing(text[index - 1]) { index -= 1 }
        return index > start && Scalars.isTerminal(text[index - 1])
    }

    /// Whether a line ending at `end` plainly continues on the next line: it ends in a comma,
    /// a semicolon, a hyphen or a dash, or in a lowercase function word.
    private func runsOn(_ end: Int) -> Bool {
        if Scalars.isContinuing(text[end - 1]) { return true }
        var lower = end
        while lower > start, end - lower < 6, Scalars.isASCIILowercase(text[lower - 1]) { lower -= 1 }
        guard lower < end, lower == start || !Scalars.isLetterOrDigit(text[lower - 1]) else { return false }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text[lower..<end])
        return Abbreviations.connectives.contains(String(view))
    }

    // MARK: Whitespace

    /// The index just after the line break at `index` (`\r\n` is one break).
    private func endOfNewline(at index: Int) -> Int {
        if text[index] == "\r", index + 1 < text.count, text[index + 1] == "\n" { return index + 2 }
        return index + 1
    }

    private func firstNonWhitespace(from index: Int) -> Int {
        var index = index
        while index < text.count, Scalars.isWhitespace(text[index]) { index += 1 }
        return index
    }

    /// The first index from `index` that is not a space or tab (a newline stops the search).
    private func firstNonBlank(from index: Int) -> Int {
        var index = index
        while index < text.count, Scalars.isBlank(text[index]) { index += 1 }
        return index
    }
}

// MARK: - Character classes

private enum Scalars {
    static let paragraphSeparator: Unicode.Scalar = "\u{2029}"

    static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "\u{2026}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}": return true
        default: return false
        }
    }

    /// Closing quotes and brackets, which stay with the sentence they close.
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}": return true
        default: return false
        }
    }

    /// Opening quotes and brackets, which may start a sentence.
    static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{201E}", "\u{201A}", "\u{00AB}", "\u{2039}",
             "\u{00BF}", "\u{00A1}":
            return true
        default:
            return false
        }
    }

    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        }
        return scalar.properties.isWhitespace
    }

    /// Whitespace that does not break a line.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        isWhitespace(scalar) && !isNewline(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    static func isASCIILowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x61 && scalar.value <= 0x7A
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || isDigit(scalar)
        }
        return scalar.properties.isAlphabetic || isDigit(scalar)
    }

    /// A letter that can start a sentence: uppercase, titlecase, or from a script without case.
    static func isCapitalLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        let properties = scalar.properties
        return properties.isAlphabetic && !properties.isLowercase
    }

    /// What may follow terminal punctuation at the start of a new sentence.
    static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        isCapitalLetter(scalar) || isDigit(scalar) || isOpening(scalar)
    }

    /// What may start the line after a headline.
    static func startsLine(_ scalar: Unicode.Scalar) -> Bool {
        isCapitalLetter(scalar) || (isOpening(scalar) && scalar != "(" && scalar != "[" && scalar != "{")
    }

    /// Line endings that show the sentence goes on.
    static func isContinuing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", "-", "\u{2010}", "\u{2013}", "\u{2014}", "&", "/": return true
        default: return false
        }
    }
}

private enum Abbreviations {
    /// Lowercased words that a period does not end (`no` is handled apart: only before a number).
    static let all: Set<String> = [
        "mr", "mrs", "ms", "messrs", "dr", "prof", "sr", "jr", "st", "mt", "ft",
        "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "rep", "sen", "gov", "pres", "rev", "hon",
        "vs", "etc", "e.g", "i.e", "cf", "inc", "ltd", "co", "corp", "bros",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "approx", "dept", "est", "fig", "al", "ave", "blvd",
    ]

    /// The length of the longest abbreviation.
    static let maxLength = 6

    /// Lowercase words that a headline does not end on, so a line ending with one runs on.
    static let connectives: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "and", "or", "but", "nor", "as", "that", "than", "about", "its", "their", "his", "her",
    ]
}
