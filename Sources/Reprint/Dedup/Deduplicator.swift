import Dispatch
import Foundation

/// Corpus deduplication: streams a JSONL or line-per-document input and drops every document that
/// is identical to, or a near-duplicate of, one kept before it.
///
/// The pipeline keeps every core busy: while workers sketch one batch (words, 5-word shingles,
/// a 128-value one-permutation MinHash, LSH band keys), the calling thread reads the next one and
/// a serial queue runs the ordered stage of the previous one — exact-hash lookup, LSH insertion
/// with candidate lists on all cores, exact Jaccard verification of the candidates on all cores
/// (the candidates' texts are read again from the input, so memory holds no texts), then output. Kept documents are written as soon as their
/// batch is decided (`--keep first`) or after the input ends (`--keep canonical`).
public struct Deduplicator: Sendable {
    /// The options of the run.
    public let options: DedupOptions

    /// Creates a deduplicator.
    public init(options: DedupOptions = .init()) {
        precondition(options.threshold > 0 && options.threshold <= 1, "the threshold is in (0, 1]")
        self.options = options
    }

    /// Deduplicates the file at `path` (`-` for standard input); returns the final counts.
    @discardableResult
    public func run(path: String, output: some DedupOutput) throws -> DedupProgress {
        let source = try DedupSource(path: path)
        let run = DedupRun(options: options, source: source, name: path == "-" ? "stdin" : path, output: output)
        // This thread reads and splits the input; workers sketch each batch; a serial queue runs the
        // ordered stage of the batches in input order, each once its sketches are done. At most three
        // batches are read ahead of the ordered stage.
        nonisolated(unsafe) let process: (DedupBatch) -> Void = run.process
        let stage = DispatchQueue(label: "reprint.dedup.ordered")
        let ahead = DispatchSemaphore(value: 3)
        let pool = DedupBatchPool()
        var nextLine = 0
        defer { stage.sync {} }  // on a read error, too: the queued batches finish first
        while true {
            ahead.wait()
            guard let chunk = try source.nextChunk(size: options.batchBytes) else {
                ahead.signal()
                break
            }
            let batch = DedupBatch(bytes: chunk.bytes, offset: chunk.offset, firstLine: nextLine, bands: run.features.bands,
                signatureSize: run.features.signatureSize, pool: pool)
            nextLine += batch.count
            let sketched = Self.startSketching(batch, with: run.features)
            stage.async {
                sketched.wait()
                process(batch)
                ahead.signal()
            }
        }
        stage.sync {}
        run.finish()
        return run.progress
    }

    private static func startSketching(_ batch: DedupBatch, with features: DedupFeatures) -> DispatchGroup {
        let group = DispatchGroup()
        let parts = Swift.min(batch.count, activeProcessorCount * 4)
        for part in 0..<parts {
            let range = (batch.count * part / parts) ..< (batch.count * (part + 1) / parts)
            DispatchQueue.global(qos: .userInitiated).async(group: group) { batch.sketch(range, with: features) }
        }
        return group
    }
}

/// The ordered stage of one run and the state that grows with the corpus.
private final class DedupRun<Output: DedupOutput> {
    let options: DedupOptions
    let features: DedupFeatures
    let source: DedupSource
    let name: String
    let output: Output
    private(set) var progress = DedupProgress()
    private let started = Date()
    private var index: DedupIndex
    /// Per input line: where it starts and how long it is (to read candidates again).
    private var lineOffsets: [Int64] = []
    private var lineLengths: [UInt32] = []
    /// JSONL only: the unique id of each line ("" for a skipped line).
    private var ids: [String] = []
    private var takenIDs: Set<String> = []
    /// The duplicate groups: union-find over every verified match.
    private var groups = UnionFind(count: 0)
    /// Per line, its number of words (0: not a document).
    private var words: [Int32] = []
    /// `--keep canonical` only: per line, its exact hash.
    private var exactHashes: [UInt64] = []

    init(options: DedupOptions, source: DedupSource, name: String, output: Output) {
        self.options = options
        features = DedupFeatures(options: options)
        self.source = source
        self.name = name
        self.output = output
        index = DedupIndex(
            bands: features.bands, signatureSize: features.signatureSize, limit: options.bucketLimit)
        progress.totalBytes = source.totalBytes
    }

    private var isJSONL: Bool { options.format != .lines }
    private var keepsFirst: Bool { options.keep == .first }

    private func id(_ line: Int) -> String { isJSONL ? ids[line] : String(line + 1) }

    /// The ordered stage of one sketched batch.
    func process(_ batch: DedupBatch) {
        if batch.firstLine == 0, let total = source.totalBytes { reserve(for: batch, of: Int(total)) }
        var matches = [[Match]](repeating: [], count: batch.count)
        let sketches = batch.sketches
        lineOffsets.append(contentsOf: (0..<batch.count).lazy.map(batch.lineOffset))
        lineLengths.append(contentsOf: (0..<batch.count).lazy.map { UInt32(truncatingIfNeeded: batch.lineLength($0)) })
        words.append(contentsOf: sketches.lazy.map { $0.status == .document ? $0.words : 0 })
        if !keepsFirst { exactHashes.append(contentsOf: sketches.lazy.map(\.exact)) }
        let documents = (0..<batch.count).filter { sketches[$0].status == .document }
        let identical = index.firstIdentical(documents.map { sketches[$0].exact }, docs: documents.map { Int32(batch.firstLine + $0) })
        var inserted: [(line: Int, doc: Int32)] = []
        var next = 0
        for i in 0..<batch.count {
            let line = batch.firstLine + i
            let sketch = sketches[i]
            guard sketch.status == .document else {
                if isJSONL { ids.append("") }
                skip(line, sketch.status)
                continue
            }
            if isJSONL { ids.append(uniqueID(sketch.id ?? String(line + 1), line: line)) }
            let first = identical[next]
            next += 1
            if let first {
                matches[i] = [Match(doc: first, resemblance: 1, relation: .identical)]
            } else if !options.exactOnly {
                inserted.append((i, Int32(line)))
            }
        }
        if !options.exactOnly {
            // Lines that are not inserted keep zeros in the signature store.
            let size = features.signatureSize
            var previous = 0
            for (line, _) in inserted + [(batch.count, 0)] {
                (batch.signatures.baseAddress! + previous * size).update(repeating: 0, count: (line - previous) * size)
                previous = line + 1
            }
            index.appendSignatures(UnsafeBufferPointer(batch.signatures))
        }
        var pending: [Pending] = []
        if !inserted.isEmpty {
            let lines = inserted.map(\.line)
            let cutoffs = lines.map { options.estimateCutoff(shingles: features.shingleCount(words: Int(sketches[$0].words))) }
            let candidates = index.insert(inserted.map(\.doc), keys: batch.moveBandKeysToFront(of: lines), cutoffs: cutoffs)
            for (line, found) in zip(lines, candidates) where !found.isEmpty {
                let groups = found.map { Int($0) < batch.firstLine ? self.groups.find(Int($0)) : Int($0) }
                pending.append(Pending(line: line, candidates: found, groups: groups))
            }
        }
        for (i, found) in zip(pending.map(\.line), verify(pending, in: batch)) { matches[i] = found }
        groups.grow(to: batch.firstLine + batch.count)
        var kept: [Range<Int>] = []
        for i in 0..<batch.count where batch.sketches[i].status == .document {
            let line = batch.firstLine + i
            guard let best = matches[i].first else {
                if keepsFirst { kept.append(batch.lineRange(i)) }
                continue
            }
            if best.relation == .identical { progress.identical += 1 } else { progress.nearDuplicates += 1 }
            for match in matches[i] where groups.find(line) != groups.find(Int(match.doc)) {
                groups.union(line, Int(match.doc))
                if keepsFirst {
                    output.duplicate(DuplicateRecord(id: id(line), duplicateOf: id(Int(match.doc)), relation: match.relation, resemblance: match.resemblance))
                }
            }
        }
        if !kept.isEmpty {
            progress.unique += kept.count
            output.keep(kept, of: batch.bytes)
        }
        // The earlier batches are done (the output's writer has had this batch's time to copy
        // their kept lines): their input need not stay mapped.
        source.release(upTo: batch.offset)
        progress.lines += batch.count
        progress.bytes = batch.offset + Int64(batch.bytes.count)
        progress.seconds = Date().timeIntervalSince(started)
        output.progress(progress)
    }

    /// Sizes the per-line state for the whole input, extrapolated from the first batch's lines
    /// per byte with an eighth more for the batches that have shorter lines (at most one line per
    /// 64 bytes, so a batch of short lines cannot reserve much). Reserved room that is not used is
    /// never touched; an estimate a little short would copy every array (and fault in its pages
    /// again) near the end.
    private func reserve(for first: DedupBatch, of totalBytes: Int) {
        let estimate = Double(totalBytes) * Double(first.count) / Double(Swift.max(1, first.bytes.count)) * 1.125
        let lines = Swift.min(totalBytes / 64, Int(estimate))
        lineOffsets.reserveCapacity(lines)
        lineLengths.reserveCapacity(lines)
        words.reserveCapacity(lines)
        if !options.exactOnly { index.reserve(documents: lines) }
    }

    /// After the last batch: with `--keep canonical`, the groups, their report and the kept documents.
    func finish() {
        defer {
            progress.seconds = Date().timeIntervalSince(started)
            output.progress(progress)
        }
        guard !keepsFirst else { return }
        var canonical = [Int32](repeating: -1, count: words.count)
        for line in words.indices where words[line] > 0 {
            let root = groups.find(line)
            let best = canonical[root]
            if best < 0 || words[line] > words[Int(best)] { canonical[root] = Int32(line) }
        }
        var dropped: [(line: Int, canonical: Int)] = []
        for line in words.indices where words[line] > 0 {
            let best = Int(canonical[groups.find(line)])
            if best != line { dropped.append((line, best)) }
        }
        let resemblances = parallelResemblance(dropped.map { ($0.line, $0.canonical) })
        for (pair, resemblance) in zip(dropped, resemblances) {
            let identical = exactHashes[pair.line] == exactHashes[pair.canonical]
            output.duplicate(DuplicateRecord(
                id: id(pair.line), duplicateOf: id(pair.canonical),
                relation: identical ? .identical : .nearDuplicate, resemblance: identical ? 1 : resemblance))
        }
        progress.unique = 0
        var start = 0
        while start < words.count {
            var end = start
            var size = 0
            while end < words.count && (end == start || size < options.batchBytes) {
                size += Int(lineLengths[end]) + 1
                end += 1
            }
            let base = lineOffsets[start]
            let bytes = source.chunk(at: base, count: Int(lineOffsets[end - 1] - base) + Int(lineLengths[end - 1]))
            var kept: [Range<Int>] = []
            for line in start..<end where words[line] > 0 && Int(canonical[groups.find(line)]) == line {
                let from = Int(lineOffsets[line] - base)
                kept.append(from ..< from + Int(lineLengths[line]))
            }
            progress.unique += kept.count
            if !kept.isEmpty { output.keep(kept, of: bytes) }
            start = end
        }
    }

    /// The verified earlier documents of each pending line, the most similar first, on all cores.
    ///
    /// Candidates are tried in their given order (the highest estimate first), and once one
    /// member of a duplicate group is verified the other members of that group are not: the
    /// document joins the same groups either way.
    private func verify(_ pending: [Pending], in batch: DedupBatch) -> [[Match]] {
        guard !pending.isEmpty else { return [] }
        let threshold = options.threshold
        let features = features
        let reader = LineReader(source: source, offsets: lineOffsets, lengths: lineLengths, batch: batch)
        let words = words
        let results = pending.parallelMap { item in
            let table = batch.shingleHashes(item.line).map { ShingleTable(hashes: $0) }
                ?? batch.withLine(item.line) { features.shingleTable(line: $0) }
            // Sized for a candidate as large as the document (a larger one grows it).
            var scratch = ShingleTable(capacity: table.count)
            var found: [Match] = []
            var matchedGroups: [Int] = []
            var verified = 0
            for (candidate, group) in zip(item.candidates, item.groups) where !matchedGroups.contains(group) {
                verified += 1
                let shingles = features.shingleCount(words: Int(words[Int(candidate)]))
                let resemblance = reader.withLine(Int(candidate)) {
                    features.resemblance(line: $0, shingles: shingles, to: table, atLeast: threshold, scratch: &scratch)
                }
                guard let resemblance else { continue }
                found.append(Match(doc: candidate, resemblance: resemblance, relation: .nearDuplicate))
                matchedGroups.append(group)
            }
            let sorted = found.sorted { $0.resemblance != $1.resemblance ? $0.resemblance > $1.resemblance : $0.doc < $1.doc }
            return (matches: sorted, verified: verified)
        }
        progress.verifiedPairs += results.reduce(0) { $0 + $1.verified }
        return results.map(\.matches)
    }

    /// The exact resemblance of each pair of lines, on all cores.
    private func parallelResemblance(_ pairs: [(Int, Int)]) -> [Double] {
        let features = features
        let reader = LineReader(source: source, offsets: lineOffsets, lengths: lineLengths, batch: nil)
        return pairs.map { Pair(a: $0.0, b: $0.1) }.parallelMap { pair in
            SetSimilarity.resemblance(
                reader.withLine(pair.a) { features.shingleSet(line: $0) },
                reader.withLine(pair.b) { features.shingleSet(line: $0) })
        }
    }

    private func skip(_ line: Int, _ status: DedupFeatures.Status) {
        progress.skipped += 1
        let input = "\(name):\(line + 1)"
        switch status {
        case .document: break
        case .empty: output.issue(ReadIssue(input: input, problem: .empty))
        case .invalidJSON: output.issue(ReadIssue(input: input, problem: .invalidJSON))
        case .missingText:
            if case .jsonl(let fields) = options.format { output.issue(ReadIssue(input: input, problem: .missingField(fields.text))) }
        }
    }

    private func uniqueID(_ id: String, line: Int) -> String {
        guard !takenIDs.insert(id).inserted else { return id }
        var n = 2
        while takenIDs.contains("\(id)#\(n)") { n += 1 }
        let renamed = "\(id)#\(n)"
        takenIDs.insert(renamed)
        output.issue(ReadIssue(input: "\(name):\(line + 1)", problem: .duplicateID(renamed)))
        return renamed
    }
}

/// A document of a batch with candidates: the earlier documents to verify, the most promising
/// first, and the duplicate group of each (its union-find root before the batch).
private struct Pending: Sendable {
    var line: Int
    var candidates: [Int32]
    var groups: [Int]
}

/// A verified match: the earlier document, the exact resemblance and the relation.
private struct Match: Sendable {
    var doc: Int32
    var resemblance: Double
    var relation: Relation
}

private struct Pair: Sendable {
    var a: Int
    var b: Int
}

/// Reads input lines again: from the batch in memory when it holds them, else from the input.
private struct LineReader: @unchecked Sendable {
    let source: DedupSource
    let offsets: [Int64]
    let lengths: [UInt32]
    let batch: DedupBatch?

    func withLine<R>(_ line: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let batch, line >= batch.firstLine { return batch.withLine(line - batch.firstLine, body) }
        return source.withBytes(at: offsets[line], count: Int(lengths[line]), body)
    }
}
