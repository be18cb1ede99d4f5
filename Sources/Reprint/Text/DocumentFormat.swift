/// The markup a document is written in.
///
/// Reprint strips markup before it compares texts, so a Markdown or HTML copy of a
/// plain-text story is recognised as the same text.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    /// Text with no markup.
    case plain
    /// Markdown (CommonMark and the common extensions).
    case markdown
    /// HTML or XHTML.
    case html
}
