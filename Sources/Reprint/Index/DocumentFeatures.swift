import Foundation

/// What a persistent index keeps of one document: enough to compare it again with any new
/// document and get the verdict ``Scanner`` would give, without its text.
///
/// Kept: where each word lies in the original file (for passage offsets), the ordered shingle
/// hashes (verbatim passages, containment, changed words), the exact hash, the MinHash signature
/// (LSH band keys), the sentences with their content terms (paraphrase alignment), the term
/// counts (topic similarity, term weights), the names and numbers (same-story), plus the keys of
/// the document's short lines and the terms it posted for the term route, so that removing it
/// can undo its counts. Not kept: the text itself and the words.
public struct DocumentFeatures: Sendable, Equatable {
    /// A stored byte string that does not decode.
    public enum DecodingError: Error, Equatable, CustomStringConvertible {
        /// The bytes end before the features do, or hold impossible values.
        case truncated
        /// The bytes were written by a newer encoding.
        case unknownVersion(UInt64)

        /// A message for the user.
        public var description: String {
            switch self {
            case .truncated: "stored document features are truncated or corrupt"
            case .unknownVersion(let version): "stored document features use encoding \(version), newer than this reprint understands"
            }
        }
    }

    /// The document's id.
    public var id: String
    /// The detected (or given) markup.
    public var format: DocumentFormat
    /// Source, URL and publication date, when known.
    public var metadata: DocumentMetadata
    /// The length of the original text in Unicode scalars.
    public var originalLength: Int
    /// For each word, its range in the original text.
    public var wordSpans: [Range<Int>]
    /// The hash of each word shingle, in order.
    public var shingleHashes: [UInt64]
    /// The hash of the whole normalized word sequence.
    public var exactHash: UInt64
    /// The MinHash signature of the shingle set.
    public var signature: MinHashSignature
    /// The sentences, with their content terms.
    public var sentences: [Sentence]
    /// Each content term with its number of occurrences, sorted by term.
    public var termCounts: [TermCount]
    /// Names and numbers, ascending.
    public var names: [UInt64]
    /// The keys of the document's distinct short lines (see ``RepeatedLines``).
    public var lineKeys: [UInt64]
    /// The terms under which the document is posted for the distinctive-term route.
    public var postedTerms: [UInt64]

    /// The number of words.
    public var wordCount: Int { wordSpans.count }

    private static let encodingVersion: UInt64 = 1

    /// The features of an analyzed document.
    public init(_ document: AnalyzedDocument, lineKeys: [UInt64], postedTerms: [UInt64]) {
        id = document.id
        format = document.format
        metadata = document.metadata
        originalLength = document.originalLength
        wordSpans = document.tokens.indices.map { document.originalRange(ofTokens: $0..<($0 + 1)) }
        shingleHashes = document.shingleHashes
        exactHash = document.exactHash
        signature = document.signature
        sentences = document.sentences
        termCounts = document.termCounts
        names = document.names
        self.lineKeys = lineKeys.sorted()
        self.postedTerms = postedTerms.sorted()
    }

    /// Decodes the features stored as `body` (see ``encodedBody()``) for the document described by the other fields.
    public init(
        id: String, format: DocumentFormat, metadata: DocumentMetadata, originalLength: Int, body: [UInt8]
    ) throws(DecodingError) {
        self.id = id
        self.format = format
        self.metadata = metadata
        self.originalLength = originalLength
        var reader = ByteReader(body)
        let version = try reader.varint()
        guard version == Self.encodingVersion else { throw .unknownVersion(version) }
        exactHash = try reader.word()
        var spans: [Range<Int>] = []
        let wordCount = try reader.count()
        spans.reserveCapacity(wordCount)
        var start = 0
        for _ in 0..<wordCount {
            start += try reader.int()
            let length = try reader.int()
            spans.append(start..<(start + length))
        }
        wordSpans = spans
        shingleHashes = try reader.words()
        var values: [UInt32] = []
        let signatureCount = try reader.count()
        for _ in 0..<signatureCount {
            let value = try reader.varint()
            guard value <= UInt64(UInt32.max) else { throw .truncated }
            values.append(UInt32(value))
        }
        signature = MinHashSignature(values: values)
        var sentences: [Sentence] = []
        let sentenceCount = try reader.count()
        var firstToken = 0
        for _ in 0..<sentenceCount {
            let length = try reader.int()
            sentences.append(Sentence(tokens: firstToken..<(firstToken + length), terms: try reader.words()))
            firstToken += length
        }
        guard firstToken <= wordCount else { throw .truncated }
        self.sentences = sentences
        let terms = try reader.words()
        var counts: [TermCount] = []
        counts.reserveCapacity(terms.count)
        for term in terms { counts.append(TermCount(term: term, count: try reader.int())) }
        names = try reader.words()
        // Comparisons merge these in order: out of order, they are corrupt.
        guard Self.isAscending(terms), Self.isAscending(names) else { throw .truncated }
        termCounts = counts
        lineKeys = try reader.words()
        postedTerms = try reader.words()
        guard reader.isAtEnd else { throw .truncated }
    }

    /// The bulky features as compact bytes: everything but the id, format, metadata and length,
    /// which a store keeps in columns of their own.
    public func encodedBody() -> [UInt8] {
        var writer = ByteWriter()
        writer.varint(Self.encodingVersion)
        writer.word(exactHash)
        writer.varint(wordSpans.count)
        var previous = 0
        for span in wordSpans {
            writer.varint(span.lowerBound - previous)
            writer.varint(span.count)
            previous = span.lowerBound
        }
        writer.words(shingleHashes)
        writer.varint(signature.values.count)
        for value in signature.values { writer.varint(UInt64(value)) }
        writer.varint(sentences.count)
        for sentence in sentences {
            writer.varint(sentence.tokens.count)
            writer.words(sentence.terms)
        }
        writer.words(termCounts.map(\.term))
        for entry in termCounts { writer.varint(entry.count) }
        writer.words(names)
        writer.words(lineKeys)
        writer.words(postedTerms)
        return writer.bytes
    }

    private static func isAscending(_ values: [UInt64]) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// A document rebuilt for comparison: its words and positions, without their text.
    ///
    /// Word `i` of the rebuilt document spans scalars `2i..<2i+2` of a placeholder visible text
    /// whose origins are the word's first and last original offsets, so passages map back to the
    /// original file exactly as for the analyzed document.
    public var comparable: AnalyzedDocument {
        var origins: [Int32] = []
        origins.reserveCapacity(wordSpans.count * 2)
        var tokens: [Token] = []
        tokens.reserveCapacity(wordSpans.count)
        for (index, span) in wordSpans.enumerated() {
            origins.append(Int32(span.lowerBound))
            origins.append(Int32(max(span.lowerBound, span.upperBound - 1)))
            tokens.append(Token(word: "", range: (2 * index)..<(2 * index + 2), isCapitalized: false))
        }
        return AnalyzedDocument(
            id: id, format: format, metadata: metadata, originalLength: originalLength,
            visible: MappedText(scalars: Array(repeating: " ", count: origins.count), origins: origins),
            tokens: tokens, wordHashes: [], shingleHashes: shingleHashes, shingleSet: Shingles.set(shingleHashes),
            exactHash: exactHash, signature: signature, sentences: sentences, wordTerms: [], termCounts: termCounts, names: names
        )
    }
}
