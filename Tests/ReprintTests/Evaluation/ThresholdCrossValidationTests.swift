import Testing
import Reprint

@Suite("ThresholdCrossValidation")
struct ThresholdCrossValidationTests {
    @Test func separableScoresGiveMidpointThresholds() {
        let scores = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9]
        let labels = [false, false, false, false, true, true, true, true]
        let result = ThresholdCrossValidation(scores: scores, labels: labels, folds: 2)
        // Fold 0 holds out the even items and trains on 0.2, 0.4 | 0.7, 0.9; fold 1 trains on 0.1, 0.3 | 0.6, 0.8.
        #expect(result.foldThresholds.count == 2)
        #expect(abs(result.foldThresholds[0] - 0.55) < 1e-12)
        #expect(abs(result.foldThresholds[1] - 0.45) < 1e-12)
        #expect(abs(result.threshold - 0.5) < 1e-12)
        #expect(result.accuracy == 1)
        #expect(result.f1 == 1)
    }

    @Test func heldOutErrorsCount() {
        // 0.35 is a positive among negatives. On all data, thresholds 0.325 and 0.5 both make
        // 8 of 9 right; the smaller wins. Fold thresholds (interleaved, 3 folds): 0.5, 0.325, 0.275.
        let scores = [0.1, 0.2, 0.3, 0.35, 0.4, 0.6, 0.7, 0.8, 0.9]
        let labels = [false, false, false, true, false, true, true, true, true]
        let result = ThresholdCrossValidation(scores: scores, labels: labels, folds: 3)
        #expect(abs(result.threshold - 0.325) < 1e-12)
        #expect(zip(result.foldThresholds, [0.5, 0.325, 0.275]).allSatisfy { abs($0 - $1) < 1e-12 })
        // Held out: 0.35 is missed (fold 0), 0.3 and 0.4 are false positives (folds 2 and 1):
        // accuracy 6/9; true positives 4, predicted 6, positives 5, F1 = 8/11.
        #expect(abs(result.accuracy - 6.0 / 9.0) < 1e-12)
        #expect(abs(result.f1 - 8.0 / 11.0) < 1e-12)
    }
}
