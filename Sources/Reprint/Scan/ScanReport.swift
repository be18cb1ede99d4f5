import Foundation

/// The result of a scan: the documents, every related pair with its evidence, and the clusters.
///
/// Its JSON form (see ``ReportFormat/json``) is Reprint's contract: field names are stable.
public struct ScanReport: Sendable, Equatable, Codable {
    /// A scanned document.
    public struct Document: Sendable, Equatable, Codable {
        /// The id.
        public var id: String
        /// The detected markup.
        public var format: DocumentFormat
        /// Length of the original text, in Unicode scalars.
        public var chars: Int
        /// Number of words (after markup and furniture removal).
        public var words: Int
    }

    /// Two shares, one for each side of a pair.
    public struct Sides: Sendable, Equatable, Codable, JSONFields {
        /// The share for `a`.
        public var a: Double
        /// The share for `b`.
        public var b: Double

        /// Writes `a` and `b`.
        public func writeFields(to writer: inout some JSONFieldWriter) throws {
            try writer.write(a, for: CodingKeys.a)
            try writer.write(b, for: CodingKeys.b)
        }
    }

    /// Word counts, one for each side of a pair.
    public struct ChangedWords: Sendable, Equatable, Codable, JSONFields {
        /// The count for `a`.
        public var a: Int
        /// The count for `b`.
        public var b: Int

        /// Writes `a` and `b`.
        public func writeFields(to writer: inout some JSONFieldWriter) throws {
            try writer.write(a, for: CodingKeys.a)
            try writer.write(b, for: CodingKeys.b)
        }
    }

    /// Containment both ways.
    public struct Containment: Sendable, Equatable, Codable, JSONFields {
        /// The share of `a`'s shingles found in `b`.
        public var aInB: Double
        /// The share of `b`'s shingles found in `a`.
        public var bInA: Double

        enum CodingKeys: String, CodingKey {
            case aInB = "a_in_b"
            case bInA = "b_in_a"
        }

        /// Writes `a_in_b` and `b_in_a`.
        public func writeFields(to writer: inout some JSONFieldWriter) throws {
            try writer.write(aInB, for: CodingKeys.aInB)
            try writer.write(bInA, for: CodingKeys.bInA)
        }
    }

    /// An aligned passage: `[start, end)` offsets in each original file.
    public struct PassageRecord: Sendable, Equatable, Codable, JSONFields {
        /// `verbatim` or `paraphrase`.
        public var kind: TokenAlignment.Kind
        /// `[start, end]` in `a`, half-open, in Unicode scalars.
        public var a: [Int]
        /// `[start, end]` in `b`, half-open, in Unicode scalars.
        public var b: [Int]

        /// Writes `a`, `b` and `kind`.
        public func writeFields(to writer: inout some JSONFieldWriter) throws {
            try writer.write(a, for: CodingKeys.a)
            try writer.write(b, for: CodingKeys.b)
            try writer.write(kind.rawValue, for: CodingKeys.kind)
        }
    }

    /// A related pair.
    public struct Pair: Sendable, Equatable, Codable, JSONFields {
        /// The first document's id.
        public var a: String
        /// The second document's id.
        public var b: String
        /// The relation.
        public var relation: Relation
        /// Jaccard similarity of the shingle sets.
        public var resemblance: Double
        /// Containment both ways.
        public var containment: Containment
        /// The share of each side covered by aligned passages.
        public var coverage: Sides
        /// The share of each side covered by verbatim passages.
        public var verbatimCoverage: Sides
        /// The share of each side's aligned words inside long exactly copied runs.
        public var exactShare: Sides
        /// The number of each side's words changed or inserted inside the shared text.
        public var changedWords: ChangedWords
        /// The mean similarity of aligned sentences.
        public var sentenceSimilarity: Double
        /// Topical similarity of the two documents.
        public var topicSimilarity: Double
        /// The share of the smaller side's names and numbers that the other side also has.
        public var sharedNames: Double
        /// For an excerpt, the contained side (`a` or `b`).
        public var contained: Side?
        /// The aligned passages.
        public var passages: [PassageRecord]

        enum CodingKeys: String, CodingKey {
            case a, b, relation, resemblance, containment, coverage, contained, passages
            case verbatimCoverage = "verbatim_coverage"
            case exactShare = "exact_share"
            case changedWords = "changed_words"
            case sentenceSimilarity = "sentence_similarity"
            case topicSimilarity = "topic_similarity"
            case sharedNames = "shared_names"
        }

        /// Writes every field, `contained` only for an excerpt.
        public func writeFields(to writer: inout some JSONFieldWriter) throws {
            try writer.write(a, for: CodingKeys.a)
            try writer.write(b, for: CodingKeys.b)
            try writer.write(changedWords, for: CodingKeys.changedWords)
            if let contained { try writer.write(contained.rawValue, for: CodingKeys.contained) }
            try writer.write(containment, for: CodingKeys.containment)
            try writer.write(coverage, for: CodingKeys.coverage)
            try writer.write(exactShare, for: CodingKeys.exactShare)
            try writer.write(passages, for: CodingKeys.passages)
            try writer.write(relation.rawValue, for: CodingKeys.relation)
            try writer.write(resemblance, for: CodingKeys.resemblance)
            try writer.write(sentenceSimilarity, for: CodingKeys.sentenceSimilarity)
            try writer.write(sharedNames, for: CodingKeys.sharedNames)
            try writer.write(topicSimilarity, for: CodingKeys.topicSimilarity)
            try writer.write(verbatimCoverage, for: CodingKeys.verbatimCoverage)
        }

        /// Creates the record of a comparison of documents `a` and `b`.
        public init(a: String, b: String, comparison: Comparison) {
            let e = comparison.evidence
            self.a = a
            self.b = b
            relation = comparison.relation
            resemblance = e.resemblance.rounded(places: 4)
            containment = Containment(aInB: e.containmentAInB.rounded(places: 4), bInA: e.containmentBInA.rounded(places: 4))
            coverage = Sides(a: e.coverageA.rounded(places: 4), b: e.coverageB.rounded(places: 4))
            verbatimCoverage = Sides(a: e.verbatimCoverageA.rounded(places: 4), b: e.verbatimCoverageB.rounded(places: 4))
            changedWords = ChangedWords(a: e.changedWordsA, b: e.changedWordsB)
            exactShare = Sides(a: e.exactShareA.rounded(places: 4), b: e.exactShareB.rounded(places: 4))
            sentenceSimilarity = e.sentenceSimilarity.rounded(places: 4)
            topicSimilarity = e.topicSimilarity.rounded(places: 4)
            sharedNames = e.sharedNames.rounded(places: 4)
            contained = comparison.contained
            passages = comparison.passages.map {
                PassageRecord(kind: $0.kind, a: [$0.a.lowerBound, $0.a.upperBound], b: [$0.b.lowerBound, $0.b.upperBound])
            }
        }
    }

    /// Every scanned document, in input order.
    public var documents: [Document]
    /// Related pairs (and unrelated candidates when asked for), closest relations first.
    public var pairs: [Pair]
    /// Reuse clusters, then story clusters.
    public var clusters: [DocumentCluster]

    /// Creates a report.
    public init(documents: [Document], pairs: [Pair], clusters: [DocumentCluster]) {
        self.documents = documents
        self.pairs = pairs
        self.clusters = clusters
    }

    /// Builds the report of a scan from its analyzed documents and the comparisons of its candidate pairs.
    public init(documents analyzed: [AnalyzedDocument], candidates: [(Int, Int)], comparisons: [Comparison], includeUnrelated: Bool) {
        documents = analyzed.map { Document(id: $0.id, format: $0.format, chars: $0.originalLength, words: $0.wordCount) }
        let related = zip(candidates, comparisons).filter { includeUnrelated || $0.1.relation != .unrelated }
        pairs = related
            .map { Pair(a: analyzed[$0.0.0].id, b: analyzed[$0.0.1].id, comparison: $0.1) }
            .sorted { ($0.relation, $0.a, $0.b) < ($1.relation, $1.a, $1.b) }
        clusters = Clustering.clusters(
            members: analyzed.map { Clustering.Member(id: $0.id, published: $0.metadata.published, words: $0.wordCount) },
            links: zip(candidates, comparisons).map { pair, comparison in
                Clustering.Link(
                    a: pair.0, b: pair.1, relation: comparison.relation,
                    coverageA: comparison.evidence.coverageA, coverageB: comparison.evidence.coverageB)
            }
        )
    }
}

extension Double {
    /// The value rounded to `places` decimal places.
    func rounded(places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
