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
        links(a, Side(b, weight: weight), weight: weight)
    }

    /// The sentences of one document indexed for aligning many others with it under the same
    /// term weights: its terms' weights, each sentence's mass, and for each term the sentences
    /// that use it. Made once, it spares each alignment that work and those weight lookups. A
    /// class: passing it to each alignment retains one object, not each of its arrays.
    final class Side: Sendable {
        /// The sentences.
        let sentences: [Sentence]
        /// Each term's number: term `t`'s sentences are `sentencesWithTerm[start[t]..<start[t + 1]]`.
        fileprivate let numbers: TermTable<Int32>
        fileprivate let weights: [Double]
        fileprivate let start: [Int32]
        fileprivate let sentencesWithTerm: [Int32]
        /// The summed weight of each sentence's terms.
        fileprivate let mass: [Double]

        /// Indexes `sentences` under the term weights `weight`.
        init(_ sentences: [Sentence], weight: (UInt64) -> Double) {
            self.sentences = sentences
            var numbers = TermTable<Int32>(capacity: sentences.reduce(0) { $0 + $1.terms.count }, filler: 0)
            var distinct: [UInt64] = []
            let ids = sentences.map { sentence in
                sentence.terms.map { term in
                    numbers.value(of: term) {
                        distinct.append(term)
                        return Int32(distinct.count - 1)
                    }
                }
            }
            let weights = distinct.map(weight)
            var start = [Int32](repeating: 0, count: distinct.count + 1)
            for id in ids.joined() { start[Int(id) + 1] += 1 }
            for id in distinct.indices { start[id + 1] += start[id] }
            var sentencesWithTerm = [Int32](repeating: 0, count: Int(start[distinct.count]))
            var next = start
            for (index, sentence) in ids.enumerated() {
                for id in sentence {
                    sentencesWithTerm[Int(next[Int(id)])] = Int32(index)
                    next[Int(id)] += 1
                }
            }
            self.numbers = numbers
            self.weights = weights
            self.start = start
            self.sentencesWithTerm = sentencesWithTerm
            mass = ids.map { $0.reduce(0) { $0 + weights[Int($1)] } }
        }
    }

    /// ``links(_:_:weight:)`` with `b` indexed already (under the same `weight`).
    func links(_ a: [Sentence], _ b: Side, weight: (UInt64) -> Double) -> [Link] {
        var links: [Link] = []
        var shared = [Double](repeating: 0, count: b.sentences.count)
        var sharedCount = [Int32](repeating: 0, count: b.sentences.count)
        var touched: [Int32] = []
        for (i, sentence) in a.enumerated() {
            var mass = 0.0
            for term in sentence.terms {
                let termWeight: Double
                if let id = b.numbers[term] {
                    termWeight = b.weights[Int(id)]
                    for j in b.sentencesWithTerm[Int(b.start[Int(id)])..<Int(b.start[Int(id) + 1])] {
                        if sharedCount[Int(j)] == 0 { touched.append(j) }
                        shared[Int(j)] += termWeight
                        sharedCount[Int(j)] += 1
                    }
                } else {
                    termWeight = weight(term)
                }
                mass += termWeight
            }
            touched.sort()
            for j in touched {
                let similarity = 2 * shared[Int(j)] / (mass + b.mass[Int(j)])
                if similarity >= minimumSimilarity {
                    let overlap = 2 * Double(sharedCount[Int(j)]) / Double(sentence.terms.count + b.sentences[Int(j)].terms.count)
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
