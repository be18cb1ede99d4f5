import Dispatch

/// The in-memory index of a deduplication run: exact hashes, LSH buckets and one-byte-per-value
/// signatures; append-only, about `8 × bands / load + 4 × bands + signatureSize` bytes a document.
///
/// The bands are split into shards that insert a batch in parallel (each shard in input order).
/// A bucket is a chain: a ``BandTable`` maps each band key (the band number is part of the key) to
/// the latest document in the bucket, and a flat array links every document to the previous one
/// of the same bucket, so there is no allocation per bucket. Candidates whose signatures (the
/// low byte of each value, Li & König's b-bit MinHash) estimate a resemblance below the cutoff are
/// dropped before anyone reads their text.
struct DedupIndex {
    private let width: Int
    private let cutoff: Double
    private let shards: [BandShard]
    private var exact: [UInt64: Int32] = [:]
    private var signatures: [UInt8] = []

    /// Creates an empty index of `bands` bands and signatures of `signatureSize` values that walks at
    /// most `limit` documents of a bucket and keeps candidates whose estimated resemblance reaches `cutoff`.
    init(bands: Int, signatureSize: Int, limit: Int, cutoff: Double, shards: Int) {
        width = signatureSize
        self.cutoff = cutoff
        let count = max(1, min(shards, bands))
        self.shards = (0..<count).map { shard in
            BandShard(bands: Array(stride(from: shard, to: bands, by: count)), totalBands: bands, limit: limit)
        }
    }

    /// The first document with the same exact hash; records `doc` as the first when there is none.
    mutating func firstIdentical(_ hash: UInt64, doc: Int32) -> Int32? {
        if let first = exact[hash] { return first }
        exact[hash] = doc
        return nil
    }

    /// Records the signature bytes of the next document (or zeros, for a line that is not inserted).
    mutating func appendSignature(_ signature: UnsafePointer<UInt8>?) {
        if let signature {
            signatures.append(contentsOf: UnsafeBufferPointer(start: signature, count: width))
        } else {
            signatures.append(contentsOf: repeatElement(0, count: width))
        }
    }

    /// Inserts documents of a batch, in order, by their band keys (`keys(i)`: the keys of `docs[i]`);
    /// returns for each the earlier documents that share a bucket and pass the signature check, sorted.
    func insert(_ docs: [Int32], keys: @escaping @Sendable (Int) -> UnsafePointer<UInt64>) -> [[Int32]] {
        let shards = shards
        DispatchQueue.concurrentPerform(iterations: shards.count) { shard in
            shards[shard].insert(docs, keys: keys)
        }
        return docs.indices.map { i in
            var candidates: [Int32] = []
            for shard in shards { candidates.append(contentsOf: shard.candidates(of: i)) }
            guard !candidates.isEmpty else { return [] }
            candidates.sort()
            candidates.removeDuplicates()
            return candidates.filter { estimate(Int($0), Int(docs[i])) >= cutoff }
        }
    }

    /// The resemblance estimated from two stored signatures, corrected for chance byte matches.
    private func estimate(_ a: Int, _ b: Int) -> Double {
        signatures.withUnsafeBufferPointer { values in
            var equal = 0
            for index in 0..<width where values[a * width + index] == values[b * width + index] { equal += 1 }
            return (Double(equal) / Double(width) - 1.0 / 256) / (1 - 1.0 / 256)
        }
    }
}

/// Some of the bands of an index, inserted by one worker; it owns its state, hence `@unchecked Sendable`.
private final class BandShard: @unchecked Sendable {
    private let bands: [Int]
    private let limit: Int
    private var table = BandTable(capacity: 1 << 16)
    /// doc × bands.count + position → the previous document of the same bucket, -1 for none.
    private var previous: [Int32] = []
    /// The candidates found by the last `insert`, and where each document's start.
    private var found: [Int32] = []
    private var starts: [Int] = [0]
    private let totalBands: Int

    init(bands: [Int], totalBands: Int, limit: Int) {
        self.bands = bands
        self.totalBands = totalBands
        self.limit = limit
    }

    func insert(_ docs: [Int32], keys: (Int) -> UnsafePointer<UInt64>) {
        found.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        let width = bands.count
        if let last = docs.last, previous.count < (Int(last) + 1) * width {
            previous.append(contentsOf: repeatElement(-1, count: (Int(last) + 1) * width - previous.count))
        }
        previous.withUnsafeMutableBufferPointer { previous in
            for (i, doc) in docs.enumerated() {
                let keys = keys(i)
                // All table look-ups first, so their cache misses overlap; then the chains.
                for (position, band) in bands.enumerated() {
                    previous[Int(doc) * width + position] = table.exchange(keys[band], doc) ?? -1
                }
                for position in 0..<width {
                    var member = previous[Int(doc) * width + position], walked = 0
                    while member >= 0 && walked < limit {
                        found.append(member)
                        member = previous[Int(member) * width + position]
                        walked += 1
                    }
                }
                starts.append(found.count)
            }
        }
    }

    func candidates(of i: Int) -> ArraySlice<Int32> { found[starts[i] ..< starts[i + 1]] }
}
