import Foundation
import Hummingbird

/// A request the service refuses, answered with its status and a JSON body
/// `{"error": "…", "field": "…"}` (`field` names the offending request field, when there is one).
struct APIError: HTTPResponseError, Equatable {
    /// The response status.
    let status: HTTPResponse.Status
    /// What went wrong and what to do about it.
    let message: String
    /// The request field at fault, when there is one (`text`, `b`, `kind`…).
    let field: String?

    /// Creates an error.
    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    /// The JSON body of an error response.
    struct Body: Codable, Equatable {
        var error: String
        var field: String?
    }

    /// The error as a response.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        let body = try JSONEncoder().encode(Body(error: message, field: field))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A body larger than the limit.
    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, "the request body is larger than \(limit) bytes (the server's --max-body-bytes)")
    }

    /// A required field that is missing or empty.
    static func missing(_ field: String) -> APIError {
        APIError(.badRequest, "missing field: \(field)", field: field)
    }
}
