/// Chooses a decision threshold on a score by k-fold cross-validation, and measures how well
/// "score ≥ threshold" predicts a binary label on data it was not chosen on.
///
/// Folds are interleaved (item `i` is in fold `i % k`), so the result does not depend on any
/// randomness. In each fold the threshold that maximizes accuracy on the other folds is applied to
/// the held-out fold; accuracy and F1 are computed over all held-out predictions pooled.
public struct ThresholdCrossValidation: Sendable, Equatable {
    /// Held-out accuracy, pooled over the folds.
    public var accuracy: Double
    /// Held-out F1 of the positive class, pooled over the folds.
    public var f1: Double
    /// The threshold chosen on all the data (what to use from now on).
    public var threshold: Double
    /// The threshold chosen in each fold.
    public var foldThresholds: [Double]

    /// Cross-validates `scores` against `labels` (same length, at least `folds` items, `folds` ≥ 2).
    public init(scores: [Double], labels: [Bool], folds: Int) {
        precondition(scores.count == labels.count && folds >= 2 && scores.count >= folds, "need as many labels as scores, and at least one item per fold")
        var predictions = [Bool](repeating: false, count: scores.count)
        var chosen: [Double] = []
        for fold in 0..<folds {
            let training = scores.indices.filter { $0 % folds != fold }
            let threshold = Self.bestThreshold(training.map { scores[$0] }, training.map { labels[$0] })
            chosen.append(threshold)
            for index in scores.indices where index % folds == fold { predictions[index] = scores[index] >= threshold }
        }
        let truePositives = zip(predictions, labels).count { $0 && $1 }
        let predicted = predictions.count { $0 }, positives = labels.count { $0 }
        accuracy = Double(zip(predictions, labels).count { $0 == $1 }) / Double(labels.count)
        f1 = predicted + positives == 0 ? 0 : 2 * Double(truePositives) / Double(predicted + positives)
        threshold = Self.bestThreshold(scores, labels)
        foldThresholds = chosen
    }

    /// The threshold with the highest accuracy: midway between two neighbouring distinct scores
    /// (or below the lowest), the smallest such on ties.
    static func bestThreshold(_ scores: [Double], _ labels: [Bool]) -> Double {
        let ordered = zip(scores, labels).sorted { $0.0 < $1.0 }
        // Threshold below everything: every item predicted positive.
        var correct = labels.count { $0 }
        var best = (correct: correct, threshold: (ordered.first?.0 ?? 0) - 1e-9)
        var index = 0
        while index < ordered.count {
            let score = ordered[index].0
            while index < ordered.count, ordered[index].0 == score {
                correct += ordered[index].1 ? -1 : 1
                index += 1
            }
            let threshold = index < ordered.count ? (score + ordered[index].0) / 2 : score + 1e-9
            if correct > best.correct { best = (correct, threshold) }
        }
        return best.threshold
    }
}
