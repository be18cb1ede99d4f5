import Testing
@testable import Reprint

private func mapped(_ text: String) -> MappedText {
    MappedText(identity: Array(text.unicodeScalars))
}

private func key(_ line: String) -> UInt64? {
    PageFurniture.lineKey(Array(line.unicodeScalars)[...])
}

struct RepeatedLinesTests {
    @Test func thresholdIsOnePercentButNeverFewerThanEight() {
        #expect(RepeatedLines(documentCount: 0).minimumDocuments == 8)
        #expect(RepeatedLines(documentCount: 10).minimumDocuments == 8)
        #expect(RepeatedLines(documentCount: 899).minimumDocuments == 8)
        #expect(RepeatedLines(documentCount: 1_000).minimumDocuments == 10)
        #expect(RepeatedLines(documentCount: 50_000).minimumDocuments == 500)
    }

    @Test func aShortLineInEnoughDocumentsIsFurniture() throws {
        var lines = RepeatedLines(documentCount: 20)
        for index in 0..<8 {
            lines.add(mapped("Story number \(index) about the bridge.\nSign up for our newsletter\nThe end."))
        }
        #expect(lines.furniture == [try #require(key("Sign up for our newsletter")), try #require(key("The end."))])
    }

    @Test func aLineInTooFewDocumentsIsNot() {
        var lines = RepeatedLines(documentCount: 20)
        for _ in 0..<7 { lines.add(mapped("Sign up for our newsletter")) }
        #expect(lines.furniture.isEmpty)
    }

    @Test func aLineRepeatedWithinOneDocumentCountsOnce() {
        var lines = RepeatedLines(documentCount: 20)
        lines.add(mapped(String(repeating: "Share this\n", count: 20)))
        #expect(lines.furniture.isEmpty)
    }

    @Test func linesMatchAfterFolding() throws {
        var lines = RepeatedLines(documentCount: 8)
        for index in 0..<8 {
            lines.add(mapped(index.isMultiple(of: 2) ? "Follow   us on SOCIAL media!" : "follow us on social media"))
        }
        #expect(lines.furniture == [try #require(key("follow us on social media"))])
    }

    @Test func longLinesAreNeverCounted() {
        var lines = RepeatedLines(documentCount: 8)
        let sentence = "The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge."
        for _ in 0..<50 { lines.add(mapped(sentence)) }
        #expect(lines.furniture.isEmpty)
    }

    @Test func scannerRemovesRepeatedNavigationFromEveryDocument() {
        let stories = (0..<10).map { index in
            SourceDocument(id: "\(index).txt", text: "Home | News | Sport | Weather\nStory \(index): the \(index)th article has words of its own, number \(index * 7).")
        }
        let analyzed = Scanner().analyze(stories)
        for document in analyzed {
            #expect(!document.tokens.contains { $0.word == "weather" }, "\(document.id)")
            #expect(document.tokens.first?.word == "story")
        }
    }
}
