import Foundation
import Hummingbird
import HummingbirdTesting
import Reprint
import Testing
import Yams

@testable import ReprintServer

@Suite struct ServiceRoutesTests {
    @Test func healthz() async throws {
        try await ServerHarness().test { client in
            let (status, body) = try await client.send(.get, "/healthz")
            #expect(status == .ok)
            #expect(body["status"] as? String == "ok")
        }
    }

    @Test func thePageIsServed() async throws {
        try await ServerHarness().test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.hasPrefix("<!doctype html>"))
                for id in ["text-a", "text-b", "compare", "match", "doc-a", "doc-b", "stories"] {
                    #expect(page.contains("id=\"\(id)\""), "\(id)")
                }
            }
        }
    }

    @Test func metricsCountRequestsAndDocuments() async throws {
        try await ServerHarness().test { client in
            _ = try await client.send(.get, "/healthz")
            _ = try await client.send(.post, "/v1/documents", ["id": "n", "text": "A note about the harbour."], headers: JSON.authorized())
            _ = try await client.send(.get, "/v1/documents/missing")
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"reprint_http_requests_total{route="/healthz",method="GET",status="200"} 1"#))
                #expect(text.contains(#"reprint_http_requests_total{route="/v1/documents",method="POST",status="201"} 1"#))
                #expect(text.contains(#"reprint_http_requests_total{route="/v1/documents/{id}",method="GET",status="404"} 1"#))
                #expect(text.contains(#"reprint_http_request_duration_seconds_count{route="/healthz",method="GET"} 1"#))
                #expect(text.contains("reprint_documents_indexed 1"))
            }
        }
    }

    @Test func openAPIDescribesEveryRoute() async throws {
        let harness = try ServerHarness()
        let routes = try ServerApplication.router(configuration: harness.configuration, index: harness.index).routes
            .map { (path: $0.path.description, method: $0.method.rawValue.lowercased()) }
        try await harness.test { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                let document = try #require(try Yams.load(yaml: String(buffer: response.body)) as? [String: Any])
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                #expect(routes.count == 10)
                for route in routes {
                    #expect(paths[route.path]?[route.method] != nil, "\(route.method) \(route.path) is not in openapi.yaml")
                }
                let described = paths.reduce(0) { $0 + $1.value.count }
                #expect(described == routes.count, "openapi.yaml describes routes the server does not have")
            }
        }
    }

    @Test func unknownRoutesAre404() async throws {
        try await ServerHarness().test { client in
            try await client.execute(uri: "/etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
