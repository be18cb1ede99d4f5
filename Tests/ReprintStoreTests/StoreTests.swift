import Foundation
import Reprint
import ReprintStore
import Testing

/// One suite, run against every store kind: SQLite and PostgreSQL behave the same.
@Suite("Persistent index", .serialized, .removesTemporaryFolders)
struct StoreTests {
    @Test("adding documents one at a time gives the relations and clusters of a scan", arguments: StoreKind.tested)
    func oneAtATimeMatchesScan(kind: StoreKind) throws {
        let documents = try Fixtures.newsroom()
        #expect(documents.count == 10)
        let scan = Scanner().scan(documents)
        let (index, _) = try kind.newIndex()
        var relations: [RelationKey] = []
        for document in documents {
            try index.add([document]) { outcome in
                guard case .added(_, let matches) = outcome else { Issue.record("\(document.id) was skipped"); return }
                relations += matches.map(RelationKey.init)
            }
        }
        try expectScanAnswers(index, relations: relations, scan: scan)
    }

    @Test("adding in small batches (each analyzed while the previous one is written) gives the answers of a scan", arguments: StoreKind.tested)
    func pipelinedBatchesMatchScan(kind: StoreKind) throws {
        let documents = try Fixtures.newsroom()
        let scan = Scanner().scan(documents)
        var (index, _) = try kind.newIndex()
        index.batchSize = 3
        var relations: [RelationKey] = []
        try index.add(documents) { outcome in
            guard case .added(_, let matches) = outcome else { Issue.record("\(outcome) was skipped"); return }
            relations += matches.map(RelationKey.init)
        }
        try expectScanAnswers(index, relations: relations, scan: scan)
    }

    @Test("a batch compared before another writer stored a document is compared again before it is written", arguments: StoreKind.tested)
    func otherWriterBetweenComparisonAndWrite(kind: StoreKind) throws {
        let documents = try Fixtures.newsroom()
        // Stored by the other writer right before the second batch is written: it is related to
        // documents of that batch (a-portal.md, a-rewrite.txt, a-wire-copy.txt).
        let other = try #require(documents.first { $0.id == "a-wire.txt" })
        let ours = documents.filter { $0.id != other.id }
        let address = try kind.newAddress()
        let base = try StoreLocation(parsing: address).open()
        let otherAdded = OtherWriter()
        let store = InterceptedStore(base, beforeWrite: { number in
            guard number == 2 else { return }
            try IncrementalIndex(store: base).add([other]) { outcome in
                if case .added(_, let matches) = outcome { otherAdded.relations = matches.map(RelationKey.init) }
            }
        })
        var index = IncrementalIndex(store: store)
        index.batchSize = 3
        var relations: [RelationKey] = []
        try index.add(ours) { outcome in
            guard case .added(_, let matches) = outcome else { Issue.record("\(outcome) was skipped"); return }
            relations += matches.map(RelationKey.init)
        }
        // Three batches, and the second once more.
        #expect(store.writes == 4)
        relations += otherAdded.relations
        let scan = Scanner().scan(Array(ours.prefix(3)) + [other] + Array(ours.dropFirst(3)))
        try expectScanAnswers(index, relations: relations, scan: scan)
    }

    @Test("when comparing a batch fails, the batch being written is still committed and reported", arguments: StoreKind.tested)
    func failureWhileWriting(kind: StoreKind) throws {
        let documents = try Fixtures.newsroom()
        let base = try StoreLocation(parsing: try kind.newAddress()).open()
        // The first read compares the first batch; the second, the next batch while the first is written.
        let store = InterceptedStore(base, beforeRead: { number in
            if number == 2 { throw StoreError.database("the connection was lost") }
        })
        var index = IncrementalIndex(store: store)
        index.batchSize = 3
        var reported: [String] = []
        #expect(throws: StoreError.database("the connection was lost")) {
            try index.add(documents) { outcome in
                if case .added(let id, _) = outcome { reported.append(id) }
            }
        }
        #expect(reported == documents.prefix(3).map(\.id))
        let stored = IncrementalIndex(store: base)
        #expect(try stored.statistics().documentRows == 3)
        #expect(try stored.check() == [])
    }

    /// What the other writer's add reported (it runs on the thread that writes the index's batches).
    private final class OtherWriter: @unchecked Sendable {
        var relations: [RelationKey] = []
    }

    /// The relations the adds reported and the index's clusters are those of the scan, and the store is sound.
    private func expectScanAnswers(
        _ index: IncrementalIndex, relations: [RelationKey], scan: ScanReport, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(Set(relations) == Set(scan.pairs.map(RelationKey.init)), sourceLocation: sourceLocation)
        #expect(relations.count == scan.pairs.count, sourceLocation: sourceLocation)
        #expect(try index.clusters() == scan.clusters, sourceLocation: sourceLocation)
        #expect(try index.check() == [], sourceLocation: sourceLocation)
    }

    @Test("a batch add gives the same relations as one at a time, and adding again skips every id", arguments: StoreKind.tested)
    func batchAndRerun(kind: StoreKind) throws {
        let documents = Fixtures.generated(count: 60, words: 80)
        let (index, _) = try kind.newIndex()
        var added: [String] = [], relations: [RelationKey] = []
        try index.add(documents) { outcome in
            if case .added(let id, let matches) = outcome { added.append(id); relations += matches.map(RelationKey.init) }
        }
        #expect(added == documents.map(\.id))
        // Every fifth document is an excerpt of the one before: one pair each.
        #expect(relations.count == 12)
        #expect(relations.allSatisfy { $0.relation == .excerpt || $0.relation == .nearDuplicate })
        var skipped: [String] = []
        try index.add(documents + [documents[0]]) { outcome in
            if case .skipped(let id) = outcome { skipped.append(id) } else { Issue.record("added again: \(outcome)") }
        }
        #expect(skipped.count == 61)
        #expect(try index.statistics().documents == 60)
        #expect(try index.statistics().documentRows == 60)
        let reuse = try index.clusters().filter { $0.kind == .reuse }
        #expect(reuse.count == 12)
        #expect(reuse.allSatisfy { $0.members.count == 2 && $0.canonical == $0.members[0] })
    }

    @Test("a long-lived index answers as a new one after another writer changed the store", arguments: StoreKind.tested)
    func cachedCountsFollowOtherWriters(kind: StoreKind) throws {
        let documents = try Fixtures.newsroom()
        let (reader, address) = try kind.newIndex()
        try reader.add(Array(documents.prefix(4))) { _ in }
        // Reads (and keeps) the term counts of every document.
        for document in documents { _ = try reader.query(document) }
        let writer = IncrementalIndex(store: try StoreLocation(parsing: address).open())
        try writer.add(Array(documents.dropFirst(4))) { _ in }
        #expect(try writer.remove([documents[1].id]) == [])
        let fresh = IncrementalIndex(store: try StoreLocation(parsing: address).open())
        var matched = 0
        for document in documents {
            let answer = try fresh.query(document)
            matched += answer.count
            #expect(try reader.query(document) == answer)
        }
        #expect(matched > 0)
    }

    @Test("a repeated id in one add is stored once", arguments: StoreKind.tested)
    func repeatedIdInOneAdd(kind: StoreKind) throws {
        let documents = Fixtures.generated(count: 3, words: 40)
        let (index, _) = try kind.newIndex()
        var outcomes: [String] = []
        try index.add([documents[0], documents[1], documents[0]]) { outcome in
            switch outcome {
            case .added(let id, _): outcomes.append("added \(id)")
            case .skipped(let id): outcomes.append("skipped \(id)")
            }
        }
        #expect(outcomes == ["added doc-00000", "added doc-00001", "skipped doc-00000"])
        #expect(try index.statistics().documentRows == 2)
    }

    @Test("a query gives the matches an add would, and writes nothing", arguments: StoreKind.tested)
    func queryWritesNothing(kind: StoreKind) throws {
        let documents = try Fixtures.newsroom()
        let copy = try #require(documents.first { $0.id == "a-wire-copy.txt" })
        let (index, _) = try kind.newIndex()
        try index.add(documents.filter { $0.id != copy.id }) { _ in }
        let before = try index.statistics()
        let queried = try index.query(copy)
        #expect(try index.statistics() == before)
        var added: [ScanReport.Pair] = []
        try index.add([copy]) { if case .added(_, let matches) = $0 { added = matches } }
        #expect(queried == added)
        #expect(!queried.isEmpty)
    }

    @Test("removing a document undoes its counts and relations", arguments: StoreKind.tested)
    func remove(kind: StoreKind) throws {
        let documents = try Fixtures.newsroom()
        let (index, _) = try kind.newIndex()
        try index.add(documents) { _ in }
        let (reference, _) = try kind.newIndex()
        try reference.add(Array(documents.dropLast())) { _ in }
        #expect(try index.remove([documents.last!.id, "no-such-id"]) == ["no-such-id"])
        #expect(try index.statistics() == reference.statistics())
        #expect(try index.clusters() == reference.clusters())
        #expect(try index.check() == [])
    }

    @Test("every term count is read at once only when there are few enough", arguments: StoreKind.tested)
    func allFrequencies(kind: StoreKind) throws {
        let (index, _) = try kind.newIndex()
        try index.add(Fixtures.generated(count: 6, words: 40)) { _ in }
        let (terms, all, fewer) = try index.store.read { transaction in
            let terms = try transaction.tableCounts().terms
            return (terms, try transaction.allFrequencies(limit: terms), try transaction.allFrequencies(limit: terms - 1))
        }
        #expect(terms > 10)
        #expect(all?.count == terms)
        #expect(fewer == nil)
        let counted = try index.store.read { try $0.frequencies(of: Array(all?.keys ?? [:].keys)) }
        #expect(all == counted)
        #expect(all?.values.allSatisfy { $0 >= 1 && $0 <= 6 } == true)
    }

    @Test("a stored document reads back with its id, format, metadata and length, and its features decode", arguments: StoreKind.tested)
    func documentsReadBack(kind: StoreKind) throws {
        let (index, _) = try kind.newIndex()
        var documents = Fixtures.generated(count: 2, words: 30)
        documents[0].metadata = DocumentMetadata(source: "Wire", url: "https://example.com/a", published: Date(timeIntervalSince1970: 1_600_000_000.5))
        documents[0].format = .markdown
        documents[1].metadata = DocumentMetadata()
        try index.add(documents) { _ in }
        let stored = try index.store.read { transaction in
            let sequences = try transaction.sequences(of: documents.map(\.id))
            return try transaction.documents(documents.map { sequences[$0.id]! }).sorted { $0.sequence < $1.sequence }
        }
        #expect(stored.map(\.id) == documents.map(\.id))
        #expect(stored.map(\.metadata) == documents.map(\.metadata))
        #expect(stored.map(\.format) == [.markdown, .plain])
        #expect(stored.map(\.originalLength) == documents.map(\.text.unicodeScalars.count))
        let features = try stored.map { try $0.features() }
        #expect(features.map(\.wordCount) == [30, 30])
        #expect(features.map(\.id) == documents.map(\.id))
    }

    @Test("an empty store has no clusters and passes the check", arguments: StoreKind.tested)
    func emptyStore(kind: StoreKind) throws {
        let (index, address) = try kind.newIndex()
        #expect(try index.clusters() == [])
        #expect(try index.check() == [])
        // Opening an existing store again keeps it.
        try index.add(Fixtures.generated(count: 2, words: 30)) { _ in }
        let reopened = IncrementalIndex(store: try StoreLocation(parsing: address).open())
        #expect(try reopened.statistics().documents == 2)
    }
}
