/// Everything Reprint computes from one document before it compares it with others.
public struct AnalyzedDocument: Sendable {
    /// The document's id.
    public var id: String
    /// The detected (or given) markup.
    public var format: DocumentFormat
    /// Source, URL and publication date, when known.
    public var metadata: DocumentMetadata
    /// The length of the original text in Unicode scalars.
    public var originalLength: Int
    /// The visible text: markup stripped and page furniture removed, mapped to the original.
    public var visible: MappedText
    /// The words of the visible text.
    public var tokens: [Token]
    /// The stable hash of each word, in order.
    public var wordHashes: [UInt64]
    /// The hash of each word shingle, in order (see ``Shingles``).
    public var shingleHashes: [UInt64]
    /// The distinct shingle hashes, sorted.
    public var shingleSet: [UInt64]
    /// The hash of the whole normalized word sequence: equal for identical documents.
    public var exactHash: UInt64
    /// The MinHash signature of the shingle set.
    public var signature: MinHashSignature
    /// The sentences, with their content terms.
    public var sentences: [Sentence]
    /// The content term of each word (see ``termCounts``), or 0 for a stop word.
    public var wordTerms: [UInt64]
    /// Each content term (stemmed word that is not a stop word) with its number of occurrences.
    public var termCounts: [UInt64: Int]
    /// Names and numbers: capitalized words that do not start a sentence, and numerals.
    public var names: Set<UInt64>

    /// The number of words.
    public var wordCount: Int { tokens.count }

    /// The original scalar range of the words `range`.
    public func originalRange(ofTokens range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        let first = tokens[range.lowerBound].range
        let last = tokens[range.upperBound - 1].range
        let start = Int(visible.origins[first.lowerBound])
        let end = Int(visible.origins[last.upperBound - 1]) + 1
        return start..<max(start, end)
    }

    /// The original scalar range of the words `range` taken as whole sentences: extended over the
    /// punctuation right after the last word (a full stop, a closing quote or bracket).
    public func originalRange(ofSentenceTokens range: Range<Int>) -> Range<Int> {
        let words = originalRange(ofTokens: range)
        guard !range.isEmpty else { return words }
        var end = tokens[range.upperBound - 1].range.upperBound
        while end < visible.count, !visible.scalars[end].properties.isWhitespace, !Tokenizer.isWordScalar(visible.scalars[end]) {
            end += 1
        }
        return words.lowerBound..<max(words.upperBound, Int(visible.origins[end - 1]) + 1)
    }
}

/// A sentence of a document.
public struct Sentence: Sendable, Equatable {
    /// The sentence's words, as a range of token indices.
    public var tokens: Range<Int>
    /// The distinct content terms of the sentence (stemmed, stop words removed), sorted.
    public var terms: [UInt64]

    /// Creates a sentence.
    public init(tokens: Range<Int>, terms: [UInt64]) {
        self.tokens = tokens
        self.terms = terms
    }
}
