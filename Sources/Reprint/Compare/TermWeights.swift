import Foundation

/// How informative each content term is in a collection: inverse document frequency.
///
/// A term every document uses ("said", "year") weighs little; a name only two documents share
/// weighs much. With no collection (comparing two texts) every term weighs about the same.
///
/// Each term's weight is computed once, when the statistics are made, and kept beside its
/// frequency in a ``TermTable``: comparing documents looks weights up millions of times.
public struct TermWeights: Sendable {
    /// A term's document frequency and the weight it gives.
    private struct Entry: Sendable {
        var frequency: Int32
        var weight: Double
    }

    private var entries: TermTable<Entry>
    /// The weight of a term no document uses.
    private var unusedWeight: Double
    /// The number of documents counted.
    public private(set) var documentCount: Int

    /// Creates empty statistics.
    public init() {
        self.init(documentCount: 0, frequencies: [:])
    }

    /// Statistics known from elsewhere (a persistent index): `frequencies` maps terms to the
    /// number of documents, out of `documentCount`, that use them; missing terms count zero.
    public init(documentCount: Int, frequencies: [UInt64: Int]) {
        self.documentCount = documentCount
        entries = TermTable(capacity: frequencies.count, filler: Entry(frequency: 0, weight: 0))
        unusedWeight = 0
        for (term, frequency) in frequencies {
            entries.modify(term, initial: Entry(frequency: 0, weight: 0)) { $0.frequency = Int32(frequency) }
        }
        computeWeights()
    }

    /// Builds statistics term by term, each term's frequency given once (internal: the index makes
    /// one per document it adds, from the stored counts and the batch before it).
    struct Builder {
        private var entries: TermTable<Entry>

        /// An empty builder for about `capacity` terms.
        init(capacity: Int) {
            entries = TermTable(capacity: capacity, filler: Entry(frequency: 0, weight: 0))
        }

        /// Gives `term` the frequency `frequency()` unless it has one already.
        @inline(__always)
        mutating func add(_ term: UInt64, frequency: () -> Int) {
            _ = entries.value(of: term) { Entry(frequency: Int32(frequency()), weight: 0) }
        }

        /// The statistics of a collection of `documentCount` documents.
        func weights(documentCount: Int) -> TermWeights {
            var weights = TermWeights(documentCount: documentCount, frequencies: [:])
            weights.entries = entries
            weights.computeWeights()
            return weights
        }
    }

    /// Counts the terms of a collection.
    public init(documents: [AnalyzedDocument]) {
        documentCount = documents.count
        entries = TermTable(capacity: 1_024, filler: Entry(frequency: 0, weight: 0))
        unusedWeight = 0
        for document in documents {
            for term in document.termCounts.keys {
                entries.modify(term, initial: Entry(frequency: 0, weight: 0)) { $0.frequency += 1 }
            }
        }
        computeWeights()
    }

    /// The number of documents that use `term`.
    public func frequency(of term: UInt64) -> Int { Int(entries[term]?.frequency ?? 0) }

    /// The smoothed inverse document frequency of `term`: `ln((N + 1) / (df + 1)) + 1`.
    @inline(__always)
    public func weight(_ term: UInt64) -> Double { entries[term]?.weight ?? unusedWeight }

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

    /// Fills in every weight from the frequencies and ``documentCount``.
    private mutating func computeWeights() {
        let documents = documentCount
        func weight(_ frequency: Int) -> Double { log(Double(documents + 1) / Double(frequency + 1)) + 1 }
        // Most terms are rare: the weights of small frequencies are computed once each.
        var small = [Double?](repeating: nil, count: 64)
        unusedWeight = weight(0)
        entries.update { _, entry in
            let frequency = Int(entry.frequency)
            guard frequency >= 0 && frequency < small.count else { return Entry(frequency: entry.frequency, weight: weight(frequency)) }
            if let known = small[frequency] { return Entry(frequency: entry.frequency, weight: known) }
            let computed = weight(frequency)
            small[frequency] = computed
            return Entry(frequency: entry.frequency, weight: computed)
        }
    }
}
