/// The first document of each exact hash: open addressing on the (well-mixed) hash itself, twelve
/// bytes a slot, no per-lookup hashing as a `Dictionary` would do.
struct ExactHashTable {
    private var hashes: [UInt64]
    private var docs: [Int32]
    private var mask: Int
    private var used = 0
    /// 0 marks an empty slot, so the hash 0 is kept aside.
    private var zeroDoc: Int32?

    /// Creates an empty table (it grows as needed).
    init() {
        hashes = [UInt64](repeating: 0, count: 1 << 12)
        docs = [Int32](repeating: 0, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    /// The first document recorded with `hash`; records `doc` as the first when there is none.
    mutating func first(_ hash: UInt64, doc: Int32) -> Int32? {
        guard hash != 0 else {
            if let zeroDoc { return zeroDoc }
            zeroDoc = doc
            return nil
        }
        if (used + 1) * 2 > hashes.count { grow() }
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let current = hashes[index]
            if current == hash { return docs[index] }
            if current == 0 {
                hashes[index] = hash
                docs[index] = doc
                used += 1
                return nil
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let (oldHashes, oldDocs) = (hashes, docs)
        hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
        docs = [Int32](repeating: 0, count: oldHashes.count * 2)
        mask = hashes.count - 1
        for (hash, doc) in zip(oldHashes, oldDocs) where hash != 0 {
            var index = Int(truncatingIfNeeded: hash) & mask
            while hashes[index] != 0 { index = (index + 1) & mask }
            hashes[index] = hash
            docs[index] = doc
        }
    }
}
