/// Everything Reprint computes from one document before it compares it with others.
///
/// The features live in one shared, immutable box: a copy of a document (comparisons pass them
/// around by the million) retains the box, not each of its arrays.
public struct AnalyzedDocument: Sendable {
    private final class Storage: Sendable {
        let id: String
        let format: DocumentFormat
        let metadata: DocumentMetadata
        let originalLength: Int
        let visible: MappedText
        let tokens: [Token]
        let wordHashes: [UInt64]
        let shingleHashes: [UInt64]
        let shingleSet: [UInt64]
        let exactHash: UInt64
        let signature: MinHashSignature
        let sentences: [Sentence]
        let wordTerms: [UInt64]
        let termCounts: [TermCount]
        let names: [UInt64]

        init(
            id: String, format: DocumentFormat, metadata: DocumentMetadata, originalLength: Int, visible: MappedText,
            tokens: [Token], wordHashes: [UInt64], shingleHashes: [UInt64], shingleSet: [UInt64], exactHash: UInt64,
            signature: MinHashSignature, sentences: [Sentence], wordTerms: [UInt64], termCounts: [TermCount], names: [UInt64]
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
            self.names = names
        }
    }

    private let storage: Storage

    /// The document's id.
    public var id: String { storage.id }
    /// The detected (or given) markup.
    public var format: DocumentFormat { storage.format }
    /// Source, URL and publication date, when known.
    public var metadata: DocumentMetadata { storage.metadata }
    /// The length of the original text in Unicode scalars.
    public var originalLength: Int { storage.originalLength }
    /// The visible text: markup stripped and page furniture removed, mapped to the original.
    public var visible: MappedText { storage.visible }
    /// The words of the visible text.
    public var tokens: [Token] { storage.tokens }
    /// The stable hash of each word, in order.
    public var wordHashes: [UInt64] { storage.wordHashes }
    /// The hash of each word shingle, in order (see ``Shingles``).
    public var shingleHashes: [UInt64] { storage.shingleHashes }
    /// The distinct shingle hashes, sorted.
    public var shingleSet: [UInt64] { storage.shingleSet }
    /// The hash of the whole normalized word sequence: equal for identical documents.
    public var exactHash: UInt64 { storage.exactHash }
    /// The MinHash signature of the shingle set.
    public var signature: MinHashSignature { storage.signature }
    /// The sentences, with their content terms.
    public var sentences: [Sentence] { storage.sentences }
    /// The content term of each word (see ``termCounts``), or 0 for a stop word.
    public var wordTerms: [UInt64] { storage.wordTerms }
    /// Each content term (stemmed word that is not a stop word) with its number of occurrences,
    /// sorted by term: two documents' terms are matched by merging, not hashing.
    public var termCounts: [TermCount] { storage.termCounts }
    /// Names and numbers (capitalized words that do not start a sentence, and numerals), as
    /// distinct terms in ascending order.
    public var names: [UInt64] { storage.names }

    /// Creates a document from its analysis; `termCounts` sorted by term, `names` ascending and distinct.
    init(
        id: String, format: DocumentFormat, metadata: DocumentMetadata, originalLength: Int, visible: MappedText,
        tokens: [Token], wordHashes: [UInt64], shingleHashes: [UInt64], shingleSet: [UInt64], exactHash: UInt64,
        signature: MinHashSignature, sentences: [Sentence], wordTerms: [UInt64], termCounts: [TermCount], names: [UInt64]
    ) {
        storage = Storage(
            id: id, format: format, metadata: metadata, originalLength: originalLength, visible: visible, tokens: tokens,
            wordHashes: wordHashes, shingleHashes: shingleHashes, shingleSet: shingleSet, exactHash: exactHash,
            signature: signature, sentences: sentences, wordTerms: wordTerms, termCounts: termCounts, names: names
        )
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
