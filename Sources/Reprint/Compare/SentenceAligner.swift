/// Aligns the sentences of two documents in order, by the content words they share.
///
/// Paraphrase keeps the facts and their order but changes the words, so verbatim seeds are
/// scarce. Every sentence pair is scored by the weighted Dice overlap of its content terms (stems
/// of non-stop words); pairs at or above ``minimumSimilarity`` are candidate links, and the
/// heaviest chain of links that is increasing in both documents is the alignment (a sparse
/// longest-increasing-subsequence, O(k log n) for k links).
public struct SentenceAligner: Sendable {
    /// One aligned sentence pair.
    public struct Link: Sendable, Equatable {
        /// Sentence index in the first document.
        public var a: Int
        /// Sentence index in the second document.
        public var b: Int
        /// The weighted Dice similarity of their terms, in 0...1.
        public var similarity: Double
        /// The plain Dice overlap of their terms (every term weighing 1), in 0...1.
        public var overlap: Double
    }

    /// The lowest similarity at which two sentences may be aligned.
    public var minimumSimilarity: Double

    /// Creates an aligner.
    public init(minimumSimilarity: Double = 0.3) {
        self.minimumSimilarity = minimumSimilarity
    }

    /// Every sentence pair whose weighted Dice similarity reaches ``minimumSimilarity``, in any
    /// order of the documents, ordered by `a` then `b`: the candidate links before the chain is chosen.
    public func links(_ a: [Sentence], _ b: [Sentence], weight: (UInt64) -> Double) -> [Link] {
        // Number the pair's terms densely so the inner loops index arrays instead of hashing.
        let termsA = SentenceTerms(a), termsB = SentenceTerms(b)
        var ids = TermTable<Int32>(capacity: termsA.terms.count + termsB.terms.count, filler: 0)
        var distinct: [UInt64] = []
        func dense(_ term: UInt64) -> Int32 {
            ids.value(of: term) {
                distinct.append(term)
                return Int32(distinct.count - 1)
            }
        }
        let idsA = termsA.terms.map(dense), idsB = termsB.terms.map(dense)
        let weights = distinct.map(weight)
        let massA = termsA.sentences.map { idsA[$0].reduce(0) { $0 + weights[Int($1)] } }
        let massB = termsB.sentences.map { idsB[$0].reduce(0) { $0 + weights[Int($1)] } }
        // For each term, the sentences of `b` that use it, in order: term `t`'s are
        // `sentencesWithTerm[start[t]..<start[t + 1]]`.
        var start = [Int32](repeating: 0, count: weights.count + 1)
        for id in idsB { start[Int(id) + 1] += 1 }
        for id in weights.indices { start[id + 1] += start[id] }
        var sentencesWithTerm = [Int32](repeating: 0, count: idsB.count)
        var next = start
        for (index, range) in termsB.sentences.enumerated() {
            for id in idsB[range] {
                sentencesWithTerm[Int(next[Int(id)])] = Int32(index)
                next[Int(id)] += 1
            }
        }
        var links: [Link] = []
        var shared = [Double](repeating: 0, count: b.count)
        var sharedCount = [Int32](repeating: 0, count: b.count)
        var touched: [Int32] = []
        for (i, range) in termsA.sentences.enumerated() {
            for term in idsA[range] {
                for j in sentencesWithTerm[Int(start[Int(term)])..<Int(start[Int(term) + 1])] {
                    if sharedCount[Int(j)] == 0 { touched.append(j) }
                    shared[Int(j)] += weights[Int(term)]
                    sharedCount[Int(j)] += 1
                }
            }
            touched.sort()
            for j in touched {
                let similarity = 2 * shared[Int(j)] / (massA[i] + massB[Int(j)])
                if similarity >= minimumSimilarity {
                    let overlap = 2 * Double(sharedCount[Int(j)]) / Double(range.count + termsB.sentences[Int(j)].count)
                    links.append(Link(a: i, b: Int(j), similarity: similarity, overlap: overlap))
                }
                shared[Int(j)] = 0
                sharedCount[Int(j)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return links
    }

    /// The chain of links increasing in both `a` and `b` with the greatest total similarity;
    /// `count` is the number of sentences of `b`.
    static func heaviestIncreasingChain(_ links: [Link], count: Int) -> [Link] {
        guard !links.isEmpty else { return [] }
        // Within one `a`, visit larger `b` first so that two links of the same `a` never chain.
        let ordered = links.sorted { ($0.a, -$0.b) < ($1.a, -$1.b) }
        var tree = PrefixMaximum(count: count + 1)
        var score = [Double](repeating: 0, count: ordered.count)
        var previous = [Int](repeating: -1, count: ordered.count)
        for (index, link) in ordered.enumerated() {
            let (best, from) = tree.maximum(upTo: link.b)
            score[index] = best + link.similarity
            previous[index] = from
            tree.update(at: link.b + 1, value: score[index], tag: index)
        }
        var chain: [Link] = []
        var index = score.indices.max { score[$0] < score[$1] } ?? -1
        while index >= 0 {
            chain.append(ordered[index])
            index = previous[index]
        }
        return chain.reversed()
    }
}

/// The terms of a list of sentences in one array: sentence `i`'s are `terms[sentences[i]]`.
private struct SentenceTerms {
    var terms: [UInt64] = []
    var sentences: [Range<Int>] = []

    init(_ list: [Sentence]) {
        terms.reserveCapacity(list.reduce(0) { $0 + $1.terms.count })
        sentences.reserveCapacity(list.count)
        for sentence in list {
            sentences.append(terms.count..<(terms.count + sentence.terms.count))
            terms += sentence.terms
        }
    }
}

/// A Fenwick tree answering "the largest value at positions ≤ p", with the tag of where it came from.
private struct PrefixMaximum {
    private var values: [Double]
    private var tags: [Int]

    init(count: Int) {
        values = Array(repeating: 0, count: count + 1)
        tags = Array(repeating: -1, count: count + 1)
    }

    /// The maximum over positions 1...position (0 and tag -1 when empty).
    func maximum(upTo position: Int) -> (Double, Int) {
        var best = (0.0, -1)
        var index = position
        while index > 0 {
            if values[index] > best.0 { best = (values[index], tags[index]) }
            index -= index & -index
        }
        return best
    }

    mutating func update(at position: Int, value: Double, tag: Int) {
        var index = position
        while index < values.count {
            if value > values[index] {
                values[index] = value
                tags[index] = tag
            }
            index += index & -index
        }
    }
}
