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

    /// Pairs sharing at least ``Scanner/Options/minimumSharedTerms`` of their distinctive terms.
    private func sharedTermPairs(_ documents: [AnalyzedDocument], weights: TermWeights) -> [(Int, Int)] {
        let count = options.distinctiveTerms
        let distinctive = documents.parallelMap { weights.distinctiveTerms(of: $0, count: count) }
        var postings: [UInt64: [Int32]] = [:]
        for (index, terms) in distinctive.enumerated() {
            for term in terms { postings[term, default: []].append(Int32(index)) }
        }
        var shared: [UInt64: Int32] = [:]
        for list in postings.values where list.count <= options.maximumTermFrequency {
            for x in list.indices {
                for y in (x + 1)..<list.count {
                    shared[UInt64(list[x]) << 32 | UInt64(list[y]), default: 0] += 1
                }
            }
        }
        return shared.compactMap { key, count in
            let i = Int(key >> 32), j = Int(key & 0xFFFF_FFFF)
            // A very short document has few terms: all of them shared is enough.
            let needed = min(options.minimumSharedTerms, distinctive[i].count, distinctive[j].count)
            return Int(count) >= needed ? (i, j) : nil
        }
    }
}
