/// Word shingles: the overlapping runs of `size` consecutive words of a text, hashed.
public enum Shingles {
    /// The default shingle size: five words, the usual choice for near-duplicate detection of news.
    public static let defaultSize = 5

    /// The hash of every shingle, in text order: element `i` covers words `i..<i+size`.
    ///
    /// A text shorter than `size` words has one shingle made of all its words; an empty text has none.
    public static func hashes(ofWords words: [UInt64], size: Int = defaultSize) -> [UInt64] {
        var hasher = ShingleHasher(size: size)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(max(1, words.count - size + 1))
        for word in words {
            if let shingle = hasher.push(word) { hashes.append(shingle) }
        }
        if let short = hasher.shortTextShingle { hashes.append(short) }
        return hashes
    }

    /// The distinct shingle hashes of a text, sorted: the set Jaccard and containment are computed on.
    public static func set(_ hashes: [UInt64]) -> [UInt64] {
        HashSort.sortedUnique(hashes)
    }
}

/// Hashes the shingles of a stream of word hashes as the words arrive, without storing them.
///
/// The hash of a shingle is a polynomial of its word hashes updated in O(1) per word (a
/// rolling hash), finished with ``StableHash/mix(_:)``: one multiply-add and one mix per word,
/// whatever the shingle size.
public struct ShingleHasher: Sendable {
    /// The number of words in a shingle.
    public let size: Int
    private static let base: UInt64 = 0xff51_afd7_ed55_8ccd
    private let outgoingFactor: UInt64
    /// The last words in a ring whose size is a power of two (word `n` at `n & mask`): inline (no
    /// copy-on-write check per word) up to eight words. Its slots are zeros from the start of a
    /// text until words are pushed there, so the word leaving the window needs no test: before
    /// the first `size` words, it is a zero that subtracts nothing.
    private var shortWindow = InlineArray<8, UInt64>(repeating: 0)
    private var longWindow: [UInt64]
    private let mask: Int
    private var polynomial: UInt64 = 0
    private var words = 0

    /// Creates a hasher of shingles of `size` words.
    public init(size: Int) {
        precondition(size > 0, "a shingle has at least one word")
        self.size = size
        var factor: UInt64 = 1
        for _ in 0..<size { factor = factor &* Self.base }
        outgoingFactor = factor
        let capacity = size <= 8 ? 8 : 1 << (Int.bitWidth - (size - 1).leadingZeroBitCount)
        mask = capacity - 1
        longWindow = size > 8 ? [UInt64](repeating: 0, count: capacity) : []
    }

    /// The number of words pushed since the hasher was made or reset.
    public var wordCount: Int { words }

    /// Forgets the words seen so far, to start a new text.
    @inline(__always)
    public mutating func reset() {
        polynomial = 0
        if size <= 8 {
            for slot in 0..<8 { shortWindow[slot] = 0 }
        } else if words > 0 {
            for slot in longWindow.indices { longWindow[slot] = 0 }
        }
        words = 0
    }

    /// Adds the next word; returns the hash of the shingle it completes, once `size` words are in.
    @inline(__always)
    public mutating func push(_ word: UInt64) -> UInt64? {
        pushPolynomial(word).map(StableHash.mix)
    }

    /// Adds the next word; returns the rolling polynomial of the shingle it completes (distinct
    /// shingles, distinct values, but not yet mixed), once `size` words are in: for a caller that
    /// finishes it with a cheaper mix of its own (``push(_:)`` uses ``StableHash/mix(_:)``).
    @inline(__always)
    public mutating func pushPolynomial(_ word: UInt64) -> UInt64? {
        let outgoing: UInt64
        if size <= 8 {
            // Read before the write: with eight-word shingles both are the same slot.
            outgoing = shortWindow[(words &- size) & 7]
            shortWindow[words & 7] = word
        } else {
            outgoing = longWindow[(words &- size) & mask]
            longWindow[words & mask] = word
        }
        polynomial = polynomial &* Self.base &+ word &- outgoing &* outgoingFactor
        words &+= 1
        return words >= size ? polynomial ^ UInt64(size) : nil
    }

    /// The one shingle of a text shorter than `size` words (all its words); nil for an empty or longer text.
    public var shortTextShingle: UInt64? { shortTextPolynomial.map(StableHash.mix) }

    /// The unmixed polynomial of ``shortTextShingle``, as ``pushPolynomial(_:)`` gives it.
    public var shortTextPolynomial: UInt64? {
        words > 0 && words < size ? polynomial ^ UInt64(words) : nil
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
