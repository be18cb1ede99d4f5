import Foundation

/// How informative each content term is in a collection: inverse document frequency.
///
/// A term every document uses ("said", "year") weighs little; a name only two documents share
/// weighs much. With no collection (comparing two texts) every term weighs about the same.
public struct TermWeights: Sendable {
    private var documentFrequency: [UInt64: Int32]
    /// The number of documents counted.
    public private(set) var documentCount: Int

    /// Creates empty statistics.
    public init() {
        documentFrequency = [:]
        documentCount = 0
    }

    /// Statistics known from elsewhere (a persistent index): `frequencies` maps terms to the
    /// number of documents, out of `documentCount`, that use them; missing terms count zero.
    public init(documentCount: Int, frequencies: [UInt64: Int]) {
        self.documentCount = documentCount
        documentFrequency = frequencies.mapValues { Int32($0) }
    }

    /// Counts the terms of a collection.
    public init(documents: [AnalyzedDocument]) {
        self.init()
        for document in documents { add(document) }
    }

    /// Counts one more document.
    public mutating func add(_ document: AnalyzedDocument) {
        documentCount += 1
        for term in document.termCounts.keys { documentFrequency[term, default: 0] += 1 }
    }

    /// The number of documents that use `term`.
    public func frequency(of term: UInt64) -> Int { Int(documentFrequency[term] ?? 0) }

    /// The smoothed inverse document frequency of `term`: `ln((N + 1) / (df + 1)) + 1`.
    public func weight(_ term: UInt64) -> Double {
        log(Double(documentCount + 1) / Double(frequency(of: term) + 1)) + 1
    }

    /// The `count` terms of `document` that weigh most (occurrences × weight), among those used
    /// by at least `minimumFrequency` documents (by default, other documents use them too); ties
    /// broken by term, so the choice is deterministic.
    public func distinctiveTerms(of document: AnalyzedDocument, count: Int, minimumFrequency: Int = 2) -> [UInt64] {
        document.termCounts
            .filter { frequency(of: $0.key) >= minimumFrequency }
            .map { (term: $0.key, score: Double($0.value) * weight($0.key)) }
            .sorted { ($0.score, $0.term) > ($1.score, $1.term) }
            .prefix(count)
            .map(\.term)
    }
}
