/// Word shingles: the overlapping runs of `size` consecutive words of a text, hashed.
public enum Shingles {
    /// The default shingle size: five words, the usual choice for near-duplicate detection of news.
    public static let defaultSize = 5

    /// The hash of every shingle, in text order: element `i` covers words `i..<i+size`.
    ///
    /// A text shorter than `size` words has one shingle made of all its words; an empty text has none.
    public static func hashes(ofWords words: [UInt64], size: Int = defaultSize) -> [UInt64] {
        precondition(size > 0, "a shingle has at least one word")
        guard !words.isEmpty else { return [] }
        guard words.count >= size else { return [hash(words[...])] }
        return (0...(words.count - size)).map { hash(words[$0..<($0 + size)]) }
    }

    /// The distinct shingle hashes of a text, sorted: the set Jaccard and containment are computed on.
    public static func set(_ hashes: [UInt64]) -> [UInt64] {
        var sorted = hashes.sorted()
        sorted.removeDuplicates()
        return sorted
    }

    @inline(__always)
    static func hash(_ words: ArraySlice<UInt64>) -> UInt64 {
        words.reduce(UInt64(words.count)) { StableHash.combine($0, $1) }
    }
}


extension Array where Element: Equatable {
    /// Removes adjacent duplicates in place (all duplicates, when the array is sorted).
    mutating func removeDuplicates() {
        guard count > 1 else { return }
        var write = 1
        for read in 1..<count where self[read] != self[write - 1] {
            self[write] = self[read]
            write += 1
        }
        removeLast(count - write)
    }
}
