import Foundation
import Hummingbird
import Reprint

/// The routes over the persistent index: add, match, look up, remove, clusters.
struct IndexRoutes: Sendable {
    /// The index.
    let index: IncrementalIndex
    /// Request bodies.
    let json: JSONCoding
    /// Where the number of documents indexed is kept.
    let metrics: RequestMetrics

    /// Adds the read routes to `group` and the write routes behind `keyCheck`.
    func add(to group: RouterGroup<BasicRequestContext>, keyCheck: APIKeyMiddleware<BasicRequestContext>) {
        group.post("match") { request, _ in try await match(request) }
        group.get("documents/:id") { _, context in
            let id = try Self.documentID(context)
            return try await Blocking.run { try document(id) }
        }
        group.get("clusters") { request, _ in
            let kind: String? = request.uri.queryParameters.get("kind")
            return try await Blocking.run { try clusters(kind: kind) }
        }
        let writes = group.group().add(middleware: keyCheck)
        writes.post("documents") { request, _ in try await add(request) }
        writes.delete("documents/:id") { _, context in
            let id = try Self.documentID(context)
            return try await Blocking.run { try remove(id) }
        }
    }

    /// The percent-decoded `{id}` of the path: ids of documents read from folders contain `/` (`%2F`).
    private static func documentID(_ context: BasicRequestContext) throws -> String {
        let raw = try context.parameters.require("id")
        return raw.removingPercentEncoding ?? raw
    }

    /// Sets the documents-indexed gauge from the store.
    func updateDocumentCount() throws {
        metrics.documentsIndexed(try index.statistics().documents)
    }

    private func add(_ request: Request) async throws -> Response {
        let document = try await json.decode(DocumentRequest.self, from: request).document(defaultID: UUID().uuidString)
        return try await Blocking.run {
            var outcome: IncrementalIndex.AddOutcome?
            try index.add([document]) { outcome = $0 }
            guard case .added(let id, let matches) = outcome else {
                throw APIError(.conflict, "a document with id \(document.id) is already stored: delete it first or choose another id", field: "id")
            }
            try updateDocumentCount()
            return try JSONCoding.response(MatchesResponse(id: id, matches: matches), status: .created)
        }
    }

    private func match(_ request: Request) async throws -> Response {
        let document = try await json.decode(DocumentRequest.self, from: request).document(defaultID: "query")
        return try await Blocking.run { try JSONCoding.response(MatchesResponse(id: document.id, matches: try index.query(document))) }
    }

    private func document(_ id: String) throws -> Response {
        let stored = try index.store.read { transaction in
            try transaction.documents(Array(try transaction.sequences(of: [id]).values)).first
        }
        guard let features = try stored?.features() else { throw Self.notFound(id) }
        return try JSONCoding.response(StoredDocumentRecord(features))
    }

    private func remove(_ id: String) throws -> Response {
        guard try index.remove([id]).isEmpty else { throw Self.notFound(id) }
        try updateDocumentCount()
        return Response(status: .noContent)
    }

    private func clusters(kind: String?) throws -> Response {
        var wanted: DocumentCluster.Kind?
        if let kind {
            guard let parsed = DocumentCluster.Kind(rawValue: kind) else {
                throw APIError(.badRequest, "kind must be reuse or story", field: "kind")
            }
            wanted = parsed
        }
        let clusters = try index.clusters().filter { wanted == nil || $0.kind == wanted }
        return try JSONCoding.response(["clusters": clusters])
    }

    private static func notFound(_ id: String) -> APIError {
        APIError(.notFound, "no stored document has id \(id)")
    }
}

/// A stored document as `GET /v1/documents/{id}` shows it: the index keeps features, not the text.
struct StoredDocumentRecord: Encodable {
    var id: String
    var format: DocumentFormat
    var chars: Int
    var words: Int
    var url: String?
    var source: String?
    var published: Date?

    init(_ features: DocumentFeatures) {
        id = features.id
        format = features.format
        chars = features.originalLength
        words = features.wordCount
        url = features.metadata.url
        source = features.metadata.source
        published = features.metadata.published
    }
}
