/// Two documents compared in depth, as one pair: what `reprint compare` and the HTTP service's
/// `/v1/compare` report.
///
/// The term weights are those of the two documents alone.
public struct DocumentComparison: Sendable {
    /// The two documents, analyzed, in the order given.
    public let documents: [AnalyzedDocument]
    /// The comparison of the first document with the second.
    public let comparison: Comparison

    /// Analyzes and compares `a` and `b` with the scan settings `options`.
    public init(_ a: SourceDocument, _ b: SourceDocument, options: Scanner.Options = .init()) {
        documents = Scanner(options: options).analyze([a, b])
        comparison = options.comparer.compare(
            documents[0], documents[1], weights: TermWeights(documents: documents), shingleSize: options.shingleSize)
    }

    /// The report of the pair, listed even when it is unrelated.
    public var report: ScanReport {
        ScanReport(documents: documents, candidates: [(0, 1)], comparisons: [comparison], includeUnrelated: true)
    }

    /// The record of the pair: its relation, scores and passages.
    public var pair: ScanReport.Pair {
        ScanReport.Pair(a: documents[0].id, b: documents[1].id, comparison: comparison)
    }
}
