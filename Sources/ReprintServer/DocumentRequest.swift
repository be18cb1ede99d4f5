import Foundation
import Reprint

/// The body of `POST /v1/documents` and `POST /v1/match`: a text and what is known about it.
struct DocumentRequest: Decodable {
    /// The id; a new UUID when adding without one, `query` when matching without one.
    var id: String?
    /// The original text.
    var text: String
    /// `plain`, `markdown` or `html`; detected when absent.
    var format: DocumentFormat?
    /// The address it was published at.
    var url: String?
    /// The outlet or feed it came from.
    var source: String?
    /// When it was published: an ISO 8601 date or date-time.
    var published: String?

    /// The document, with `defaultID` when the request names none; throws ``APIError`` 400 naming
    /// the field when the text is empty, the id is empty or the date is not ISO 8601.
    func document(defaultID: String) throws -> SourceDocument {
        guard !text.isEmpty else { throw APIError.missing("text") }
        if let id, id.isEmpty { throw APIError.missing("id") }
        var date: Date?
        if let published {
            guard let parsed = DateParser.parse(published) else {
                throw APIError(.badRequest, "field published must be an ISO 8601 date such as 2021-10-20", field: "published")
            }
            date = parsed
        }
        return SourceDocument(
            id: id ?? defaultID, text: text, format: format,
            metadata: DocumentMetadata(source: source, url: url, published: date))
    }
}

/// The answer of `POST /v1/documents` and `POST /v1/match`.
struct MatchesResponse: Encodable {
    /// The document's id.
    var id: String
    /// Its relations to the stored documents (the stored document is `a`, this one `b`).
    var matches: [ScanReport.Pair]
}
