/// Page furniture: lines that belong to the page a story was published on, not to the story.
///
/// Two kinds are removed. Known patterns (bylines, photo credits, "Related article:" inserts,
/// "Click here to enlarge image", reading times, bare URLs) are recognised in any document. Lines
/// that repeat across many documents of a collection (navigation, sign-up boxes, share bars) are
/// found by ``RepeatedLines`` and passed in. Only short lines are ever dropped: a full sentence
/// that repeats is reuse, which is what Reprint reports.
public enum PageFurniture {
    /// The longest line, in words, that can be furniture.
    public static let maximumWords = 14

    /// The text with furniture lines removed.
    ///
    /// - Parameters:
    ///   - text: visible text (markup already stripped).
    ///   - repeated: hashes of lines that repeat across the collection (see ``RepeatedLines``).
    public static func removing(from text: MappedText, repeated: Set<UInt64> = []) -> MappedText {
        var kept = MappedText()
        kept.scalars.reserveCapacity(text.count)
        kept.origins.reserveCapacity(text.count)
        for line in lineRanges(of: text.scalars) {
            let slice = text.scalars[line]
            if isFurniture(slice, repeated: repeated) {
                // Keep the line break so that paragraphs stay apart.
                kept.append("\n", origin: text.origins[line.lowerBound])
                continue
            }
            kept.scalars.append(contentsOf: slice)
            kept.origins.append(contentsOf: text.origins[line])
            if line.upperBound < text.count {
                kept.append(text.scalars[line.upperBound], origin: text.origins[line.upperBound])
            }
        }
        return kept
    }

    /// The ranges of the lines of `text`, without their line breaks.
    static func lineRanges(of text: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in text.indices where text[index] == "\n" {
            ranges.append(start..<index)
            start = index + 1
        }
        if start < text.count { ranges.append(start..<text.count) }
        return ranges
    }

    /// The key of a line for repetition counting: its folded words, hashed; `nil` for lines too long or empty.
    static func lineKey(_ line: ArraySlice<Unicode.Scalar>) -> UInt64? {
        let words = Tokenizer.tokens(in: Array(line)).map(\.word)
        guard !words.isEmpty, words.count <= maximumWords else { return nil }
        return StableHash.string(words.joined(separator: " "))
    }

    private static func isFurniture(_ line: ArraySlice<Unicode.Scalar>, repeated: Set<UInt64>) -> Bool {
        let words = Tokenizer.tokens(in: Array(line)).map(\.word)
        guard !words.isEmpty else { return false }
        guard words.count <= maximumWords else { return false }
        if !repeated.isEmpty, repeated.contains(StableHash.string(words.joined(separator: " "))) { return true }
        return matchesKnownPattern(words: words, line: String(String.UnicodeScalarView(line)))
    }

    private static let leadingMarkers: [[String]] = [
        ["related", "article"], ["related"], ["read", "more"], ["see", "also"], ["original", "url"],
        ["photo"], ["image"], ["picture"], ["credit"], ["image", "caption"], ["source"], ["advertisement"],
        ["click", "here"], ["share", "this"], ["sign", "up"], ["subscribe"], ["follow", "us"],
    ]

    private static let wholeLines: Set<String> = [
        "live story", "advertisement", "share", "share this article", "listen to this article",
        "skip advertisement", "story continues below advertisement", "continue reading", "getty images",
        "click here to enlarge image", "enlarge image", "watch", "video", "audio", "comments", "print",
    ]

    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "date", "updated", "published",
    ]

    private static func matchesKnownPattern(words: [String], line: String) -> Bool {
        let joined = words.joined(separator: " ")
        if wholeLines.contains(joined) { return true }
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "_" })
        // A label followed by a colon: "Related article: …", "Photo: …", "Original url:".
        if let colon = trimmed.firstIndex(of: ":"), colon < trimmed.endIndex {
            let label = Tokenizer.tokens(in: Array(trimmed[..<colon].unicodeScalars)).map(\.word)
            if leadingMarkers.contains(label) { return true }
        }
        // "By Jane Doe for AFP", "By our correspondent"; not a short sentence like "By noon, the bridge was open."
        if words.first == "by", words.count <= 8, trimmed.hasPrefix("By ") || trimmed.hasPrefix("by "),
           !(trimmed.last { !$0.isWhitespace }.map { ".!?".contains($0) } ?? false) { return true }
        // "3 min read", "5 minute read".
        if words.count == 3, Int(words[0]) != nil, words[1].hasPrefix("min"), words[2] == "read" { return true }
        // A line that is only a URL.
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("[http") ||
           trimmed.hasPrefix("www.") { return !trimmed.contains(" ") }
        // A date line: "October 20, 2021", "20 Oct 2021 14:05", "Updated 2021-10-20".
        return words.count <= 6 && words.contains(where: months.contains) &&
            words.allSatisfy { months.contains($0) || Int($0) != nil || $0 == "gmt" || $0 == "utc" || $0 == "am" || $0 == "pm" }
            || (words.count <= 6 && words.allSatisfy { Int($0) != nil } && words.count >= 3)
    }
}
