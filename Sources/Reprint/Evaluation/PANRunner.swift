import Foundation

/// Runs text alignment over a whole PAN corpus: every document read and analyzed once (as plain
/// text, as PAN's documents are), every listed pair aligned on all cores, passages turned into
/// PAN detections in Unicode scalar offsets of the original files.
public struct PANRunner: Sendable {
    /// The aligner; the suspicious document is its first document, the source its second.
    public var aligner: PassageAligner

    /// Creates a runner.
    public init(aligner: PassageAligner = .init()) {
        self.aligner = aligner
    }

    /// The detections of every pair of `subsets` (all of the corpus's by default), filed by pair.
    /// Term weights are the inverse document frequencies over the documents the pairs use.
    public func detections(in corpus: PANCorpus, subsets: [PANSubset]? = nil) throws(PANCorpusError) -> [PairKey: [PlagiarismCase]] {
        let pairs = (subsets ?? corpus.subsets).flatMap(\.pairs)
        let suspiciousNames = Array(Set(pairs.map(\.suspicious))).sorted()
        let sourceNames = Array(Set(pairs.map(\.source))).sorted()
        let suspicious = try Self.analyze(suspiciousNames, read: corpus.suspiciousText(named:))
        let sources = try Self.analyze(sourceNames, read: corpus.sourceText(named:))
        let weights = TermWeights(documents: Array(suspicious.values) + Array(sources.values))
        let aligner = aligner
        let found = pairs.parallelMap { pair -> [PlagiarismCase] in
            let a = suspicious[pair.suspicious]!, b = sources[pair.source]!
            return aligner.passages(a, b) { weights.weight($0) }.map { passage in
                PlagiarismCase(suspicious: a.originalRange(ofSentenceTokens: passage.a), source: b.originalRange(ofSentenceTokens: passage.b))
            }
        }
        var result: [PairKey: [PlagiarismCase]] = [:]
        for (pair, cases) in zip(pairs, found) { result[pair, default: []] += cases }
        return result
    }

    /// Reads and analyzes the named documents on all cores.
    private static func analyze(
        _ names: [String], read: (String) throws(PANCorpusError) -> String
    ) throws(PANCorpusError) -> [String: AnalyzedDocument] {
        var documents: [SourceDocument] = []
        for name in names { documents.append(SourceDocument(id: name, text: try read(name), format: .plain)) }
        let analyzed = documents.parallelMap(makeState: { DocumentAnalyzer() }) { analyzer, document in
            analyzer.analyze(document)
        }
        return Dictionary(uniqueKeysWithValues: zip(names, analyzed))
    }
}
