/// How `Deduplicator` reads its input and decides what is a duplicate.
public struct DedupOptions: Sendable {
    /// Which document of a duplicate group is kept.
    public enum Keep: String, Sendable, CaseIterable {
        /// The first document of each group, in input order: output streams as the input is read.
        case first
        /// The most complete document (most words; the earliest on a tie): output comes after the whole input is read.
        case canonical
    }

    /// How the input is split into documents.
    public enum Format: Sendable, Equatable {
        /// One document per line; ids are 1-based line numbers.
        case lines
        /// One JSON object per line; the id field (else the line number) and the text field.
        case jsonl(DocumentReader.JSONLFields)
    }

    /// The input format.
    public var format: Format = .lines
    /// Documents whose word-shingle Jaccard similarity is at least this are duplicates.
    public var threshold = 0.8
    /// The number of words in a shingle.
    public var shingleSize = Shingles.defaultSize
    /// The number of MinHash values in a signature (a power of two).
    public var signatureSize = 128
    /// Which document of a group is kept.
    public var keep: Keep = .first
    /// Only identical documents (the same words, ignoring case and punctuation) are duplicates: no MinHash, no LSH.
    public var exactOnly = false
    /// The input is read and sketched in batches of about this many bytes.
    public var batchBytes = 4 << 20
    /// At most this many earlier documents of one LSH bucket are checked as candidates.
    public var bucketLimit = 16

    /// Creates the default options: lines, threshold 0.8, 5-word shingles, 128 values, keep the first.
    public init() {}

    /// The LSH banding: a pair at the threshold becomes a candidate with probability 0.995 or more
    /// (18 bands of 6 rows at 0.8 and 128 values: 0.9958); false candidates are cheap, they are checked.
    var banding: (bands: Int, rows: Int) {
        LSHIndex.recallBanding(threshold: threshold, length: signatureSize, recall: 0.995)
    }

    /// The candidates of a document of `shingles` shingles whose signature estimate is below this
    /// are not verified. At the threshold t the estimate has a standard deviation of √(t(1 − t) / n),
    /// n the number of values, or the document's shingles when they are fewer (its empty bins then
    /// borrow the values of filled ones). Three deviations and a margin of 0.02 below the threshold,
    /// a pair at the threshold falls under the cutoff with probability below 1.4·10⁻³ (2·10⁻⁴ at
    /// 0.8 and 128 values).
    func estimateCutoff(shingles: Int) -> Double {
        let samples = Double(Swift.max(1, Swift.min(signatureSize, shingles)))
        return threshold - 3 * (threshold * (1 - threshold) / samples).squareRoot() - 0.02
    }
}
