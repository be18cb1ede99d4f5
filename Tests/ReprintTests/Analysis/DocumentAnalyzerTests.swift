import Testing
@testable import Reprint

struct DocumentAnalyzerTests {
    private func analyze(_ text: String, id: String = "doc.txt", format: DocumentFormat? = nil) -> AnalyzedDocument {
        var analyzer = DocumentAnalyzer()
        return analyzer.analyze(SourceDocument(id: id, text: text, format: format))
    }

    @Test func formatComesFromTheGivenFormatElseTheContentAndExtension() {
        #expect(analyze("<p>Council votes.</p>", id: "page.html").format == .html)
        #expect(analyze("# Council votes\n\nThe *council* voted.", id: "story.md").format == .markdown)
        #expect(analyze("Council votes.", id: "story.txt").format == .plain)
        #expect(analyze("<p>Council votes.</p>", id: "1", format: .plain).format == .plain)
    }

    @Test func wordsShinglesAndSignature() {
        let document = analyze(NewsFixtures.wire)
        #expect(document.wordCount == Tokenizer.tokens(in: Array(NewsFixtures.wire.unicodeScalars)).count)
        #expect(document.wordHashes == document.tokens.map { StableHash.string($0.word) })
        #expect(document.shingleHashes.count == document.wordCount - Shingles.defaultSize + 1)
        #expect(document.shingleSet == Shingles.set(document.shingleHashes))
        #expect(document.signature.values.count == 128)
        #expect(document.originalLength == NewsFixtures.wire.unicodeScalars.count)
    }

    @Test func identicalTextsHaveEqualExactHashes() {
        #expect(analyze(NewsFixtures.wire).exactHash == analyze(NewsFixtures.identical).exactHash)
        #expect(analyze(NewsFixtures.wire).exactHash != analyze(NewsFixtures.nearDuplicate).exactHash)
        #expect(analyze("<p>The <b>council</b> voted.</p>", id: "a.html").exactHash == analyze("The council voted.").exactHash)
    }

    @Test func furnitureLeavesTheWordsButCountsForIdentity() {
        let story = "The council voted on Tuesday to repair the bridge over the river."
        let withByline = analyze("By Sam Ortiz\n\(story)")
        let plain = analyze(story)
        #expect(withByline.tokens.map(\.word) == plain.tokens.map(\.word))
        #expect(withByline.exactHash != plain.exactHash)
    }

    @Test func sentencesHoldTheirContentTerms() {
        let document = analyze("The council voted. The bridge is closed. Repairs begin in June.")
        #expect(document.sentences.map(\.tokens) == [0..<3, 3..<7, 7..<11])
        // "the" and "is" are stop words; "voted" and "closed" are stemmed.
        let stems = ["council", "vote"].map { StableHash.string(EnglishStemmer.stem($0)) }.sorted()
        #expect(document.sentences[0].terms == stems)
        #expect(document.sentences[1].terms.count == 2)
    }

    @Test func namesAreCapitalizedWordsInsideSentencesAndNumbers() {
        let document = analyze("Mayor Elena Brooks said 14 lorries use the bridge. Repairs start soon.")
        let expected = ["elena", "brooks", "14"].map { StableHash.string(EnglishStemmer.stem($0)) }.sorted()
        #expect(document.names == expected)
    }

    @Test func britishAndAmericanSpellingsGiveTheSameTerms() {
        #expect(analyze("The neighbouring theatre was organised.").termCounts == analyze("The neighboring theater was organized.").termCounts)
    }

    @Test func originalRangeMapsWordsThroughMarkup() {
        let html = "<p>The <b>council</b> voted.</p>"
        let document = analyze(html, id: "a.html")
        let range = document.originalRange(ofTokens: 1..<3)
        let scalars = Array(html.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range])) == "council</b> voted")
        #expect(document.originalRange(ofTokens: 0..<0) == 0..<0)
    }

    @Test func changedWordsCountEditsInsideTheSharedTextOnly() {
        let shared = "The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge which has been closed to lorries since March"
        let edited = shared.replacingOccurrences(of: "repairing", with: "fixing")
        let original = analyze(shared)
        func changedWords(_ a: AnalyzedDocument, comparedTo b: AnalyzedDocument) -> Int {
            PairComparer().compare(a, b, weights: TermWeights(documents: [a, b]), shingleSize: 5).evidence.changedWordsA
        }
        #expect(changedWords(analyze(edited), comparedTo: original) == 1)
        #expect(changedWords(analyze("RIVERTON, May 2 (Wire) - " + shared), comparedTo: original) == 0)
        #expect(changedWords(original, comparedTo: analyze(NewsFixtures.unrelated)) == 0)
    }

    @Test func aDocumentWithoutWordsIsEmpty() {
        let document = analyze("… — !")
        #expect(document.wordCount == 0 && document.shingleHashes.isEmpty && document.sentences.isEmpty)
        #expect(document.signature.values.count == 128)
    }
}
