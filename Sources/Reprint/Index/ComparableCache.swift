import Foundation

/// Stored documents already rebuilt for comparison (``DocumentFeatures/comparable``), shared by
/// the transactions of one ``IncrementalIndex`` (and its copies), so that a story's copies are
/// read and decoded once per process, not once per document that finds them as candidates.
///
/// Keyed by sequence number: a store never changes a stored document's features and never reuses
/// a sequence number, so an entry stays true for as long as its document is stored; a removed
/// document stops being a candidate (its band keys and postings go with it) and
/// ``IncrementalIndex/remove(_:)`` forgets it. Bounded by an estimate of the bytes held: past
/// ``capacity`` the least recently used half is dropped.
final class ComparableCache: @unchecked Sendable {
    /// A cached document.
    struct Entry {
        var comparable: AnalyzedDocument
        var cost: Int
        var lastUse: Int
    }

    private let lock = NSLock()
    private var entries: [Int64: Entry] = [:]
    private var held = 0
    private var clock = 0
    /// The most bytes (estimated) the cache holds.
    let capacity: Int

    /// Creates an empty cache holding at most about `capacity` bytes.
    init(capacity: Int = 768 << 20) {
        self.capacity = capacity
    }

    /// The comparable form of each of `sequences` that is stored, in the order of `sequences`;
    /// the documents not cached are read with `read`, then decoded and rebuilt on all cores.
    func comparables(
        of sequences: [Int64], read: ([Int64]) throws -> [StoredDocument]
    ) throws -> [(sequence: Int64, document: AnalyzedDocument)] {
        var found: [Int64: AnalyzedDocument] = [:]
        var missing: [Int64] = []
        lock.withLock {
            clock += 1
            for sequence in sequences {
                if let entry = entries[sequence] {
                    found[sequence] = entry.comparable
                    entries[sequence]!.lastUse = clock
                } else {
                    missing.append(sequence)
                }
            }
        }
        if !missing.isEmpty {
            let stored = try read(missing)
            let rebuilt = try stored.parallelMap { document in
                Result { () throws(DocumentFeatures.DecodingError) in try document.features().comparable }
            }.map { try $0.get() }
            lock.withLock {
                for (document, comparable) in zip(stored, rebuilt) {
                    found[document.sequence] = comparable
                    keep(comparable, as: document.sequence)
                }
                if held > capacity { evictOlderHalf() }
            }
        }
        return sequences.compactMap { sequence in found[sequence].map { (sequence, $0) } }
    }

    /// Keeps documents just stored, already in their comparable form.
    func insert(_ documents: [(sequence: Int64, comparable: AnalyzedDocument)]) {
        lock.withLock {
            clock += 1
            for (sequence, comparable) in documents { keep(comparable, as: sequence) }
            if held > capacity { evictOlderHalf() }
        }
    }

    /// Forgets these documents.
    func forget(_ sequences: some Sequence<Int64>) {
        lock.withLock {
            for sequence in sequences {
                if let entry = entries.removeValue(forKey: sequence) { held -= entry.cost }
            }
        }
    }

    private func evictOlderHalf() {
        let uses = entries.values.map(\.lastUse).sorted()
        let cutoff = uses[uses.count / 2]
        entries = entries.filter { $0.value.lastUse > cutoff }
        held = entries.values.reduce(0) { $0 + $1.cost }
    }

    /// Keeps `comparable` (the caller holds the lock).
    private func keep(_ comparable: AnalyzedDocument, as sequence: Int64) {
        let cost = Self.cost(of: comparable)
        if let previous = entries.updateValue(Entry(comparable: comparable, cost: cost, lastUse: clock), forKey: sequence) {
            held -= previous.cost
        }
        held += cost
    }

    /// About how many bytes a document's comparable form takes: per word a token, two scalars,
    /// two origins and a shingle in two arrays; per term its count; per name its term.
    private static func cost(of document: AnalyzedDocument) -> Int {
        1_024 + document.wordCount * 96 + document.termCounts.count * 16 + document.names.count * 8 + document.sentences.count * 64
    }
}
