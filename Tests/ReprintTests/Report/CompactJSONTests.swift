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

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let values: [Double] = [0, -0.0, 1, -1, 0.5, 0.0001, 0.00001, 0.3535, 1 / 3, 0.1 + 0.2, 123_456_789, 1e16, 1e17, 2.5e-4]
        for value in values {
            let sides = ScanReport.Sides(a: value, b: -value)
            #expect(try CompactJSON.encode(sides) == ReportFormat.json(sides, pretty: false))
        }
        for count in [-42, 0, Int.max, Int.min] {
            let words = ScanReport.ChangedWords(a: count, b: 7)
            #expect(try CompactJSON.encode(words) == ReportFormat.json(words, pretty: false))
        }
    }

    @Test func aNumberThatIsNotFiniteIsAnError() {
        #expect(throws: EncodingError.self) { try CompactJSON.encode(ScanReport.Sides(a: 0.5, b: .nan)) }
        #expect(throws: EncodingError.self) { try CompactJSON.encode(ScanReport.Sides(a: .infinity, b: 0)) }
    }
}
