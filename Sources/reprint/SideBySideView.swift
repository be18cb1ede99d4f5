import Reprint

/// Renders a comparison for the terminal: the verdict, the scores, and each aligned passage as
/// two columns with the reused words highlighted.
struct SideBySideView {
    let width: Int
    let colors: Bool

    func render(_ a: AnalyzedDocument, _ b: AnalyzedDocument, _ comparison: Comparison) -> String {
        let e = comparison.evidence
        var out = "\(a.id) ~ \(b.id): \(emphasis(comparison.relation.rawValue))"
        if let contained = comparison.contained { out += " (\(contained == .a ? a.id : b.id) is contained in the other)" }
        out += "\n\n"
        out += "  resemblance \(e.resemblance.percentText)   containment a in b \(e.containmentAInB.percentText), b in a \(e.containmentBInA.percentText)\n"
        out += "  coverage a \(e.coverageA.percentText), b \(e.coverageB.percentText)   verbatim a \(e.verbatimCoverageA.percentText), b \(e.verbatimCoverageB.percentText)\n"
        out += "  sentence similarity \(e.sentenceSimilarity.percentText)   topic similarity \(e.topicSimilarity.percentText)\n"
        guard !comparison.passages.isEmpty else { return out + "\nNo aligned passages.\n" }
        out += colors
            ? "\n  Reused words are highlighted: verbatim in yellow, paraphrased sentences in cyan.\n"
            : "\n  In verbatim passages, {braces} mark the words the other side lacks.\n"
        let shared = (a: sharedWords(a, b), b: sharedWords(b, a))
        let column = max(20, (width - 3) / 2)
        for (index, passage) in comparison.passages.enumerated() {
            out += "\n── passage \(index + 1) of \(comparison.passages.count), \(passage.kind.rawValue): a[\(passage.a.lowerBound)..<\(passage.a.upperBound)]  b[\(passage.b.lowerBound)..<\(passage.b.upperBound)]\n"
            let left = wrap(words(in: passage.a, of: a, shared: shared.a, kind: passage.kind), width: column)
            let right = wrap(words(in: passage.b, of: b, shared: shared.b, kind: passage.kind), width: column)
            for row in 0..<max(left.count, right.count) {
                let l = row < left.count ? left[row] : Line()
                let r = row < right.count ? right[row] : Line()
                out += l.text + String(repeating: " ", count: max(0, column - l.visibleWidth)) + " │ " + r.text + "\n"
            }
        }
        return out
    }

    /// Which of `document`'s words lie inside a shingle the other document also has.
    private func sharedWords(_ document: AnalyzedDocument, _ other: AnalyzedDocument) -> [Bool] {
        let otherSet = Set(other.shingleSet)
        var shared = [Bool](repeating: false, count: document.wordCount)
        let size = document.wordCount - document.shingleHashes.count + 1
        for (index, hash) in document.shingleHashes.enumerated() where otherSet.contains(hash) {
            for word in index..<min(index + size, shared.count) { shared[word] = true }
        }
        return shared
    }

    private struct Word {
        var text: String
        var highlighted: Bool
        var kind: TokenAlignment.Kind
    }

    private struct Line {
        var text = ""
        var visibleWidth = 0
    }

    /// The visible text (markup stripped) of a passage as words, each marked when it is reused.
    private func words(in range: Range<Int>, of document: AnalyzedDocument, shared: [Bool], kind: TokenAlignment.Kind) -> [Word] {
        let visible = document.visible
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var highlighted = false
        var tokenIndex = 0
        func flush() {
            if !current.isEmpty { words.append(Word(text: String(current), highlighted: highlighted, kind: kind)) }
            current = String.UnicodeScalarView()
            highlighted = false
        }
        for index in 0..<visible.count where range.contains(Int(visible.origins[index])) {
            let scalar = visible.scalars[index]
            if scalar.properties.isWhitespace {
                flush()
                continue
            }
            while tokenIndex < document.wordCount, document.tokens[tokenIndex].range.upperBound <= index { tokenIndex += 1 }
            if tokenIndex < document.wordCount, document.tokens[tokenIndex].range.contains(index) {
                highlighted = highlighted || kind == .paraphrase || shared[tokenIndex]
            }
            current.append(scalar)
        }
        flush()
        return words
    }

    private func wrap(_ words: [Word], width: Int) -> [Line] {
        var lines: [Line] = []
        var line = Line()
        for word in words {
            let length = word.text.count
            if line.visibleWidth > 0 && line.visibleWidth + 1 + length > width {
                lines.append(line)
                line = Line()
            }
            if line.visibleWidth > 0 {
                line.text += " "
                line.visibleWidth += 1
            }
            let marked = mark(word)
            line.text += marked
            line.visibleWidth += colors ? length : marked.count
        }
        if line.visibleWidth > 0 { lines.append(line) }
        return lines
    }

    /// A word as shown: reused words highlighted in color; without color, the words of a
    /// verbatim passage that the other side lacks are marked `{like this}` instead.
    private func mark(_ word: Word) -> String {
        guard colors else { return word.highlighted || word.kind == .paraphrase ? word.text : "{\(word.text)}" }
        guard word.highlighted else { return word.text }
        return word.kind == .verbatim ? "\u{1B}[30;43m\(word.text)\u{1B}[0m" : "\u{1B}[30;46m\(word.text)\u{1B}[0m"
    }

    private func emphasis(_ text: String) -> String {
        colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
