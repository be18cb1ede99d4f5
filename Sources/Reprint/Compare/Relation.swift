/// The relation between two documents. The raw values are Reprint's stable vocabulary, used in every output.
public enum Relation: String, Sendable, Codable, CaseIterable, Comparable {
    /// The same text after normalization (markup, whitespace, case, quotes, Unicode forms).
    case identical
    /// The same document with small differences: formatting, a headline, a byline, typos.
    case nearDuplicate = "near-duplicate"
    /// One document is (nearly) contained in the other.
    case excerpt
    /// Substantial verbatim reuse, and both sides have material of their own.
    case editedCopy = "edited-copy"
    /// The same text rewritten: little verbatim overlap, but sentence after sentence says the same thing.
    case paraphrase
    /// Different texts about the same event.
    case sameStory = "same-story"
    /// None of the above.
    case unrelated

    /// Whether the relation means one text was made from the other (all but same-story and unrelated).
    public var isReuse: Bool { self != .sameStory && self != .unrelated }

    /// Orders relations from the closest (identical) to the loosest (unrelated).
    public static func < (lhs: Relation, rhs: Relation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
