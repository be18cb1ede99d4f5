import Testing
@testable import Reprint

struct DocumentFeaturesTests {
    private func features(_ text: String = NewsFixtures.wire) -> (AnalyzedDocument, DocumentFeatures) {
        var analyzer = DocumentAnalyzer()
        let document = analyzer.analyze(SourceDocument(id: "wire.txt", text: text))
        return (document, DocumentFeatures(document, lineKeys: [9, 3], postedTerms: [7, 5]))
    }

    private func decoded(_ features: DocumentFeatures, body: [UInt8]? = nil) throws(DocumentFeatures.DecodingError) -> DocumentFeatures {
        try DocumentFeatures(
            id: features.id, format: features.format, metadata: features.metadata, originalLength: features.originalLength,
            body: body ?? features.encodedBody())
    }

    @Test("the encoded features decode to the same features, term counts and names in ascending order")
    func roundTrip() throws {
        let (document, features) = features()
        let back = try decoded(features)
        #expect(back == features)
        #expect(back.termCounts == document.termCounts)
        #expect(back.termCounts.map(\.term) == back.termCounts.map(\.term).sorted())
        #expect(back.names == document.names)
        #expect(back.lineKeys == [3, 9])
        #expect(back.postedTerms == [5, 7])
    }

    @Test("the rebuilt document compares as the analyzed one: same terms, names, shingles and original word ranges")
    func comparableMatchesTheAnalysis() throws {
        let (document, features) = features()
        let comparable = try decoded(features).comparable
        #expect(comparable.termCounts == document.termCounts)
        #expect(comparable.names == document.names)
        #expect(comparable.shingleSet == document.shingleSet)
        #expect(comparable.sentences == document.sentences)
        #expect(comparable.wordCount == document.wordCount)
        for range in [0..<1, 3..<9, 0..<document.wordCount] {
            #expect(comparable.originalRange(ofTokens: range) == document.originalRange(ofTokens: range))
        }
    }

    @Test("terms stored out of order, a cut body and an unknown version are refused")
    func corruptBodies() throws {
        var (_, features) = features()
        let body = features.encodedBody()
        #expect(throws: DocumentFeatures.DecodingError.truncated) { try decoded(features, body: Array(body.dropLast(3))) }
        #expect(throws: DocumentFeatures.DecodingError.unknownVersion(2)) { try decoded(features, body: [2] + body.dropFirst()) }
        features.termCounts.swapAt(0, 1)
        #expect(throws: DocumentFeatures.DecodingError.truncated) { try decoded(features) }
    }
}
