import Foundation
import Hummingbird
import NIOCore

/// JSON in and out: request bodies of at most a configured size, read with errors that name the
/// field at fault, and JSON responses.
struct JSONCoding: Sendable {
    /// The largest body accepted, in bytes.
    let limit: Int

    /// The body of `request` decoded as `T`; throws ``APIError`` 413 when it is too large and 400
    /// when it is not JSON or a field is missing or of the wrong type.
    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: limit)
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Self.apiError(error)
        }
    }

    /// `value` as a JSON response (dates in ISO 8601).
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// The 400 error describing a decoding failure.
    static func apiError(_ error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey]) -> String? {
            codingPath.isEmpty ? nil : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .missing(path(context.codingPath + [key]) ?? key.stringValue)
        case .valueNotFound(_, let context):
            return .missing(path(context.codingPath) ?? "body")
        case .typeMismatch(let type, let context):
            guard let field = path(context.codingPath) else {
                return APIError(.badRequest, "the body must be a JSON object")
            }
            return APIError(.badRequest, "field \(field) must be \(Self.describe(type))", field: field)
        case .dataCorrupted(let context):
            guard let field = path(context.codingPath) else {
                return APIError(.badRequest, "the body is not valid JSON")
            }
            return APIError(.badRequest, "field \(field) has an invalid value: \(context.debugDescription)", field: field)
        @unknown default:
            return APIError(.badRequest, "the body could not be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "a JSON object"
        }
    }
}
