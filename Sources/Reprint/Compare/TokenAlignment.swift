/// Two aligned word ranges, one in each document of a pair.
public struct TokenAlignment: Sendable, Equatable {
    /// The kind of evidence an aligned passage is.
    public enum Kind: String, Sendable, Codable {
        /// The same words in the same order, allowing small edits.
        case verbatim
        /// Sentences that say the same thing in other words.
        case paraphrase
    }

    /// Verbatim or paraphrase.
    public var kind: Kind
    /// Token indices in the first document.
    public var a: Range<Int>
    /// Token indices in the second document.
    public var b: Range<Int>

    /// Creates an alignment.
    public init(kind: Kind, a: Range<Int>, b: Range<Int>) {
        self.kind = kind
        self.a = a
        self.b = b
    }
}

extension Array where Element == Range<Int> {
    /// The number of positions covered by the union of the ranges.
    func unionLength() -> Int {
        var covered = 0
        var end = Int.min
        for range in sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if range.lowerBound >= end {
                covered += range.count
                end = range.upperBound
            } else if range.upperBound > end {
                covered += range.upperBound - end
                end = range.upperBound
            }
        }
        return covered
    }
}
