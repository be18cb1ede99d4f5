import Hummingbird
import HummingbirdTesting
import Testing

@testable import ReprintServer

@Suite struct IndexRoutesTests {
    @Test func addingReturnsTheMatchesWithTheStoredDocuments() async throws {
        let wire = try ServerHarness.example("a-wire.txt"), copy = try ServerHarness.example("a-wire-copy.txt")
        try await ServerHarness().test { client in
            let (first, added) = try await client.send(.post, "/v1/documents", ["id": "wire", "text": wire], headers: JSON.authorized())
            #expect(first == .created)
            #expect(added["id"] as? String == "wire")
            #expect((added["matches"] as? [Any])?.isEmpty == true)

            let (second, copied) = try await client.send(
                .post, "/v1/documents",
                ["id": "copy", "text": copy, "url": "https://example.org/copy", "published": "2021-10-21"], headers: JSON.authorized())
            #expect(second == .created)
            let matches = try #require(copied["matches"] as? [[String: Any]])
            #expect(matches.count == 1)
            #expect(matches.first?["a"] as? String == "wire")
            #expect(matches.first?["b"] as? String == "copy")
            #expect(matches.first?["relation"] as? String == "identical")
            #expect((matches.first?["passages"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func anIdIsMadeWhenNoneIsGiven() async throws {
        try await ServerHarness().test { client in
            let (status, added) = try await client.send(.post, "/v1/documents", ["text": "A short note about the harbour."], headers: JSON.authorized())
            #expect(status == .created)
            #expect((added["id"] as? String)?.count == 36)
        }
    }

    @Test func addingAStoredIdIsAConflict() async throws {
        try await ServerHarness().test { client in
            _ = try await client.send(.post, "/v1/documents", ["id": "x", "text": "First version of the note."], headers: JSON.authorized())
            let (status, error) = try await client.send(.post, "/v1/documents", ["id": "x", "text": "Second."], headers: JSON.authorized())
            #expect(status == .conflict)
            #expect(error["field"] as? String == "id")
        }
    }

    @Test func matchingDoesNotStore() async throws {
        let wire = try ServerHarness.example("a-wire.txt"), rewrite = try ServerHarness.example("a-rewrite.txt")
        try await ServerHarness().test { client in
            _ = try await client.send(.post, "/v1/documents", ["id": "wire", "text": wire], headers: JSON.authorized())
            let (status, result) = try await client.send(.post, "/v1/match", ["text": rewrite])
            #expect(status == .ok)
            #expect(result["id"] as? String == "query")
            let matches = try #require(result["matches"] as? [[String: Any]])
            #expect(matches.map { $0["relation"] as? String } == ["paraphrase"])
            #expect(matches.first?["b"] as? String == "query")
            let (lookup, _) = try await client.send(.get, "/v1/documents/query")
            #expect(lookup == .notFound)
        }
    }

    @Test func aStoredDocumentCanBeReadAndRemoved() async throws {
        try await ServerHarness().test { client in
            _ = try await client.send(
                .post, "/v1/documents",
                ["id": "note", "text": "# Title\n\nThe harbour reopened on Monday.", "format": "markdown", "url": "https://example.org/n",
                 "source": "Gazette", "published": "2021-10-20T08:00:00Z"],
                headers: JSON.authorized())
            let (status, document) = try await client.send(.get, "/v1/documents/note")
            #expect(status == .ok)
            #expect(document["id"] as? String == "note")
            #expect(document["format"] as? String == "markdown")
            #expect(document["url"] as? String == "https://example.org/n")
            #expect(document["source"] as? String == "Gazette")
            #expect(document["published"] as? String == "2021-10-20T08:00:00Z")
            #expect(document["words"] as? Int == 6)
            #expect(document["chars"] as? Int == 40)
            #expect(document["text"] == nil)

            let (removed, _) = try await client.send(.delete, "/v1/documents/note", headers: JSON.authorized())
            #expect(removed == .noContent)
            let (gone, error) = try await client.send(.get, "/v1/documents/note")
            #expect(gone == .notFound)
            #expect(error["error"] as? String == "no stored document has id note")
            let (again, _) = try await client.send(.delete, "/v1/documents/note", headers: JSON.authorized())
            #expect(again == .notFound)
        }
    }

    @Test func idsArePercentDecoded() async throws {
        try await ServerHarness().test { client in
            _ = try await client.send(.post, "/v1/documents", ["id": "world/a b.txt", "text": "A note about the harbour."], headers: JSON.authorized())
            let (status, document) = try await client.send(.get, "/v1/documents/world%2Fa%20b.txt")
            #expect(status == .ok)
            #expect(document["id"] as? String == "world/a b.txt")
            let (removed, _) = try await client.send(.delete, "/v1/documents/world%2Fa%20b.txt", headers: JSON.authorized())
            #expect(removed == .noContent)
        }
    }

    @Test func clustersAreListedByKind() async throws {
        let names = ["a-wire.txt", "a-wire-copy.txt", "a-herald.txt"]
        try await ServerHarness().test { client in
            for name in names {
                _ = try await client.send(.post, "/v1/documents", ["id": name, "text": try ServerHarness.example(name)], headers: JSON.authorized())
            }
            let (status, reuse) = try await client.send(.get, "/v1/clusters?kind=reuse")
            #expect(status == .ok)
            let reuseClusters = try #require(reuse["clusters"] as? [[String: Any]])
            #expect(reuseClusters.map { $0["members"] as? [String] } == [["a-wire.txt", "a-wire-copy.txt"]])
            #expect(reuseClusters.allSatisfy { $0["kind"] as? String == "reuse" })
            let (_, story) = try await client.send(.get, "/v1/clusters?kind=story")
            let storyClusters = try #require(story["clusters"] as? [[String: Any]])
            #expect(storyClusters.map { Set($0["members"] as? [String] ?? []) } == [Set(names)])
            let (_, all) = try await client.send(.get, "/v1/clusters")
            #expect((all["clusters"] as? [Any])?.count == 2)
        }
    }

    @Test func anUnknownClusterKindIsNamed() async throws {
        try await ServerHarness().test { client in
            let (status, error) = try await client.send(.get, "/v1/clusters?kind=topic")
            #expect(status == .badRequest)
            #expect(error["field"] as? String == "kind")
        }
    }

    @Test func writesWithoutTheKeyAre401() async throws {
        try await ServerHarness().test { client in
            let body = ["id": "x", "text": "A note."]
            let (missing, error) = try await client.send(.post, "/v1/documents", body)
            #expect(missing == .unauthorized)
            #expect(error["error"] as? String == "this request needs the API key, sent as Authorization: Bearer KEY")
            let (wrong, _) = try await client.send(.post, "/v1/documents", body, headers: JSON.authorized("test-kez"))
            #expect(wrong == .unauthorized)
            let (delete, _) = try await client.send(.delete, "/v1/documents/x", headers: JSON.headers)
            #expect(delete == .unauthorized)
            let (lookup, _) = try await client.send(.get, "/v1/documents/x")
            #expect(lookup == .notFound)
        }
    }

    @Test func withoutAServerKeyWritesAreDisabled() async throws {
        try await ServerHarness(apiKey: nil).test { client in
            let (status, error) = try await client.send(.post, "/v1/documents", ["text": "A note."], headers: JSON.authorized("anything"))
            #expect(status == .unauthorized)
            #expect(error["error"] as? String == "writes are disabled: start the server with --api-key or REPRINT_API_KEY")
        }
    }

    @Test func badDocumentFieldsAreNamed() async throws {
        try await ServerHarness().test { client in
            let cases: [([String: Any], String)] = [
                (["id": "x"], "text"),
                (["text": ""], "text"),
                (["id": "", "text": "A note."], "id"),
                (["text": "A note.", "format": "pdf"], "format"),
                (["text": "A note.", "published": "last Tuesday"], "published"),
                (["text": "A note.", "url": 7], "url"),
            ]
            for (body, field) in cases {
                let (status, error) = try await client.send(.post, "/v1/documents", body, headers: JSON.authorized())
                #expect(status == .badRequest, "\(body)")
                #expect(error["field"] as? String == field, "\(body)")
                let (matchStatus, matchError) = try await client.send(.post, "/v1/match", body)
                #expect(matchStatus == .badRequest, "\(body)")
                #expect(matchError["field"] as? String == field, "\(body)")
            }
        }
    }

    @Test func largeDocumentsAre413() async throws {
        try await ServerHarness(maxBodyBytes: 64).test { client in
            let body = ["text": String(repeating: "harbour ", count: 20)]
            let (added, _) = try await client.send(.post, "/v1/documents", body, headers: JSON.authorized())
            #expect(added == .contentTooLarge)
            let (matched, _) = try await client.send(.post, "/v1/match", body)
            #expect(matched == .contentTooLarge)
        }
    }
}
