import Foundation
import Testing
@testable import Reprint

/// The JSON contract of DESIGN.md, and passage offsets into the original files.
struct ScanReportTests {
    private static let report = Scanner().scan(NewsFixtures.documents)

    private static func json(_ report: ScanReport) throws -> [String: Any] {
        let data = Data(ReportFormat.json.render(report).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private static func pair(_ object: [String: Any], _ a: String, _ b: String) throws -> [String: Any] {
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        return try #require(pairs.first { ($0["a"] as? String) == a && ($0["b"] as? String) == b })
    }

    @Test func topLevelHasDocumentsPairsAndClusters() throws {
        let object = try Self.json(Self.report)
        #expect(Set(object.keys) == ["documents", "pairs", "clusters"])
    }

    @Test func documentsHaveIdFormatCharsAndWords() throws {
        let documents = try #require(try Self.json(Self.report)["documents"] as? [[String: Any]])
        #expect(documents.count == NewsFixtures.collection.count)
        let wire = documents[0]
        #expect(Set(wire.keys) == ["id", "format", "chars", "words"])
        #expect(wire["id"] as? String == "wire.txt")
        #expect(wire["format"] as? String == "plain")
        #expect(wire["chars"] as? Int == NewsFixtures.wire.unicodeScalars.count)
        #expect(wire["words"] as? Int == Self.report.documents[0].words)
    }

    @Test func pairsCarryTheContractFields() throws {
        let pair = try Self.pair(try Self.json(Self.report), "wire.txt", "excerpt.txt")
        #expect(Set(["a", "b", "relation", "resemblance", "containment", "coverage", "contained", "passages"]).isSubset(of: pair.keys))
        #expect(pair["relation"] as? String == "excerpt")
        #expect(pair["contained"] as? String == "b")
        #expect(pair["resemblance"] is Double)
        let containment = try #require(pair["containment"] as? [String: Double])
        #expect(Set(containment.keys) == ["a_in_b", "b_in_a"])
        #expect(containment["b_in_a"] == 1)
        let coverage = try #require(pair["coverage"] as? [String: Double])
        #expect(Set(coverage.keys) == ["a", "b"])
        #expect(coverage["b"] == 1)
        let passages = try #require(pair["passages"] as? [[String: Any]])
        #expect(!passages.isEmpty)
        for passage in passages {
            #expect(Set(passage.keys) == ["kind", "a", "b"])
            #expect(passage["kind"] as? String == "verbatim")
            #expect((passage["a"] as? [Int])?.count == 2)
            #expect((passage["b"] as? [Int])?.count == 2)
        }
    }

    @Test func relationsUseTheStableVocabulary() throws {
        let pairs = try #require(try Self.json(Self.report)["pairs"] as? [[String: Any]])
        let relations = Set(pairs.compactMap { $0["relation"] as? String })
        #expect(relations == ["identical", "near-duplicate", "excerpt", "edited-copy", "paraphrase", "same-story"])
    }

    @Test func containedIsOnlyGivenForExcerpts() throws {
        let pairs = try #require(try Self.json(Self.report)["pairs"] as? [[String: Any]])
        for pair in pairs {
            #expect((pair["contained"] != nil) == (pair["relation"] as? String == "excerpt"), "\(pair["a"]!) ~ \(pair["b"]!)")
        }
    }

    @Test func clustersHaveKindMembersAndACanonicalReuseMember() throws {
        let clusters = try #require(try Self.json(Self.report)["clusters"] as? [[String: Any]])
        #expect(clusters.map { $0["kind"] as? String } == ["reuse", "story"])
        #expect(Set(clusters[0].keys) == ["kind", "members", "canonical"])
        #expect((clusters[0]["members"] as? [String])?.count == 6)
        #expect(clusters[0]["canonical"] is String)
        #expect(Set(clusters[1].keys) == ["kind", "members"])
        #expect((clusters[1]["members"] as? [String])?.contains("same-story.txt") == true)
    }

    @Test func jsonDecodesBackToTheSameReport() throws {
        let data = Data(ReportFormat.json.render(Self.report).utf8)
        #expect(try JSONDecoder().decode(ScanReport.self, from: data) == Self.report)
    }

    // MARK: - Offsets

    private static func slice(_ text: String, _ range: [Int]) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range[0]..<range[1]]))
    }

    private static func words(_ text: String, format: DocumentFormat = .plain) -> [String] {
        Tokenizer.tokens(in: MarkupStripper.visibleText(of: Array(text.unicodeScalars), format: format).scalars).map(\.word)
    }

    @Test func excerptPassageSlicesTheSameTextFromBothFiles() throws {
        let pair = try #require(Self.report.pairs.first { $0.a == "wire.txt" && $0.b == "excerpt.txt" })
        #expect(pair.passages.count == 1)
        let passage = try #require(pair.passages.first)
        let excerpt = NewsFixtures.excerpt
        // The passage runs from the first word to the last, without the final full stop.
        #expect(Self.slice(excerpt, passage.b) == String(excerpt.dropLast()))
        #expect(Self.slice(NewsFixtures.wire, passage.a) == String(excerpt.dropLast()))
    }

    @Test func everyPassageStartsAndEndsOnAWordOfTheOriginal() throws {
        let texts = Dictionary(uniqueKeysWithValues: NewsFixtures.collection.map { ($0.id, Array($0.text.unicodeScalars)) })
        for pair in Self.report.pairs {
            for passage in pair.passages {
                for (id, range) in [(pair.a, passage.a), (pair.b, passage.b)] {
                    let text = try #require(texts[id])
                    #expect(range[0] < range[1] && range[1] <= text.count, "\(id) \(range)")
                    #expect(Tokenizer.isWordScalar(text[range[0]]) && Tokenizer.isWordScalar(text[range[1] - 1]), "\(id) \(range)")
                }
            }
        }
    }

    @Test func verbatimPassagesOfExactCopiesHaveEqualWords() throws {
        let texts = Dictionary(uniqueKeysWithValues: NewsFixtures.collection.map { ($0.id, $0.text) })
        for pair in Self.report.pairs where pair.relation == .identical || pair.relation == .excerpt {
            for passage in pair.passages {
                let a = Self.words(Self.slice(try #require(texts[pair.a]), passage.a))
                let b = Self.words(Self.slice(try #require(texts[pair.b]), passage.b))
                #expect(a == b, "\(pair.a) ~ \(pair.b)")
            }
        }
    }

    @Test func offsetsPointIntoTheMarkupOfHTMLAndMarkdownFiles() throws {
        let html = """
            <html><head><title>Bridge</title></head><body>
            <h1>Council backs bridge repair</h1>
            <p>\(NewsFixtures.excerpt.replacingOccurrences(of: "\n\n", with: "</p>\n<p>").replacingOccurrences(of: "Calder and Webb", with: "Calder &amp; Webb"))</p>
            </body></html>
            """
        let markdown = "# Council backs *bridge* repair\n\n" + NewsFixtures.wire.replacingOccurrences(of: "Mayor Elena Brooks", with: "**Mayor Elena Brooks**")
        var options = Scanner.Options()
        options.allPairs = true
        let documents = [
            SourceDocument(id: "wire.txt", text: NewsFixtures.wire),
            SourceDocument(id: "excerpt.html", text: html),
            SourceDocument(id: "wire.md", text: markdown),
        ]
        let report = Scanner(options: options).scan(documents)
        #expect(report.documents.map(\.format) == [.plain, .html, .markdown])
        for pair in report.pairs where pair.a == "excerpt.html" || pair.b == "excerpt.html" {
            let passage = try #require(pair.passages.first { $0.kind == .verbatim })
            let htmlRange = pair.a == "excerpt.html" ? passage.a : passage.b
            let htmlSlice = Self.slice(html, htmlRange)
            // With the Markdown copy, the shared headline starts the passage.
            let other = pair.a == "excerpt.html" ? pair.b : pair.a
            #expect(htmlSlice.hasPrefix(other == "wire.md" ? "Council backs bridge repair</h1>" : "The Riverton city council"))
            #expect(htmlSlice.hasSuffix("the town centre"))
            #expect(htmlSlice.contains("</p>\n<p>"))
        }
        let wirePair = try #require(report.pairs.first { $0.a == "wire.txt" && $0.b == "wire.md" })
        let passage = try #require(wirePair.passages.first)
        let markdownSlice = Self.slice(markdown, passage.b)
        #expect(markdownSlice.hasPrefix("The Riverton city council"))
        #expect(markdownSlice.hasSuffix("9,000 vehicles a day"))
        #expect(Self.words(markdownSlice, format: .markdown) == Self.words(Self.slice(NewsFixtures.wire, passage.a)))
    }
}
