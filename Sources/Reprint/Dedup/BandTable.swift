import CReprintSupport

/// A hash table from LSH band keys to the latest document of each bucket: buckets of eight
/// eight-byte slots, one cache line each, filled to at most 80 %.
///
/// A slot packs the top 32 bits of the band key (a fingerprint, never 0) with the document
/// number. Two band keys with the same fingerprint share a bucket; that only adds a candidate,
/// which the signature check then drops. A key's home bucket comes from its fingerprint; a full
/// bucket passes its keys on to the next one. The slots of a bucket fill from the first and are
/// never emptied, so a probe reads one cache line (rarely two) and stops at the fingerprint or
/// at the first empty slot; that is what lets the table be fuller — and smaller, fewer pages to
/// fault in — than one probed slot by slot (news_x10: 52 MB for the 21 bands instead of 88).
/// The slots are a ``PageBuffer``: copies of a table share them, and only its one owner (a band)
/// changes it.
struct BandTable {
    private static let bucketSlots = 8
    private var slots: PageBuffer<UInt64>
    private var buckets: Int
    private var used = 0

    /// Creates a table that holds `capacity` keys before it grows.
    init(capacity: Int) {
        buckets = Self.buckets(for: capacity)
        slots = PageBuffer(zeroed: buckets * Self.bucketSlots)
    }

    /// The number of buckets that hold `keys` keys at most 80 % full.
    private static func buckets(for keys: Int) -> Int {
        Swift.max(16, (keys * 10 + 8 * bucketSlots - 1) / (8 * bucketSlots))
    }

    /// For each `i` in `0..<count`, in order: sets the document of key `keys[i * stride]`'s bucket to
    /// `doc(i)` and calls `previous(i, held)` with the document the bucket held before (-1 for none).
    ///
    /// The home bucket of key `i + lookahead` is prefetched while key `i` is handled, and the key itself
    /// `lookahead` keys before that, so that the cache misses of the random probes overlap instead
    /// of coming one after the other.
    @inline(__always)
    mutating func exchange(
        count: Int, keys: UnsafePointer<UInt64>, stride: Int, doc: (Int) -> Int32, previous: (Int, Int32) -> Void
    ) {
        while (used + count) * 10 > buckets * Self.bucketSlots * 8 { grow() }
        let buckets = buckets
        let lookahead = 64
        var added = 0
        let base = slots.base
        func prefetchKey(_ i: Int) { reprint_prefetch_read(keys + i * stride) }
        func prefetchHome(_ i: Int) {
            reprint_prefetch_write(base + Self.home(Self.fingerprint(keys[i * stride]), buckets) * Self.bucketSlots)
        }
        for i in 0..<Swift.min(2 * lookahead, count) { prefetchKey(i) }
        for i in 0..<Swift.min(lookahead, count) { prefetchHome(i) }
        for i in 0..<count {
            if i + 2 * lookahead < count { prefetchKey(i + 2 * lookahead) }
            if i + lookahead < count { prefetchHome(i + lookahead) }
            let fingerprint = Self.fingerprint(keys[i * stride])
            let entry = fingerprint << 32 | UInt64(UInt32(bitPattern: doc(i)))
            let (slot, held) = Self.find(fingerprint, from: Self.home(fingerprint, buckets), in: base, buckets: buckets)
            slot.pointee = entry
            if held == 0 {
                added += 1
                previous(i, -1)
            } else {
                previous(i, Int32(bitPattern: UInt32(truncatingIfNeeded: held)))
            }
        }
        used += added
    }

    /// The slot of `fingerprint` (the first empty one if it is not in the table) and what it holds,
    /// from bucket `bucket` on.
    @inline(__always)
    private static func find(
        _ fingerprint: UInt64, from bucket: Int, in base: UnsafeMutablePointer<UInt64>, buckets: Int
    ) -> (UnsafeMutablePointer<UInt64>, UInt64) {
        var bucket = bucket
        while true {
            let line = base + bucket * bucketSlots
            let stop = Int(reprint_bucket_stop(line, UInt32(truncatingIfNeeded: fingerprint)))
            if stop < bucketSlots { return (line + stop, line[stop]) }
            bucket += 1
            if bucket == buckets { bucket = 0 }
        }
    }

    /// The fingerprint of a band key: its top 32 bits, never 0.
    @inline(__always)
    private static func fingerprint(_ key: UInt64) -> UInt64 { key >> 32 | 1 }

    /// The home bucket of `fingerprint`: its mixed bits scaled to `0..<buckets`.
    @inline(__always)
    private static func home(_ fingerprint: UInt64, _ buckets: Int) -> Int {
        Int(truncatingIfNeeded: (fingerprint &* 0x9e37_79b9_7f4a_7c15).multipliedFullWidth(by: UInt64(buckets)).high)
    }

    private mutating func grow() {
        let old = slots
        buckets *= 2
        slots = PageBuffer(zeroed: buckets * Self.bucketSlots)
        for entry in old.buffer where entry != 0 {
            let (slot, _) = Self.find(entry >> 32, from: Self.home(entry >> 32, buckets), in: slots.base, buckets: buckets)
            slot.pointee = entry
        }
    }
}
