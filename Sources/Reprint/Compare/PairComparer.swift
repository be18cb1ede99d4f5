import Foundation

/// Compares two analyzed documents: measures the evidence, aligns the passages, names the relation.
public struct PairComparer: Sendable {
    /// The verbatim passage finder.
    public var verbatim: VerbatimAligner
    /// The passage aligner whose one-to-one view (``PassageAligner/alignedUnits(_:_:weight:)``)
    /// gives the paraphrase passages: the same units and seeds as `reprint pan`.
    public var passages: PassageAligner
    /// The rules that turn evidence into a relation.
    public var classifier: RelationClassifier

    /// Creates a comparer with Reprint's default settings.
    public init(
        verbatim: VerbatimAligner = .init(), passages: PassageAligner = .init(),
        classifier: RelationClassifier = .init()
    ) {
        self.verbatim = verbatim
        self.passages = passages
        self.classifier = classifier
    }

    /// Compares `a` and `b`; `weights` are the term statistics of their collection.
    ///
    /// Documents that share no shingle and are further apart in topic than
    /// ``RelationClassifier/Thresholds/minimumTopicToAlign`` are not aligned: they are unrelated.
    public func compare(_ a: AnalyzedDocument, _ b: AnalyzedDocument, weights: TermWeights, shingleSize: Int) -> Comparison {
        let topicSimilarity = Self.topicSimilarity(
            a.termCounts, b.termCounts, weightA: { term, _ in weights.weight(term) }, weightB: { weights.weight($0) })
        return compare(
            a, b, weights: weights, shingleSize: shingleSize, topicSimilarity: topicSimilarity,
            sharedShingles: SetSimilarity.intersectionCount(a.shingleSet, b.shingleSet), unitsA: nil, preparedB: nil)
    }

    /// Whether the sentences of two documents that share `sharedShingles` shingles and have the
    /// topic similarity `topicSimilarity` are aligned.
    func isWorthAligning(sharedShingles: Int, topicSimilarity: Double) -> Bool {
        sharedShingles > 0 || topicSimilarity >= classifier.thresholds.minimumTopicToAlign
    }

    /// Compares `a` and `b` whose topic similarity under `weights` and number of shared shingles
    /// are known already, and whose units may be made already: `a`'s
    /// (``PassageAligner/wholeSentenceUnits(of:)``) and `b`'s prepared
    /// (``PassageAligner/prepared(_:weight:)`` under `weights`), when either is compared with many
    /// documents. Units not given are made when the pair is worth aligning.
    func compare(
        _ a: AnalyzedDocument, _ b: AnalyzedDocument, weights: TermWeights, shingleSize: Int, topicSimilarity: Double,
        sharedShingles shared: Int, unitsA: [Sentence]?, preparedB: SentenceAligner.Side?
    ) -> Comparison {
        let worthAligning = isWorthAligning(sharedShingles: shared, topicSimilarity: topicSimilarity)
        // A document shorter than a passage can still be copied whole.
        var verbatim = verbatim
        verbatim.minimumWords = max(1, min(verbatim.minimumWords, a.wordCount, b.wordCount))
        let runs = shared > 0 ? verbatim.exactRuns(a.shingleHashes, b.shingleHashes, shingleSize: shingleSize) : []
        let verbatimPassages = verbatim.passages(fromRuns: runs)
        let copiedRunWords = min(classifier.thresholds.copiedRunWords, a.wordCount, b.wordCount)
        let longRuns = runs.filter { $0.a.count >= copiedRunWords }
        let links = !worthAligning ? [] : passages.alignedUnits(
            unitsA ?? passages.wholeSentenceUnits(of: a), preparedB ?? passages.prepared(b) { weights.weight($0) }
        ) { weights.weight($0) }
        let paraphrasePassages = Self.paraphrasePassages(links, excluding: verbatimPassages)
        let all = verbatimPassages + paraphrasePassages

        let union = a.shingleSet.count + b.shingleSet.count - shared
        let evidence = PairEvidence(
            resemblance: union == 0 ? 1 : Double(shared) / Double(union),
            containmentAInB: a.shingleSet.isEmpty ? 0 : Double(shared) / Double(a.shingleSet.count),
            containmentBInA: b.shingleSet.isEmpty ? 0 : Double(shared) / Double(b.shingleSet.count),
            verbatimCoverageA: Self.coverage(verbatimPassages.map(\.a), of: a),
            verbatimCoverageB: Self.coverage(verbatimPassages.map(\.b), of: b),
            coverageA: Self.coverage(all.map(\.a), of: a),
            coverageB: Self.coverage(all.map(\.b), of: b),
            exactShareA: Self.exactShare(longRuns.map(\.a), of: all.map(\.a)),
            exactShareB: Self.exactShare(longRuns.map(\.b), of: all.map(\.b)),
            sentenceSimilarity: links.isEmpty ? 0 : links.map(\.similarity).reduce(0, +) / Double(links.count),
            topicSimilarity: topicSimilarity,
            sharedNames: Self.sharedNames(a, b),
            changedWordsA: Self.changedWords(inside: runs.map(\.a)),
            changedWordsB: Self.changedWords(inside: runs.map(\.b)),
            isIdentical: a.exactHash == b.exactHash,
            wordsA: a.wordCount, wordsB: b.wordCount
        )
        let verdict = classifier.classify(evidence)
        return Comparison(
            relation: verdict.relation, contained: verdict.contained, evidence: evidence,
            passages: all.sorted { $0.a.lowerBound < $1.a.lowerBound }.map { alignment in
                Passage(kind: alignment.kind, a: a.originalRange(ofTokens: alignment.a), b: b.originalRange(ofTokens: alignment.b))
            }
        )
    }

    /// Runs of aligned units not already covered by verbatim passages, as paraphrase passages.
    static func paraphrasePassages(
        _ links: [PassageAligner.UnitPair], excluding verbatim: [TokenAlignment]
    ) -> [TokenAlignment] {
        var passages: [TokenAlignment] = []
        for link in links {
            let rangeA = link.a, rangeB = link.b
            let covered = verbatim.reduce(0) { $0 + $1.a.clamped(to: rangeA).count }
            guard covered * 2 < rangeA.count else { continue }
            if let last = passages.last, last.a.upperBound <= rangeA.lowerBound, last.b.upperBound <= rangeB.lowerBound,
               last.a.upperBound == rangeA.lowerBound, last.b.upperBound == rangeB.lowerBound {
                passages[passages.count - 1] = TokenAlignment(
                    kind: .paraphrase, a: last.a.lowerBound..<rangeA.upperBound, b: last.b.lowerBound..<rangeB.upperBound)
            } else {
                passages.append(TokenAlignment(kind: .paraphrase, a: rangeA, b: rangeB))
            }
        }
        return passages
    }

    private static func coverage(_ ranges: [Range<Int>], of document: AnalyzedDocument) -> Double {
        document.wordCount == 0 ? 0 : Double(ranges.unionLength()) / Double(document.wordCount)
    }

    /// The number of words between the first and the last exactly copied word that are not copied:
    /// the words changed or inserted inside the shared text. Words before or after it (a dateline,
    /// a cut) are not counted.
    private static func changedWords(inside runs: [Range<Int>]) -> Int {
        guard let first = runs.map(\.lowerBound).min(), let last = runs.map(\.upperBound).max() else { return 0 }
        return (last - first) - runs.unionLength()
    }

    /// The share of a document's aligned words that lie in long exact runs.
    private static func exactShare(_ runs: [Range<Int>], of aligned: [Range<Int>]) -> Double {
        let alignedWords = aligned.unionLength()
        return alignedWords == 0 ? 0 : min(1, Double(runs.unionLength()) / Double(alignedWords))
    }

    /// The cosine of two documents' term vectors (occurrences × weight) from their
    /// ``AnalyzedDocument/termCounts``, summed in term order. The weight of a term of `termsA`
    /// is `weightA(term, its index)`, asked once for each, in order; of a term only `termsB`
    /// has, `weightB(term)`, once for each, in order.
    @inline(__always)
    static func topicSimilarity(
        _ termsA: [TermCount], _ termsB: [TermCount],
        weightA: (UInt64, Int) -> Double, weightB: (UInt64) -> Double
    ) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        var j = 0
        for (index, entry) in termsA.enumerated() {
            let term = entry.term
            let weight = weightA(term, index)
            let w = Double(entry.count) * weight
            normA += w * w
            while j < termsB.count && termsB[j].term < term {
                let v = Double(termsB[j].count) * weightB(termsB[j].term)
                normB += v * v
                j += 1
            }
            if j < termsB.count && termsB[j].term == term {
                let v = Double(termsB[j].count) * weight
                normB += v * v
                dot += w * Double(termsB[j].count) * weight
                j += 1
            }
        }
        while j < termsB.count {
            let v = Double(termsB[j].count) * weightB(termsB[j].term)
            normB += v * v
            j += 1
        }
        return normA == 0 || normB == 0 ? 0 : dot / (normA.squareRoot() * normB.squareRoot())
    }

    private static func sharedNames(_ a: AnalyzedDocument, _ b: AnalyzedDocument) -> Double {
        let smaller = min(a.names.count, b.names.count)
        return smaller == 0 ? 0 : Double(SetSimilarity.intersectionCount(a.names, b.names)) / Double(smaller)
    }
}

/// The outcome of comparing two documents.
public struct Comparison: Sendable, Equatable {
    /// The relation.
    public var relation: Relation
    /// For an excerpt, the side contained in the other.
    public var contained: Side?
    /// The measurements behind the relation.
    public var evidence: PairEvidence
    /// The aligned passages, ordered by their position in `a`, in original-text offsets.
    public var passages: [Passage]
}

/// One side of a pair.
public enum Side: String, Sendable, Codable {
    /// The first document.
    case a
    /// The second document.
    case b
}

/// An aligned passage in the coordinates of the original files: half-open Unicode scalar offsets.
public struct Passage: Sendable, Equatable, Codable {
    /// Verbatim or paraphrase.
    public var kind: TokenAlignment.Kind
    /// The passage's range in the first document's original text.
    public var a: Range<Int>
    /// The passage's range in the second document's original text.
    public var b: Range<Int>

    /// Creates a passage.
    public init(kind: TokenAlignment.Kind, a: Range<Int>, b: Range<Int>) {
        self.kind = kind
        self.a = a
        self.b = b
    }
}
