import Testing
import Reprint

/// Passage alignment on hand-written fixtures: a source about a lighthouse, and suspicious texts
/// that reuse three of its sentences (copied, edited, spun) or condense it, between sentences
/// about a bakery that share no content word with the source.
@Suite("PassageAligner")
struct PassageAlignerTests {
    static let source = [
        "The old lighthouse on Gull Point was built in 1872 by the harbour commission.",
        "Its lamp burned whale oil until the keepers switched to kerosene twenty years later.",
        "In 1934 a violent winter storm cracked the tower and flooded the keeper's cottage.",
        "Engineers from the capital spent two summers rebuilding the foundation with granite blocks.",
        "The beacon was automated in 1968, and the last keeper retired to a farm inland.",
        "Today volunteers guide visitors up the spiral staircase every weekend from May to October.",
        "A small museum beside the tower displays logbooks, brass instruments and photographs.",
        "The town council hopes a new grant will pay for repainting the red and white stripes.",
    ].joined(separator: " ")

    static let before = "Our bakery opened its doors on a rainy Tuesday morning. Customers queue for sourdough loaves, cinnamon buns and rye crackers. The head baker trained in Lyon before moving back."
    static let after = "On Fridays the shop sells discounted pastries after four o'clock. Profits from the café fund cookery classes for local teenagers."

    /// The source's third to fifth sentences.
    static let reused = source.scalarRange(of: "In 1934")!.lowerBound..<source.scalarRange(of: "farm inland.")!.upperBound

    private func analyzed(_ suspicious: String, _ source: String) -> (AnalyzedDocument, AnalyzedDocument) {
        var analyzer = DocumentAnalyzer()
        return (analyzer.analyze(SourceDocument(id: "susp.txt", text: suspicious, format: .plain)),
                analyzer.analyze(SourceDocument(id: "src.txt", text: source, format: .plain)))
    }

    private func align(_ suspicious: String, _ source: String, aligner: PassageAligner = .init()) -> [(a: Range<Int>, b: Range<Int>)] {
        let (a, b) = analyzed(suspicious, source)
        return aligner.passages(a, b, weight: { _ in 1 }).map {
            (a.originalRange(ofSentenceTokens: $0.a), b.originalRange(ofSentenceTokens: $0.b))
        }
    }

    /// The suspicious text with `middle` between the bakery sentences, and `middle`'s range in it.
    private func embed(_ middle: String) -> (text: String, range: Range<Int>) {
        let text = Self.before + " " + middle + " " + Self.after
        let start = Self.before.unicodeScalars.count + 1
        return (text, start..<(start + middle.unicodeScalars.count))
    }

    /// Expects exactly one passage, with these ranges in the suspicious text and the source.
    private func expectOnePassage(
        _ passages: [(a: Range<Int>, b: Range<Int>)], a: Range<Int>, b: Range<Int> = reused,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(passages.count == 1, sourceLocation: sourceLocation)
        #expect(passages.first?.a == a, sourceLocation: sourceLocation)
        #expect(passages.first?.b == b, sourceLocation: sourceLocation)
    }

    @Test func verbatimPassageHasExactBoundaries() {
        let middle = String(String.UnicodeScalarView(Array(Self.source.unicodeScalars)[Self.reused]))
        let (text, range) = embed(middle)
        expectOnePassage(align(text, Self.source), a: range)
    }

    @Test func gluedTextIsTrimmedFromPassageEnds() {
        // The reused sentences glued to the surrounding text with no space after the full stops,
        // so the sentence splitter keeps the bakery words in the passage's first and last units.
        let middle = String(String.UnicodeScalarView(Array(Self.source.unicodeScalars)[Self.reused]))
        let text = Self.before + middle + Self.after
        let start = Self.before.unicodeScalars.count
        expectOnePassage(align(text, Self.source), a: start..<(start + middle.unicodeScalars.count))
    }

    @Test func copyStartingAndEndingMidSentenceIsSnappedToTheCopiedWords() {
        // Sentence units would take the source's whole first and last sentences; the exact runs
        // show the copy starts after "In 1934" and stops at "retired".
        let copied = Self.source.scalarRange(of: "a violent winter")!.lowerBound..<Self.source.scalarRange(of: "keeper retired")!.upperBound
        let middle = String(String.UnicodeScalarView(Array(Self.source.unicodeScalars)[copied]))
        let (text, range) = embed(middle + ".")
        expectOnePassage(align(text, Self.source), a: range, b: copied)
    }

    /// The reused sentences with a word changed in each.
    static let edited = [
        "In 1934 a fierce winter storm cracked the tower and flooded the keeper's cottage.",
        "Builders from the capital spent two summers rebuilding the foundation with granite blocks.",
        "The beacon was automated in 1968, and the final keeper retired to a farm inland.",
    ]

    @Test func editedPassageKeepsBoundaries() {
        let (text, range) = embed(Self.edited.joined(separator: " "))
        expectOnePassage(align(text, Self.source), a: range)
    }

    @Test func passageGrowsOverAnUnseededSentenceThatRestatesIt() {
        // "Violent storm, engineers." shares too few terms with any one source sentence to seed,
        // but it brings back the two words the edits took out, so taking it in raises the cosine
        // of the passage's sides; the bakery sentences after it would lower it.
        let (text, range) = embed(Self.edited[0] + " " + Self.edited[1] + " Violent storm, engineers.")
        let b = Self.reused.lowerBound..<Self.source.scalarRange(of: "granite blocks.")!.upperBound
        expectOnePassage(align(text, Self.source), a: range, b: b)
    }

    @Test func weakSeedsMakeAPassageOnlyTogether() {
        // Every edited sentence pair falls below a near-exact seed threshold: all seeds are weak.
        let weakOnly = PassageAligner(
            sentences: .init(minimumSimilarity: 0.99), minimumOverlap: 0.3, minimumWords: 5, minimumWeakSimilarity: 0.3)
        let single = embed(Self.edited[0])
        #expect(align(single.text, Self.source, aligner: weakOnly).isEmpty)
        #expect(align(single.text, Self.source, aligner: PassageAligner(minimumWords: 5)).count == 1)

        let (text, range) = embed(Self.edited.joined(separator: " "))
        expectOnePassage(align(text, Self.source, aligner: weakOnly), a: range)
    }

    @Test func spunPassageIsFoundWhole() {
        let (text, range) = embed(
            "A fierce winter storm in 1934 split the tower and left the keeper's cottage under water. "
                + "For two summers, engineers sent from the capital rebuilt its foundation using blocks of granite. "
                + "Automation came to the beacon in 1968, and its final keeper retired to a farm away from the coast.")
        expectOnePassage(align(text, Self.source), a: range)
    }

    @Test func summaryMapsToTheStretchItCondenses() {
        let (text, range) = embed(
            "Gull Point lighthouse, built in 1872, burned whale oil. "
                + "A 1934 winter storm cracked the tower, so engineers rebuilt it on granite. "
                + "The beacon was automated in 1968; volunteers now guide visitors.")
        // From the first condensed sentence to the last word the summary shares with it: the rest
        // of the volunteers sentence and the museum and council sentences are not summarized.
        let condensed = 0..<Self.source.scalarRange(of: "guide visitors")!.upperBound
        expectOnePassage(align(text, Self.source), a: range, b: condensed)
    }

    @Test func summaryOfDistantSentencesIsOneToOneOnlyBelowTheSeedLimit() {
        // One summary sentence condensing two source sentences six unrelated ones apart: only the
        // summary pass (24 units of gap in the source) joins them.
        let source = [
            "Gull Point lighthouse was built in 1872 by the harbour commission.",
            "Trout fishing on the river draws anglers every spring.",
            "Anglers camp beside shallow pools near the old mill.",
            "The mill ground barley for farmers across three valleys.",
            "Its waterwheel stopped turning after floods damaged the weir.",
            "Local historians restored the wheel with donated oak beams.",
            "School groups visit the restored mill during autumn.",
            "The beacon was automated in 1968 and the last keeper retired.",
        ].joined(separator: " ")
        let summary = "Gull Point lighthouse, built in 1872 by the harbour commission, got an automated beacon in 1968, and the last keeper retired."
        let whole = 0..<summary.unicodeScalars.count
        expectOnePassage(align(summary, source), a: whole, b: 0..<source.unicodeScalars.count)
        // With every passage counted as one-to-one reuse, the summary pairs with its closest
        // sentence only, and loses the words that sentence lacks.
        let oneToOne = align(summary, source, aligner: PassageAligner(minimumWords: 5, summarySeedLimit: 1))
        let firstSentence = 0..<source.scalarRange(of: "harbour commission.")!.upperBound
        expectOnePassage(oneToOne, a: 0..<summary.scalarRange(of: "commission,")!.upperBound, b: firstSentence)
    }

    @Test func unrelatedTextsShareNoPassage() {
        #expect(align(Self.before + " " + Self.after, Self.source).isEmpty)
    }

    @Test func passagesInAnyOrderAreFoundSeparately() {
        let sentences = Self.source.split(separator: ". ").map(String.init)
        // The source's last three sentences, then bakery text, then its first three.
        let first = sentences[5...7].joined(separator: ". ")
        let second = sentences[0...2].joined(separator: ". ") + "."
        let text = first + " " + Self.before + " " + Self.after + " " + second
        let passages = align(text, Self.source)
        #expect(passages.count == 2)
        #expect(passages.first?.a == 0..<first.unicodeScalars.count)
        #expect(passages.first?.b == Self.source.scalarRange(of: "Today volunteers")!.lowerBound..<Self.source.unicodeScalars.count)
        #expect(passages.last?.b == 0..<Self.source.scalarRange(of: "flooded the keeper's cottage.")!.upperBound)
    }

    @Test func shortPassagesAreDropped() {
        let (text, _) = embed("In 1934 a violent winter storm cracked the tower and flooded the keeper's cottage.")
        #expect(align(text, Self.source).isEmpty)
        var lenient = PassageAligner()
        lenient.minimumWords = 10
        #expect(align(text, Self.source, aligner: lenient).count == 1)
    }

    @Test func oneToOneViewKeepsTheSentencePairThatPassagesDrop() {
        let sentence = "In 1934 a violent winter storm cracked the tower and flooded the keeper's cottage."
        let (text, range) = embed(sentence)
        let (a, b) = analyzed(text, Self.source)
        let aligner = PassageAligner()
        #expect(aligner.passages(a, b, weight: { _ in 1 }).isEmpty)
        let pairs = aligner.alignedUnits(a, b, weight: { _ in 1 })
        #expect(pairs.count == 1)
        #expect(pairs.first.map { a.originalRange(ofSentenceTokens: $0.a) } == range)
        #expect(pairs.first.map { b.originalRange(ofSentenceTokens: $0.b) } == Self.source.scalarRange(of: sentence))
        #expect(pairs.first?.similarity == 1)
    }

    @Test func oneToOneViewKeepsOneOrderOfReorderedPassages() {
        let sentences = Self.source.split(separator: ". ").map(String.init)
        let text = sentences[5...7].joined(separator: ". ") + " " + sentences[0...1].joined(separator: ". ") + "."
        let (a, b) = analyzed(text, Self.source)
        let pairs = PassageAligner().alignedUnits(a, b, weight: { _ in 1 })
        // Three pairs in one order beat two in the other: the chain increases in both documents.
        #expect(pairs.count == 3)
        #expect(pairs.map { b.originalRange(ofSentenceTokens: $0.b).lowerBound }.first == Self.source.scalarRange(of: "Today volunteers")?.lowerBound)
    }
}

extension String {
    /// The Unicode scalar range of the first occurrence of `needle`.
    func scalarRange(of needle: String) -> Range<Int>? {
        guard let found = range(of: needle) else { return nil }
        let start = unicodeScalars.distance(from: unicodeScalars.startIndex, to: found.lowerBound)
        return start..<(start + needle.unicodeScalars.count)
    }
}
