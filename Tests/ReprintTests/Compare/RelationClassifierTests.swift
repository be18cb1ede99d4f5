import Testing
@testable import Reprint

/// Each rule of the classifier on constructed evidence, at and just past its thresholds (read
/// from ``RelationClassifier/Thresholds`` so the tests follow the documented values).
struct RelationClassifierTests {
    private let classifier = RelationClassifier()
    private var t: RelationClassifier.Thresholds { classifier.thresholds }
    private let below = 1e-6

    /// Evidence for two documents of `wordsA` and `wordsB` words that share nothing.
    private func evidence(wordsA: Int = 100, wordsB: Int = 100) -> PairEvidence {
        PairEvidence(
            resemblance: 0, containmentAInB: 0, containmentBInA: 0, verbatimCoverageA: 0, verbatimCoverageB: 0,
            coverageA: 0, coverageB: 0, exactShareA: 0, exactShareB: 0, sentenceSimilarity: 0,
            topicSimilarity: 0, sharedNames: 0, changedWordsA: 0, changedWordsB: 0, isIdentical: false,
            wordsA: wordsA, wordsB: wordsB)
    }

    /// Evidence of copied text covering `a` and `b` verbatim to the given shares.
    private func copied(_ a: Double, _ b: Double, wordsA: Int = 100, wordsB: Int = 100) -> PairEvidence {
        var e = evidence(wordsA: wordsA, wordsB: wordsB)
        e.verbatimCoverageA = a
        e.verbatimCoverageB = b
        e.coverageA = a
        e.coverageB = b
        e.exactShareA = 1
        e.exactShareB = 1
        return e
    }

    private func classify(_ e: PairEvidence) -> RelationClassifier.Verdict {
        classifier.classify(e)
    }

    @Test func identicalWinsOverEverything() {
        var e = evidence()
        e.isIdentical = true
        #expect(classify(e) == .init(relation: .identical))
    }

    @Test func nearDuplicateAtTheCoverageThreshold() {
        #expect(classify(copied(t.nearDuplicateCoverage, t.nearDuplicateCoverage)) == .init(relation: .nearDuplicate))
        #expect(classify(copied(1, 1)) == .init(relation: .nearDuplicate))
    }

    @Test func justBelowNearDuplicateOnTheLargerSideIsAnExcerpt() {
        let e = copied(1, t.nearDuplicateCoverage - below, wordsA: 90, wordsB: 100)
        #expect(classify(e) == .init(relation: .excerpt, contained: .a))
    }

    @Test func excerptNamesTheSmallerSide() {
        #expect(classify(copied(1, 0.5, wordsA: 50, wordsB: 100)) == .init(relation: .excerpt, contained: .a))
        #expect(classify(copied(0.5, 1, wordsA: 100, wordsB: 50)) == .init(relation: .excerpt, contained: .b))
        #expect(classify(copied(t.excerptCoverage, 0.3, wordsA: 30, wordsB: 100)) == .init(relation: .excerpt, contained: .a))
    }

    @Test func excerptIsJudgedFromTheSmallerSideOnly() {
        // The larger side is fully covered, the smaller is not: not an excerpt of the larger.
        #expect(classify(copied(0.6, 1, wordsA: 50, wordsB: 100)).relation == .editedCopy)
    }

    @Test func excerptAllowsOnlyAFewChangedWords() {
        let words = 1_000
        let allowed = Int(t.excerptChangedWords * Double(words))
        var e = copied(1, 0.5, wordsA: words, wordsB: 2 * words)
        e.changedWordsA = allowed
        #expect(classify(e) == .init(relation: .excerpt, contained: .a))
        e.changedWordsA = allowed + 1
        #expect(classify(e) == .init(relation: .editedCopy))
    }

    @Test func belowExcerptCoverageIsAnEditedCopy() {
        #expect(classify(copied(t.excerptCoverage - below, 0.5, wordsA: 50, wordsB: 100)).relation == .editedCopy)
    }

    @Test func editedCopyAtItsCoverageThresholdOnEitherSide() {
        #expect(classify(copied(t.editedCopyCoverage, 0.05)).relation == .editedCopy)
        #expect(classify(copied(0.05, t.editedCopyCoverage)).relation == .editedCopy)
        #expect(classify(copied(t.editedCopyCoverage - below, t.editedCopyCoverage - below)).relation == .unrelated)
    }

    /// Sentences aligned over `paraphraseCoverage` of both sides, a fifth verbatim, with `exactShare` in copied runs.
    private func aligned(exactShare: Double) -> PairEvidence {
        var e = evidence()
        e.coverageA = t.paraphraseCoverage
        e.coverageB = t.paraphraseCoverage
        e.verbatimCoverageA = 0.2
        e.verbatimCoverageB = 0.2
        e.exactShareA = exactShare
        e.exactShareB = exactShare
        return e
    }

    @Test func rewordedTextCoveredBySentencesIsAParaphrase() {
        #expect(classify(aligned(exactShare: t.copiedExactShare - below)).relation == .paraphrase)
    }

    @Test func copiedTextWithTheSameCoverageIsAnEditedCopy() {
        #expect(classify(aligned(exactShare: t.copiedExactShare)).relation == .editedCopy)
    }

    @Test func paraphraseNeedsTheSmallerSideCovered() {
        var e = evidence(wordsA: 50, wordsB: 200)
        e.coverageA = t.paraphraseCoverage - below
        e.coverageB = 1
        #expect(classify(e).relation != .paraphrase)
        e.coverageA = t.paraphraseCoverage
        #expect(classify(e).relation == .paraphrase)
    }

    @Test func coveredCopiedTextWithLittleVerbatimIsStillAParaphrase() {
        var e = evidence()
        e.coverageA = 0.8
        e.coverageB = 0.8
        e.exactShareA = 1
        e.exactShareB = 1
        #expect(classify(e).relation == .paraphrase)
    }

    @Test func sameStoryNeedsTopicAndNames() {
        var e = evidence()
        e.topicSimilarity = 2 * t.sameStoryScore - t.sameStoryNames
        e.sharedNames = t.sameStoryNames
        #expect(classify(e).relation == .sameStory)
        e.sharedNames = t.sameStoryNames - below
        #expect(classify(e).relation == .unrelated)
        e.sharedNames = 1
        e.topicSimilarity = t.sameStoryTopic - below
        #expect(classify(e).relation == .unrelated)
    }

    @Test func sameSubjectWithoutTheSameEventIsUnrelated() {
        var e = evidence()
        e.topicSimilarity = t.sameStoryTopic
        e.sharedNames = t.sameStoryNames
        #expect(classify(e).relation == .unrelated)
        e.sharedNames = 2 * t.sameStoryScore - t.sameStoryTopic
        #expect(classify(e).relation == .sameStory)
    }

    @Test func nothingSharedIsUnrelated() {
        #expect(classify(evidence()) == .init(relation: .unrelated))
        #expect(classify(evidence(wordsA: 0, wordsB: 0)) == .init(relation: .unrelated))
    }

    @Test func thresholdsAreTheDocumentedDefaults() {
        #expect(t.nearDuplicateCoverage == 0.9)
        #expect(t.excerptCoverage == 0.9)
        #expect(t.editedCopyCoverage == 0.15)
        #expect(t.paraphraseCoverage == 0.5)
        #expect(t.sameStoryTopic == 0.25 && t.sameStoryNames == 0.25)
    }

    @Test func relationsAreOrderedFromClosestToLoosest() {
        #expect(Relation.allCases.sorted() == [.identical, .nearDuplicate, .excerpt, .editedCopy, .paraphrase, .sameStory, .unrelated])
        #expect(Relation.allCases.filter(\.isReuse) == [.identical, .nearDuplicate, .excerpt, .editedCopy, .paraphrase])
        #expect(Relation.allCases.map(\.rawValue) == ["identical", "near-duplicate", "excerpt", "edited-copy", "paraphrase", "same-story", "unrelated"])
    }
}
