import Foundation

/// A chunk of whole input lines and, once workers have sketched it, each line's sketch and band keys.
///
/// Workers write disjoint lines of the sketch buffers concurrently; the run reads them only after
/// all workers are done, which is why the type is `@unchecked Sendable`.
final class DedupBatch: @unchecked Sendable {
    /// The bytes of the lines.
    let bytes: DedupChunk
    /// Where the chunk starts in the input.
    let offset: Int64
    /// The 0-based number of the chunk's first line in the input.
    let firstLine: Int
    /// The number of lines.
    let count: Int
    /// The number of band keys per line.
    let bands: Int
    /// Line `i` is `starts[i] ..< starts[i + 1] - 1` (the line break excluded).
    private let starts: [Int]
    let sketches: UnsafeMutableBufferPointer<DedupFeatures.Sketch>
    let bandKeys: UnsafeMutableBufferPointer<UInt64>
    /// The low byte of each signature value, `signatureSize` per line.
    let signatures: UnsafeMutableBufferPointer<UInt8>
    /// The number of signature values per line.
    let signatureSize: Int
    /// Each line's shingle hashes in text order (repeats included), as the sketch pass saw them:
    /// line `i` has `shingleCounts[i]` (-1: not kept) from `shingleStarts[i]`, so verification need
    /// not tokenize it again.
    private let shingleStorage: UnsafeMutablePointer<UInt64>
    private let shingleStarts: UnsafeMutableBufferPointer<Int>
    private let shingleCounts: UnsafeMutableBufferPointer<Int>
    /// The memory of the buffers above, and where it goes back to.
    private let buffers: DedupBatchPool.Buffers
    private let pool: DedupBatchPool

    init(bytes: DedupChunk, offset: Int64, firstLine: Int, bands: Int, signatureSize: Int, pool: DedupBatchPool) {
        self.bytes = bytes
        self.offset = offset
        self.firstLine = firstLine
        self.bands = bands
        self.signatureSize = signatureSize
        var starts = [0]
        starts.reserveCapacity(bytes.count / 512)
        let raw = bytes.bytes
        var position = 0
        while position < raw.count, let found = memchr(raw.baseAddress! + position, 0x0A, raw.count - position) {
            position = raw.baseAddress!.distance(to: UnsafeRawPointer(found)) + 1
            starts.append(position)
        }
        if starts.last! < bytes.count { starts.append(bytes.count + 1) }
        self.starts = starts
        count = starts.count - 1
        self.pool = pool
        let buffers = pool.take()
        self.buffers = buffers
        sketches = UnsafeMutableBufferPointer(start: buffers.sketches.room(for: count), count: count)
        sketches.initialize(repeating: .init(status: .empty))
        bandKeys = UnsafeMutableBufferPointer(start: buffers.bandKeys.room(for: count * bands), count: count * bands)
        signatures = UnsafeMutableBufferPointer(start: buffers.signatures.room(for: count * signatureSize), count: count * signatureSize)
        // Room for n / 4 + 1 shingles a line of n bytes: text has about one word per six bytes, and
        // a worker's lines share their room; lines that still do not fit are tokenized again when
        // verified. (⌈n / 2⌉, the most a line can have, would spread each batch's hashes over twice
        // the pages, all of them faulted in as batch buffers are reused.)
        shingleStorage = buffers.shingles.room(for: bytes.count / 4 + count + 1)
        shingleStarts = UnsafeMutableBufferPointer(start: buffers.shingleStarts.room(for: count), count: count)
        shingleCounts = UnsafeMutableBufferPointer(start: buffers.shingleCounts.room(for: count), count: count)
        shingleCounts.initialize(repeating: 0)
    }

    deinit {
        _ = sketches.deinitialize()
        pool.giveBack(buffers)
    }

    /// Line `i`'s shingle hashes from the sketch pass, in text order (repeats included); nil if
    /// they did not fit in the room the line's length gives (the line must then be tokenized again).
    func shingleHashes(_ i: Int) -> UnsafeBufferPointer<UInt64>? {
        shingleCounts[i] < 0 ? nil : UnsafeBufferPointer(start: shingleStorage + shingleStarts[i], count: shingleCounts[i])
    }

    /// Where the shingles of lines from `i` may start: line `i` and the ones after it have room
    /// for n / 4 + 1 hashes each (n: the line's bytes with its break).
    private func shingleBound(_ i: Int) -> Int { starts[i] / 4 + i }

    /// Moves the band keys of `lines` (ascending) to the front of ``bandKeys``, in that order, and
    /// returns them: the keys of the documents to insert, without a copy of the batch's keys.
    func moveBandKeysToFront(of lines: [Int]) -> UnsafeBufferPointer<UInt64> {
        let keys = bandKeys.baseAddress!
        for (index, line) in lines.enumerated() where index != line {
            (keys + index * bands).update(from: keys + line * bands, count: bands)
        }
        return UnsafeBufferPointer(start: keys, count: lines.count * bands)
    }

    /// Where line `i` starts in the input.
    func lineOffset(_ i: Int) -> Int64 { offset + Int64(starts[i]) }

    /// The length of line `i` without its line break.
    func lineLength(_ i: Int) -> Int { starts[i + 1] - 1 - starts[i] }

    /// Where line `i` is in ``bytes`` (without the line break).
    func lineRange(_ i: Int) -> Range<Int> { starts[i] ..< starts[i] + lineLength(i) }

    /// Calls `body` with the bytes of line `i` (without the line break).
    func withLine<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(rebasing: bytes.bytes[starts[i] ..< starts[i] + lineLength(i)]))
    }

    /// Sketches lines `range` (called from a worker).
    func sketch(_ range: Range<Int>, with features: DedupFeatures) {
        var shingles = ShingleHasher(size: features.shingleSize)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.signatureSize) { bins in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: features.signatureSize) { values in
                var cursor = shingleBound(range.lowerBound)
                let end = range.isEmpty ? cursor : shingleBound(range.upperBound)
                for i in range {
                    var written = 0
                    sketches[i] = withLine(i) {
                        features.sketch(
                            line: $0, bandKeys: bandKeys.baseAddress! + i * bands,
                            signature: signatures.baseAddress! + i * signatureSize, shingles: &shingles,
                            bins: bins.baseAddress!, values: values.baseAddress!,
                            hashes: shingleStorage + cursor, written: &written, room: end - cursor)
                    }
                    shingleStarts[i] = cursor
                    shingleCounts[i] = written
                    cursor += Swift.max(written, 0)
                }
            }
        }
    }
}
