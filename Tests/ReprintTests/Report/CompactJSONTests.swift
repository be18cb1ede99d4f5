import Foundation
import Testing
@testable import Reprint

struct CompactJSONTests {
    /// Every pair of a scan of the news fixtures (every relation, excerpts with a contained side,
    /// passages of both kinds), then the same pairs with ids that need escaping.
    private static let pairs: [ScanReport.Pair] = {
        let pairs = Scanner().scan(NewsFixtures.documents).pairs
        let awkward = ["quote \" and back\\slash", "tab\tnew\nline\r\u{8}\u{c}", "\u{0}\u{1f}\u{7f} é 😀 \u{2028} a/b", ""]
        return pairs + awkward.enumerated().map { index, id in
            var pair = pairs[index % pairs.count]
            pair.a = id
            pair.b = String(id.reversed())
            return pair
        }
    }()

    @Test func pairsAreWrittenAsJSONEncoderWritesThem() {
        #expect(Self.pairs.contains { $0.contained != nil })
        #expect(Self.pairs.contains { $0.contained == nil })
        #expect(Self.pairs.contains { !$0.passages.isEmpty })
        for pair in Self.pairs {
            var json = CompactJSON()
            json.pair(pair)
            #expect(json.text == ReportFormat.json(pair, pretty: false))
        }
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() {
        let values: [Double] = [0, -0.0, 1, -1, 0.5, 0.0001, 0.00001, 0.3535, 1 / 3, 0.1 + 0.2, 123_456_789, 1e16, 1e17, 2.5e-4]
        var json = CompactJSON()
        json.raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { json.raw(",") }
            json.number(value)
        }
        json.raw(",")
        json.number(-42)
        json.raw("]")
        let integers: [Double] = [-42]
        #expect(json.text == ReportFormat.json(values, pretty: false).dropLast() + "," + ReportFormat.json(integers.map(Int.init), pretty: false).dropFirst())
    }
}
