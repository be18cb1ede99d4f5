import CReprintSupport

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
        let found = firsts([hash], docs: [doc])[0]
        return found < 0 ? nil : found
    }

    /// For each `i` in order, the first document recorded with `hashes[i]` (-1 for none, and
    /// `docs[i]` is recorded as the first). The slot of hash `i + lookahead` is prefetched while hash
    /// `i` is handled, so that the cache misses overlap.
    mutating func firsts(_ batch: [UInt64], docs batchDocs: [Int32]) -> [Int32] {
        while (used + batch.count) * 2 > hashes.count { grow() }
        let mask = mask, lookahead = 16
        var added = 0
        var zeroDoc = zeroDoc
        let found = hashes.withUnsafeMutableBufferPointer { hashes in
            docs.withUnsafeMutableBufferPointer { docs in
                let (hashBase, docBase) = (hashes.baseAddress!, docs.baseAddress!)
                func prefetch(_ i: Int) {
                    let index = Int(truncatingIfNeeded: batch[i]) & mask
                    reprint_prefetch_write(hashBase + index)
                    reprint_prefetch_write(docBase + index)
                }
                for i in 0..<Swift.min(lookahead, batch.count) { prefetch(i) }
                return batch.indices.map { i -> Int32 in
                    if i + lookahead < batch.count { prefetch(i + lookahead) }
                    let hash = batch[i]
                    guard hash != 0 else {
                        if let zeroDoc { return zeroDoc }
                        zeroDoc = batchDocs[i]
                        return -1
                    }
                    var index = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let current = hashes[index]
                        if current == hash { return docs[index] }
                        if current == 0 {
                            hashes[index] = hash
                            docs[index] = batchDocs[i]
                            added += 1
                            return -1
                        }
                        index = (index + 1) & mask
                    }
                }
            }
        }
        self.zeroDoc = zeroDoc
        used += added
        return found
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
