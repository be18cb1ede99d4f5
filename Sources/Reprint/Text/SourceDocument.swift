import Foundation

/// A document as Reprint received it: an id, its original text and what is known about it.
public struct SourceDocument: Sendable, Equatable {
    /// The id used in every report: a path relative to the scanned folder, a JSONL id, or a line number.
    public var id: String
    /// The original text, exactly as read (after UTF-8 decoding).
    public var text: String
    /// The markup of `text`, or `nil` to detect it from the content and `id`'s extension.
    public var format: DocumentFormat?
    /// Where the document came from and when it was published, when known.
    public var metadata: DocumentMetadata

    /// Creates a document.
    public init(id: String, text: String, format: DocumentFormat? = nil, metadata: DocumentMetadata = .init()) {
        self.id = id
        self.text = text
        self.format = format
        self.metadata = metadata
    }
}

/// What is known about a document besides its text.
public struct DocumentMetadata: Sendable, Equatable, Codable {
    /// The outlet or feed the document came from.
    public var source: String?
    /// The address the document was published at.
    public var url: String?
    /// When the document was published; the earliest member of a cluster is its canonical member.
    public var published: Date?

    /// Creates metadata; every field is optional.
    public init(source: String? = nil, url: String? = nil, published: Date? = nil) {
        self.source = source
        self.url = url
        self.published = published
    }
}
