import Foundation

/// A persistent, incremental version of ``Scanner``: documents are added one at a time to a
/// ``DocumentStore``, each compared on arrival with the candidates already stored.
///
/// Adding a collection one document at a time gives the relations and clusters a scan of the
/// whole collection gives, with two differences a scan cannot have, since it sees the collection
/// whole:
/// - term weights (inverse document frequencies) are those of the documents stored so far plus
///   the new one, when the new document is compared; a scan uses the final collection's;
/// - a line is page furniture when, counting the new document, it appears in as many stored
///   documents as ``RepeatedLines`` requires of a collection of that size: documents added before
///   a line became furniture keep it as text.
/// For the term route every document is posted under its `2 ×` ``Scanner/Options/distinctiveTerms``
/// heaviest terms at the time it is added, and a new document's distinctive terms (those other
/// stored documents use too) are looked up in those postings.
public struct IncrementalIndex: Sendable {
    /// What happened to one document given to ``add(_:report:)``.
    public enum AddOutcome: Sendable {
        /// Stored, with its relations to documents stored before it (it is side `b` of each pair).
        case added(id: String, matches: [ScanReport.Pair])
        /// Already stored under this id: left as it was.
        case skipped(id: String)
    }

    /// The store.
    public let store: any DocumentStore
    /// The scan settings in force (the same as ``Scanner``'s defaults unless changed).
    public let options: Scanner.Options
    /// How many documents are analyzed together (in parallel) and then stored in one transaction.
    public var batchSize = Self.defaultBatchSize
    /// The default ``batchSize``: a batch's band keys, postings and counts land all over their
    /// tables, so a larger batch rewrites each page for more documents.
    public static let defaultBatchSize = 4096
    /// The stored term frequencies read so far.
    private let frequencyCache = GenerationCache<Int>(capacity: 2_000_000) { _ in 0 }
    /// The stored postings of the term route read so far (lists of sequence numbers, ascending).
    private let postingCache = GenerationCache<[Int64]>(capacity: 16_000_000) { $0.count }
    /// The stored documents rebuilt for comparison so far.
    private let comparableCache = ComparableCache()

    /// Creates an index over a store.
    public init(store: any DocumentStore, options: Scanner.Options = .init()) {
        self.store = store
        self.options = options
    }

    /// Adds documents in order, calling `report` after each. The documents are stored in batches
    /// of ``batchSize``, one transaction each: `report` hears of a batch's documents once the batch
    /// is committed, so an interrupted add leaves whole batches only. A document whose id is
    /// already stored (or repeated in `documents`) is skipped.
    ///
    /// The work overlaps, on the assumption that nothing else writes in between: while a batch is
    /// written, the next one is compared with the store as it was plus the batch being written,
    /// and the one after it is analyzed. Each assumption is checked (the store's generation when
    /// a batch is written; what the analysis took the store to hold when a batch is compared) and
    /// the work done again when it does not hold, so the answers are those of adding one batch
    /// after the other.
    public func add(_ documents: [SourceDocument], report: (AddOutcome) throws -> Void) throws {
        let batches = stride(from: 0, to: documents.count, by: batchSize).map {
            Array(documents[$0..<min(documents.count, $0 + batchSize)])
        }
        var ahead: BackgroundWork<PreparedBatch>?
        var writing: (batch: ComparedBatch, work: BackgroundWork<Result<WrittenBatch?, any Error>>)?
        var previousSequences: [Int64] = []
        do {
            for (number, documents) in batches.enumerated() {
                let next = number + 1 < batches.count ? batches[number + 1] : nil
                var compared: (batch: ComparedBatch, ahead: BackgroundWork<PreparedBatch>?)?
                if let previous = writing {
                    // Compared while the previous batch is written, as if it were stored.
                    let read = try store.read { transaction -> (batch: ReadBatch, ahead: BackgroundWork<PreparedBatch>?)? in
                        guard try transaction.generation() == previous.batch.basis.expectedGeneration else { return nil }
                        return try analyzeAndRead(documents, guess: ahead?.wait(), next: next, after: previous.batch, in: transaction)
                    }
                    compared = read.map { (compare($0.batch), $0.ahead) }
                    writing = nil
                    let written = try finish(previous.batch, previous.work.wait(), report: report)
                    previousSequences = written.added.map(\.sequence)
                    // The previous batch was compared again (another writer got in between): so must this one be.
                    if !written.asCompared { compared = nil }
                }
                let (batch, nextAhead) = try compared ?? {
                    let read = try store.read { try analyzeAndRead(documents, guess: ahead?.wait(), next: next, after: nil, in: $0) }
                    return (compare(read.batch), read.ahead)
                }()
                ahead = nextAhead
                let earlier = batch.basis.earlierCount == 0 ? [] : previousSequences
                writing = (batch, BackgroundWork {
                    Result {
                        try store.write { transaction in
                            try transaction.generation() == batch.basis.expectedGeneration ? insert(batch, after: earlier, in: transaction) : nil
                        }
                    }
                })
            }
        } catch {
            // A batch being written when something failed is still committed and reported.
            if let writing { _ = try? finish(writing.batch, writing.work.wait(), report: report) }
            throw error
        }
        if let writing { _ = try finish(writing.batch, writing.work.wait(), report: report) }
    }

    /// The relations `document` would have with the stored documents, without adding it.
    public func query(_ document: SourceDocument) throws -> [ScanReport.Pair] {
        try store.read { transaction in
            let analyzed = try prepare([document], in: transaction, onlyNew: false).analyzed[0]
            return try comparer.compare([analyzed.document], in: transaction, generation: try transaction.generation())[0].matches.map {
                ScanReport.Pair(a: $0.id, b: document.id, comparison: $0.comparison)
            }
        }
    }

    /// Removes the documents with these ids and returns the ids that were not stored.
    public func remove(_ ids: [String]) throws -> [String] {
        try store.write { transaction in
            let sequences = try transaction.sequences(of: ids)
            comparableCache.forget(sequences.values)
            var counts = PendingCounts()
            for stored in try transaction.documents(Array(sequences.values)) {
                let features = try stored.features()
                try transaction.delete(stored.sequence, entry(for: features, relations: []))
                counts.add(features.termCounts.lazy.map(\.term), lines: features.lineKeys, by: -1)
            }
            try transaction.addCounts(terms: counts.terms, lines: counts.lines)
            return ids.filter { sequences[$0] == nil }
        }
    }

    /// The reuse and story clusters of the stored documents, as ``Scanner`` reports them.
    public func clusters() throws -> [DocumentCluster] {
        let (members, relations) = try store.read { (try $0.members(), try $0.relations()) }
        var position: [Int64: Int] = [:]
        for (index, member) in members.enumerated() { position[member.sequence] = index }
        return Clustering.clusters(
            members: members.map { Clustering.Member(id: $0.id, published: $0.published.map(Date.init(timeIntervalSince1970:)), words: $0.words) },
            links: relations.compactMap { relation in
                guard let a = position[relation.a], let b = position[relation.b] else { return nil }
                return Clustering.Link(a: a, b: b, relation: relation.relation, coverageA: relation.coverageA, coverageB: relation.coverageB)
            }
        )
    }

    /// The number of rows of each table.
    public func statistics() throws -> StoreCounts {
        try store.read { try $0.tableCounts() }
    }

    /// Integrity problems: engine-level corruption, counts that disagree, rows naming missing
    /// documents, features that do not decode. Empty when the store is sound.
    public func check() throws -> [String] {
        try store.read { transaction in
            var problems = try transaction.engineProblems()
            let counts = try transaction.tableCounts()
            if counts.documents != counts.documentRows {
                problems.append("the document counter says \(counts.documents) but \(counts.documentRows) documents are stored")
            }
            if counts.bandKeys != counts.documentRows * options.bands {
                problems.append("\(counts.bandKeys) band keys for \(counts.documentRows) documents (expected \(options.bands) each)")
            }
            if counts.orphans > 0 { problems.append("\(counts.orphans) band keys, postings or relations name documents that are not stored") }
            let members = try transaction.members()
            for start in stride(from: 0, to: members.count, by: 512) {
                let chunk = members[start..<min(members.count, start + 512)].map(\.sequence)
                do {
                    let documents = try transaction.documents(chunk)
                    if documents.count != chunk.count { problems.append("documents \(chunk.first!)…\(chunk.last!) could not all be read back") }
                    for document in documents { _ = try document.features() }
                } catch let error as DocumentFeatures.DecodingError {
                    problems.append("documents \(chunk.first!)…\(chunk.last!): \(error)")
                }
            }
            return problems
        }
    }

    // MARK: Analysis

    private struct Analyzed: Sendable {
        var document: AnalyzedDocument
        var lineKeys: [UInt64]
    }

    private typealias VisibleText = (format: DocumentFormat, text: MappedText, length: Int, lineKeys: [UInt64])

    /// What analyzing a batch depends on: which of its documents are new (the positions of those
    /// not stored, the first of repeated ids), the document count, and the stored counts of the new
    /// documents' short lines (none zero).
    private struct StoreView: Sendable, Equatable {
        var fresh: [Int]
        var documentCount: Int
        var lineCounts: [UInt64: Int]

        /// The view `transaction` gives of `documents`, with `added` (analyzed documents about to
        /// be stored on top of it) counted in; `lineKeys` gives a document's short-line keys by position.
        init(
            of documents: [SourceDocument], lineKeys: (Int) -> [UInt64], in transaction: any StoreTransaction,
            after added: [Analyzed] = [], onlyNew: Bool = true
        ) throws {
            if onlyNew {
                var stored = try transaction.sequences(of: documents.map(\.id))
                for document in added { stored[document.document.id] = 0 }
                var seen: Set<String> = []
                fresh = documents.indices.filter { stored[documents[$0].id] == nil && seen.insert(documents[$0].id).inserted }
            } else {
                fresh = Array(documents.indices)
            }
            let keys = Set(fresh.flatMap(lineKeys))
            var counts = try transaction.lineCounts(of: Array(keys))
            for document in added {
                for key in document.lineKeys where keys.contains(key) { counts[key, default: 0] += 1 }
            }
            lineCounts = counts.filter { $0.value != 0 }
            documentCount = try transaction.documentCount() + added.count
        }
    }

    /// A batch analyzed, with what the analysis took the store to hold.
    private struct PreparedBatch: Sendable {
        var documents: [SourceDocument]
        var view: StoreView
        /// The fresh documents, analyzed.
        var analyzed: [Analyzed]

        /// Whether `transaction`, with `added` stored on top of it, holds what the analysis took the store to hold.
        func holds(in transaction: any StoreTransaction, after added: [Analyzed]) throws -> Bool {
            var keys: [Int: [UInt64]] = [:]
            for (position, document) in zip(view.fresh, analyzed) { keys[position] = document.lineKeys }
            return try StoreView(of: documents, lineKeys: { keys[$0] ?? [] }, in: transaction, after: added) == view
        }
    }

    /// The visible text and short-line keys of each document, on all cores.
    private func visibleTexts(_ documents: [SourceDocument]) -> [VisibleText] {
        documents.parallelMap { document in
            let visible = DocumentAnalyzer.visibleText(of: document)
            return (visible.format, visible.text, visible.length, Array(RepeatedLines.lineKeys(of: visible.text)))
        }
    }

    /// Analyzes the documents of a batch that `transaction`, with `added` stored on top of it, does
    /// not hold (all of them unless `onlyNew`).
    private func prepare(
        _ documents: [SourceDocument], in transaction: any StoreTransaction, after added: [Analyzed] = [], onlyNew: Bool = true
    ) throws -> PreparedBatch {
        let texts = visibleTexts(documents)
        let view = try StoreView(of: documents, lineKeys: { texts[$0].lineKeys }, in: transaction, after: added, onlyNew: onlyNew)
        return analyze(documents, texts: texts, view: view)
    }

    /// Analyzes the `fresh` documents of `view` in parallel, given the store's document count and
    /// the stored counts of their short lines; a line is furniture when, counting the documents
    /// before it, it appears in as many documents as a collection of that size requires.
    private func analyze(_ documents: [SourceDocument], texts: [VisibleText], view: StoreView) -> PreparedBatch {
        let fresh = view.fresh, documentCount = view.documentCount, lineCounts = view.lineCounts
        var added: [UInt64: Int] = [:]
        var furniture: [Set<UInt64>] = []
        for (index, position) in fresh.enumerated() {
            let minimum = RepeatedLines.minimumDocuments(inCollectionOf: documentCount + index + 1)
            var repeated: Set<UInt64> = []
            for key in texts[position].lineKeys {
                added[key, default: 0] += 1
                if (lineCounts[key] ?? 0) + added[key]! >= minimum { repeated.insert(key) }
            }
            furniture.append(repeated)
        }
        let shingleSize = options.shingleSize, signatureSize = options.signatureSize
        let items = fresh.enumerated().map { (documents[$0.element], texts[$0.element], furniture[$0.offset]) }
        let analyzed = items.parallelMap(makeState: { DocumentAnalyzer(shingleSize: shingleSize, signatureSize: signatureSize) }) { analyzer, item in
            let (document, visible, furniture) = item
            return Analyzed(
                document: analyzer.analyze(document, format: visible.format, visible: visible.text, originalLength: visible.length, furniture: furniture),
                lineKeys: visible.lineKeys)
        }
        return PreparedBatch(documents: documents, view: view, analyzed: analyzed)
    }

    // MARK: Comparing and storing

    /// What a batch's comparison stands on: the batch analyzed, the documents of the previous
    /// batch it counts as stored, and the store generation at which that holds.
    private struct Basis: Sendable {
        var prepared: PreparedBatch
        /// The number of documents of the previous batch it is compared after (not stored yet).
        var earlierCount: Int
        /// The generation it was read at, plus one for the previous batch's commit when it is
        /// compared after that batch: the batch is written only while the store is at it.
        var expectedGeneration: Int
    }

    /// A batch analyzed, with what comparing it needs read from the store.
    private struct ReadBatch: Sendable {
        var basis: Basis
        var reading: BatchComparer.Reading
    }

    /// A batch analyzed and compared, to be written.
    private struct ComparedBatch: Sendable {
        var basis: Basis
        /// What comparing each of `basis.prepared.analyzed` found.
        var outcomes: [BatchComparer.Outcome]
    }

    /// What writing a batch stored.
    private struct WrittenBatch: Sendable {
        /// The store's generation before the batch was written.
        var generation: Int
        var counts: PendingCounts
        /// The stored documents in order: sequence number, comparable form, terms posted under.
        var added: [(sequence: Int64, comparable: AnalyzedDocument, posted: [UInt64])]
        var outcomes: [AddOutcome]
        /// False when another writer had changed the store since the batch was compared, so it
        /// was compared again before it was written.
        var asCompared = true
    }

    /// Reads what comparing the documents of a batch that `transaction` does not hold needs:
    /// comparing them with what it holds and, when given, the previous batch (compared, not stored
    /// yet); analyzes them first unless `guess` was analyzed for this view of the store, and starts
    /// analyzing `next` for the view that follows.
    private func analyzeAndRead(
        _ documents: [SourceDocument], guess: PreparedBatch?, next: [SourceDocument]?, after earlier: ComparedBatch?,
        in transaction: any StoreTransaction
    ) throws -> (batch: ReadBatch, ahead: BackgroundWork<PreparedBatch>?) {
        let generation = try transaction.generation()
        let pending = earlier?.basis.prepared.analyzed ?? []
        let prepared = try guess.flatMap { try $0.holds(in: transaction, after: pending) ? $0 : nil }
            ?? prepare(documents, in: transaction, after: pending)
        let ahead = try next.map { next in
            let texts = visibleTexts(next)
            let view = try StoreView(of: next, lineKeys: { texts[$0].lineKeys }, in: transaction, after: pending + prepared.analyzed)
            return BackgroundWork { analyze(next, texts: texts, view: view) }
        }
        let reading = try comparer.read(
            prepared.analyzed.map(\.document), after: earlier.map { zip(pending.map(\.document), $0.outcomes).map { ($0, $1) } } ?? [],
            in: transaction, generation: generation)
        let basis = Basis(prepared: prepared, earlierCount: pending.count, expectedGeneration: generation + (earlier == nil ? 0 : 1))
        return (ReadBatch(basis: basis, reading: reading), ahead)
    }

    /// Compares a batch once read (outside the read transaction).
    private func compare(_ batch: ReadBatch) -> ComparedBatch {
        ComparedBatch(basis: batch.basis, outcomes: comparer.compare(batch.reading))
    }

    /// Writes a compared batch's documents, with their relations, and its counts; `earlier` are
    /// the sequence numbers of the previous batch's documents it was compared after.
    private func insert(_ batch: ComparedBatch, after earlier: [Int64], in transaction: any StoreTransaction) throws -> WrittenBatch {
        let generation = try transaction.generation()
        var counts = PendingCounts()
        var sequences: [Int64] = []
        var matches: [[ScanReport.Pair]] = []
        for (item, outcome) in zip(batch.basis.prepared.analyzed, batch.outcomes) {
            let relations = outcome.matches.map { match in
                let a = switch match.counterpart {
                case .stored(let sequence): sequence
                case .batch(let position): position < earlier.count ? earlier[position] : sequences[position - earlier.count]
                }
                return StoredRelation(
                    a: a, b: 0, relation: match.comparison.relation, contained: match.comparison.contained,
                    resemblance: match.comparison.evidence.resemblance,
                    coverageA: match.comparison.evidence.coverageA, coverageB: match.comparison.evidence.coverageB)
            }
            let features = DocumentFeatures(item.document, lineKeys: item.lineKeys, postedTerms: outcome.postedTerms)
            sequences.append(try transaction.insert(entry(for: features, relations: relations)))
            counts.add(item.document.termCounts.lazy.map(\.term), lines: item.lineKeys, by: 1)
            matches.append(outcome.matches.map { ScanReport.Pair(a: $0.id, b: item.document.id, comparison: $0.comparison) })
        }
        try transaction.addCounts(terms: counts.terms, lines: counts.lines)
        let documents = batch.basis.prepared.documents, fresh = batch.basis.prepared.view.fresh
        var position = 0
        let outcomes = documents.indices.map { index -> AddOutcome in
            guard position < fresh.count, fresh[position] == index else { return .skipped(id: documents[index].id) }
            position += 1
            return .added(id: documents[index].id, matches: matches[position - 1])
        }
        let added = zip(sequences, batch.outcomes).map { ($0, $1.comparable, $1.postedTerms) }
        return WrittenBatch(generation: generation, counts: counts, added: added, outcomes: outcomes)
    }

    /// Completes the writing of `batch` (`result`): when another writer had changed the store
    /// since the batch was compared, compares and writes it again in one transaction. Then carries
    /// the caches over to the store's new generation and reports the batch's documents.
    private func finish(
        _ batch: ComparedBatch, _ result: Result<WrittenBatch?, any Error>, report: (AddOutcome) throws -> Void
    ) throws -> WrittenBatch {
        var written: WrittenBatch
        if let stored = try result.get() {
            written = stored
        } else {
            written = try store.write { transaction in
                let read = try analyzeAndRead(batch.basis.prepared.documents, guess: nil, next: nil, after: nil, in: transaction)
                return try insert(compare(read.batch), after: [], in: transaction)
            }
            written.asCompared = false
        }
        // The store is now at the next generation, and the only change is this batch's.
        frequencyCache.advance(from: written.generation) { frequencies, complete in
            var added = 0
            for (term, change) in written.counts.terms {
                if frequencies[term] != nil {
                    frequencies[term]! += change
                } else if complete {
                    frequencies[term] = change
                    added += 1
                }
            }
            return added
        }
        let limit = options.maximumTermFrequency
        postingCache.advance(from: written.generation) { postings, _ in
            var added = 0
            for document in written.added {
                for term in document.posted where (postings[term]?.count ?? limit) < limit {
                    postings[term]!.append(document.sequence)
                    added += 1
                }
            }
            return added
        }
        comparableCache.insert(written.added.map { ($0.sequence, $0.comparable) })
        for outcome in written.outcomes { try report(outcome) }
        return written
    }

    /// Compares a batch's documents with the stored documents and each other.
    private var comparer: BatchComparer {
        BatchComparer(options: options, frequencyCache: frequencyCache, postingCache: postingCache, comparableCache: comparableCache)
    }

    private func entry(for features: DocumentFeatures, relations: [StoredRelation]) -> IndexEntry {
        IndexEntry(features: features, bandKeys: LSHIndex(bands: options.bands, rows: options.rows).bandKeys(features.signature), relations: relations)
    }
}
