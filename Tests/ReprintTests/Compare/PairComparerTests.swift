import Testing
@testable import Reprint

/// End-to-end comparison of the wire story with each of its fixtures (see ``NewsFixtures``).
struct PairComparerTests {
    private static let analyzed = Scanner().analyze(NewsFixtures.documents)
    private static let weights = TermWeights(documents: analyzed)

    private static func document(_ id: String) -> AnalyzedDocument {
        analyzed.first { $0.id == id }!
    }

    private static func compare(_ a: String, _ b: String) -> Comparison {
        PairComparer().compare(document(a), document(b), weights: weights, shingleSize: Shingles.defaultSize)
    }

    @Test("Each fixture has its relation with the wire story", arguments: NewsFixtures.collection.dropFirst())
    func relationWithTheWire(fixture: (id: String, text: String, relation: Relation)) {
        let comparison = Self.compare("wire.txt", fixture.id)
        #expect(comparison.relation == fixture.relation, "\(fixture.id): \(comparison.evidence)")
    }

    @Test("The relation does not depend on the order of the pair", arguments: NewsFixtures.collection.dropFirst())
    func relationIsSymmetric(fixture: (id: String, text: String, relation: Relation)) {
        #expect(Self.compare(fixture.id, "wire.txt").relation == fixture.relation)
    }

    @Test func excerptNamesTheContainedSide() {
        #expect(Self.compare("wire.txt", "excerpt.txt").contained == .b)
        #expect(Self.compare("excerpt.txt", "wire.txt").contained == .a)
        #expect(Self.compare("wire.txt", "edited-copy.txt").contained == nil)
    }

    @Test func identicalTextsHaveFullScores() {
        let e = Self.compare("wire.txt", "identical.txt").evidence
        #expect(e.isIdentical)
        #expect(e.resemblance == 1 && e.containmentAInB == 1 && e.containmentBInA == 1)
        #expect(e.coverageA == 1 && e.coverageB == 1)
    }

    @Test func excerptIsContainedOneWayOnly() {
        let e = Self.compare("excerpt.txt", "wire.txt").evidence
        #expect(e.containmentAInB == 1)
        #expect(e.containmentBInA < 0.6)
        #expect(e.verbatimCoverageA == 1)
        #expect(e.changedWordsA == 0)
    }

    @Test func verbatimEvidenceOfAnEditedCopyCoversTheReusedHalf() {
        let comparison = Self.compare("wire.txt", "edited-copy.txt")
        #expect(comparison.passages.contains { $0.kind == .verbatim })
        let e = comparison.evidence
        #expect(e.verbatimCoverageA >= 0.15 && e.verbatimCoverageB >= 0.15)
        // Both sides have material of their own.
        #expect(e.coverageA < 0.9 && e.coverageB < 0.9)
    }

    @Test func paraphraseIsAlignedSentenceBySentenceWithoutCopiedRuns() {
        let comparison = Self.compare("wire.txt", "paraphrase.txt")
        #expect(comparison.passages.contains { $0.kind == .paraphrase })
        #expect(comparison.evidence.verbatimCoverageA < 0.15)
        #expect(comparison.evidence.coverageA >= 0.5 && comparison.evidence.coverageB >= 0.5)
    }

    @Test func sameStoryAndUnrelatedHaveNoVerbatimPassage() {
        for id in ["same-story.txt", "unrelated.txt"] {
            #expect(!Self.compare("wire.txt", id).passages.contains { $0.kind == .verbatim }, "\(id)")
        }
        #expect(Self.compare("wire.txt", "unrelated.txt").passages.isEmpty)
    }

    @Test func passagesAreOrderedByTheirPositionInA() {
        let passages = Self.compare("wire.txt", "paraphrase.txt").passages
        #expect(passages.map(\.a.lowerBound) == passages.map(\.a.lowerBound).sorted())
    }

    @Test func emptyWordListsAreUnrelated() {
        var analyzer = DocumentAnalyzer()
        let a = analyzer.analyze(SourceDocument(id: "a.txt", text: "..."))
        let b = analyzer.analyze(SourceDocument(id: "b.txt", text: NewsFixtures.wire))
        let comparison = PairComparer().compare(a, b, weights: TermWeights(documents: [a, b]), shingleSize: Shingles.defaultSize)
        #expect(comparison.relation == .unrelated)
        #expect(comparison.passages.isEmpty)
    }
}
