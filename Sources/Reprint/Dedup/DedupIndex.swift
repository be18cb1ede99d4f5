import CReprintSupport
import Dispatch

/// The in-memory index of a deduplication run: exact hashes, LSH buckets and one-byte-per-value
/// signatures; append-only, about `8 × bands / load + 4 × bands + signatureSize` bytes a document.
///
/// The bands insert a batch in parallel, each in input order (one task per band, so that a
/// worker busy elsewhere delays little).
/// A bucket is a chain: each band's ``BandTable`` maps the band's keys to the latest document
/// in the bucket, and a flat array links every document to the previous one
/// of the same bucket, so there is no allocation per bucket. Candidates whose signatures (the
/// low byte of each value, Li & König's b-bit MinHash) estimate a resemblance below the cutoff are
/// dropped before anyone reads their text.
struct DedupIndex {
    private let width: Int
    private var shards: [BandShard]
    /// The first document of each exact hash.
    private var exact = TermTable<Int32>(capacity: 2_048, filler: 0)
    private var signatures: [UInt8] = []

    /// Creates an empty index of `bands` bands and signatures of `signatureSize` values that walks at
    /// most `limit` documents of a bucket.
    init(bands: Int, signatureSize: Int, limit: Int) {
        width = signatureSize
        shards = (0..<bands).map { BandShard(band: $0, limit: limit) }
    }

    /// Sizes the tables for about `documents` documents in all, so that they need not grow (and
    /// be copied, and their memory faulted in twice) on the way; call it before the first insert.
    mutating func reserve(documents: Int) {
        shards.withUnsafeMutableBufferPointer { shards in
            // Each task sizes its own band only.
            nonisolated(unsafe) let shards = shards
            DispatchQueue.concurrentPerform(iterations: shards.count) { shards[$0].reserve(documents: documents) }
        }
        signatures.reserveCapacity(documents * width)
        exact = TermTable(capacity: documents, filler: 0)
    }

    /// For each of `docs`, in order, the first document with the same exact hash (nil for none;
    /// the document is then recorded as the first).
    mutating func firstIdentical(_ hashes: [UInt64], docs: [Int32]) -> [Int32?] {
        exact.insertIfNew(hashes, values: docs)
    }

    /// Records the signature bytes of the next documents, `signatureSize` each (zeros for a line that is not inserted).
    mutating func appendSignatures(_ bytes: UnsafeBufferPointer<UInt8>) {
        signatures.append(contentsOf: bytes)
    }

    /// Inserts documents of a batch, in order, by their band keys (`keys[i * bands + band]`: band
    /// `band`'s key of `docs[i]`); returns for each the earlier documents that share a bucket and
    /// whose signature estimate reaches the document's cutoff (`cutoffs[i]`), the highest estimate
    /// first (then the earliest document).
    mutating func insert(_ docs: [Int32], keys: UnsafeBufferPointer<UInt64>, cutoffs: [Double]) -> [[Int32]] {
        shards.withUnsafeMutableBufferPointer { shards in
            // Each task mutates its own band only; the keys are only read.
            nonisolated(unsafe) let shards = shards, keys = keys
            DispatchQueue.concurrentPerform(iterations: shards.count) { shard in
                shards[shard].insert(docs, keys: keys, bands: shards.count)
            }
        }
        // The candidate lists only read the bands and the signatures: one task per document, on all cores.
        let shards = shards, signatures = signatures, width = width
        return docs.indices.map { $0 }.parallelMap { i in
            var candidates: [Int32] = []
            for band in shards.indices { shards[band].appendCandidates(of: i, to: &candidates) }
            guard !candidates.isEmpty else { return [] }
            candidates.sort()
            candidates.removeDuplicates()
            // The candidates' signatures lie anywhere in the store: prefetched all at once, their
            // cache misses overlap instead of coming one after the other.
            signatures.withUnsafeBytes { values in
                for doc in candidates {
                    for line in stride(from: 0, to: width, by: 64) { reprint_prefetch_read(values.baseAddress! + Int(doc) * width + line) }
                }
            }
            let scored = candidates.map { (doc: $0, estimate: Self.estimate(Int($0), Int(docs[i]), in: signatures, width: width)) }
                .filter { $0.estimate >= cutoffs[i] }
            return scored.sorted { $0.estimate != $1.estimate ? $0.estimate > $1.estimate : $0.doc < $1.doc }.map(\.doc)
        }
    }

    /// The resemblance estimated from two stored signatures, corrected for chance byte matches.
    private static func estimate(_ a: Int, _ b: Int, in signatures: [UInt8], width: Int) -> Double {
        signatures.withUnsafeBytes { values in
            // Eight bytes at a time: the high bit of each byte of `zero` is set where the bytes are
            // equal (their XOR is 0; no carry crosses bytes), so its population count counts them.
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            var equal = 0, index = 0
            while index + 8 <= width {
                let x = values.loadUnaligned(fromByteOffset: a * width + index, as: UInt64.self)
                    ^ values.loadUnaligned(fromByteOffset: b * width + index, as: UInt64.self)
                let zero = ~((x & low &+ low) | x | low)
                equal += zero.nonzeroBitCount
                index += 8
            }
            for index in index..<width where values[a * width + index] == values[b * width + index] { equal += 1 }
            return (Double(equal) / Double(width) - 1.0 / 256) / (1 - 1.0 / 256)
        }
    }
}

/// One band of an index: its table, its bucket chains and the candidates of the last batch.
private struct BandShard {
    private let band: Int
    private let limit: Int
    private var table = BandTable(capacity: 0)
    /// doc → the previous document of the same bucket, -1 for none.
    private var previous: [Int32] = []
    /// The candidates found by the last `insert`, and where each document's start.
    private var found: [Int32] = []
    private var starts: [Int] = [0]

    init(band: Int, limit: Int) {
        self.band = band
        self.limit = limit
    }

    mutating func reserve(documents: Int) {
        table = BandTable(capacity: documents)
        previous.reserveCapacity(documents)
    }

    mutating func insert(_ docs: [Int32], keys: UnsafeBufferPointer<UInt64>, bands: Int) {
        found.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        if let last = docs.last, previous.count < Int(last) + 1 {
            previous.append(contentsOf: repeatElement(-1, count: Int(last) + 1 - previous.count))
        }
        let band = band, limit = limit
        previous.withUnsafeMutableBufferPointer { previous in
            // The walks below start at each document's previous one: prefetched as soon as it is known.
            let base = previous.baseAddress!
            table.exchange(count: docs.count, keys: keys.baseAddress! + band, stride: bands, doc: { docs[$0] }, previous: { i, held in
                previous[Int(docs[i])] = held
                if held >= 0 { reprint_prefetch_read(base + Int(held)) }
            })
            for doc in docs {
                var member = previous[Int(doc)], walked = 0
                while member >= 0 && walked < limit {
                    found.append(member)
                    member = previous[Int(member)]
                    walked += 1
                }
                starts.append(found.count)
            }
        }
    }

    /// Appends the candidates the last `insert` found for its `i`-th document (read in place: no copy of the band).
    func appendCandidates(of i: Int, to candidates: inout [Int32]) {
        guard starts[i] < starts[i + 1] else { return }
        found.withUnsafeBufferPointer { candidates.append(contentsOf: UnsafeBufferPointer(rebasing: $0[starts[i] ..< starts[i + 1]])) }
    }
}
