import Foundation

/// The output formats of a scan report.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A readable report: clusters, then pairs with their scores.
    case text
    /// One JSON object: Reprint's contract (`documents`, `pairs`, `clusters`).
    case json
    /// One JSON object per line: each pair, then each cluster, with a `type` field.
    case jsonl
    /// One row per pair: a, b, relation, resemblance, containment, coverage, contained, passages.
    case csv

    /// Renders a report in this format.
    public func render(_ report: ScanReport) -> String {
        switch self {
        case .text: TextReport.render(report)
        case .json: Self.json(report, pretty: true) + "\n"
        case .jsonl: Self.jsonLines(report)
        case .csv: Self.csv(report)
        }
    }

    /// The JSON encoding of any report value, with sorted keys as in every Reprint report.
    public static func json(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Every report type encodes without failure: no non-finite numbers, no non-string keys.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    private static func jsonLines(_ report: ScanReport) -> String {
        struct Line<Body: Encodable>: Encodable {
            let type: String
            let body: Body
            func encode(to encoder: Encoder) throws {
                try body.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(type, forKey: Key(stringValue: "type")!)
            }
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init?(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
        }
        var lines = report.documents.map { json(Line(type: "document", body: $0), pretty: false) }
        lines += report.pairs.map { json(Line(type: "pair", body: $0), pretty: false) }
        lines += report.clusters.map { json(Line(type: "cluster", body: $0), pretty: false) }
        return lines.map { $0 + "\n" }.joined()
    }

    private static func csv(_ report: ScanReport) -> String {
        var rows = ["a,b,relation,resemblance,containment_a_in_b,containment_b_in_a,coverage_a,coverage_b,contained,passages"]
        for pair in report.pairs {
            let fields = [
                pair.a, pair.b, pair.relation.rawValue, "\(pair.resemblance)", "\(pair.containment.aInB)",
                "\(pair.containment.bInA)", "\(pair.coverage.a)", "\(pair.coverage.b)", pair.contained?.rawValue ?? "",
                "\(pair.passages.count)",
            ]
            rows.append(fields.map(csvField).joined(separator: ","))
        }
        return rows.map { $0 + "\n" }.joined()
    }

    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
