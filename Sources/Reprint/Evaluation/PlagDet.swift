import Foundation

/// PAN's text-alignment measures for a set of detections against a set of plagiarism cases.
public struct PlagDetScore: Sendable, Equatable, CustomStringConvertible {
    /// Macro-averaged character precision: the mean, over detections, of the share of a
    /// detection's characters that lie in cases it detects.
    public var precision: Double
    /// Macro-averaged character recall: the mean, over cases, of the share of a case's
    /// characters that lie in detections that detect it.
    public var recall: Double
    /// Mean number of detections per detected case (1 when no case is detected; at least 1).
    public var granularity: Double
    /// `F1(precision, recall) / log2(1 + granularity)`; 0 when precision and recall are both 0.
    public var plagdet: Double
    /// Number of distinct cases scored (exact duplicates within a pair count once).
    public var cases: Int
    /// Number of distinct detections scored (exact duplicates within a pair count once).
    public var detections: Int

    /// Creates a score from its parts.
    public init(precision: Double, recall: Double, granularity: Double, plagdet: Double, cases: Int, detections: Int) {
        self.precision = precision
        self.recall = recall
        self.granularity = granularity
        self.plagdet = plagdet
        self.cases = cases
        self.detections = detections
    }

    /// One line with all measures, e.g. `plagdet 0.8123  precision 0.9012  recall 0.7803  granularity 1.0200  (1252 cases, 1301 detections)`.
    public var description: String {
        func f(_ value: Double) -> String { String(format: "%.4f", value) }
        return "plagdet \(f(plagdet))  precision \(f(precision))  recall \(f(recall))  granularity \(f(granularity))"
            + "  (\(cases) cases, \(detections) detections)"
    }
}

/// The PAN plagiarism-detection measures of Potthast et al. 2010, "An Evaluation Framework for
/// Plagiarism Detection", computed exactly as the official evaluator
/// `pan09-plagiarism-detection-performance-measures.py` (v1.3, used for PAN 2013) does:
///
/// - **Detects.** A detection detects a case iff both belong to the same (suspicious, source)
///   document pair and they overlap by at least one character on the suspicious side *and* on
///   the source side. The overlap test is the script's `a.off < b.off + b.len && b.off < a.off + a.len`
///   on each side.
/// - **Recall** = mean over all cases of `|case ∩ ⋃ detecting detections| / |case|`, where a
///   case's characters are its suspicious characters plus its source characters (the two sides
///   are intersected separately and the counts added). **Precision** is the same with the roles of
///   cases and detections swapped.
/// - **Granularity** = mean number of detecting detections per case, over detected cases only;
///   1 if no case is detected or there are no detections.
/// - **plagdet** = `F1 / log2(1 + granularity)`, and 0 when recall and precision are both 0.
/// - **Pooling.** All pairs passed in are pooled into one set of cases and one set of
///   detections (PAN scores a whole subset or corpus at once), so the means run over all cases
///   and all detections, including those in pairs the other side lacks.
/// - **Empty sets** (as in the script): no cases and no detections → recall = precision = 1,
///   granularity 1, plagdet 1; exactly one of them empty → recall = precision = 0, plagdet 0.
/// - **Duplicates.** The script collects annotations into a set, so identical spans within a
///   pair count once; so they do here (the obfuscation label is ignored for this).
/// - **Zero-length annotations** make the script divide by zero; here such an annotation
///   (no characters on either side) contributes 0 to its mean instead.
///
/// Character sets are handled as merged interval lists, so the cost is about
/// `O(Σ_pairs cases × detections)` range operations with no per-character work.
public enum PlagDet {
    /// Scores `detections` against `cases`, both filed by document pair.
    ///
    /// A pair may be missing from either dictionary or map to an empty array; both mean
    /// "nothing for this pair".
    public static func score(cases: [PairKey: [PlagiarismCase]], detections: [PairKey: [PlagiarismCase]]) -> PlagDetScore {
        let truth = distinctSpans(cases)
        let found = distinctSpans(detections)
        let recall = macroCoverage(of: truth, by: found)
        let precision = macroCoverage(of: found, by: truth)
        let granularity = granularity(cases: truth, detections: found)
        return PlagDetScore(
            precision: precision,
            recall: recall,
            granularity: granularity,
            plagdet: plagdet(precision: precision, recall: recall, granularity: granularity),
            cases: truth.count,
            detections: found.count
        )
    }

    /// Combines the three measures as PAN does: `F1 / log2(1 + granularity)`, or 0 when
    /// precision and recall are both 0, either is negative, or granularity is below 1.
    public static func plagdet(precision: Double, recall: Double, granularity: Double) -> Double {
        if (recall == 0 && precision == 0) || precision < 0 || recall < 0 || granularity < 1 {
            return 0
        }
        let f1 = 2 * recall * precision / (recall + precision)
        return f1 / log2(1 + granularity)
    }

    // MARK: - Measures

    /// Mean, over the annotations in `annotated`, of the share of each one's characters that
    /// annotations of `other` in the same pair and overlapping it cover (PAN's `macro_avg_recall`).
    private static func macroCoverage(of annotated: PooledSpans, by other: PooledSpans) -> Double {
        if annotated.count == 0 && other.count == 0 { return 1 }
        if annotated.count == 0 || other.count == 0 { return 0 }
        var sum = 0.0
        for key in annotated.keys {
            let candidates = other.byPair[key] ?? []
            guard !candidates.isEmpty else { continue }
            for annotation in annotated.byPair[key] ?? [] {
                sum += coverage(of: annotation, by: candidates)
            }
        }
        return sum / Double(annotated.count)
    }

    /// Share of `annotation`'s characters (both sides) covered by those `candidates` that overlap it.
    private static func coverage(of annotation: PlagiarismCase, by candidates: [PlagiarismCase]) -> Double {
        let total = annotation.characterCount
        guard total > 0 else { return 0 }
        let overlapping = candidates.filter { annotation.overlaps($0) }
        guard !overlapping.isEmpty else { return 0 }
        let suspicious = coveredCount(of: annotation.suspiciousRange, by: overlapping.map(\.suspiciousRange))
        let source = coveredCount(of: annotation.sourceRange, by: overlapping.map(\.sourceRange))
        return Double(suspicious + source) / Double(total)
    }

    /// Mean number of overlapping detections per detected case; 1 if nothing is detected.
    private static func granularity(cases: PooledSpans, detections: PooledSpans) -> Double {
        guard detections.count > 0 else { return 1 }
        var detectedCases = 0
        var detectionHits = 0
        for key in cases.keys {
            let candidates = detections.byPair[key] ?? []
            guard !candidates.isEmpty else { continue }
            for annotation in cases.byPair[key] ?? [] {
                let hits = candidates.count { annotation.overlaps($0) }
                if hits > 0 {
                    detectedCases += 1
                    detectionHits += hits
                }
            }
        }
        return detectedCases == 0 ? 1 : Double(detectionHits) / Double(detectedCases)
    }

    // MARK: - Interval arithmetic

    /// Number of positions of `range` that lie in the union of `ranges`.
    static func coveredCount(of range: Range<Int>, by ranges: [Range<Int>]) -> Int {
        let clipped = ranges.compactMap { other -> Range<Int>? in
            let clamped = other.clamped(to: range)
            return clamped.isEmpty ? nil : clamped
        }
        return unionCount(clipped)
    }

    /// Size of the union of `ranges`, by sorting and merging.
    static func unionCount(_ ranges: [Range<Int>]) -> Int {
        var total = 0
        var current: Range<Int>?
        for next in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let open = current, next.lowerBound <= open.upperBound {
                current = open.lowerBound..<max(open.upperBound, next.upperBound)
            } else {
                total += current?.count ?? 0
                current = next
            }
        }
        return total + (current?.count ?? 0)
    }

    // MARK: - Pooling

    /// Annotations of many pairs, deduplicated per pair, with a deterministic pair order
    /// (so floating-point sums do not depend on dictionary order).
    private struct PooledSpans {
        var byPair: [PairKey: [PlagiarismCase]]
        var keys: [PairKey]
        var count: Int
    }

    /// Drops obfuscation labels and exact duplicates within each pair, as the official script's set does.
    private static func distinctSpans(_ annotations: [PairKey: [PlagiarismCase]]) -> PooledSpans {
        var byPair: [PairKey: [PlagiarismCase]] = [:]
        var count = 0
        for (key, list) in annotations where !list.isEmpty {
            var seen = Set<PlagiarismCase>()
            let distinct = list.map { unlabeled($0) }.filter { seen.insert($0).inserted }
            byPair[key] = distinct
            count += distinct.count
        }
        return PooledSpans(byPair: byPair, keys: byPair.keys.sorted(), count: count)
    }

    private static func unlabeled(_ annotation: PlagiarismCase) -> PlagiarismCase {
        var copy = annotation
        copy.obfuscation = nil
        return copy
    }
}
