import Testing
@testable import Reprint

private func sentences(_ terms: [[UInt64]]) -> [Sentence] {
    var start = 0
    return terms.map { terms in
        defer { start += terms.count }
        return Sentence(tokens: start..<(start + terms.count), terms: terms.sorted())
    }
}

/// Behaviour any monotone sentence aligner must have; similarity values are not tested beyond 0 and 1.
struct SentenceAlignerTests {
    private let aligner = SentenceAligner()
    private let even: (UInt64) -> Double = { _ in 1 }

    /// The monotone alignment: the heaviest increasing chain of the candidate links.
    private func align(_ a: [Sentence], _ b: [Sentence], weight: (UInt64) -> Double) -> [SentenceAligner.Link] {
        SentenceAligner.heaviestIncreasingChain(aligner.links(a, b, weight: weight), count: b.count)
    }

    @Test func sameSentencesAlignOneToOneWithFullSimilarity() {
        let a = sentences([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let links = align(a, a, weight: even)
        #expect(links.map { [$0.a, $0.b] } == [[0, 0], [1, 1], [2, 2]])
        #expect(links.allSatisfy { $0.similarity == 1 })
    }

    @Test func alignmentIsMonotoneInBothDocuments() {
        // b moves a's last sentence to the front: a chain can keep two of the three links.
        let a = sentences([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let b = sentences([[7, 8, 9], [1, 2, 3], [4, 5, 6]])
        let links = align(a, b, weight: even)
        #expect(links.map { [$0.a, $0.b] } == [[0, 1], [1, 2]])
    }

    @Test func eachSentenceIsUsedOnce() {
        // Two sentences of b repeat a's only sentence: one link.
        let links = align(sentences([[1, 2, 3]]), sentences([[1, 2, 3], [1, 2, 3]]), weight: even)
        #expect(links.count == 1)
    }

    @Test func insertedSentencesAreSkipped() {
        let a = sentences([[1, 2, 3], [4, 5, 6]])
        let b = sentences([[1, 2, 3, 10], [20, 21, 22], [30, 31], [4, 5, 6]])
        #expect(align(a, b, weight: even).map { [$0.a, $0.b] } == [[0, 0], [1, 3]])
    }

    @Test func sentencesWithoutSharedTermsAreNotAligned() {
        #expect(align(sentences([[1, 2, 3]]), sentences([[4, 5, 6]]), weight: even).isEmpty)
        #expect(align([], sentences([[4, 5, 6]]), weight: even).isEmpty)
        #expect(align(sentences([[]]), sentences([[]]), weight: even).isEmpty)
    }

    @Test func oneSharedCommonWordIsNotEnough() {
        // Sentences of six terms sharing one: far from saying the same thing.
        let a = sentences([[1, 2, 3, 4, 5, 6]])
        let b = sentences([[1, 12, 13, 14, 15, 16]])
        #expect(align(a, b, weight: even).isEmpty)
    }

    @Test func heavierLinksWinOverMoreLinks() {
        // a0 matches b1 fully; a0 also matches b0 weakly. The full match wins.
        let a = sentences([[1, 2, 3, 4]])
        let b = sentences([[1, 2, 7, 8], [1, 2, 3, 4]])
        #expect(align(a, b, weight: even).map(\.b) == [1])
    }

    @Test func rareTermsWeighMore() {
        // a0 shares term 1 with b0 and term 2 with b1; term 2 is rare, so a0 goes with b1.
        let a = sentences([[1, 2, 3]])
        let b = sentences([[1, 3, 5], [2, 3, 6]])
        let weight: (UInt64) -> Double = { $0 == 2 ? 10 : 1 }
        #expect(align(a, b, weight: weight).map(\.b) == [1])
    }
}
