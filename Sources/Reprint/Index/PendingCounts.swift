/// The term and line counts as one transaction sees them. The changes its documents make are
/// kept in memory and written once with ``StoreTransaction/addCounts(terms:lines:)`` at its end
/// (a batch's documents share most of their terms, so each count is written once per batch); the
/// stored counts it reads come through a ``TermFrequencyCache``, valid while the store's
/// generation (read when the transaction starts) stays the same.
struct PendingCounts {
    /// The change to the number of documents using each term.
    private(set) var terms: [UInt64: Int] = [:]
    /// The change to the number of documents containing each short line.
    private(set) var lines: [UInt64: Int] = [:]
    /// The stored counts read so far.
    private let cache: TermFrequencyCache
    /// The store's generation when the transaction started.
    private let generation: Int

    /// The counts of `transaction`, read through `cache`.
    init(_ transaction: any StoreTransaction, cache: TermFrequencyCache) throws {
        self.cache = cache
        generation = try transaction.generation()
    }

    /// Counts (`change` = 1) or uncounts (-1) one document's terms and lines.
    mutating func add(_ documentTerms: some Sequence<UInt64>, lines documentLines: [UInt64], by change: Int) {
        for term in documentTerms { terms[term, default: 0] += change }
        for line in documentLines { lines[line, default: 0] += change }
    }

    /// The number of documents using each of `keys` (terms no document uses are left out): as
    /// stored plus the pending changes.
    func frequencies(of keys: [UInt64], in transaction: any StoreTransaction) throws -> [UInt64: Int] {
        var result = try cache.frequencies(of: keys, generation: generation) { try transaction.frequencies(of: $0) }
        for key in keys {
            let frequency = result[key, default: 0] + (terms[key] ?? 0)
            result[key] = frequency == 0 ? nil : frequency
        }
        return result
    }
}
