/// The measurements behind a verdict on two documents, `a` and `b`.
public struct PairEvidence: Sendable, Equatable {
    /// Jaccard similarity of the two shingle sets.
    public var resemblance: Double
    /// The share of `a`'s shingles found in `b`.
    public var containmentAInB: Double
    /// The share of `b`'s shingles found in `a`.
    public var containmentBInA: Double
    /// The share of `a`'s words inside verbatim passages.
    public var verbatimCoverageA: Double
    /// The share of `b`'s words inside verbatim passages.
    public var verbatimCoverageB: Double
    /// The share of `a`'s words inside any aligned passage, verbatim or paraphrase.
    public var coverageA: Double
    /// The share of `b`'s words inside any aligned passage, verbatim or paraphrase.
    public var coverageB: Double
    /// The share of `a`'s aligned words inside long exactly copied runs: high for copied text, low for reworded text.
    public var exactShareA: Double
    /// The share of `b`'s aligned words inside long exactly copied runs.
    public var exactShareB: Double
    /// The mean similarity of the aligned sentence pairs (0 when none are aligned).
    public var sentenceSimilarity: Double
    /// Topical similarity: cosine of the two documents' weighted term vectors.
    public var topicSimilarity: Double
    /// The share of the smaller document's names and numbers that the other also has.
    public var sharedNames: Double
    /// The number of `a`'s words changed or inserted inside the text it shares with `b`.
    public var changedWordsA: Int
    /// The number of `b`'s words changed or inserted inside the text it shares with `a`.
    public var changedWordsB: Int
    /// Whether the normalized texts are equal.
    public var isIdentical: Bool
    /// The number of words of `a`.
    public var wordsA: Int
    /// The number of words of `b`.
    public var wordsB: Int

    /// A label-free paraphrase score in 0...1: the mean of ``sentenceSimilarity`` and
    /// ``topicSimilarity``, high when the texts say the same thing in the same or other words.
    public var paraphraseScore: Double { (sentenceSimilarity + topicSimilarity) / 2 }
}
