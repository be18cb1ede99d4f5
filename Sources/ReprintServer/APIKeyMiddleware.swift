import Hummingbird

/// Lets a write through only with `Authorization: Bearer KEY`; refuses every write when the server
/// has no key.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The key writes must present, or `nil` when writes are disabled.
    let key: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key else {
            throw APIError(.unauthorized, "writes are disabled: start the server with --api-key or REPRINT_API_KEY")
        }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
              Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(key.utf8))
        else {
            throw APIError(.unauthorized, "this request needs the API key, sent as Authorization: Bearer KEY")
        }
        return try await next(request, context)
    }

    /// Compares without returning early, so that timing does not reveal how much of the key matched.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
