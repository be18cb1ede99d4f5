/// A set of shingle hashes in an open-addressing table: the exact Jaccard similarity of one
/// document against each of its candidates, without sorting either shingle list.
struct ShingleTable {
    private var slots: [UInt64]
    private var mask: Int
    /// The number of distinct hashes inserted.
    private(set) var count = 0
    /// 0 marks an empty slot, so the hash 0 is kept aside.
    private var hasZero = false

    /// Creates an empty table for about `capacity` hashes (it grows as needed).
    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Creates the table of the distinct hashes among `hashes`.
    init(hashes: UnsafeBufferPointer<UInt64>) {
        self.init(capacity: hashes.count)
        for hash in hashes { _ = insert(hash) }
    }

    /// Empties the table, keeping its storage.
    mutating func removeAll() {
        if count > 0 { slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        count = 0
        hasZero = false
    }

    /// Adds `hash`; returns whether it was not in the table yet.
    @inline(__always)
    mutating func insert(_ hash: UInt64) -> Bool {
        if hash == 0 {
            guard !hasZero else { return false }
            hasZero = true
            count += 1
            return true
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = mask
        let added = slots.withUnsafeMutableBufferPointer { slots in
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let current = slots[index]
                if current == hash { return false }
                if current == 0 {
                    slots[index] = hash
                    return true
                }
                index = (index + 1) & mask
            }
        }
        if added { count += 1 }
        return added
    }

    /// Whether `hash` is in the table.
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        if hash == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let current = slots[index]
                if current == hash { return true }
                if current == 0 { return false }
                index = (index + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = hasZero ? 1 : 0
        for hash in old where hash != 0 { _ = insert(hash) }
    }
}
