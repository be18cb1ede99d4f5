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

    @Test func pairsAreWrittenAsJSONEncoderWritesThem() throws {
        #expect(Self.pairs.contains { $0.contained != nil })
        #expect(Self.pairs.contains { $0.contained == nil })
        #expect(Self.pairs.contains { !$0.passages.isEmpty })
        for pair in Self.pairs {
            #expect(try CompactJSON.encode(pair) == ReportFormat.json(pair, pretty: false))
        }
    }

    @Test func aWholeReportIsWrittenAsJSONEncoderWritesIt() throws {
        let report = Scanner().scan(NewsFixtures.documents)
        #expect(!report.clusters.isEmpty)
        #expect(try CompactJSON.encode(report) == ReportFormat.json(report, pretty: false))
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let values: [Double] = [0, -0.0, 1, -1, 0.5, 0.0001, 0.00001, 0.3535, 1 / 3, 0.1 + 0.2, 123_456_789, 1e16, 1e17, 2.5e-4]
        #expect(try CompactJSON.encode(values) == ReportFormat.json(values, pretty: false))
        let integers = [-42, 0, Int.max, Int.min]
        #expect(try CompactJSON.encode(integers) == ReportFormat.json(integers, pretty: false))
    }

    /// A value that asks for its container twice, encodes a key twice and nests containers by hand.
    private struct Layered: Encodable {
        enum Key: String, CodingKey {
            case zebra, apple, nested, list, flag, missing
        }

        func encode(to encoder: Encoder) throws {
            var first = encoder.container(keyedBy: Key.self)
            try first.encode("first", forKey: .zebra)
            try first.encodeNil(forKey: .missing)
            var nested = first.nestedContainer(keyedBy: Key.self, forKey: .nested)
            try nested.encode(true, forKey: .flag)
            var list = first.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1.5)
            try list.encode("a/b")
            var again = encoder.container(keyedBy: Key.self)
            try again.encode("last", forKey: .zebra)
            try again.encode(UInt8(7), forKey: .apple)
        }
    }

    @Test func handWrittenEncodingsAreWrittenAsJSONEncoderWritesThem() throws {
        let json = try CompactJSON.encode(Layered())
        #expect(json == #"{"apple":7,"list":[1.5,"a/b"],"missing":null,"nested":{"flag":true},"zebra":"last"}"#)
        #expect(json == ReportFormat.json(Layered(), pretty: false))
    }

    @Test func aNumberThatIsNotFiniteIsAnError() {
        #expect(throws: EncodingError.self) { try CompactJSON.encode([1, Double.nan]) }
        #expect(throws: EncodingError.self) { try CompactJSON.encode([Double.infinity]) }
    }
}
