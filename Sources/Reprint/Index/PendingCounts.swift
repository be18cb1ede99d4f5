/// The changes one transaction makes to the term and line counts, kept in memory and written
/// once with ``StoreTransaction/addCounts(terms:lines:)`` at its end: a batch's documents share
/// most of their terms, so each count is written once per batch.
struct PendingCounts {
    /// The change to the number of documents using each term.
    private(set) var terms: [UInt64: Int] = [:]
    /// The change to the number of documents containing each short line.
    private(set) var lines: [UInt64: Int] = [:]

    /// Counts (`change` = 1) or uncounts (-1) one document's terms and lines.
    mutating func add(_ documentTerms: some Sequence<UInt64>, lines documentLines: [UInt64], by change: Int) {
        for term in documentTerms { terms[term, default: 0] += change }
        for line in documentLines { lines[line, default: 0] += change }
    }
}
