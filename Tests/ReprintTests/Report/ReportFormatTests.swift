import Foundation
import Testing
@testable import Reprint

struct ReportFormatTests {
    private static let report = Scanner().scan(NewsFixtures.documents)

    @Test func jsonlHasOneTypedObjectPerDocumentPairAndCluster() throws {
        let lines = ReportFormat.jsonl.render(Self.report).split(separator: "\n")
        let report = Self.report
        #expect(lines.count == report.documents.count + report.pairs.count + report.clusters.count)
        var types: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            types.append(try #require(object["type"] as? String))
        }
        #expect(types == Array(repeating: "document", count: report.documents.count)
            + Array(repeating: "pair", count: report.pairs.count) + Array(repeating: "cluster", count: report.clusters.count))
        let firstPair = try #require(try JSONSerialization.jsonObject(with: Data(lines[report.documents.count].utf8)) as? [String: Any])
        #expect(firstPair["a"] as? String == report.pairs[0].a)
        #expect(firstPair["containment"] is [String: Double])
    }

    @Test func csvHasAHeaderAndOneRowPerPair() {
        let rows = ReportFormat.csv.render(Self.report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.first == "a,b,relation,resemblance,containment_a_in_b,containment_b_in_a,coverage_a,coverage_b,contained,passages")
        #expect(rows.last == "")
        #expect(rows.count == Self.report.pairs.count + 2)
        let excerpt = Self.report.pairs.first { $0.relation == .excerpt && $0.a == "wire.txt" }!
        #expect(rows.contains(Substring(
            "wire.txt,excerpt.txt,excerpt,\(excerpt.resemblance),\(excerpt.containment.aInB),1.0,\(excerpt.coverage.a),1.0,b,\(excerpt.passages.count)")))
    }

    @Test func csvQuotesFieldsWithCommasAndQuotes() {
        let documents = [
            SourceDocument(id: "wire, final.txt", text: NewsFixtures.wire),
            SourceDocument(id: "the \"copy\".txt", text: NewsFixtures.identical),
        ]
        let rows = ReportFormat.csv.render(Scanner().scan(documents)).split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[1].hasPrefix("\"wire, final.txt\",\"the \"\"copy\"\".txt\",identical,1.0,"))
    }

    @Test func textReportListsClustersAndPairs() {
        let text = ReportFormat.text.render(Self.report)
        let canonical = Self.report.clusters[0].canonical!
        #expect(text.hasPrefix("8 documents, \(Self.report.pairs.count) related pairs, 1 reuse cluster, 1 story\n"))
        #expect(text.contains("\nReuse cluster 1 (6 documents)\n"))
        #expect(text.contains("\n  * \(canonical)\n"))
        #expect(text.contains("\nStory 1 (7 documents): wire.txt, identical.txt, near-duplicate.txt, excerpt.txt, edited-copy.txt, paraphrase.txt, same-story.txt\n"))
        #expect(text.contains("(excerpt.txt contained)"))
        #expect(!text.contains("unrelated.txt"))
    }

    @Test func anEmptyReportInEveryFormat() {
        let empty = ScanReport(documents: [], pairs: [], clusters: [])
        #expect(ReportFormat.text.render(empty) == "0 documents, 0 related pairs, 0 reuse clusters, 0 stories\n")
        #expect(ReportFormat.json.render(empty) == "{\n  \"clusters\" : [\n\n  ],\n  \"documents\" : [\n\n  ],\n  \"pairs\" : [\n\n  ]\n}\n")
        #expect(ReportFormat.jsonl.render(empty) == "")
        #expect(ReportFormat.csv.render(empty) == "a,b,relation,resemblance,containment_a_in_b,containment_b_in_a,coverage_a,coverage_b,contained,passages\n")
    }

    @Test func percentText() {
        #expect(0.874.percentText == "87%")
        #expect(1.0.percentText == "100%")
        #expect(0.0.percentText == "0%")
    }
}
