/// The whole pipeline over a collection: analyze every document, find candidate pairs without
/// comparing all pairs, compare the candidates, name their relations and cluster the documents.
public struct Scanner: Sendable {
    /// Settings of a scan.
    public struct Options: Sendable {
        /// Words per shingle.
        public var shingleSize = Shingles.defaultSize
        /// MinHash values per signature.
        public var signatureSize = 128
        /// LSH banding for copy candidates: a pair with shingle Jaccard 0.2 is found with probability ≈ 0.93, 0.3 with ≈ 0.998.
        public var bands = 64
        /// Rows per LSH band.
        public var rows = 2
        /// The number of distinctive terms (the most heavily weighted) kept per document for the term route.
        public var distinctiveTerms = 24
        /// Paraphrase and same-story candidates need at least this many shared distinctive terms.
        public var minimumSharedTerms = 4
        /// … and at least this share of one document's distinctive terms used by the other.
        public var minimumSharedShare = 1.0 / 3.0
        /// A term used by more documents than this is not distinctive enough to propose candidates.
        public var maximumTermFrequency = 1000
        /// Compare every pair instead of candidates only (for small collections and evaluation).
        public var allPairs = false
        /// How pairs are compared and classified.
        public var comparer = PairComparer()

        /// The defaults.
        public init() {}
    }

    /// The settings in force.
    public var options: Options

    /// Creates a scanner.
    public init(options: Options = .init()) {
        self.options = options
    }

    /// Analyzes a collection: markup, furniture, words, sentences and signatures of every document.
    public func analyze(_ documents: [SourceDocument]) -> [AnalyzedDocument] {
        let visible = documents.parallelMap { DocumentAnalyzer.visibleText(of: $0) }
        var repeated = RepeatedLines(documentCount: documents.count)
        for item in visible { repeated.add(item.text) }
        let furniture = repeated.furniture
        let shingleSize = options.shingleSize, signatureSize = options.signatureSize
        return Array(zip(documents, visible)).map { ($0.0, $0.1.format, $0.1.text, $0.1.length) }
            .parallelMap(makeState: { DocumentAnalyzer(shingleSize: shingleSize, signatureSize: signatureSize) }) { analyzer, item in
                analyzer.analyze(item.0, format: item.1, visible: item.2, originalLength: item.3, furniture: furniture)
            }
    }

    /// Scans a collection and reports every related pair and the clusters.
    public func scan(_ documents: [SourceDocument], includeUnrelated: Bool = false) -> ScanReport {
        let analyzed = analyze(documents)
        let weights = TermWeights(documents: analyzed)
        let candidates = options.allPairs ? Self.allPairs(analyzed.count) : CandidateFinder(options: options).pairs(analyzed, weights: weights)
        let comparer = options.comparer, shingleSize = options.shingleSize
        let comparisons = candidates.parallelMap { pair in
            comparer.compare(analyzed[pair.0], analyzed[pair.1], weights: weights, shingleSize: shingleSize)
        }
        return ScanReport(documents: analyzed, candidates: candidates, comparisons: comparisons, includeUnrelated: includeUnrelated)
    }

    /// Compares given pairs of documents, each pair on its own (no candidates, no page furniture:
    /// a text that recurs across pairs is content here, not boilerplate); term weights come from
    /// all the documents together.
    public func compare(pairs: [(SourceDocument, SourceDocument)]) -> [Comparison] {
        let shingleSize = options.shingleSize, signatureSize = options.signatureSize
        let analyzed = pairs.flatMap { [$0.0, $0.1] }
            .parallelMap(makeState: { DocumentAnalyzer(shingleSize: shingleSize, signatureSize: signatureSize) }) { analyzer, document in
                analyzer.analyze(document)
            }
        let weights = TermWeights(documents: analyzed)
        let comparer = options.comparer
        return Array(0..<pairs.count).parallelMap { index in
            comparer.compare(analyzed[2 * index], analyzed[2 * index + 1], weights: weights, shingleSize: shingleSize)
        }
    }

    private static func allPairs(_ count: Int) -> [(Int, Int)] {
        (0..<count).flatMap { a in ((a + 1)..<count).map { (a, $0) } }
    }
}
