import Testing
@testable import Reprint

/// The whole pipeline over the fixture collection (see ``NewsFixtures``).
struct ScannerTests {
    private static let report = Scanner().scan(NewsFixtures.documents)

    private static func relation(_ a: String, _ b: String) -> Relation? {
        report.pairs.first { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }?.relation
    }

    @Test("Candidates alone find every fixture's relation with the wire", arguments: NewsFixtures.collection.dropFirst())
    func relationWithTheWire(fixture: (id: String, text: String, relation: Relation)) {
        let expected: Relation? = fixture.relation == .unrelated ? nil : fixture.relation
        #expect(Self.relation("wire.txt", fixture.id) == expected)
    }

    @Test func candidatesAgreeWithComparingAllPairs() {
        var options = Scanner.Options()
        options.allPairs = true
        let all = Scanner(options: options).scan(NewsFixtures.documents)
        // Every candidate pair gets the relation a comparison of all pairs gives it...
        for pair in Self.report.pairs {
            #expect(all.pairs.contains(pair), "\(pair.a) ~ \(pair.b)")
        }
        // ...and the clusters have the same members (a missed pair is found through the others).
        #expect(all.clusters.map(\.members) == Self.report.clusters.map(\.members))
        #expect(all.clusters.map(\.kind) == Self.report.clusters.map(\.kind))
    }

    @Test func candidatesAreFewerThanAllPairs() {
        let scanner = Scanner()
        let analyzed = scanner.analyze(NewsFixtures.documents)
        let candidates = CandidateFinder(options: scanner.options).pairs(analyzed, weights: TermWeights(documents: analyzed))
        let unrelated = NewsFixtures.collection.firstIndex { $0.id == "unrelated.txt" }!
        #expect(!candidates.contains { $0.0 == unrelated || $0.1 == unrelated })
        #expect(candidates.allSatisfy { $0.0 < $0.1 })
        #expect(candidates.count < 8 * 7 / 2)
    }

    @Test func unrelatedDocumentIsInNoPairAndNoCluster() {
        #expect(!Self.report.pairs.contains { $0.a == "unrelated.txt" || $0.b == "unrelated.txt" })
        #expect(!Self.report.clusters.contains { $0.members.contains("unrelated.txt") })
    }

    @Test func listsUnrelatedCandidatesOnlyWhenAsked() {
        let documents = [
            SourceDocument(id: "wire.txt", text: NewsFixtures.wire),
            SourceDocument(id: "unrelated.txt", text: NewsFixtures.unrelated),
        ]
        var options = Scanner.Options()
        options.allPairs = true
        #expect(Scanner(options: options).scan(documents).pairs.isEmpty)
        let all = Scanner(options: options).scan(documents, includeUnrelated: true)
        #expect(all.pairs.map(\.relation) == [.unrelated])
    }

    @Test func reuseAndStoryClusters() {
        let copies = ["wire.txt", "identical.txt", "near-duplicate.txt", "excerpt.txt", "edited-copy.txt", "paraphrase.txt"]
        #expect(Self.report.clusters == [
            DocumentCluster(kind: .reuse, members: copies, canonical: Self.report.clusters.first?.canonical),
            DocumentCluster(kind: .story, members: copies + ["same-story.txt"]),
        ])
    }

    @Test func canonicalOfTheReuseClusterIsAFullVersionOfTheStory() throws {
        let canonical = try #require(Self.report.clusters.first?.canonical)
        #expect(["wire.txt", "identical.txt", "near-duplicate.txt"].contains(canonical))
    }

    @Test func canonicalIsTheEarliestPublishedWhenDatesAreKnown() throws {
        var documents = NewsFixtures.documents
        let index = documents.firstIndex { $0.id == "paraphrase.txt" }!
        for i in documents.indices { documents[i].metadata.published = try #require(DateParser.parse("2024-05-0\(i == index ? 1 : 2)")) }
        #expect(Scanner().scan(documents).clusters.first?.canonical == "paraphrase.txt")
    }

    @Test func pairsAreOrderedFromTheClosestRelation() {
        let relations = Self.report.pairs.map(\.relation)
        #expect(relations == relations.sorted())
        #expect(relations.first == .identical)
    }

    @Test func documentsAreReportedInInputOrderWithTheirSizes() {
        #expect(Self.report.documents.map(\.id) == NewsFixtures.collection.map(\.id))
        let wire = Self.report.documents[0]
        #expect(wire.format == .plain)
        #expect(wire.chars == NewsFixtures.wire.unicodeScalars.count)
        #expect(wire.words == Tokenizer.tokens(in: Array(NewsFixtures.wire.unicodeScalars)).count)
    }

    @Test func emptyCollectionGivesAnEmptyReport() {
        #expect(Scanner().scan([]) == ScanReport(documents: [], pairs: [], clusters: []))
    }

    @Test func singleDocumentHasNoPair() {
        let report = Scanner().scan([SourceDocument(id: "wire.txt", text: NewsFixtures.wire)])
        #expect(report.documents.count == 1)
        #expect(report.pairs.isEmpty && report.clusters.isEmpty)
    }
}
