import Testing
import Foundation
import Reprint

/// Hand-computed PAN measures. Notation: a case or detection is `susp range / src range`;
/// its size is the number of suspicious plus source characters.
@Suite("PlagDet")
struct PlagDetTests {
    let pair = PairKey(suspicious: "suspicious-document00001.txt", source: "source-document00001.txt")
    let otherSource = PairKey(suspicious: "suspicious-document00001.txt", source: "source-document00002.txt")

    private func span(_ suspicious: Range<Int>, _ source: Range<Int>) -> PlagiarismCase {
        PlagiarismCase(suspicious: suspicious, source: source)
    }

    private func expectScore(
        _ score: PlagDetScore,
        precision: Double, recall: Double, granularity: Double, plagdet: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(abs(score.precision - precision) < 1e-12, "precision \(score.precision)", sourceLocation: sourceLocation)
        #expect(abs(score.recall - recall) < 1e-12, "recall \(score.recall)", sourceLocation: sourceLocation)
        #expect(abs(score.granularity - granularity) < 1e-12, "granularity \(score.granularity)", sourceLocation: sourceLocation)
        #expect(abs(score.plagdet - plagdet) < 1e-12, "plagdet \(score.plagdet)", sourceLocation: sourceLocation)
    }

    @Test func perfectDetection() {
        // case 0..<100 / 0..<100, detection identical: every character found, nothing extra.
        // P = R = 1, G = 1, plagdet = 1 / log2(2) = 1.
        let truth = [pair: [span(0..<100, 0..<100)]]
        let score = PlagDet.score(cases: truth, detections: truth)
        expectScore(score, precision: 1, recall: 1, granularity: 1, plagdet: 1)
        #expect(score.cases == 1 && score.detections == 1)
    }

    @Test func halfCoveredCase() {
        // case 0..<100 / 0..<100 (200 chars), detection 0..<50 / 0..<50 (100 chars).
        // R = (50 + 50) / 200 = 0.5; P = 100 / 100 = 1; G = 1;
        // F1 = 2·0.5·1 / 1.5 = 2/3; plagdet = (2/3) / log2(2) = 2/3.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<50, 0..<50)]]
        )
        expectScore(score, precision: 1, recall: 0.5, granularity: 1, plagdet: 2.0 / 3.0)
    }

    @Test func caseSplitIntoTwoDetections() {
        // case 0..<100 / 0..<100; detections 0..<50 / 0..<50 and 50..<100 / 50..<100.
        // R = 200 / 200 = 1 (union of both); P = (1 + 1) / 2 = 1; G = 2 detections / 1 case = 2;
        // plagdet = 1 / log2(3) ≈ 0.6309.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<50, 0..<50), span(50..<100, 50..<100)]]
        )
        expectScore(score, precision: 1, recall: 1, granularity: 2, plagdet: 1 / log2(3.0))
    }

    @Test func overlappingDetectionsAreCountedOnce() {
        // case 0..<100 / 0..<100; detections 0..<60 / 0..<60 and 40..<100 / 40..<100 overlap each other.
        // R = 200 / 200 = 1 (characters 40..<60 count once); P = 1; G = 2.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<60, 0..<60), span(40..<100, 40..<100)]]
        )
        expectScore(score, precision: 1, recall: 1, granularity: 2, plagdet: 1 / log2(3.0))
    }

    @Test func detectionWithoutCaseLowersPrecision() {
        // case 0..<100 / 0..<100 found exactly, plus a detection 500..<600 / 500..<600 matching no case.
        // R = 1; P = (1 + 0) / 2 = 0.5; G = 1; F1 = 2·1·0.5 / 1.5 = 2/3; plagdet = 2/3.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<100, 0..<100), span(500..<600, 500..<600)]]
        )
        expectScore(score, precision: 0.5, recall: 1, granularity: 1, plagdet: 2.0 / 3.0)
    }

    @Test func detectionInPairWithoutCasesLowersPrecision() {
        // Same as above, but the spurious detection is filed under another source document.
        // Pooled over both pairs: R = 1; P = (1 + 0) / 2 = 0.5; plagdet = 2/3.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<100, 0..<100)], otherSource: [span(0..<100, 0..<100)]]
        )
        expectScore(score, precision: 0.5, recall: 1, granularity: 1, plagdet: 2.0 / 3.0)
    }

    @Test func rightSuspiciousSideWrongSourceSide() {
        // case 0..<100 / 0..<100; detection 0..<100 / 200..<300 overlaps only on the suspicious side,
        // so it does not detect the case: R = 0, P = 0, G = 1 (nothing detected), plagdet = 0.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<100, 200..<300)]]
        )
        expectScore(score, precision: 0, recall: 0, granularity: 1, plagdet: 0)
    }

    @Test func rightSpansWrongSourceDocument() {
        // Identical spans, but the detection names another source document: no detection.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [otherSource: [span(0..<100, 0..<100)]]
        )
        expectScore(score, precision: 0, recall: 0, granularity: 1, plagdet: 0)
    }

    @Test func partialSourceOverlapCountsOnlySharedCharacters() {
        // case 0..<100 / 0..<100; detection 0..<100 / 50..<150 overlaps on both sides, so it detects.
        // R = (100 + 50) / 200 = 0.75; P = (100 + 50) / 200 = 0.75; G = 1; plagdet = F1 = 0.75.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<100, 50..<150)]]
        )
        expectScore(score, precision: 0.75, recall: 0.75, granularity: 1, plagdet: 0.75)
    }

    @Test func oneDetectionCoveringTwoCases() {
        // cases 0..<100 / 0..<100 and 200..<300 / 200..<300; detection 0..<300 / 0..<300 (600 chars).
        // R = (1 + 1) / 2 = 1; P = (200 + 200) / 600 = 2/3; G = (1 + 1) / 2 = 1;
        // F1 = 2·1·(2/3) / (5/3) = 0.8; plagdet = 0.8.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100), span(200..<300, 200..<300)]],
            detections: [pair: [span(0..<300, 0..<300)]]
        )
        expectScore(score, precision: 2.0 / 3.0, recall: 1, granularity: 1, plagdet: 0.8)
    }

    @Test func casesArePooledAcrossPairs() {
        // pair 1: case found exactly; pair 2: case missed, no detection there.
        // R = (1 + 0) / 2 = 0.5; P = 1 / 1 = 1; G = 1; plagdet = 2/3.
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)], otherSource: [span(0..<10, 0..<10)]],
            detections: [pair: [span(0..<100, 0..<100)]]
        )
        expectScore(score, precision: 1, recall: 0.5, granularity: 1, plagdet: 2.0 / 3.0)
        #expect(score.cases == 2 && score.detections == 1)
    }

    @Test func duplicateDetectionsCountOnce() {
        // The official evaluator keeps annotations in a set: the repeated detection counts once, G = 1.
        let detection = span(0..<100, 0..<100)
        let score = PlagDet.score(
            cases: [pair: [PlagiarismCase(suspicious: 0..<100, source: 0..<100, obfuscation: "none")]],
            detections: [pair: [detection, detection]]
        )
        expectScore(score, precision: 1, recall: 1, granularity: 1, plagdet: 1)
        #expect(score.detections == 1)
    }

    @Test func emptyInputsFollowTheOfficialScript() {
        // No cases and no detections: R = P = 1, G = 1, plagdet = 1.
        expectScore(PlagDet.score(cases: [:], detections: [:]), precision: 1, recall: 1, granularity: 1, plagdet: 1)
        // Pairs with empty lists are the same as no pairs.
        expectScore(PlagDet.score(cases: [pair: []], detections: [pair: []]), precision: 1, recall: 1, granularity: 1, plagdet: 1)
        // Cases but no detections: R = P = 0, G = 1, plagdet = 0.
        expectScore(
            PlagDet.score(cases: [pair: [span(0..<10, 0..<10)]], detections: [:]),
            precision: 0, recall: 0, granularity: 1, plagdet: 0
        )
        // Detections but no cases: R = P = 0, G = 1, plagdet = 0.
        expectScore(
            PlagDet.score(cases: [:], detections: [pair: [span(0..<10, 0..<10)]]),
            precision: 0, recall: 0, granularity: 1, plagdet: 0
        )
    }

    @Test func zeroLengthDetectionContributesNothing() {
        // A detection with no characters would make the official script divide by zero; here it
        // counts with precision 0. It lies strictly inside the case on both sides, so by the script's
        // overlap test it detects the case. R = 1 (the real detection); P = (1 + 0) / 2 = 0.5;
        // G = 2 / 1 = 2; plagdet = (2/3) / log2(3).
        let score = PlagDet.score(
            cases: [pair: [span(0..<100, 0..<100)]],
            detections: [pair: [span(0..<100, 0..<100), span(50..<50, 50..<50)]]
        )
        expectScore(score, precision: 0.5, recall: 1, granularity: 2, plagdet: (2.0 / 3.0) / log2(3.0))
    }

    @Test func plagdetCombination() {
        // Values from the official script's unit tests.
        #expect(PlagDet.plagdet(precision: 1, recall: 1, granularity: 1) == 1)
        #expect(PlagDet.plagdet(precision: 1, recall: 0.5, granularity: 1) == 2.0 / 3.0)
        #expect(PlagDet.plagdet(precision: 0, recall: 0, granularity: 1) == 0)
        #expect(PlagDet.plagdet(precision: 1, recall: 1, granularity: 0.5) == 0)
        #expect(abs(PlagDet.plagdet(precision: 0.75, recall: 0.25, granularity: 2) - 0.23659865) < 1e-8)
    }

    @Test func manyPairsArePooled() {
        // 5,000 pairs with 3 cases and 4 detections each.
        var cases: [PairKey: [PlagiarismCase]] = [:]
        var detections: [PairKey: [PlagiarismCase]] = [:]
        for index in 0..<5_000 {
            let key = PairKey(suspicious: "s\(index).txt", source: "r\(index).txt")
            cases[key] = (0..<3).map { span(($0 * 1_000)..<($0 * 1_000 + 500), ($0 * 800)..<($0 * 800 + 400)) }
            detections[key] = (0..<4).map { span(($0 * 900)..<($0 * 900 + 450), ($0 * 700)..<($0 * 700 + 300)) }
        }
        let pooled = PlagDet.score(cases: cases, detections: detections)
        let single = PlagDet.score(
            cases: [PairKey(suspicious: "s0.txt", source: "r0.txt"): cases[PairKey(suspicious: "s0.txt", source: "r0.txt")]!],
            detections: [PairKey(suspicious: "s0.txt", source: "r0.txt"): detections[PairKey(suspicious: "s0.txt", source: "r0.txt")]!])
        #expect(pooled.cases == 15_000)
        #expect(pooled.detections == 20_000)
        // Every pair is the same, so pooling them changes no measure.
        #expect(abs(pooled.plagdet - single.plagdet) < 1e-12)
        #expect(abs(pooled.granularity - single.granularity) < 1e-12)
    }
}
