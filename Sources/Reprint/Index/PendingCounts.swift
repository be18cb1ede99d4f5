/// The term and line counts as one transaction sees them. The changes its documents make are
/// kept in memory and written once with ``StoreTransaction/addCounts(terms:lines:)`` at its end
/// (a batch's documents share most of their terms, so each count is written once per batch); as
/// nothing else changes the stored counts meanwhile (writers are serialized), the counts read
/// are kept too, and each term is read once per transaction.
struct PendingCounts {
    /// The change to the number of documents using each term.
    private(set) var terms: [UInt64: Int] = [:]
    /// The change to the number of documents containing each short line.
    private(set) var lines: [UInt64: Int] = [:]
    /// The stored number of documents using each term read so far (0 for a term none uses).
    private var stored: [UInt64: Int] = [:]

    /// Counts (`change` = 1) or uncounts (-1) one document's terms and lines.
    mutating func add(_ documentTerms: some Sequence<UInt64>, lines documentLines: [UInt64], by change: Int) {
        for term in documentTerms { terms[term, default: 0] += change }
        for line in documentLines { lines[line, default: 0] += change }
    }

    /// The number of documents using each of `keys` (terms no document uses are left out): as
    /// stored plus the pending changes.
    mutating func frequencies(of keys: [UInt64], in transaction: any StoreTransaction) throws -> [UInt64: Int] {
        let unread = keys.filter { stored[$0] == nil }
        if !unread.isEmpty {
            let found = try transaction.frequencies(of: unread)
            for key in unread { stored[key] = found[key] ?? 0 }
        }
        var result: [UInt64: Int] = [:]
        result.reserveCapacity(keys.count)
        for key in keys {
            let frequency = stored[key]! + (terms[key] ?? 0)
            if frequency != 0 { result[key] = frequency }
        }
        return result
    }
}
