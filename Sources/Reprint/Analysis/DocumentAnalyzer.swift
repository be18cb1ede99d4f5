/// Turns a ``SourceDocument`` into an ``AnalyzedDocument``: markup stripped, furniture removed,
/// words folded, sentences split, terms stemmed, shingles hashed, MinHash computed.
///
/// An analyzer caches stems, so reuse one per thread for many documents; it is not shared
/// between threads.
public struct DocumentAnalyzer {
    /// The number of words in a shingle.
    public let shingleSize: Int
    private let minHasher: MinHasher
    private var termCache: [String: UInt64?] = [:]

    /// Creates an analyzer.
    public init(shingleSize: Int = Shingles.defaultSize, signatureSize: Int = 128) {
        self.shingleSize = shingleSize
        minHasher = MinHasher(count: signatureSize)
    }

    /// The visible text of a document: its markup stripped, nothing else removed yet.
    public static func visibleText(of document: SourceDocument) -> (format: DocumentFormat, text: MappedText, length: Int) {
        let scalars = Array(document.text.unicodeScalars)
        let fileExtension = document.id.split(separator: ".").count > 1 ? document.id.split(separator: ".").last.map(String.init) : nil
        let format = document.format ?? MarkupStripper.detectFormat(of: scalars, fileExtension: fileExtension)
        return (format, MarkupStripper.visibleText(of: scalars, format: format), scalars.count)
    }

    /// Analyzes a document; `furniture` holds the repeated lines of its collection (see ``RepeatedLines``).
    public mutating func analyze(_ document: SourceDocument, furniture: Set<UInt64> = []) -> AnalyzedDocument {
        let (format, markupFree, length) = Self.visibleText(of: document)
        return analyze(document, format: format, visible: markupFree, originalLength: length, furniture: furniture)
    }

    /// Analyzes a document whose visible text is already known.
    public mutating func analyze(
        _ document: SourceDocument, format: DocumentFormat, visible markupFree: MappedText,
        originalLength: Int, furniture: Set<UInt64>
    ) -> AnalyzedDocument {
        let visible = PageFurniture.removing(from: markupFree, repeated: furniture)
        let tokens = Tokenizer.tokens(in: visible.scalars)
        let wordHashes = tokens.map { StableHash.string($0.word) }
        // Identical means the same words once markup is gone: furniture such as a byline still counts.
        let allWords = visible.count == markupFree.count ? wordHashes : Tokenizer.tokens(in: markupFree.scalars).map { StableHash.string($0.word) }
        let shingleHashes = Shingles.hashes(ofWords: wordHashes, size: shingleSize)
        let terms = tokens.map { term(for: $0.word) }
        let sentences = sentences(of: visible.scalars, tokens: tokens, terms: terms)

        var termCounts: [UInt64: Int] = [:]
        for case let term? in terms { termCounts[term, default: 0] += 1 }
        var names: Set<UInt64> = []
        for sentence in sentences {
            for index in sentence.tokens.dropFirst() where tokens[index].isCapitalized || tokens[index].word.first!.isNumber {
                if let term = terms[index] { names.insert(term) }
            }
        }
        return AnalyzedDocument(
            id: document.id, format: format, metadata: document.metadata, originalLength: originalLength,
            visible: visible, tokens: tokens, wordHashes: wordHashes, shingleHashes: shingleHashes,
            shingleSet: Shingles.set(shingleHashes),
            exactHash: allWords.reduce(UInt64(allWords.count), StableHash.combine),
            signature: minHasher.signature(of: shingleHashes), sentences: sentences, wordTerms: terms.map { $0 ?? 0 },
            termCounts: TermCount.sorted(termCounts), names: names.sorted()
        )
    }

    /// The content term of a word: its stem's hash, or `nil` for a stop word.
    private mutating func term(for word: String) -> UInt64? {
        if let cached = termCache[word] { return cached }
        let term: UInt64? = StopWords.contains(word) ? nil : StableHash.string(EnglishStemmer.stem(SpellingVariants.american(word)))
        termCache[word] = term
        return term
    }

    private func sentences(of text: [Unicode.Scalar], tokens: [Token], terms: [UInt64?]) -> [Sentence] {
        var sentences: [Sentence] = []
        var next = 0
        for range in SentenceSplitter.sentenceRanges(in: text) {
            let first = next
            while next < tokens.count, tokens[next].range.lowerBound < range.upperBound { next += 1 }
            guard next > first else { continue }
            var sentenceTerms = terms[first..<next].compactMap { $0 }
            sentenceTerms.sort()
            sentenceTerms.removeDuplicates()
            sentences.append(Sentence(tokens: first..<next, terms: sentenceTerms))
        }
        if next < tokens.count {
            var rest = terms[next...].compactMap { $0 }
            rest.sort()
            rest.removeDuplicates()
            sentences.append(Sentence(tokens: next..<tokens.count, terms: rest))
        }
        return sentences
    }
}
