import Foundation

/// Finds every passage one document reuses from another — copied, edited, reworded or summarized,
/// in any order — as the best PAN text-alignment systems do (after Sanchez-Perez, Sidorov and
/// Gelbukh, PAN 2014).
///
/// 1. **Units**: sentences, those longer than ``maximumUnitWords`` cut into equal parts (lists and
///    unpunctuated text); a unit with fewer than ``minimumUnitTerms`` content terms joins the next.
/// 2. **Seeds**: unit pairs whose content terms (stems of non-stop words) agree both weighted
///    (``SentenceAligner`` Dice with the given term weights, at least its `minimumSimilarity`)
///    and unweighted (plain Dice at least ``minimumOverlap``). Word edits and synonym swaps leave
///    enough stems in place; word order does not matter. A pair below the weighted threshold but
///    at least ``minimumWeakSimilarity`` is a weak seed (randomly obfuscated sentences): it joins
///    the passages of other seeds, and weak seeds alone need two and the single-seed cosine.
/// 3. **Extension**: seeds are grouped into passages, splitting wherever two seeds are more than
///    ``maximumGap`` units apart in either document, recursively, until every group is contiguous
///    up to the gap on both sides.
/// 4. **Validation**: a passage survives when its two sides, as weighted term vectors, have a
///    cosine of at least ``minimumPassageSimilarity``; a weaker passage is split again with a
///    smaller gap.
/// 5. **Summaries**: the same steps run again allowing ``summaryGap`` units between seeds in the
///    second document; when that finds second-side passages at least ``summaryRatio`` times longer
///    than their first sides (a short text condensing a long one), and no ordinary passage rests
///    on ``summarySeedLimit`` seeds or more (one-to-one reuse), that result is taken.
/// 5b. **Growth**: each passage takes in the unit before or after either side while that does not
///    lower the cosine of its sides (seeds miss the most obfuscated sentences at a passage's ends).
/// 6. **Filtering**: passages overlapping a better one in either document and passages shorter
///    than ``minimumWords`` on either side (after trimming and snapping) are dropped.
/// 7. **Trimming**: each side's ends lose runs of at least ``minimumTrim`` content words that share
///    no term with the other side (text glued to a reused passage with no space after a full stop
///    stays in its unit).
/// 8. **Snapping**: a passage mostly copied exactly (at least ``minimumExactShare`` of its first
///    side in runs of shared word shingles) gets its ends moved to where the exact runs start and
///    stop, which may be mid-sentence and beyond its first or last unit.
public struct PassageAligner: Sendable {
    /// Scores unit pairs; its `minimumSimilarity` is the weighted Dice a seed needs.
    public var sentences: SentenceAligner
    /// The plain Dice overlap of content terms a seed needs too.
    public var minimumOverlap: Double
    /// A sentence with fewer content terms than this is merged with the next one.
    public var minimumUnitTerms: Int
    /// A sentence with more words than this is cut into equal parts no longer than this.
    public var maximumUnitWords: Int
    /// The most units without a seed that a passage may bridge, in either document.
    public var maximumGap: Int
    /// The gap allowed in the second document when looking for summaries.
    public var summaryGap: Int
    /// How many times longer the second side must be than the first for the summary result to be used.
    public var summaryRatio: Double
    /// The cosine of the two sides' weighted term vectors a passage needs.
    public var minimumPassageSimilarity: Double
    /// The cosine a passage resting on a single seed needs: one sentence pair is weaker evidence
    /// than several, and two sentences on one topic often share that many terms by chance.
    public var minimumSingleSeedSimilarity: Double
    /// The fewest words a passage must span on each side.
    public var minimumWords: Int
    /// A seed whose similarity is below this share of the best seed of either of its units is
    /// dropped: a copied sentence's chance likeness to its neighbours must not widen the passage.
    public var seedShare: Double
    /// The weighted Dice a weak seed needs (its plain Dice must still reach ``minimumOverlap``):
    /// weak seeds extend passages, and two or more alone make one only when its sides reach
    /// ``minimumSingleSeedSimilarity``.
    public var minimumWeakSimilarity: Double
    /// The fewest content words in a row, none shared with the other side, that are cut off a
    /// passage's end.
    public var minimumTrim: Int
    /// An ordinary passage resting on this many seeds is one-to-one reuse (a sentence for a
    /// sentence): a pair that has one is not read as a summary, however long the summary pass's
    /// second sides.
    public var summarySeedLimit: Int
    /// The share of a passage's first side that must lie in text copied exactly (runs of shared
    /// word shingles) for its ends to be moved onto the copied text.
    public var minimumExactShare: Double

    /// Creates an aligner; the defaults are the settings measured on PAN 2013 (see the README).
    public init(
        sentences: SentenceAligner = .init(minimumSimilarity: 0.4), minimumOverlap: Double = 0.4,
        minimumUnitTerms: Int = 3, maximumGap: Int = 4, summaryGap: Int = 24, summaryRatio: Double = 3,
        minimumPassageSimilarity: Double = 0.4, minimumSingleSeedSimilarity: Double = 0.55,
        minimumWords: Int = 20, seedShare: Double = 0.85, maximumUnitWords: Int = 40, minimumTrim: Int = 3,
        minimumWeakSimilarity: Double = 0.3, minimumExactShare: Double = 0.8, summarySeedLimit: Int = 5
    ) {
        self.summarySeedLimit = summarySeedLimit
        self.minimumExactShare = minimumExactShare
        self.minimumWeakSimilarity = minimumWeakSimilarity
        self.minimumTrim = minimumTrim
        self.maximumUnitWords = maximumUnitWords
        self.minimumSingleSeedSimilarity = minimumSingleSeedSimilarity
        self.seedShare = seedShare
        self.sentences = sentences
        self.minimumOverlap = minimumOverlap
        self.minimumUnitTerms = minimumUnitTerms
        self.maximumGap = maximumGap
        self.summaryGap = summaryGap
        self.summaryRatio = summaryRatio
        self.minimumPassageSimilarity = minimumPassageSimilarity
        self.minimumWords = minimumWords
    }

    /// The passages `a` and `b` share, as word ranges, ordered by their position in `a`;
    /// `weight` gives each content term's weight (e.g. ``TermWeights/weight(_:)``).
    public func passages(_ a: AnalyzedDocument, _ b: AnalyzedDocument, weight: (UInt64) -> Double) -> [TokenAlignment] {
        let unitsA = units(of: a), unitsB = units(of: b)
        let links = scoredPairs(unitsA, unitsB, weight: weight)
        var bestA = [Double](repeating: 0, count: unitsA.count), bestB = [Double](repeating: 0, count: unitsB.count)
        for link in links {
            bestA[link.a] = max(bestA[link.a], link.similarity)
            bestB[link.b] = max(bestB[link.b], link.similarity)
        }
        let seeds = links
            .filter { $0.similarity >= seedShare * max(bestA[$0.a], bestB[$0.b]) }
            .map { Seed(a: $0.a, b: $0.b, strong: $0.similarity >= sentences.minimumSimilarity) }
        guard !seeds.isEmpty else { return [] }
        let vectors = TermVectors(unitsA, unitsB, weight: weight)

        var found = resolved(grouped(seeds, gapA: maximumGap, gapB: maximumGap, vectors: vectors))
        if summaryGap > maximumGap {
            let summary = resolved(grouped(seeds, gapA: maximumGap, gapB: summaryGap, vectors: vectors))
            let lengthA = summary.reduce(0) { $0 + Self.words($1.a, unitsA) }
            let lengthB = summary.reduce(0) { $0 + Self.words($1.b, unitsB) }
            if Double(lengthB) >= summaryRatio * Double(lengthA), !found.contains(where: { $0.seeds >= summarySeedLimit }) {
                found = summary
            }
        }
        return extended(found, vectors: vectors, countA: unitsA.count, countB: unitsB.count)
            .map { snapped(trimmed(a: Self.tokens($0.a, unitsA), b: Self.tokens($0.b, unitsB), a, b), a, b) }
            .filter { $0.a.count >= minimumWords && $0.b.count >= minimumWords }
            .sorted { ($0.a.lowerBound, $0.b.lowerBound) < ($1.a.lowerBound, $1.b.lowerBound) }
    }

    /// The one-to-one view of the alignment that `scan` and `compare` read: the heaviest chain of
    /// unit pairs, increasing in both documents, among the pairs that could seed a passage
    /// (weak or strong, before the ``seedShare`` filter), as word ranges with their weighted Dice similarity. Where ``passages(_:_:weight:)``
    /// groups, validates and filters these pairs into PAN's passages, this keeps every pair of the
    /// chain, the evidence of how much of each document is reworded from the other. Long
    /// sentences are not cut here: documents read back from an index keep no word terms, and a
    /// pair must compare alike whether scanned or indexed.
    public func alignedUnits(_ a: AnalyzedDocument, _ b: AnalyzedDocument, weight: (UInt64) -> Double) -> [UnitPair] {
        alignedUnits(wholeSentenceUnits(of: a), prepared(b, weight: weight), weight: weight)
    }

    /// The units ``alignedUnits(_:_:weight:)`` aligns: whole sentences, the short ones merged.
    func wholeSentenceUnits(of document: AnalyzedDocument) -> [Sentence] {
        units(of: document, cutting: false)
    }

    /// The units of `document` indexed for ``alignedUnits(_:_:weight:)`` with many others under
    /// the same term weights `weight`.
    func prepared(_ document: AnalyzedDocument, weight: (UInt64) -> Double) -> SentenceAligner.Side {
        SentenceAligner.Side(wholeSentenceUnits(of: document), weight: weight)
    }

    /// ``alignedUnits(_:_:weight:)`` from `a`'s ``wholeSentenceUnits(of:)`` and `b`'s prepared (under the same `weight`).
    func alignedUnits(_ unitsA: [Sentence], _ b: SentenceAligner.Side, weight: (UInt64) -> Double) -> [UnitPair] {
        SentenceAligner.heaviestIncreasingChain(scoredPairs(unitsA, b, weight: weight), count: b.sentences.count).map {
            UnitPair(a: unitsA[$0.a].tokens, b: b.sentences[$0.b].tokens, similarity: $0.similarity)
        }
    }

    /// One aligned unit pair of ``alignedUnits(_:_:weight:)``.
    public struct UnitPair: Sendable, Equatable {
        /// The unit's words in the first document.
        public var a: Range<Int>
        /// The unit's words in the second document.
        public var b: Range<Int>
        /// The weighted Dice similarity of their content terms.
        public var similarity: Double
    }

    /// Every unit pair that may seed a passage: weighted Dice at least the weak seed threshold
    /// and plain Dice at least ``minimumOverlap``.
    private func scoredPairs(_ unitsA: [Sentence], _ unitsB: [Sentence], weight: (UInt64) -> Double) -> [SentenceAligner.Link] {
        scoredPairs(unitsA, SentenceAligner.Side(unitsB, weight: weight), weight: weight)
    }

    private func scoredPairs(_ unitsA: [Sentence], _ b: SentenceAligner.Side, weight: (UInt64) -> Double) -> [SentenceAligner.Link] {
        var loose = sentences
        loose.minimumSimilarity = min(sentences.minimumSimilarity, minimumWeakSimilarity)
        return loose.links(unitsA, b, weight: weight).filter { $0.overlap >= minimumOverlap }
    }

    // MARK: - Units

    /// Sentences cut to ``maximumUnitWords`` (unless `cutting` is false), each short one merged
    /// into the next (a trailing short one into the previous).
    func units(of document: AnalyzedDocument, cutting: Bool = true) -> [Sentence] {
        var units: [Sentence] = []
        var pending: Sentence?
        for sentence in cutting ? document.sentences.flatMap({ cut($0, document) }) : document.sentences {
            let unit = pending.map { Self.merged($0, sentence) } ?? sentence
            if unit.terms.count >= minimumUnitTerms {
                units.append(unit)
                pending = nil
            } else {
                pending = unit
            }
        }
        if let pending {
            if let last = units.popLast() { units.append(Self.merged(last, pending)) } else { units.append(pending) }
        }
        return units
    }

    /// A sentence, or its equal parts when it is longer than ``maximumUnitWords``.
    private func cut(_ sentence: Sentence, _ document: AnalyzedDocument) -> [Sentence] {
        let count = sentence.tokens.count
        guard count > maximumUnitWords, maximumUnitWords > 0 else { return [sentence] }
        let parts = (count + maximumUnitWords - 1) / maximumUnitWords
        return (0..<parts).map { part in
            let tokens = (sentence.tokens.lowerBound + part * count / parts)..<(sentence.tokens.lowerBound + (part + 1) * count / parts)
            var terms = document.wordTerms[tokens].filter { $0 != 0 }
            terms.sort()
            terms.removeDuplicates()
            return Sentence(tokens: tokens, terms: terms)
        }
    }

    private static func merged(_ first: Sentence, _ second: Sentence) -> Sentence {
        var terms = first.terms + second.terms
        terms.sort()
        terms.removeDuplicates()
        return Sentence(tokens: first.tokens.lowerBound..<second.tokens.upperBound, terms: terms)
    }

    private static func tokens(_ units: ClosedRange<Int>, _ all: [Sentence]) -> Range<Int> {
        all[units.lowerBound].tokens.lowerBound..<all[units.upperBound].tokens.upperBound
    }

    /// The passage with each side's ends trimmed where at least ``minimumTrim`` content words in a
    /// row share no term with the other side: a boundary unit may carry a sentence that was glued
    /// to the reused passage (no space after a full stop) and has nothing to do with it, while a
    /// word or two swapped for synonyms at an end stay in.
    func trimmed(a: Range<Int>, b: Range<Int>, _ first: AnalyzedDocument, _ second: AnalyzedDocument) -> TokenAlignment {
        let termsA = Set(first.wordTerms[a]), termsB = Set(second.wordTerms[b])
        return TokenAlignment(kind: .paraphrase, a: trimmed(a, first.wordTerms, to: termsB), b: trimmed(b, second.wordTerms, to: termsA))
    }

    /// `range` starting at its first word whose term is in `shared` (after the stop words before
    /// it) and ending at its last, each end moved only past at least ``minimumTrim`` content words.
    private func trimmed(_ range: Range<Int>, _ terms: [UInt64], to shared: Set<UInt64>) -> Range<Int> {
        let matches = { (index: Int) in terms[index] != 0 && shared.contains(terms[index]) }
        guard var start = range.first(where: matches), let end = range.last(where: matches) else { return range }
        if terms[range.lowerBound..<start].count(where: { $0 != 0 }) < minimumTrim {
            start = range.lowerBound
        } else {
            while terms[start - 1] == 0 { start -= 1 }
        }
        let trailing = terms[(end + 1)..<range.upperBound].count(where: { $0 != 0 })
        return start..<(trailing < minimumTrim ? range.upperBound : end + 1)
    }

    /// The passage with its ends moved onto the text it copies exactly, when at least
    /// ``minimumExactShare`` of its first side lies in exact runs (shared word shingles on one
    /// diagonal, found up to ``maximumUnitWords`` words around the passage): sentence units
    /// overhang a copy that starts or ends mid-sentence, and the runs show where it really stops.
    func snapped(_ passage: TokenAlignment, _ first: AnalyzedDocument, _ second: AnalyzedDocument) -> TokenAlignment {
        let size = Shingles.defaultSize
        func window(_ range: Range<Int>, _ document: AnalyzedDocument) -> Range<Int> {
            let end = min(document.shingleHashes.count, range.upperBound + maximumUnitWords - size + 1)
            return max(0, range.lowerBound - maximumUnitWords)..<max(0, end)
        }
        let windowA = window(passage.a, first), windowB = window(passage.b, second)
        guard !windowA.isEmpty, !windowB.isEmpty else { return passage }
        let runs = VerbatimAligner(maximumRepeats: .max)
            .exactRuns(Array(first.shingleHashes[windowA]), Array(second.shingleHashes[windowB]), shingleSize: size)
            .map { run in
                TokenAlignment(kind: .verbatim, a: run.a.shifted(by: windowA.lowerBound), b: run.b.shifted(by: windowB.lowerBound))
            }
            .filter { $0.a.overlaps(passage.a) && $0.b.overlaps(passage.b) }
        guard let startA = runs.map(\.a.lowerBound).min(), let endA = runs.map(\.a.upperBound).max(),
              let startB = runs.map(\.b.lowerBound).min(), let endB = runs.map(\.b.upperBound).max() else { return passage }
        var covered = IndexSet()
        for run in runs { covered.insert(integersIn: run.a.clamped(to: passage.a)) }
        guard Double(covered.count) >= minimumExactShare * Double(passage.a.count) else { return passage }
        let a = Self.moved(passage.a, to: startA..<endA, size: size, first.wordTerms, keeping: Set(second.wordTerms[min(startB, passage.b.lowerBound)..<max(endB, passage.b.upperBound)]))
        let b = Self.moved(passage.b, to: startB..<endB, size: size, second.wordTerms, keeping: Set(first.wordTerms[min(startA, passage.a.lowerBound)..<max(endA, passage.a.upperBound)]))
        return TokenAlignment(kind: passage.kind, a: a, b: b)
    }

    /// `range` with each end moved to `target`'s: outwards always, inwards past more than `size`
    /// words (an edit breaks the shingles of at most `size` words at a copy's end) or past words
    /// whose content terms are all missing from `shared`.
    private static func moved(_ range: Range<Int>, to target: Range<Int>, size: Int, _ terms: [UInt64], keeping shared: Set<UInt64>) -> Range<Int> {
        let cut = { (words: Range<Int>) in words.count > size || !terms[words].contains { $0 != 0 && shared.contains($0) } }
        let start = target.lowerBound <= range.lowerBound || cut(range.lowerBound..<target.lowerBound) ? target.lowerBound : range.lowerBound
        let end = target.upperBound >= range.upperBound || cut(target.upperBound..<range.upperBound) ? target.upperBound : range.upperBound
        return start..<max(start, end)
    }

    private static func words(_ units: ClosedRange<Int>, _ all: [Sentence]) -> Int {
        tokens(units, all).count
    }

    // MARK: - Extension and validation

    /// A seed: unit `a` of the first document matches unit `b` of the second.
    struct Seed: Equatable {
        var a: Int
        var b: Int
        /// Whether the pair reaches the seed thresholds; a weak seed only counts next to others.
        var strong = true
    }

    /// A candidate passage: unit ranges on both sides and the cosine of their term vectors.
    struct Candidate {
        var a: ClosedRange<Int>
        var b: ClosedRange<Int>
        var similarity: Double
        /// How many seeds the passage rests on.
        var seeds = 0
    }

    /// Groups seeds into validated passages, narrowing the gaps for groups that fail validation.
    private func grouped(_ seeds: [Seed], gapA: Int, gapB: Int, vectors: TermVectors) -> [Candidate] {
        var passages: [Candidate] = []
        for group in Self.clusters(seeds, gapA: gapA, gapB: gapB) {
            let a = group.map(\.a).min()!...group.map(\.a).max()!
            let b = group.map(\.b).min()!...group.map(\.b).max()!
            let similarity = vectors.cosine(a, b)
            let weak = !group.contains(where: \.strong)
            if weak && group.count < 2 { continue }
            if similarity >= (group.count > 1 && !weak ? minimumPassageSimilarity : minimumSingleSeedSimilarity) {
                passages.append(Candidate(a: a, b: b, similarity: similarity, seeds: group.count))
            } else if gapA > 0 || gapB > 0, group.count > 1 {
                passages += grouped(group, gapA: max(0, gapA - 1), gapB: max(0, gapB - 1), vectors: vectors)
            }
        }
        return passages
    }

    /// The passages, each grown one unit at a time at either end of either side for as long as
    /// that does not lower the cosine of its sides nor make it overlap another passage.
    private func extended(_ candidates: [Candidate], vectors: TermVectors, countA: Int, countB: Int) -> [Candidate] {
        var result = candidates
        for index in result.indices {
            var grown = true
            while grown {
                grown = false
                let (a, b) = (result[index].a, result[index].b)
                var options: [(a: ClosedRange<Int>, b: ClosedRange<Int>)] = []
                if a.lowerBound > 0 { options.append(((a.lowerBound - 1)...a.upperBound, b)) }
                if a.upperBound + 1 < countA { options.append((a.lowerBound...(a.upperBound + 1), b)) }
                if b.lowerBound > 0 { options.append((a, (b.lowerBound - 1)...b.upperBound)) }
                if b.upperBound + 1 < countB { options.append((a, b.lowerBound...(b.upperBound + 1))) }
                for option in options {
                    let clashes = result.indices.contains { $0 != index && (result[$0].a.overlaps(option.a) || result[$0].b.overlaps(option.b)) }
                    let similarity = clashes ? 0 : vectors.cosine(option.a, option.b)
                    if !clashes, similarity >= result[index].similarity {
                        result[index] = Candidate(a: option.a, b: option.b, similarity: similarity, seeds: result[index].seeds)
                        grown = true
                    }
                }
            }
        }
        return result
    }

    /// Splits seeds wherever consecutive seeds (by `a`, then by `b` within each part) lie more than
    /// the gap apart, until no part splits further.
    static func clusters(_ seeds: [Seed], gapA: Int, gapB: Int) -> [[Seed]] {
        var result: [[Seed]] = []
        for group in split(seeds, gap: gapA, key: \.a) {
            let parts = split(group, gap: gapB, key: \.b)
            if parts.count == 1 {
                result.append(group)
            } else {
                for part in parts { result += clusters(part, gapA: gapA, gapB: gapB) }
            }
        }
        return result
    }

    private static func split(_ seeds: [Seed], gap: Int, key: KeyPath<Seed, Int>) -> [[Seed]] {
        let sorted = seeds.sorted { ($0[keyPath: key], $0.a, $0.b) < ($1[keyPath: key], $1.a, $1.b) }
        var parts: [[Seed]] = []
        for seed in sorted {
            if let last = parts.last?.last, seed[keyPath: key] - last[keyPath: key] - 1 <= gap {
                parts[parts.count - 1].append(seed)
            } else {
                parts.append([seed])
            }
        }
        return parts
    }

    /// Keeps the best passages such that no two overlap in either document.
    private func resolved(_ candidates: [Candidate]) -> [Candidate] {
        var kept: [Candidate] = []
        let ranked = candidates.sorted {
            ($0.similarity * Double($0.a.count + $0.b.count), $0.a.lowerBound) > ($1.similarity * Double($1.a.count + $1.b.count), $1.a.lowerBound)
        }
        for candidate in ranked where !kept.contains(where: { $0.a.overlaps(candidate.a) || $0.b.overlaps(candidate.b) }) {
            kept.append(candidate)
        }
        return kept
    }
}

/// The weighted term vectors of the units of two documents, densely numbered so that the vector
/// of any run of units can be summed quickly.
private struct TermVectors {
    private var unitsA: [[(term: Int, weight: Double)]]
    private var unitsB: [[(term: Int, weight: Double)]]

    init(_ a: [Sentence], _ b: [Sentence], weight: (UInt64) -> Double) {
        var ids: [UInt64: Int] = [:]
        func dense(_ unit: Sentence) -> [(term: Int, weight: Double)] {
            unit.terms.map { term in
                if let id = ids[term] { return (id, weight(term)) }
                ids[term] = ids.count
                return (ids.count - 1, weight(term))
            }
        }
        unitsA = a.map(dense)
        unitsB = b.map(dense)
    }

    /// The cosine of the summed vectors of units `a` (first document) and `b` (second document).
    func cosine(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Double {
        var vectorA: [Int: Double] = [:]
        for unit in a { for (term, weight) in unitsA[unit] { vectorA[term, default: 0] += weight } }
        var vectorB: [Int: Double] = [:]
        for unit in b { for (term, weight) in unitsB[unit] { vectorB[term, default: 0] += weight } }
        var dot = 0.0
        for (term, value) in vectorB { if let other = vectorA[term] { dot += value * other } }
        let normA = vectorA.values.reduce(0) { $0 + $1 * $1 }, normB = vectorB.values.reduce(0) { $0 + $1 * $1 }
        return normA == 0 || normB == 0 ? 0 : dot / (normA * normB).squareRoot()
    }
}

private extension Range<Int> {
    /// The range moved by `offset`.
    func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
