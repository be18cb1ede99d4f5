/// Finds the passages two documents share verbatim, by seed and extend.
///
/// Seeds are the word shingles the documents share. Seeds that follow each other on the same
/// diagonal form runs of exactly copied text; runs close to each other on both sides are merged
/// into one passage, so a passage survives small edits (a changed word, a dropped clause) but
/// stops at inserted or removed paragraphs. Passages shorter than ``minimumWords`` are dropped as
/// chance matches of common phrases.
public struct VerbatimAligner: Sendable {
    /// The most words of unmatched text a passage may bridge, on either side.
    public var maximumGap: Int
    /// The fewest words a passage must span on both sides.
    public var minimumWords: Int
    /// A shingle repeated more often than this in one document is too common to seed from.
    public var maximumRepeats: Int

    /// Creates an aligner.
    public init(maximumGap: Int = 3, minimumWords: Int = 8, maximumRepeats: Int = 8) {
        self.maximumGap = maximumGap
        self.minimumWords = minimumWords
        self.maximumRepeats = maximumRepeats
    }

    /// The verbatim passages of `a` and `b`, ordered by their position in `a`.
    ///
    /// - Parameters:
    ///   - a: shingle hashes of the first document, in order.
    ///   - b: shingle hashes of the second document, in order.
    ///   - shingleSize: words per shingle, so that a seed at `i` covers words `i..<i+shingleSize`.
    public func passages(_ a: [UInt64], _ b: [UInt64], shingleSize: Int) -> [TokenAlignment] {
        passages(fromRuns: exactRuns(a, b, shingleSize: shingleSize))
    }

    /// The stretches of text copied exactly, without bridging any edit: maximal runs of shared
    /// shingles on one diagonal, as word ranges, ordered by their position in `a`.
    public func exactRuns(_ a: [UInt64], _ b: [UInt64], shingleSize: Int) -> [TokenAlignment] {
        runs(a, b).map { run in
            let length = run.length + shingleSize - 1
            return TokenAlignment(kind: .verbatim, a: run.a..<(run.a + length), b: run.b..<(run.b + length))
        }
        .sorted { ($0.a.lowerBound, $0.b.lowerBound) < ($1.a.lowerBound, $1.b.lowerBound) }
    }

    /// Merges exact runs (see ``exactRuns(_:_:shingleSize:)``) into passages across small edits.
    public func passages(fromRuns runs: [TokenAlignment]) -> [TokenAlignment] {
        var passages: [(a: Range<Int>, b: Range<Int>)] = []
        for run in runs {
            let next = (a: run.a, b: run.b)
            if let index = bestPassage(for: next, in: passages) {
                passages[index].a = passages[index].a.lowerBound..<max(passages[index].a.upperBound, next.a.upperBound)
                passages[index].b = passages[index].b.lowerBound..<max(passages[index].b.upperBound, next.b.upperBound)
            } else {
                passages.append(next)
            }
        }
        return passages
            .filter { $0.a.count >= minimumWords && $0.b.count >= minimumWords }
            .map { TokenAlignment(kind: .verbatim, a: $0.a, b: $0.b) }
    }

    /// Maximal runs of consecutive shared shingles on one diagonal: `length` seeds from `(a, b)`.
    private func runs(_ a: [UInt64], _ b: [UInt64]) -> [(a: Int, b: Int, length: Int)] {
        // Number `a`'s distinct shingles densely; count each one's uses in both documents.
        var ids = TermTable<Int32>(capacity: a.count, filler: 0)
        var countA: [Int32] = []
        let idsA = a.map { hash in
            let id = ids.value(of: hash) {
                countA.append(0)
                return Int32(countA.count - 1)
            }
            countA[Int(id)] += 1
            return id
        }
        var countB = [Int32](repeating: 0, count: countA.count)
        let idsB = b.map { hash in
            guard let id = ids[hash] else { return Int32(-1) }
            countB[Int(id)] += 1
            return id
        }
        // Shingle `id`'s positions in `a`, in order, are `positions[start[id]..<start[id + 1]]`.
        var start = [Int32](repeating: 0, count: countA.count + 1)
        for id in countA.indices { start[id + 1] = start[id] + countA[id] }
        var positions = [Int32](repeating: 0, count: a.count)
        var next = start
        for (index, id) in idsA.enumerated() {
            positions[Int(next[Int(id)])] = Int32(index)
            next[Int(id)] += 1
        }

        var seeds: [(a: Int, b: Int)] = []
        for (j, id) in idsB.enumerated() where id >= 0 {
            guard countA[Int(id)] <= maximumRepeats, countB[Int(id)] <= maximumRepeats else { continue }
            for i in positions[Int(start[Int(id)])..<Int(start[Int(id) + 1])] { seeds.append((Int(i), j)) }
        }
        seeds.sort { ($0.a - $0.b, $0.a) < ($1.a - $1.b, $1.a) }
        var runs: [(a: Int, b: Int, length: Int)] = []
        for seed in seeds {
            if let last = runs.last, last.a - last.b == seed.a - seed.b, last.a + last.length == seed.a {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((seed.a, seed.b, 1))
            }
        }
        return runs
    }

    /// The passage that `next` continues with the smallest gap, if any continues it within ``maximumGap``.
    private func bestPassage(for next: (a: Range<Int>, b: Range<Int>), in passages: [(a: Range<Int>, b: Range<Int>)]) -> Int? {
        var best: (index: Int, gap: Int)?
        for index in passages.indices.reversed() {
            let passage = passages[index]
            let gapA = next.a.lowerBound - passage.a.upperBound
            let gapB = next.b.lowerBound - passage.b.upperBound
            guard next.a.lowerBound >= passage.a.lowerBound, next.b.lowerBound >= passage.b.lowerBound,
                  gapA <= maximumGap, gapB <= maximumGap, gapA >= -maximumGap, gapB >= -maximumGap else { continue }
            let gap = max(gapA, 0) + max(gapB, 0)
            if best == nil || gap < best!.gap { best = (index, gap) }
            if passage.a.upperBound < next.a.lowerBound - maximumGap * 4 { break }
        }
        return best?.index
    }
}
