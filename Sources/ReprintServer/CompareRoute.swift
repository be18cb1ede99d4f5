import Hummingbird
import Reprint

/// The body of `POST /v1/compare`: two texts.
struct CompareRequest: Decodable {
    /// The first text (any of plain text, Markdown, HTML).
    var a: String
    /// The second text.
    var b: String
}

extension RouterGroup {
    /// `POST /v1/compare`: two texts → relation, scores and passages (Unicode-scalar offsets into each).
    func addCompareRoute(json: JSONCoding) {
        post("compare") { request, _ -> Response in
            let body = try await json.decode(CompareRequest.self, from: request)
            guard !body.a.isEmpty else { throw APIError.missing("a") }
            guard !body.b.isEmpty else { throw APIError.missing("b") }
            let (a, b) = (body.a, body.b)
            return try await Blocking.run {
                try JSONCoding.response(DocumentComparison(SourceDocument(id: "a", text: a), SourceDocument(id: "b", text: b)).pair)
            }
        }
    }
}
