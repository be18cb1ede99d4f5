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

    /// Creates a table sized for about `capacity` keys.
    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Sets the document of `key`'s bucket to `doc`; returns the document it held before, if any.
    @inline(__always)
    mutating func exchange(_ key: UInt64, _ doc: Int32) -> Int32? {
        if used * 10 >= slots.count * 7 { grow() }
        let fingerprint = key >> 32 | 1
        let entry = fingerprint << 32 | UInt64(UInt32(bitPattern: doc))
        return slots.withUnsafeMutableBufferPointer { slots in
            var index = Self.slot(fingerprint) & mask
            while true {
                let current = slots[index]
                if current == 0 {
                    slots[index] = entry
                    used += 1
                    return nil
                }
                if current >> 32 == fingerprint {
                    slots[index] = entry
                    return Int32(bitPattern: UInt32(truncatingIfNeeded: current))
                }
                index = (index + 1) & mask
            }
        }
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
