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

    /// Builds statistics term by term, each term's frequency given once and its weight computed
    /// at once (internal: the index makes one per document it adds, from the stored counts and the
    /// batch before it, and compares while it builds).
    struct Builder {
        private var entries: TermTable<Entry>
        private var weigher: Weigher

        /// An empty builder for about `capacity` terms of a collection of `documentCount` documents.
        init(documentCount: Int, capacity: Int) {
            entries = TermTable(capacity: capacity, filler: Entry(frequency: 0, weight: 0))
            weigher = Weigher(documentCount: documentCount)
        }

        /// The weight of `term`, giving it the frequency `frequency()` unless it has one already.
        @inline(__always)
        mutating func weight(of term: UInt64, frequency: () -> Int) -> Double {
            if let entry = entries[term] { return entry.weight }
            let frequency = frequency()
            let entry = Entry(frequency: Int32(frequency), weight: weigher.weight(frequency))
            entries.insert(entry, for: term)
            return entry.weight
        }

        /// The statistics built.
        var weights: TermWeights {
            var weights = TermWeights(documentCount: weigher.documentCount, frequencies: [:])
            weights.entries = entries
            return weights
        }
    }

    /// The weight of each frequency in a collection of a given size: most terms are rare, so the
    /// weights of small frequencies are computed once each.
    private struct Weigher {
        let documentCount: Int
        private var small = [Double](repeating: .nan, count: 64)

        init(documentCount: Int) {
            self.documentCount = documentCount
        }

        mutating func weight(_ frequency: Int) -> Double {
            guard frequency >= 0 && frequency < small.count else { return computed(frequency) }
            if small[frequency].isNaN { small[frequency] = computed(frequency) }
            return small[frequency]
        }

        private func computed(_ frequency: Int) -> Double {
            log(Double(documentCount + 1) / Double(frequency + 1)) + 1
        }
    }

    /// Counts the terms of a collection.
    public init(documents: [AnalyzedDocument]) {
        documentCount = documents.count
        entries = TermTable(capacity: 1_024, filler: Entry(frequency: 0, weight: 0))
        unusedWeight = 0
        for document in documents {
            for entry in document.termCounts {
                entries.modify(entry.term, initial: Entry(frequency: 0, weight: 0)) { $0.frequency += 1 }
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
            .filter { frequency(of: $0.term) >= minimumFrequency }
            .map { (term: $0.term, score: Double($0.count) * weight($0.term)) }
            .sorted { ($0.score, $0.term) > ($1.score, $1.term) }
            .prefix(count)
            .map(\.term)
    }

    /// Fills in every weight from the frequencies and ``documentCount``.
    private mutating func computeWeights() {
        var weigher = Weigher(documentCount: documentCount)
        unusedWeight = weigher.weight(0)
        entries.update { _, entry in Entry(frequency: entry.frequency, weight: weigher.weight(Int(entry.frequency))) }
    }
}
