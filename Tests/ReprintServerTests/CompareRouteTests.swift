import Hummingbird
import HummingbirdTesting
import Testing

@testable import ReprintServer

@Suite struct CompareRouteTests {
    @Test func aParaphraseIsNamedWithItsPassages() async throws {
        let wire = try ServerHarness.example("a-wire.txt"), rewrite = try ServerHarness.example("a-rewrite.txt")
        try await ServerHarness().test { client in
            let (status, pair) = try await client.send(.post, "/v1/compare", ["a": wire, "b": rewrite])
            #expect(status == .ok)
            #expect(pair["relation"] as? String == "paraphrase")
            #expect(pair["a"] as? String == "a")
            #expect(pair["b"] as? String == "b")
            let passages = try #require(pair["passages"] as? [[String: Any]])
            #expect(!passages.isEmpty)
            for passage in passages {
                let a = try #require(passage["a"] as? [Int]), b = try #require(passage["b"] as? [Int])
                #expect(a[0] < a[1] && a[1] <= wire.unicodeScalars.count)
                #expect(b[0] < b[1] && b[1] <= rewrite.unicodeScalars.count)
            }
        }
    }

    @Test func offsetsCountUnicodeScalars() async throws {
        let text = "Zoë’s café reopened on Monday 🎉 after the flood, the owner said in a statement to reporters."
        try await ServerHarness().test { client in
            let (status, pair) = try await client.send(.post, "/v1/compare", ["a": text, "b": "Breaking: " + text])
            #expect(status == .ok)
            let passages = try #require(pair["passages"] as? [[String: Any]])
            let b = try #require(passages.first?["b"] as? [Int])
            let scalars = Array(("Breaking: " + text).unicodeScalars)
            try #require(b[0] < b[1] && b[1] <= scalars.count)
            let passage = String(String.UnicodeScalarView(scalars[b[0]..<b[1]]))
            #expect(passage.hasPrefix("Zoë’s café"))
            #expect(passage.hasSuffix("reporters") || passage.hasSuffix("reporters."))
        }
    }

    @Test func compareNeedsNoKey() async throws {
        try await ServerHarness(apiKey: nil).test { client in
            let (status, _) = try await client.send(.post, "/v1/compare", ["a": "one text here", "b": "another text"])
            #expect(status == .ok)
        }
    }

    @Test func aMissingFieldIsNamed() async throws {
        try await ServerHarness().test { client in
            let (status, error) = try await client.send(.post, "/v1/compare", ["a": "only one text"])
            #expect(status == .badRequest)
            #expect(error["field"] as? String == "b")
            #expect(error["error"] as? String == "missing field: b")
        }
    }

    @Test func anEmptyTextIsAMissingField() async throws {
        try await ServerHarness().test { client in
            let (status, error) = try await client.send(.post, "/v1/compare", ["a": "", "b": "text"])
            #expect(status == .badRequest)
            #expect(error["field"] as? String == "a")
        }
    }

    @Test func aFieldOfTheWrongTypeIsNamed() async throws {
        try await ServerHarness().test { client in
            let (status, error) = try await client.send(.post, "/v1/compare", ["a": "text", "b": 42])
            #expect(status == .badRequest)
            #expect(error["field"] as? String == "b")
            #expect(error["error"] as? String == "field b must be a string")
        }
    }

    @Test func malformedJSONIsRefused() async throws {
        try await ServerHarness().test { client in
            try await client.execute(uri: "/v1/compare", method: .post, headers: JSON.headers, body: ByteBuffer(string: "{\"a\": ")) { response in
                #expect(response.status == .badRequest)
                let error = try JSON.object(response.body)
                #expect(error["error"] as? String == "the body is not valid JSON")
            }
            try await client.execute(uri: "/v1/compare", method: .post, headers: JSON.headers, body: ByteBuffer(string: "[1, 2]")) { response in
                #expect(response.status == .badRequest)
                let error = try JSON.object(response.body)
                #expect(error["error"] as? String == "the body must be a JSON object")
            }
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await ServerHarness(maxBodyBytes: 100).test { client in
            let (status, error) = try await client.send(.post, "/v1/compare", ["a": String(repeating: "word ", count: 40), "b": "b"])
            #expect(status == .contentTooLarge)
            #expect(error["error"] as? String == "the request body is larger than 100 bytes (the server's --max-body-bytes)")
        }
    }
}
