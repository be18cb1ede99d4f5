import CReprintSupport

/// An open-addressing hash table from LSH band keys to the latest document of each bucket,
/// eight bytes a slot.
///
/// A slot packs the top 32 bits of the band key (a fingerprint, never 0) with the document
/// number. Two band keys with the same fingerprint share a bucket; that only adds a candidate,
/// which the signature check then drops.
struct BandTable {
    private var slots: [UInt64]
    private var mask: Int
    private var used = 0

    /// Creates a table that holds `capacity` keys before it grows (at most 70 % full).
    init(capacity: Int) {
        var size = 1024
        while size * 7 <= capacity * 10 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// For each `i` in `0..<count`, in order: sets the document of key `keys[i * stride]`'s bucket to
    /// `doc(i)` and calls `previous(i, held)` with the document the bucket held before (-1 for none).
    ///
    /// The slot of key `i + lookahead` is prefetched while key `i` is handled, and the key itself
    /// `lookahead` keys before that, so that the cache misses of the random probes overlap instead
    /// of coming one after the other.
    @inline(__always)
    mutating func exchange(
        count: Int, keys: UnsafePointer<UInt64>, stride: Int, doc: (Int) -> Int32, previous: (Int, Int32) -> Void
    ) {
        while (used + count) * 10 >= slots.count * 7 { grow() }
        let mask = mask
        let lookahead = 64
        var added = 0
        slots.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            for i in 0..<Swift.min(2 * lookahead, count) { reprint_prefetch_read(keys + i * stride) }
            for i in 0..<Swift.min(lookahead, count) { reprint_prefetch_write(base + (Self.slot(keys[i * stride] >> 32 | 1) & mask)) }
            for i in 0..<count {
                if i + 2 * lookahead < count { reprint_prefetch_read(keys + (i + 2 * lookahead) * stride) }
                if i + lookahead < count { reprint_prefetch_write(base + (Self.slot(keys[(i + lookahead) * stride] >> 32 | 1) & mask)) }
                let fingerprint = keys[i * stride] >> 32 | 1
                let entry = fingerprint << 32 | UInt64(UInt32(bitPattern: doc(i)))
                var index = Self.slot(fingerprint) & mask
                while true {
                    let current = slots[index]
                    if current == 0 {
                        slots[index] = entry
                        added += 1
                        previous(i, -1)
                        break
                    }
                    if current >> 32 == fingerprint {
                        slots[index] = entry
                        previous(i, Int32(bitPattern: UInt32(truncatingIfNeeded: current)))
                        break
                    }
                    index = (index + 1) & mask
                }
            }
        }
        used += added
    }

    @inline(__always)
    private static func slot(_ fingerprint: UInt64) -> Int {
        Int(truncatingIfNeeded: (fingerprint &* 0x9e37_79b9_7f4a_7c15) >> 20)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        slots.withUnsafeMutableBufferPointer { slots in
            for entry in old where entry != 0 {
                var index = Self.slot(entry >> 32) & mask
                while slots[index] != 0 { index = (index + 1) & mask }
                slots[index] = entry
            }
        }
    }
}
