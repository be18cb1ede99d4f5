import Foundation
import Testing
@testable import Reprint

private func signature(_ range: Range<UInt64>) -> MinHashSignature {
    MinHasher(count: 128).signature(of: range.map { StableHash.mix($0) })
}

struct LSHIndexTests {
    @Test func insertReturnsEarlierDocumentsSharingABucket() {
        var index = LSHIndex(bands: 32, rows: 4)
        #expect(index.insert(signature(0..<100), id: 1).isEmpty)
        #expect(index.insert(signature(1000..<1100), id: 2).isEmpty)
        #expect(index.insert(signature(0..<100), id: 3) == [1])
        #expect(index.insert(signature(0..<100), id: 4) == [1, 3])
    }

    @Test func queryFindsWithoutAdding() {
        var index = LSHIndex(bands: 32, rows: 4)
        _ = index.insert(signature(0..<100), id: 7)
        #expect(index.query(signature(0..<100)) == [7])
        #expect(index.query(signature(0..<100)) == [7])
        #expect(index.query(signature(5000..<5100)).isEmpty)
    }

    @Test func similarSetsBecomeCandidatesAndDissimilarOnesDoNot() {
        var index = LSHIndex(bands: 42, rows: 3)
        _ = index.insert(signature(0..<200), id: 0)
        // Jaccard 180/220 ≈ 0.82: found with probability ≈ 1 - (1 - 0.82³)⁴² ≈ 1.
        #expect(index.query(signature(20..<220)) == [0])
        // Disjoint: a band of three equal values out of 42 is vanishingly unlikely.
        #expect(index.query(signature(10_000..<10_200)).isEmpty)
    }

    @Test func removeTakesADocumentOut() {
        var index = LSHIndex(bands: 16, rows: 8)
        let shared = signature(0..<100)
        _ = index.insert(shared, id: 1)
        _ = index.insert(shared, id: 2)
        index.remove(shared, id: 1)
        #expect(index.query(shared) == [2])
        index.remove(shared, id: 2)
        #expect(index.query(shared).isEmpty)
        // Removing what is not there changes nothing.
        index.remove(shared, id: 3)
        #expect(index.insert(shared, id: 4).isEmpty)
    }

    @Test func bandKeysDifferByBand() {
        let index = LSHIndex(bands: 4, rows: 2)
        let constant = MinHashSignature(values: [UInt32](repeating: 9, count: 8))
        #expect(Set((0..<4).map { index.bandKey(constant, $0) }).count == 4)
    }

    @Test("Optimal banding fits the signature and puts the S-curve near the threshold", arguments: [0.3, 0.5, 0.8])
    func optimalBanding(threshold: Double) {
        let (bands, rows) = LSHIndex.optimalBanding(threshold: threshold, length: 128)
        #expect(bands >= 1 && rows >= 1 && bands * rows <= 128)
        let steepest = pow(1 / Double(bands), 1 / Double(rows))
        #expect(abs(steepest - threshold) < 0.15, "\(bands) × \(rows): steepest at \(steepest)")
    }

    @Test func higherThresholdsUseLongerBands() {
        let low = LSHIndex.optimalBanding(threshold: 0.3, length: 128)
        let high = LSHIndex.optimalBanding(threshold: 0.8, length: 128)
        #expect(high.rows > low.rows)
        #expect(high.bands < low.bands)
    }

    @Test("Recall banding reaches the recall with the most rows and, of those rows, the fewest bands", arguments: [0.5, 0.8, 0.9])
    func recallBandingIsTheLeanestThatReachesTheRecall(threshold: Double) {
        let (bands, rows) = LSHIndex.recallBanding(threshold: threshold, length: 128, recall: 0.995)
        let recall = { (bands: Int, rows: Int) in 1 - pow(1 - pow(threshold, Double(rows)), Double(bands)) }
        #expect(bands * rows <= 128)
        #expect(recall(bands, rows) >= 0.995)
        #expect(recall(bands - 1, rows) < 0.995)
        #expect(recall(128 / (rows + 1), rows + 1) < 0.995)
    }

    @Test func recallBandingAtTheDedupThreshold() {
        // 18 bands of 6 rows: 1 - (1 - 0.8^6)^18 = 0.9958; 17 bands give 0.9943, and 7 rows
        // (18 bands at most) 0.9856.
        #expect(LSHIndex.recallBanding(threshold: 0.8, length: 128, recall: 0.995) == (18, 6))
        #expect(LSHIndex.recallBanding(threshold: 1, length: 128, recall: 0.995) == (1, 128))
    }
}
