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
    /// The first ``probeAttempts`` bins each bin borrows from when it is empty, `probeAttempts` per bin.
    private let probes: [UInt16]
    private static let probeAttempts = 8

    /// Creates a hasher for signatures of `count` values; `count` must be a power of two from 16 to 1024.
    public init(count: Int = 128) {
        precondition(count >= 16 && count <= 1024 && count & (count - 1) == 0, "count must be a power of two in 16...1024")
        self.count = count
        let shift = UInt64(64 - count.trailingZeroBitCount)
        self.shift = shift
        probes = (0..<count).flatMap { bin in
            (1...Self.probeAttempts).map { UInt16(Self.probe(bin, attempt: UInt64($0), shift: shift)) }
        }
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
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { storage in
            let bins = Bins(storage.baseAddress!, shift: shift)
            bins.reset(count: count)
            feed { bins.add($0) }
            let values = [UInt32](unsafeUninitializedCapacity: count) { values, initialized in
                finish(bins, into: values.baseAddress!)
                initialized = count
            }
            return MinHashSignature(values: values)
        }
    }

    /// The running minimum of each bin while a set's hashes arrive, in storage the caller owns.
    struct Bins {
        let storage: UnsafeMutablePointer<UInt64>
        let shift: UInt64

        init(_ storage: UnsafeMutablePointer<UInt64>, shift: UInt64) {
            self.storage = storage
            self.shift = shift
        }

        /// Empties the `count` bins, to start a new set.
        @inline(__always)
        func reset(count: Int) {
            storage.update(repeating: .max, count: count)
        }

        /// Adds the hash of one element (a conditional move, not a branch: early in a set most
        /// hashes lower their bin, and a branch on it would be mispredicted half the time).
        @inline(__always)
        func add(_ hash: UInt64) {
            let bin = Int(truncatingIfNeeded: hash &>> shift)
            storage[bin] = Swift.min(hash & 0xFFFF_FFFF, storage[bin])
        }
    }

    /// Bins for this hasher's signatures in `storage` (`count` values; empty them with ``Bins/reset(count:)``).
    func bins(_ storage: UnsafeMutablePointer<UInt64>) -> Bins { Bins(storage, shift: shift) }

    /// Writes the signature of the set in `bins` to `values` (`count` values), filling the empty bins
    /// from the probe sequence (all values `UInt32.max` for an empty set).
    ///
    /// Branch-free where the data is random: an empty bin holds `UInt64.max` and a filled one a
    /// 32-bit value, so bit 63 marks the empty bins of each 64-bin word, whose set bits are then walked.
    func finish(_ bins: Bins, into values: UnsafeMutablePointer<UInt32>) {
        let storage = bins.storage
        let words = (count + 63) / 64
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { empty in
            var emptyBins = 0
            // Eight bins at a time (`count` is a multiple of 16): the low halves are the values, and
            // the high halves (all ones for an empty bin, else zeros) masked by one bit per lane and
            // summed give the bins' bits.
            let lanes = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
            for word in 0..<words {
                var bits: UInt64 = 0
                for offset in stride(from: 0, to: Swift.min(64, count - word * 64), by: 8) {
                    let bin = word * 64 + offset
                    let eight = UnsafeRawPointer(storage + bin).loadUnaligned(as: SIMD8<UInt64>.self)
                    UnsafeMutableRawPointer(values + bin).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: eight), as: SIMD8<UInt32>.self)
                    let high = SIMD8<UInt32>(truncatingIfNeeded: eight &>> 32)
                    bits |= UInt64((high & lanes).wrappedSum()) &<< UInt64(offset)
                }
                empty[word] = bits
                emptyBins += bits.nonzeroBitCount
            }
            guard emptyBins > 0 && emptyBins < count else { return }
            probes.withUnsafeBytes { probes in
                for word in 0..<words {
                    // First each empty bin's first probe, without a branch: most are filled bins
                    // (as many as the bins are filled). The others are marked, and their whole
                    // probe sequence is tried after.
                    var bits = empty[word]
                    var unresolved: UInt64 = 0
                    while bits != 0 {
                        let offset = bits.trailingZeroBitCount
                        bits &= bits &- 1
                        let bin = word * 64 + offset
                        let probe = Int(probes.load(fromByteOffset: bin * Self.probeAttempts * MemoryLayout<UInt16>.stride, as: UInt16.self))
                        values[bin] = UInt32(truncatingIfNeeded: storage[probe])
                        unresolved |= (empty[probe &>> 6] &>> UInt64(probe & 63) & 1) &<< UInt64(offset)
                    }
                    while unresolved != 0 {
                        let bin = word * 64 + unresolved.trailingZeroBitCount
                        unresolved &= unresolved &- 1
                        values[bin] = UInt32(truncatingIfNeeded: borrowed(bin, storage, probes, empty: empty.baseAddress!))
                    }
                }
            }
        }
    }

    /// The value empty bin `bin` borrows: that of the first filled bin of its probe sequence
    /// (`empty`: a bit per bin, set for the empty ones).
    @inline(__always)
    private func borrowed(
        _ bin: Int, _ storage: UnsafeMutablePointer<UInt64>, _ probes: UnsafeRawBufferPointer, empty: UnsafeMutablePointer<UInt64>
    ) -> UInt64 {
        // All the precomputed probes, four at a time, tested without a branch: a bit per probe
        // whose bin is filled, so the lowest set bit is the first. (Stopping after the first four
        // when one of them is filled saves loads but mispredicts often: the bins of short texts
        // are mostly empty.)
        let first = bin * Self.probeAttempts * MemoryLayout<UInt16>.stride
        var filled: UInt64 = 0
        for group in 0..<Self.probeAttempts / 4 {
            let four = UInt64(littleEndian: probes.loadUnaligned(fromByteOffset: first + group * 8, as: UInt64.self))
            for k in 0..<4 {
                let probe = Int(truncatingIfNeeded: four >> UInt64(16 * k)) & 0xFFFF
                filled |= (~empty[probe >> 6] >> UInt64(probe & 63) & 1) << UInt64(group * 4 + k)
            }
        }
        if filled != 0 {
            return storage[Int(probes.load(fromByteOffset: first + filled.trailingZeroBitCount * MemoryLayout<UInt16>.stride, as: UInt16.self))]
        }
        var attempt = Self.probeAttempts
        while true {
            let probe = Self.probe(bin, attempt: UInt64(attempt + 1), shift: shift)
            if storage[probe] >> 63 == 0 { return storage[probe] }
            attempt += 1
        }
    }

    /// The bin that empty bin `bin` borrows from at its `attempt`-th try (from 1).
    private static func probe(_ bin: Int, attempt: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: StableHash.combine(UInt64(bin), attempt) >> shift)
    }
}
