/// Names the relation between two documents from their evidence.
///
/// Every threshold Reprint uses to decide a relation is a property of ``Thresholds``, in this one
/// place. The rules, in order:
///
/// 1. **identical**: the normalized word sequences are equal.
/// 2. **near-duplicate**: copied text (most aligned words exactly shared) and verbatim passages
///    cover nearly all of both sides.
/// 3. **excerpt**: copied text covering nearly all of the smaller side only, without edits inside
///    it; the smaller side is `contained`.
/// 4. **paraphrase**: reworded text (few aligned words exactly shared) whose aligned sentences
///    cover most of the smaller side.
/// 5. **edited-copy**: verbatim passages cover a substantial share of at least one side.
/// 6. **paraphrase** again when aligned sentences cover most of the smaller side.
/// 7. **same-story**: the documents share their topic and their names and numbers (both, and
///    their mean, above thresholds).
/// 8. **unrelated** otherwise.
public struct RelationClassifier: Sendable {
    /// The thresholds of the rules.
    public struct Thresholds: Sendable, Equatable {
        /// Verbatim coverage both sides need for near-duplicate.
        public var nearDuplicateCoverage = 0.9
        /// Verbatim coverage the smaller side needs for excerpt.
        public var excerptCoverage = 0.9
        /// The largest share of the smaller side's words that the larger may lack for excerpt: an
        /// excerpt is cut, not edited; a contained text with edits inside is an edited copy.
        public var excerptChangedWords = 0.002
        /// Verbatim coverage of the more-covered side that makes an edited copy.
        public var editedCopyCoverage = 0.15
        /// A run of at least this many words copied exactly is a copied sentence, not a phrase a rewrite kept.
        public var copiedRunWords = 12
        /// The share of aligned words in copied runs above which text is copied, below which it is reworded (two thirds).
        public var copiedExactShare = 0.65
        /// Coverage by aligned sentences the smaller side needs for paraphrase.
        public var paraphraseCoverage = 0.5
        /// Topic similarity (cosine of weighted terms) that same-story needs.
        public var sameStoryTopic = 0.25
        /// Documents sharing no shingle are aligned sentence by sentence only from this topic
        /// similarity up: further apart, no rule can name a relation (a paraphrase shares its topic).
        public var minimumTopicToAlign = 0.25
        /// Share of shared names and numbers that same-story needs.
        public var sameStoryNames = 0.25
        /// The mean of topic similarity and shared names that same-story needs: two articles on
        /// the same subject share a topic; on the same event they also share its names and numbers.
        public var sameStoryScore = 0.45

        /// The defaults.
        public init() {}
    }

    /// The verdict on a pair.
    public struct Verdict: Sendable, Equatable {
        /// The relation.
        public var relation: Relation
        /// For an excerpt, the side contained in the other.
        public var contained: Side?
    }

    /// The thresholds in force.
    public var thresholds: Thresholds

    /// Creates a classifier.
    public init(thresholds: Thresholds = .init()) {
        self.thresholds = thresholds
    }

    /// The relation the evidence shows.
    public func classify(_ e: PairEvidence) -> Verdict {
        let t = thresholds
        if e.isIdentical { return Verdict(relation: .identical) }
        // Judge from the smaller side: whether it is covered says whether it was taken whole.
        let smaller: Side = e.wordsA <= e.wordsB ? .a : .b
        let (verbatimSmall, verbatimLarge) = smaller == .a ? (e.verbatimCoverageA, e.verbatimCoverageB) : (e.verbatimCoverageB, e.verbatimCoverageA)
        let coverageSmall = smaller == .a ? e.coverageA : e.coverageB
        let exactShare = smaller == .a ? e.exactShareA : e.exactShareB
        let copied = exactShare >= t.copiedExactShare
        if copied && verbatimSmall >= t.nearDuplicateCoverage && verbatimLarge >= t.nearDuplicateCoverage {
            return Verdict(relation: .nearDuplicate)
        }
        let changedShare = Double(smaller == .a ? e.changedWordsA : e.changedWordsB) / Double(max(1, min(e.wordsA, e.wordsB)))
        if copied && verbatimSmall >= t.excerptCoverage && changedShare <= t.excerptChangedWords {
            return Verdict(relation: .excerpt, contained: smaller)
        }
        if !copied && coverageSmall >= t.paraphraseCoverage { return Verdict(relation: .paraphrase) }
        if max(verbatimSmall, verbatimLarge) >= t.editedCopyCoverage { return Verdict(relation: .editedCopy) }
        if coverageSmall >= t.paraphraseCoverage { return Verdict(relation: .paraphrase) }
        if e.topicSimilarity >= t.sameStoryTopic && e.sharedNames >= t.sameStoryNames
            && (e.topicSimilarity + e.sharedNames) / 2 >= t.sameStoryScore {
            return Verdict(relation: .sameStory)
        }
        return Verdict(relation: .unrelated)
    }
}
