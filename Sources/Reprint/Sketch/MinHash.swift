/// A MinHash signature: a fixed-size sketch of a set whose matching positions estimate Jaccard similarity.
public struct MinHashSignature: Sendable, Hashable, Codable {
    /// One 32-bit value per bin.
    public var values: [UInt32]

    /// Creates a signature from its values.
    public init(values: [UInt32]) {
        self.values = values
    }

    /// The estimated Jaccard similarity of the two sets: the share of equal positions.
    public func estimatedJaccard(with other: MinHashSignature) -> Double {
        precondition(values.count == other.values.count, "signatures of different sizes")
        guard !values.isEmpty else { return 0 }
        var equal = 0
        for index in values.indices where values[index] == other.values[index] { equal += 1 }
        return Double(equal) / Double(values.count)
    }
}

/// Computes MinHash signatures by one-permutation hashing with optimal densification.
///
/// Each element hash is used once: its top bits pick a bin and its low 32 bits compete for that
/// bin's minimum (Li, Owen & Zhang 2012). Bins no element fell into borrow the value of a bin
/// chosen by a fixed pseudo-random probe sequence (Shrivastava 2017), which keeps the estimator
/// unbiased for small sets. Cost: one pass over the hashes plus O(bins), instead of one hash per
/// element per permutation.
public struct MinHasher: Sendable {
    /// The number of values in a signature (a power of two).
    public let count: Int
    private let shift: UInt64

    /// Creates a hasher for signatures of `count` values; `count` must be a power of two from 16 to 1024.
    public init(count: Int = 128) {
        precondition(count >= 16 && count <= 1024 && count & (count - 1) == 0, "count must be a power of two in 16...1024")
        self.count = count
        shift = UInt64(64 - count.trailingZeroBitCount)
    }

    /// The signature of a set given by the (well-mixed, 64-bit) hashes of its elements; duplicates are harmless.
    public func signature(of hashes: some Sequence<UInt64>) -> MinHashSignature {
        signature { add in
            for hash in hashes { add(hash) }
        }
    }

    /// The signature of the set whose element hashes `feed` passes, one by one, to the function it is given.
    ///
    /// Lets a caller hash elements as it produces them (a tokenizer, a rolling shingle hash)
    /// without collecting them first.
    @inline(__always)
    public func signature(_ feed: (_ add: (UInt64) -> Void) -> Void) -> MinHashSignature {
        let empty = UInt64.max
        let shift = shift
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { bins in
            bins.initialize(repeating: empty)
            feed { hash in
                let bin = Int(truncatingIfNeeded: hash >> shift)
                let value = hash & 0xFFFF_FFFF
                if value < bins[bin] { bins[bin] = value }
            }
            return densified(UnsafeBufferPointer(bins))
        }
    }

    /// Fills the empty bins from the probe sequence (all values `UInt32.max` for an empty set).
    private func densified(_ bins: UnsafeBufferPointer<UInt64>) -> MinHashSignature {
        let empty = UInt64.max
        guard bins.contains(where: { $0 != empty }) else {
            return MinHashSignature(values: [UInt32](repeating: .max, count: count))
        }
        let values = [UInt32](unsafeUninitializedCapacity: count) { values, initialized in
            for bin in 0..<count {
                if bins[bin] != empty {
                    values[bin] = UInt32(truncatingIfNeeded: bins[bin])
                    continue
                }
                var attempt: UInt64 = 1
                while true {
                    let probe = Int(truncatingIfNeeded: StableHash.combine(UInt64(bin), attempt) >> shift)
                    if bins[probe] != empty {
                        values[bin] = UInt32(truncatingIfNeeded: bins[probe])
                        break
                    }
                    attempt += 1
                }
            }
            initialized = count
        }
        return MinHashSignature(values: values)
    }
}
