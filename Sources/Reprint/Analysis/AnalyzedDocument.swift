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
    public var termCounts: [UInt64: Int] {
        didSet { sortedTermCounts = Self.sorted(termCounts) }
    }
    /// ``termCounts`` ordered by term: two documents' terms are matched by merging, not hashing.
    private(set) var sortedTermCounts: [(term: UInt64, count: Int)]
    /// Names and numbers: capitalized words that do not start a sentence, and numerals.
    public var names: Set<UInt64> {
        didSet { sortedNames = names.sorted() }
    }
    /// ``names`` in order: two documents' names are matched by merging, not hashing.
    private(set) var sortedNames: [UInt64]

    /// Creates a document from its analysis.
    init(
        id: String, format: DocumentFormat, metadata: DocumentMetadata, originalLength: Int, visible: MappedText,
        tokens: [Token], wordHashes: [UInt64], shingleHashes: [UInt64], shingleSet: [UInt64], exactHash: UInt64,
        signature: MinHashSignature, sentences: [Sentence], wordTerms: [UInt64], termCounts: [UInt64: Int], names: Set<UInt64>
    ) {
        self.id = id
        self.format = format
        self.metadata = metadata
        self.originalLength = originalLength
        self.visible = visible
        self.tokens = tokens
        self.wordHashes = wordHashes
        self.shingleHashes = shingleHashes
        self.shingleSet = shingleSet
        self.exactHash = exactHash
        self.signature = signature
        self.sentences = sentences
        self.wordTerms = wordTerms
        self.termCounts = termCounts
        sortedTermCounts = Self.sorted(termCounts)
        self.names = names
        sortedNames = names.sorted()
    }

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

    private static func sorted(_ counts: [UInt64: Int]) -> [(term: UInt64, count: Int)] {
        counts.map { (term: $0.key, count: $0.value) }.sorted { $0.term < $1.term }
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
