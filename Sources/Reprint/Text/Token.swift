/// A word of a document: its folded form and where it stands.
public struct Token: Sendable, Equatable {
    /// The word after Unicode folding (NFKC, lowercase); punctuation and apostrophes split words.
    public var word: String
    /// The scalar range of the word in the visible text it was read from.
    public var range: Range<Int>
    /// Whether the word starts with an uppercase letter in the original.
    public var isCapitalized: Bool

    /// Creates a token.
    public init(word: String, range: Range<Int>, isCapitalized: Bool) {
        self.word = word
        self.range = range
        self.isCapitalized = isCapitalized
    }
}
