import Foundation
import Testing
@testable import Reprint

struct TermWeightsTests {
    private static let analyzed = Scanner().analyze(NewsFixtures.documents)
    private static let weights = TermWeights(documents: analyzed)

    private static func term(_ word: String) -> UInt64 {
        StableHash.string(EnglishStemmer.stem(word))
    }

    @Test func countsDocumentsPerTerm() {
        #expect(Self.weights.documentCount == NewsFixtures.collection.count)
        #expect(Self.weights.frequency(of: Self.term("chess")) == 1)
        #expect(Self.weights.frequency(of: Self.term("hale")) == 1)
        #expect(Self.weights.frequency(of: Self.term("riverton")) == 7)
        #expect(Self.weights.frequency(of: Self.term("nowhere")) == 0)
    }

    @Test func weightIsSmoothedInverseDocumentFrequency() {
        let n = Double(NewsFixtures.collection.count)
        #expect(Self.weights.weight(Self.term("chess")) == log((n + 1) / 2) + 1)
        #expect(Self.weights.weight(Self.term("nowhere")) == log(n + 1) + 1)
        #expect(Self.weights.weight(Self.term("chess")) > Self.weights.weight(Self.term("riverton")))
    }

    @Test func knownFrequenciesGiveTheFormulasWeights() {
        let weights = TermWeights(documentCount: 10, frequencies: [1: 9, 2: 1, 0: 4])
        #expect(weights.frequency(of: 1) == 9)
        #expect(weights.frequency(of: 0) == 4)
        #expect(weights.frequency(of: 3) == 0)
        #expect(weights.weight(1) == log(11.0 / 10.0) + 1)
        #expect(weights.weight(2) == log(11.0 / 2.0) + 1)
        #expect(weights.weight(0) == log(11.0 / 5.0) + 1)
        #expect(weights.weight(3) == log(11.0) + 1)
    }

    @Test func withoutACollectionEveryTermWeighsOne() {
        #expect(TermWeights().weight(Self.term("bridge")) == 1)
    }

    @Test func distinctiveTermsAreSharedHeavyAndDeterministic() throws {
        let sameStory = try #require(Self.analyzed.first { $0.id == "same-story.txt" })
        let terms = Self.weights.distinctiveTerms(of: sameStory, count: 5)
        #expect(terms.count == 5)
        // Terms no other document uses cannot propose a candidate.
        #expect(!terms.contains(Self.term("hale")))
        #expect(terms.allSatisfy { Self.weights.frequency(of: $0) >= 2 })
        #expect(terms == Self.weights.distinctiveTerms(of: sameStory, count: 5))
        #expect(Self.weights.distinctiveTerms(of: sameStory, count: 100).prefix(5) == terms[...])
    }
}
