/// Proposes the pairs worth comparing, without comparing all pairs.
///
/// Three routes, each costing time in proportion to what it finds:
/// - equal exact hashes (identical texts);
/// - LSH over MinHash signatures (copies, excerpts, edited copies);
/// - an inverted index of distinctive terms (paraphrases and same-story articles, which share
///   few shingles but many rare words, names and numbers).
struct CandidateFinder {
    let options: Scanner.Options

    init(options: Scanner.Options) {
        self.options = options
    }

    /// Candidate pairs `(i, j)` with `i < j`, sorted.
    func pairs(_ documents: [AnalyzedDocument], weights: TermWeights) -> [(Int, Int)] {
        var found: Set<UInt64> = []
        func add(_ i: Int, _ j: Int) {
            guard i != j else { return }
            found.insert(UInt64(min(i, j)) << 32 | UInt64(max(i, j)))
        }
        var byHash: [UInt64: Int] = [:]
        var lsh = LSHIndex(bands: options.bands, rows: options.rows)
        for (index, document) in documents.enumerated() {
            if let first = byHash[document.exactHash] { add(first, index) } else { byHash[document.exactHash] = index }
            for other in lsh.insert(document.signature, id: Int32(index)) { add(Int(other), index) }
        }
        for (i, j) in sharedTermPairs(documents, weights: weights) { add(i, j) }
        return found.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    /// Pairs where one document's distinctive terms are largely used by the other: at least
    /// ``Scanner/Options/minimumSharedTerms`` of them (all of them for a very short document) and
    /// at least ``Scanner/Options/minimumSharedShare`` of them.
    ///
    /// Each document is looked up by its own distinctive terms in an index of every document's
    /// terms, so a headline-sized excerpt finds the long article it was cut from even when its
    /// words are not among the article's most distinctive. Terms used by more than
    /// ``Scanner/Options/maximumTermFrequency`` documents propose nothing.
    private func sharedTermPairs(_ documents: [AnalyzedDocument], weights: TermWeights) -> [(Int, Int)] {
        let count = options.distinctiveTerms
        let distinctive = documents.parallelMap { weights.distinctiveTerms(of: $0, count: count) }
        var postings: [UInt64: [Int32]] = [:]
        for (index, document) in documents.enumerated() {
            for entry in document.termCounts where weights.frequency(of: entry.term) <= options.maximumTermFrequency {
                postings[entry.term, default: []].append(Int32(index))
            }
        }
        var pairs: [(Int, Int)] = []
        var shared: [Int32: Int] = [:]
        for (index, terms) in distinctive.enumerated() {
            shared.removeAll(keepingCapacity: true)
            var indexed = 0
            for term in terms {
                guard let list = postings[term] else { continue }
                indexed += 1
                for other in list where Int(other) != index { shared[other, default: 0] += 1 }
            }
            let needed = max(min(options.minimumSharedTerms, indexed), Int((Double(indexed) * options.minimumSharedShare).rounded(.up)))
            for (other, count) in shared where needed > 0 && count >= needed { pairs.append((index, Int(other))) }
        }
        return pairs
    }
}
