import Foundation

/// What deduplication computes from one input line: its text's words, exact hash, MinHash band keys and shingle set.
struct DedupFeatures: Sendable {
    /// What a line turned out to be.
    enum Status: UInt8 {
        case document, empty, invalidJSON, missingText
    }

    /// A line's sketch: all the run keeps of a document besides its position.
    struct Sketch {
        var status: Status
        /// The hash of the document's word sequence: equal for identical documents.
        var exact: UInt64 = 0
        /// The number of words.
        var words: Int32 = 0
        /// The id field of a JSONL line, when present.
        var id: String?
    }

    let format: DedupOptions.Format
    let exactOnly: Bool
    let bands: Int
    let rows: Int
    let shingleSize: Int
    private let minHasher: MinHasher
    private let bandKeys: BandKeys

    init(options: DedupOptions) {
        format = options.format
        exactOnly = options.exactOnly
        (bands, rows) = options.banding
        shingleSize = options.shingleSize
        minHasher = MinHasher(count: options.signatureSize)
        bandKeys = BandKeys(bands: bands, rows: rows)
    }

    /// The number of MinHash values.
    var signatureSize: Int { minHasher.count }

    /// Sketches one line, writing its `bands` LSH keys to `bandKeys`, the low byte of each
    /// signature value to `signature` and its shingle hashes in text order to `hashes` (their
    /// number to `written`, -1 when they need more than `room`); `shingles`, `bins` and `values` are the
    /// worker's scratch (`signatureSize` bins and values), reused from line to line.
    func sketch(
        line: UnsafeRawBufferPointer, bandKeys keys: UnsafeMutablePointer<UInt64>, signature bytes: UnsafeMutablePointer<UInt8>,
        shingles: inout ShingleHasher, bins storage: UnsafeMutablePointer<UInt64>, values: UnsafeMutablePointer<UInt32>,
        hashes: UnsafeMutablePointer<UInt64>, written: inout Int, room: Int
    ) -> Sketch {
        withText(of: line) { text, id in
            var sketch = Sketch(status: .document, id: id)
            var exact: UInt64 = 0xcbf2_9ce4_8422_2325
            var words: Int32 = 0
            if exactOnly {
                ByteTokenizer.forEachWordHash(in: text) { word in
                    exact = (exact ^ word) &* 0x0000_0100_0000_01b3
                    words += 1
                }
            } else {
                shingles.reset()
                let bins = minHasher.bins(storage)
                bins.reset(count: signatureSize)
                // The word and shingle counts come from the hasher: fewer values carried from
                // word to word, so the rolling polynomial stays in a register.
                Self.scanShingles(
                    in: text, with: &shingles,
                    word: { word in exact = (exact ^ word) &* 0x0000_0100_0000_01b3 },
                    shingle: { shingle, index in
                        bins.add(shingle)
                        if index < room { hashes[index] = shingle }
                        return false
                    })
                words = Int32(truncatingIfNeeded: shingles.wordCount)
                let count = shingleCount(words: shingles.wordCount)
                written = count <= room ? count : -1
                minHasher.finish(bins, into: values)
                bandKeys.write(values, into: keys)
                for index in 0..<signatureSize { bytes[index] = UInt8(truncatingIfNeeded: values[index]) }
            }
            guard words > 0 else { return Sketch(status: .empty) }
            sketch.exact = StableHash.mix(exact ^ UInt64(words))
            sketch.words = words
            return sketch
        }
    }

    /// The sorted, distinct shingle hashes of a line's document (empty for a line that is not a document).
    func shingleSet(line: UnsafeRawBufferPointer) -> [UInt64] {
        var hashes: [UInt64] = []
        forEachShingle(line: line) { hashes.append($0); return false }
        return Shingles.set(hashes)
    }

    /// The distinct shingle hashes of a line's document in a table (empty for a line that is not a document).
    func shingleTable(line: UnsafeRawBufferPointer) -> ShingleTable {
        var table = ShingleTable(capacity: line.count / 6)
        forEachShingle(line: line) { _ = table.insert($0); return false }
        return table
    }

    /// The number of shingles (repeats included) of a document of `words` words.
    func shingleCount(words: Int) -> Int {
        words >= shingleSize ? words - shingleSize + 1 : Swift.min(words, 1)
    }

    /// The exact Jaccard similarity of a line's document and the document whose shingles `table`
    /// holds, if it is at least `threshold`; nil otherwise. `shingles` is the line's number of
    /// shingles, repeats included (``shingleCount(words:)``): with it, the line is read only until
    /// the shared shingles still possible cannot reach the threshold. `scratch` is the caller's
    /// table, emptied and reused.
    func resemblance(
        line: UnsafeRawBufferPointer, shingles: Int, to table: ShingleTable, atLeast threshold: Double, scratch: inout ShingleTable
    ) -> Double? {
        // Jaccard ≤ (shared so far + shingles to come, at most the table's size) ÷ the union so far;
        // integer to double conversion and division are monotonic, so a bound below the threshold
        // means the exact value would be below it too.
        let size = table.count
        guard Self.bound(shared: Swift.min(shingles, size), union: size) >= threshold else { return nil }
        scratch.removeAll()
        var shared = 0, seen = 0
        let stopped = forEachShingle(line: line) { shingle in
            seen += 1
            guard scratch.insert(shingle) else { return false }
            if table.contains(shingle) {
                shared += 1
                return false
            }
            let possible = Swift.min(shared + shingles - seen, size)
            return Self.bound(shared: possible, union: size + scratch.count - shared) < threshold
        }
        guard !stopped else { return nil }
        let resemblance = Self.bound(shared: shared, union: size + scratch.count - shared)
        return resemblance >= threshold ? resemblance : nil
    }

    /// A shingle's hash from its rolling polynomial (``ShingleHasher/pushPolynomial(_:)``):
    /// ``StableHash/multiplyFold(_:by:)``, a bijection like ``StableHash/mix(_:)`` but cheaper, which
    /// counts once per word. The top bits (the MinHash bin) depend on every bit of the polynomial,
    /// and the low 32 (the value) take the top half in.
    @inline(__always)
    private static func shingleHash(_ polynomial: UInt64) -> UInt64 {
        StableHash.multiplyFold(polynomial, by: 0x9fb2_1c65_1e98_df25)
    }

    /// Shared over union, 1 for two empty sets.
    private static func bound(shared: Int, union: Int) -> Double {
        union == 0 ? 1 : Double(shared) / Double(union)
    }

    /// Calls `body` with each shingle hash of a line's document, in text order (repeats included),
    /// until it returns true; returns whether it did.
    @inline(__always)
    @discardableResult
    private func forEachShingle(line: UnsafeRawBufferPointer, _ body: (UInt64) -> Bool) -> Bool {
        var shingles = ShingleHasher(size: shingleSize)
        var stopped = false
        _ = withText(of: line) { text, _ in
            stopped = Self.scanShingles(in: text, with: &shingles, word: { _ in }, shingle: { shingle, _ in body(shingle) })
            return Sketch(status: .document)
        }
        return stopped
    }

    /// Calls `word` with each word hash of `text` and `shingle` with each shingle hash and its
    /// number from 0 (a text shorter than a shingle has one, of all its words), in text order, until
    /// `shingle` returns true; returns whether it did. `shingles` must be reset; it counts the words.
    @inline(__always)
    @discardableResult
    private static func scanShingles(
        in text: UnsafeRawBufferPointer, with shingles: inout ShingleHasher, word: (UInt64) -> Void, shingle: (UInt64, Int) -> Bool
    ) -> Bool {
        let stopped = ByteTokenizer.scanWordHashes(in: text) { hash in
            word(hash)
            guard let polynomial = shingles.pushPolynomial(hash) else { return false }
            return shingle(shingleHash(polynomial), shingles.wordCount - shingles.size)
        }
        guard !stopped, let polynomial = shingles.shortTextPolynomial else { return stopped }
        return shingle(shingleHash(polynomial), 0)
    }

    /// Calls `body` with the text of a line (the line itself, or its JSONL text field) and its JSONL id.
    @inline(__always)
    private func withText(of line: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, String?) -> Sketch) -> Sketch {
        switch format {
        case .lines:
            return body(line, nil)
        case .jsonl(let fields):
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return Sketch(status: .empty) }
            switch fields.parse(Data(line)) {
            case .invalidJSON: return Sketch(status: .invalidJSON)
            case .missingText: return Sketch(status: .missingText)
            case .document(_, var text, let id):
                return text.withUTF8 { body(UnsafeRawBufferPointer($0), id) }
            }
        }
    }
}
