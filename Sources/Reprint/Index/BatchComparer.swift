import Foundation

/// Compares the documents of one batch with the stored documents and with the documents before
/// them in the batch, exactly as if each were added to the store right after the ones before it,
/// but with every comparison of the batch on all cores at once.
///
/// What adding document `i` of a batch sees, and what this computes without writing anything: a
/// collection of the stored documents plus documents `0..<i` of the batch, term counts that
/// include those documents and document `i` itself, their band keys, exact hashes and postings.
/// The store is read once per batch for what is stored; the batch's part is kept in memory.
///
/// The documents before a batch may include a previous batch compared but not stored yet (it is
/// being written while this one is compared): its documents count as the first of the batch.
struct BatchComparer {
    /// A document a batch document is compared with.
    enum Counterpart: Hashable, Comparable, Sendable {
        /// A stored document, by sequence number.
        case stored(Int64)
        /// The document at this position of the previous batch's documents (if any) followed by
        /// the batch's (before the one compared).
        case batch(Int)

        static func < (lhs: Counterpart, rhs: Counterpart) -> Bool {
            switch (lhs, rhs) {
            case let (.stored(a), .stored(b)): a < b
            case let (.batch(a), .batch(b)): a < b
            case (.stored, .batch): true
            case (.batch, .stored): false
            }
        }
    }

    /// A document related to a batch document, with their comparison (the batch document is `b`).
    struct Match: Sendable {
        var counterpart: Counterpart
        var id: String
        var comparison: Comparison
    }

    /// What comparing one batch document found.
    struct Outcome: Sendable {
        /// Its related documents, in collection order.
        var matches: [Match]
        /// The terms it is posted under for the term route (its heaviest terms when it is added).
        var postedTerms: [UInt64]
        /// Its features as a stored document's are rebuilt for comparison.
        var comparable: AnalyzedDocument
    }

    let options: Scanner.Options
    let frequencyCache: GenerationCache<Int>
    let postingCache: GenerationCache<[Int64]>
    let comparableCache: ComparableCache

    /// A document of the previous batch, not stored yet, with what comparing it found.
    typealias Earlier = (document: AnalyzedDocument, outcome: Outcome)

    /// What comparing a batch needs from the store, read in one go so that the read transaction
    /// ends before the comparisons start (SQLite can start its log over only while no reader holds
    /// an older view).
    struct Reading: Sendable {
        fileprivate let batch: Batch
        /// The documents compared (after `first` earlier ones in `batch`).
        fileprivate let documents: [AnalyzedDocument]
        fileprivate let first: Int
        fileprivate let terms: [(distinctive: [UInt64], posted: [UInt64])]
        /// The features of the batch's documents, then of the stored candidates.
        fileprivate let features: [AnalyzedDocument]
        /// Each document's candidates, with the position of their features.
        fileprivate let found: [[(counterpart: Counterpart, slot: Int)]]
        /// The stored document frequency of every term of the batch and of its candidates.
        fileprivate let counts: BatchCounts
        /// For each of `features`, its terms' entries in `counts`, in term order: found once for
        /// all the documents that have it as a candidate.
        fileprivate let termEntries: [[BatchCounts.Entry]]
    }

    /// Compares `documents` in order, after the documents `transaction` holds; `generation` is
    /// the store's generation as `transaction` sees it.
    func compare(_ documents: [AnalyzedDocument], in transaction: any StoreTransaction, generation: Int) throws -> [Outcome] {
        compare(try read(documents, after: [], in: transaction, generation: generation))
    }

    /// Reads what comparing `documents` (after the documents `transaction` holds and then
    /// `earlier`) needs; `generation` is the store's generation as `transaction` sees it.
    func read(
        _ documents: [AnalyzedDocument], after earlier: [Earlier], in transaction: any StoreTransaction, generation: Int
    ) throws -> Reading {
        let first = earlier.count
        let batch = try Batch(earlier.map(\.document) + documents, in: transaction, generation: generation, cache: frequencyCache)
        let terms = earlier.map { (distinctive: [UInt64](), posted: $0.outcome.postedTerms) }
            + batch.ownTerms(distinctive: options.distinctiveTerms, from: first)
        let candidates = try findCandidates(batch, terms: terms, from: first, in: transaction, generation: generation)

        // The features of the batch's documents and of the stored candidates (each once, in one
        // array: copying a document's many arrays for every pair costs more than comparing).
        let storedSequences = Set(candidates.joined().compactMap { if case .stored(let sequence) = $0 { sequence } else { nil } })
        var features = earlier.map(\.outcome.comparable) + documents.indices.map { index in
            DocumentFeatures(documents[index], lineKeys: [], postedTerms: terms[first + index].posted).comparable
        }
        var slots: [Int64: Int] = [:]
        for (sequence, document) in try comparableCache.comparables(of: storedSequences.sorted(), read: transaction.documents) {
            slots[sequence] = features.count
            features.append(document)
        }
        // The counts of the terms only stored candidates use, each term listed once as it is met
        // (the candidates of one story share most of their terms: sorting them all with their
        // repeats took longer than the lookups), then sorted, so that a read walks the store's
        // term table in order.
        var otherTerms: [UInt64] = []
        var listed = TermTable<Bool>(capacity: 1_024, filler: false)
        for document in features[batch.documents.count...] {
            for entry in document.termCounts where !batch.counts.isUsed(entry.term) {
                _ = listed.value(of: entry.term) {
                    otherTerms.append(entry.term)
                    return true
                }
            }
        }
        otherTerms = HashSort.sorted(otherTerms) { $0 }
        var counts = batch.counts
        counts.setStored(try frequencyCache.values(
            of: otherTerms, generation: generation, absent: 0, read: transaction.frequencies, readAll: transaction.allFrequencies
        ), of: otherTerms)
        let found = candidates.map { list in
            list.compactMap { counterpart -> (counterpart: Counterpart, slot: Int)? in
                switch counterpart {
                case .stored(let sequence): slots[sequence].map { (counterpart, $0) }
                case .batch(let position): (counterpart, position)
                }
            }
        }

        let allCounts = counts
        let termEntries = features.parallelMap { $0.termCounts.map { allCounts.entry(of: $0.term) } }
        return Reading(
            batch: batch, documents: documents, first: first, terms: terms, features: features, found: found, counts: counts,
            termEntries: termEntries)
    }

    /// Compares the documents of `reading`.
    func compare(_ reading: Reading) -> [Outcome] {
        let (batch, documents, first, terms, features, found, counts, termEntries) = (
            reading.batch, reading.documents, reading.first, reading.terms, reading.features, reading.found, reading.counts,
            reading.termEntries)
        // Each document's term weights, built while its topic similarity with each candidate is
        // measured (each candidate term is looked up once for both), then every comparison, on
        // all cores. The workers read the features in place, through pointers (a buffer's element
        // is got, a pointer's addressed): a document has many arrays, and a copy of it retains
        // each.
        let comparisons = features.withUnsafeBufferPointer { features in
            documents.withUnsafeBufferPointer { documents in
                nonisolated(unsafe) let features = features.baseAddress!, documents = documents.baseAddress!
                let passages = options.comparer.passages
                let weighed = (0..<reading.documents.count).map { $0 }.parallelMap {
                    index -> (weights: TermWeights, topics: [Double]) in
                    let position = first + index
                    var builder = batch.ownWeights(position, counts: counts, capacity: documents[index].termCounts.count + 16 * found[index].count)
                    let ownTerms = documents[index].termCounts
                    let topics = found[index].map { _, slot in
                        let entries = termEntries[slot]
                        return PairComparer.topicSimilarity(
                            features[slot].termCounts, ownTerms,
                            weightA: { term, index in builder.weight(of: term) { counts.count(of: entries[index], before: position) } },
                            // The document's own terms are all in the builder already.
                            weightB: { term in builder.weight(of: term) { 0 } })
                    }
                    return (builder.weights, topics)
                }
                // Each pair's parts, apart: reading a tuple of arrays copies (and retains) all of them.
                let weights = weighed.map(\.weights)
                let pairs = found.enumerated().flatMap { index, list in
                    list.enumerated().map { candidate, item in
                        (document: index, slot: item.slot, topicSimilarity: weighed[index].topics[candidate])
                    }
                }
                let comparer = options.comparer, shingleSize = options.shingleSize
                let sharedShingles = pairs.parallelMap { index, slot, _ in
                    SetSimilarity.intersectionCount(features[slot].shingleSet, documents[index].shingleSet)
                }
                // The units of the documents and candidates whose sentences some pair aligns, each
                // made once for all its pairs: a document's indexed (prepared), a candidate's as they are.
                var isAligned = [Bool](repeating: false, count: reading.documents.count)
                var isAlignedCandidate = [Bool](repeating: false, count: reading.features.count)
                for (pair, shared) in zip(pairs, sharedShingles)
                where comparer.isWorthAligning(sharedShingles: shared, topicSimilarity: pair.topicSimilarity) {
                    isAligned[pair.document] = true
                    isAlignedCandidate[pair.slot] = true
                }
                let aligned = isAligned, alignedCandidates = isAlignedCandidate
                let sides = (0..<reading.documents.count).map { $0 }.parallelMap { index -> SentenceAligner.Side? in
                    guard aligned[index] else { return nil }
                    let documentWeights = weights[index]
                    return passages.prepared(documents[index]) { documentWeights.weight($0) }
                }
                let units = reading.features.indices.map { $0 }.parallelMap { slot in
                    alignedCandidates[slot] ? passages.wholeSentenceUnits(of: features[slot]) : nil
                }
                return pairs.indices.map { $0 }.parallelMap { pair in
                    let (index, slot, topicSimilarity) = pairs[pair]
                    return comparer.compare(
                        features[slot], documents[index], weights: weights[index], shingleSize: shingleSize,
                        topicSimilarity: topicSimilarity, sharedShingles: sharedShingles[pair], unitsA: units[slot],
                        preparedB: sides[index])
                }
            }
        }
        var outcomes: [Outcome] = []
        var next = 0
        for (index, list) in found.enumerated() {
            var matches: [Match] = []
            for (counterpart, slot) in list {
                let comparison = comparisons[next]
                next += 1
                if comparison.relation != .unrelated {
                    matches.append(Match(counterpart: counterpart, id: features[slot].id, comparison: comparison))
                }
            }
            outcomes.append(Outcome(matches: matches, postedTerms: terms[first + index].posted, comparable: features[first + index]))
        }
        return outcomes
    }

    /// The candidates of each document from position `first` on, in collection order: the stored
    /// documents that share its exact hash, one of its band keys or enough of its distinctive
    /// terms' postings, and the documents before it in the batch that do. The store is read once
    /// per table for the whole batch.
    private func findCandidates(
        _ batch: Batch, terms: [(distinctive: [UInt64], posted: [UInt64])], from first: Int, in transaction: any StoreTransaction, generation: Int
    ) throws -> [[Counterpart]] {
        let documents = batch.documents
        let lsh = LSHIndex(bands: options.bands, rows: options.rows)
        let keys = documents.map { lsh.bandKeys($0.signature) }
        let limit = options.maximumTermFrequency
        let postedTerms = Array(Set(terms.flatMap(\.distinctive)))
        let postingLists = try postingCache.values(of: postedTerms, generation: generation, absent: []) {
            try transaction.postings(of: $0, limit: limit)
        }
        let storedPostings = Dictionary(uniqueKeysWithValues: zip(postedTerms, postingLists))
        let storedCopies = try transaction.documents(withExactHashes: Array(Set(documents[first...].map(\.exactHash))))
        let storedBuckets = try transaction.documents(inBuckets: Array(Set(keys[first...].joined())))

        // The batch's own exact hashes, band keys and postings, by position.
        var exactHashes = TermTable<[Int]>(capacity: documents.count, filler: [])
        var buckets = TermTable<[Int]>(capacity: documents.count * options.bands, filler: [])
        var postings = TermTable<[Int]>(capacity: documents.count * 2 * options.distinctiveTerms, filler: [])
        func add(_ position: Int, under key: UInt64, to table: inout TermTable<[Int]>) {
            table.modify(key, initial: []) { if $0.last != position { $0.append(position) } }
        }
        for (position, document) in documents.enumerated() {
            add(position, under: document.exactHash, to: &exactHashes)
            for key in keys[position] { add(position, under: key, to: &buckets) }
            for term in terms[position].posted { add(position, under: term, to: &postings) }
        }
        let batchIndex = (exactHashes, buckets, postings)
        let minimumShared = options.minimumSharedTerms
        return (first..<documents.count).map { $0 }.parallelMap(makeState: { SharedTermCounter() }) { counter, position -> [Counterpart] in
            let (exactHashes, buckets, postings) = batchIndex
            // Gathered with repeats, then sorted and made distinct: cheaper than hashing each.
            var found: [Counterpart] = []
            func add(stored list: [Int64]?) {
                for sequence in list ?? [] { found.append(.stored(sequence)) }
            }
            func add(before list: [Int]?) {
                for earlier in list ?? [] {
                    guard earlier < position else { break }
                    found.append(.batch(earlier))
                }
            }
            add(stored: storedCopies[documents[position].exactHash])
            add(before: exactHashes[documents[position].exactHash])
            for key in keys[position] {
                add(stored: storedBuckets[key])
                add(before: buckets[key])
            }
            let distinctive = terms[position].distinctive
            // The new document is one of a term's users: at most `maximumTermFrequency - 1` others.
            let lists = distinctive.compactMap { term -> (stored: [Int64], batch: [Int])? in
                let stored = storedPostings[term] ?? [], batch = (postings[term] ?? []).prefix { $0 < position }
                return stored.count + batch.count < limit ? (stored, Array(batch)) : nil
            }
            found += counter.documents(in: lists, atLeast: min(minimumShared, distinctive.count))
            found.sort()
            found.removeDuplicates()
            return found
        }
    }
}

/// A batch's documents with what the store counts of their terms.
private struct Batch: Sendable {
    let documents: [AnalyzedDocument]
    /// The number of documents stored before the batch.
    let storedCount: Int
    /// The stored document frequency of every term of the batch, and the documents that use it.
    let counts: BatchCounts

    init(_ documents: [AnalyzedDocument], in transaction: any StoreTransaction, generation: Int, cache: GenerationCache<Int>) throws {
        self.documents = documents
        storedCount = try transaction.documentCount()
        var counts = BatchCounts(documents)
        counts.setStored(try cache.values(
            of: counts.terms, generation: generation, absent: 0, read: transaction.frequencies, readAll: transaction.allFrequencies
        ), of: counts.terms)
        self.counts = counts
    }

    /// Document `position`'s own terms, counted as `counts` (the store and the batch before it)
    /// and itself count them, in the collection it is added to.
    func ownWeights(_ position: Int, counts: BatchCounts, capacity: Int) -> TermWeights.Builder {
        var builder = TermWeights.Builder(documentCount: storedCount + position + 1, capacity: capacity)
        for entry in documents[position].termCounts {
            _ = builder.weight(of: entry.term) { counts.count(of: entry.term, before: position) + 1 }
        }
        return builder
    }

    /// The distinctive terms (the term route's query) of each document from position `first` on,
    /// and the terms it is posted under (twice as many, used by it alone allowed), weighed when it
    /// is added; on all cores.
    func ownTerms(distinctive count: Int, from first: Int) -> [(distinctive: [UInt64], posted: [UInt64])] {
        (first..<documents.count).map { $0 }.parallelMap { position in
            let weights = ownWeights(position, counts: counts, capacity: documents[position].termCounts.count).weights
            return (weights.distinctiveTerms(of: documents[position], count: count),
                    weights.distinctiveTerms(of: documents[position], count: 2 * count, minimumFrequency: 1))
        }
    }
}

/// Finds the documents that appear in at least so many of a document's posting lists, counting
/// in a flat array indexed by sequence number instead of hashing (lists hold thousands of documents).
private struct SharedTermCounter {
    /// Counts by sequence number (stored documents) and by position (the batch's).
    private var stored = Tally(), batch = Tally()

    /// The documents (stored, or earlier in the batch) in at least `needed` of `lists`.
    mutating func documents(in lists: [(stored: [Int64], batch: [Int])], atLeast needed: Int) -> [BatchComparer.Counterpart] {
        var found: [BatchComparer.Counterpart] = []
        stored.reserve(through: lists.reduce(0) { max($0, Int($1.stored.max() ?? 0)) })
        batch.reserve(through: lists.reduce(0) { max($0, $1.batch.max() ?? 0) })
        for (storedList, batchList) in lists {
            for sequence in storedList where stored.count(Int(sequence)) == needed { found.append(.stored(sequence)) }
            for position in batchList where batch.count(position) == needed { found.append(.batch(position)) }
        }
        stored.reset()
        batch.reset()
        return found
    }

    /// Counts in a flat array, and the indices counted, to set back to zero.
    private struct Tally {
        private var counts: [UInt8] = []
        private var touched: [Int] = []

        /// Makes room for indices up to `index`, at once rather than as they come.
        mutating func reserve(through index: Int) {
            if index >= counts.count { counts += [UInt8](repeating: 0, count: index + 1 - counts.count) }
        }

        /// Counts `index` (at most ``reserve(through:)``'s) once more and returns its count (at most 255: one per list).
        mutating func count(_ index: Int) -> Int {
            if counts[index] == 0 { touched.append(index) }
            counts[index] &+= 1
            return Int(counts[index])
        }

        mutating func reset() {
            for index in touched { counts[index] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
    }
}

/// How many documents use each term a batch's comparisons weigh: the stored ones, and the
/// batch's documents before a given one. One table probe gives both the stored count and where
/// the term's users in the batch are listed; the positions of all terms lie in one array, each
/// term's ascending in a range of its own, so that counting copies (and retains) nothing: it is
/// asked for every term of every candidate of every document.
private struct BatchCounts: Sendable {
    /// What is known of one term.
    struct Entry: Sendable {
        /// The number of stored documents that use the term.
        var stored: Int32
        /// The term's number among the batch's terms (its users are listed), or -1.
        var number: Int32
    }

    private var entries: TermTable<Entry>
    /// Where each batch term's users start in ``positions`` (by number, then one past the last).
    private let starts: [Int32]
    private let positions: [Int32]
    /// Every term some document of the batch uses.
    let terms: [UInt64]

    /// The terms of `documents` and their users, with stored counts of zero.
    init(_ documents: [AnalyzedDocument]) {
        var entries = TermTable<Entry>(
            capacity: documents.reduce(0) { $0 + $1.termCounts.count }, filler: Entry(stored: 0, number: -1))
        var terms: [UInt64] = []
        var users: [Int32] = []
        for document in documents {
            for entry in document.termCounts {
                let term = entry.term
                let number = Int(entries.value(of: term) {
                    terms.append(term)
                    users.append(0)
                    return Entry(stored: 0, number: Int32(terms.count - 1))
                }.number)
                users[number] += 1
            }
        }
        var starts = [Int32](repeating: 0, count: terms.count + 1)
        for number in terms.indices { starts[number + 1] = starts[number] + users[number] }
        var next = starts
        var positions = [Int32](repeating: 0, count: Int(starts[terms.count]))
        for (position, document) in documents.enumerated() {
            for entry in document.termCounts {
                let number = Int(entries[entry.term]!.number)
                positions[Int(next[number])] = Int32(position)
                next[number] += 1
            }
        }
        self.entries = entries
        self.starts = starts
        self.positions = positions
        self.terms = terms
    }

    /// Sets the number of stored documents that use each of `terms` to the frequency at its position.
    mutating func setStored(_ frequencies: [Int], of terms: [UInt64]) {
        for (term, frequency) in zip(terms, frequencies) {
            entries.modify(term, initial: Entry(stored: 0, number: -1)) { $0.stored = Int32(frequency) }
        }
    }

    /// Whether some document of the batch uses `term`.
    func isUsed(_ term: UInt64) -> Bool { (entries[term]?.number ?? -1) >= 0 }

    /// What is known of `term` (a term no stored or batch document uses is stored by none).
    func entry(of term: UInt64) -> Entry {
        entries[term] ?? Entry(stored: 0, number: -1)
    }

    /// The number of stored documents, and of the batch's documents before `position`, that use `term`.
    @inline(__always)
    func count(of term: UInt64, before position: Int) -> Int {
        count(of: entry(of: term), before: position)
    }

    /// The number of stored documents, and of the batch's documents before `position`, that use
    /// the term of `entry`.
    @inline(__always)
    func count(of entry: Entry, before position: Int) -> Int {
        guard entry.number >= 0 else { return Int(entry.stored) }
        return positions.withUnsafeBufferPointer { positions in
            let first = Int(starts[Int(entry.number)])
            var low = first, high = Int(starts[Int(entry.number) + 1])
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < position { low = middle + 1 } else { high = middle }
            }
            return Int(entry.stored) + low - first
        }
    }
}
