import Testing
@testable import Reprint

/// The shingle hashes of a text, as the analyzer computes them.
private func shingles(_ text: String) -> [UInt64] {
    Shingles.hashes(ofWords: Tokenizer.tokens(in: Array(text.unicodeScalars)).map { StableHash.string($0.word) })
}

private func wordCount(_ text: String) -> Int {
    Tokenizer.tokens(in: Array(text.unicodeScalars)).count
}

/// Behaviour any verbatim aligner must have; the exact gap and length settings are not tested.
struct VerbatimAlignerTests {
    private let aligner = VerbatimAligner()
    private let paragraph = """
        Engineers from the firm Calder and Webb told councillors that the steel supports under the \
        eastern span had rusted faster than expected, and that the crack found in March was deeper \
        than the first inspection suggested.
        """

    private func passages(_ a: String, _ b: String) -> [TokenAlignment] {
        aligner.passages(shingles(a), shingles(b), shingleSize: Shingles.defaultSize)
    }

    @Test func anExactCopyIsOnePassageOverEveryWord() {
        let count = wordCount(paragraph)
        #expect(passages(paragraph, paragraph) == [TokenAlignment(kind: .verbatim, a: 0..<count, b: 0..<count)])
    }

    @Test func oneChangedWordDoesNotSplitThePassage() {
        let edited = paragraph.replacingOccurrences(of: "rusted", with: "corroded")
        let count = wordCount(paragraph)
        #expect(passages(paragraph, edited) == [TokenAlignment(kind: .verbatim, a: 0..<count, b: 0..<count)])
    }

    @Test func aCopiedParagraphIsFoundInsideOtherText() {
        let before = "Lorry drivers reacted with relief on Wednesday after months of uncertainty over the crossing."
        let after = "Price said his company would now plan longer routes for the summer months ahead."
        let b = before + " " + paragraph + " " + after
        let start = wordCount(before), count = wordCount(paragraph)
        #expect(passages(paragraph, b) == [TokenAlignment(kind: .verbatim, a: 0..<count, b: start..<(start + count))])
    }

    @Test func anInsertedParagraphSplitsThePassage() {
        let first = "The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge."
        let second = "Mayor Elena Brooks said the work would begin in June and should take about eight months to finish."
        let insert = "Opposition councillor Priya Nair called the plan overdue and asked why nobody had inspected the bridge years ago."
        let found = passages(first + " " + second, first + " " + insert + " " + second)
        let firstCount = wordCount(first), secondCount = wordCount(second), insertCount = wordCount(insert)
        #expect(found == [
            TokenAlignment(kind: .verbatim, a: 0..<firstCount, b: 0..<firstCount),
            TokenAlignment(kind: .verbatim, a: firstCount..<(firstCount + secondCount),
                           b: (firstCount + insertCount)..<(firstCount + insertCount + secondCount)),
        ])
    }

    @Test func passagesAreOrderedByPositionInA() {
        let first = "The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge."
        let second = "Mayor Elena Brooks said the work would begin in June and should take about eight months to finish."
        let found = passages(first + " " + second, second + " " + first)
        #expect(found.count == 2)
        #expect(found.map(\.a.lowerBound) == found.map(\.a.lowerBound).sorted())
        #expect(found.first?.b.lowerBound == wordCount(second))
    }

    @Test func aShortCommonPhraseIsNoPassage() {
        let a = "Shop owners said on Tuesday that the closure had cut their trade, and they asked the council for help."
        let b = "Chess players gathered in the church hall and said on Tuesday that the tournament had been a success."
        #expect(passages(a, b).isEmpty)
    }

    @Test func unrelatedTextsHaveNoPassage() {
        #expect(passages(paragraph, "The Northfield chess club celebrated its fiftieth anniversary with a rapid tournament.").isEmpty)
        #expect(passages(paragraph, "").isEmpty)
    }

    @Test func exactRunsStopAtEveryEdit() {
        let edited = paragraph.replacingOccurrences(of: "rusted", with: "corroded")
        let runs = aligner.exactRuns(shingles(paragraph), shingles(edited), shingleSize: Shingles.defaultSize)
        let changed = Tokenizer.tokens(in: Array(paragraph.unicodeScalars)).firstIndex { $0.word == "rusted" }!
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { !$0.a.contains(changed) && $0.a == $0.b })
        #expect(runs.map(\.a.count).reduce(0, +) == wordCount(paragraph) - 1)
    }
}
