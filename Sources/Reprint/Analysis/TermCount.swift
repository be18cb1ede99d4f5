/// A content term of a document with its number of occurrences. A document keeps its terms as
/// an array of these sorted by term, so that two documents' terms are matched by merging.
public struct TermCount: Sendable, Equatable, BitwiseCopyable {
    /// The term: the hash of a stemmed word that is not a stop word.
    public var term: UInt64
    /// How many times the document uses it.
    public var count: Int

    /// Creates a term count.
    public init(term: UInt64, count: Int) {
        self.term = term
        self.count = count
    }

    /// The terms of `counts`, sorted by term.
    static func sorted(_ counts: [UInt64: Int]) -> [TermCount] {
        HashSort.sorted(counts.map { TermCount(term: $0.key, count: $0.value) }) { $0.term }
    }
}
