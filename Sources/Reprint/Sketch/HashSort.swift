/// Sorting by 64-bit hash in linear time: hashes are spread evenly over their range, so placing
/// each in one of about as many buckets as there are items, by its leading bits, leaves an array
/// that a single pass of insertion sort finishes. Several times faster than a comparison sort on
/// the hundreds to thousands of shingles or terms of a document.
///
/// Keys that are not spread evenly are still sorted correctly: when one bucket gets more than
/// ``largestBucket`` items, the sort falls back to a comparison sort.
enum HashSort {
    /// The most items one bucket may get before the sort falls back to a comparison sort.
    static let largestBucket = 64

    /// The distinct values of `hashes`, ascending.
    static func sortedUnique(_ hashes: [UInt64]) -> [UInt64] {
        sorted(hashes, unique: true) { $0 }
    }

    /// `items` in ascending order of `key`; items with equal keys keep their order, or only the
    /// first of them is kept when `unique`.
    @inline(__always)
    static func sorted<Item: BitwiseCopyable>(_ items: [Item], unique: Bool = false, by key: (Item) -> UInt64) -> [Item] {
        let count = items.count
        guard count > 32 else { return comparisonSorted(items, unique: unique, by: key) }
        let bits = Int.bitWidth - (count - 1).leadingZeroBitCount
        let shift = UInt64(UInt64.bitWidth - bits)
        // Where each bucket (by the leading `bits` bits) starts.
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        let even = starts.withUnsafeMutableBufferPointer { starts in
            for item in items { starts[Int(key(item) >> shift) + 1] &+= 1 }
            var largest: Int32 = 0
            for bucket in 1..<starts.count {
                largest = max(largest, starts[bucket])
                starts[bucket] &+= starts[bucket - 1]
            }
            return largest <= largestBucket
        }
        guard even else { return comparisonSorted(items, unique: unique, by: key) }
        return [Item](unsafeUninitializedCapacity: count) { output, initialized in
            // Into buckets, in order (stable)...
            starts.withUnsafeMutableBufferPointer { next in
                for item in items {
                    let bucket = Int(key(item) >> shift)
                    output.initializeElement(at: Int(next[bucket]), to: item)
                    next[bucket] &+= 1
                }
            }
            // ...then insertion sort, in place: each item moves back only within its bucket.
            var written = 0
            for index in 0..<count {
                let item = output[index], itemKey = key(item)
                var slot = written
                while slot > 0 && key(output[slot - 1]) > itemKey { slot -= 1 }
                if unique && slot > 0 && key(output[slot - 1]) == itemKey { continue }
                var move = written
                while move > slot {
                    output[move] = output[move - 1]
                    move -= 1
                }
                output[slot] = item
                written += 1
            }
            initialized = written
        }
    }

    private static func comparisonSorted<Item: BitwiseCopyable>(_ items: [Item], unique: Bool, by key: (Item) -> UInt64) -> [Item] {
        var sorted = items.sorted { key($0) < key($1) }
        guard unique else { return sorted }
        var written = 0
        for index in sorted.indices where written == 0 || key(sorted[index]) != key(sorted[written - 1]) {
            sorted[written] = sorted[index]
            written += 1
        }
        sorted.removeLast(sorted.count - written)
        return sorted
    }
}
