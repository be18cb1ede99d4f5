import Foundation
import Hummingbird
import HummingbirdTesting
import Reprint
import ReprintStore
import Testing

@testable import ReprintServer

/// A server over a new temporary SQLite store, and helpers to call it.
struct ServerHarness {
    static let key = "test-key"

    let configuration: ServerConfiguration
    let index: IncrementalIndex
    let directory: URL

    init(apiKey: String? = ServerHarness.key, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reprint-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        index = IncrementalIndex(store: try SQLiteStore(path: directory.appendingPathComponent("index.db").path))
        configuration = ServerConfiguration(apiKey: apiKey, maxBodyBytes: maxBodyBytes)
    }

    /// Runs `body` against the application, then removes the store.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = Application(router: try ServerApplication.router(configuration: configuration, index: index))
        try await app.test(.router, body)
    }

    /// A newsroom example text (written for this project), read from Examples/newsroom.
    static func example(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Examples/newsroom/\(name)"), encoding: .utf8)
    }
}

/// JSON helpers for requests and responses.
enum JSON {
    static func body(_ object: [String: Any]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    static let headers: HTTPFields = [.contentType: "application/json"]

    static func authorized(_ key: String = ServerHarness.key) -> HTTPFields {
        [.contentType: "application/json", .authorization: "Bearer \(key)"]
    }
}

extension TestClientProtocol {
    /// Sends `object` as JSON and returns the status and the decoded JSON answer (empty when none).
    func send(
        _ method: HTTPRequest.Method, _ uri: String, _ object: [String: Any]? = nil, headers: HTTPFields = JSON.headers
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await execute(uri: uri, method: method, headers: headers, body: try object.map(JSON.body)) { response in
            (response.status, response.body.readableBytes == 0 ? [:] : try JSON.object(response.body))
        }
    }
}
