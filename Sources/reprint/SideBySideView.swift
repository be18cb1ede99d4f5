import Reprint

/// Renders a comparison for the terminal: the verdict, the scores, and each aligned passage as
/// two columns with the reused words highlighted.
struct SideBySideView {
    let width: Int
    let colors: Bool

    func render(_ a: AnalyzedDocument, _ b: AnalyzedDocument, _ comparison: Comparison, texts: [String]) -> String {
        let e = comparison.evidence
        var out = "\(a.id) ~ \(b.id): \(emphasis(comparison.relation.rawValue))"
        if let contained = comparison.contained { out += " (\(contained == .a ? a.id : b.id) is contained in the other)" }
        out += "\n\n"
        out += "  resemblance \(e.resemblance.percentText)   containment a in b \(e.containmentAInB.percentText), b in a \(e.containmentBInA.percentText)\n"
        out += "  coverage a \(e.coverageA.percentText), b \(e.coverageB.percentText)   verbatim a \(e.verbatimCoverageA.percentText), b \(e.verbatimCoverageB.percentText)\n"
        out += "  sentence similarity \(e.sentenceSimilarity.percentText)   topic similarity \(e.topicSimilarity.percentText)\n"
        guard !comparison.passages.isEmpty else { return out + "\nNo aligned passages.\n" }
        let shared = (a: sharedWords(a, b), b: sharedWords(b, a))
        let column = max(20, (width - 3) / 2)
        let scalarsA = Array(texts[0].unicodeScalars), scalarsB = Array(texts[1].unicodeScalars)
        for (index, passage) in comparison.passages.enumerated() {
            out += "\n── passage \(index + 1) of \(comparison.passages.count), \(passage.kind.rawValue): a[\(passage.a.lowerBound)..<\(passage.a.upperBound)]  b[\(passage.b.lowerBound)..<\(passage.b.upperBound)]\n"
            let left = wrap(words(in: passage.a, of: a, original: scalarsA, shared: shared.a, kind: passage.kind), width: column)
            let right = wrap(words(in: passage.b, of: b, original: scalarsB, shared: shared.b, kind: passage.kind), width: column)
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

    /// The original text of a passage as words, each marked when it is reused.
    private func words(in range: Range<Int>, of document: AnalyzedDocument, original: [Unicode.Scalar], shared: [Bool], kind: TokenAlignment.Kind) -> [Word] {
        var words: [Word] = []
        var tokenIndex = document.tokens.firstIndex { Int(document.visible.origins[$0.range.lowerBound]) >= range.lowerBound } ?? document.wordCount
        var current = String.UnicodeScalarView()
        var currentHighlighted = false
        func flush() {
            if !current.isEmpty { words.append(Word(text: String(current), highlighted: currentHighlighted, kind: kind)) }
            current = String.UnicodeScalarView()
            currentHighlighted = false
        }
        for offset in range.clamped(to: 0..<original.count) {
            let scalar = original[offset]
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                flush()
                continue
            }
            while tokenIndex < document.wordCount, Int(document.visible.origins[document.tokens[tokenIndex].range.upperBound - 1]) < offset {
                tokenIndex += 1
            }
            if tokenIndex < document.wordCount, Int(document.visible.origins[document.tokens[tokenIndex].range.lowerBound]) <= offset {
                currentHighlighted = currentHighlighted || kind == .paraphrase || shared[tokenIndex]
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
            line.text += word.highlighted ? highlight(word.text, kind: word.kind) : word.text
            line.visibleWidth += length
        }
        if line.visibleWidth > 0 { lines.append(line) }
        return lines
    }

    private func highlight(_ text: String, kind: TokenAlignment.Kind) -> String {
        guard colors else { return text }
        return kind == .verbatim ? "\u{1B}[30;43m\(text)\u{1B}[0m" : "\u{1B}[30;46m\(text)\u{1B}[0m"
    }

    private func emphasis(_ text: String) -> String {
        colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
