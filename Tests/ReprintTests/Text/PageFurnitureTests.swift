import Testing
@testable import Reprint

private func withoutFurniture(_ text: String, repeated: Set<UInt64> = []) -> String {
    PageFurniture.removing(from: MappedText(identity: Array(text.unicodeScalars)), repeated: repeated).string
}

struct PageFurnitureTests {
    @Test("Known furniture lines are removed", arguments: [
        "Related article: Bridge closures across the county",
        "Related: More on the council vote",
        "Read more: Why bridges rust",
        "See also: Harbour Street history",
        "Original url: https://example.org/story",
        "Photo: Sam Ortiz/Riverton Post",
        "*Image: council handout*",
        "Picture: Getty",
        "Credit: Reuters",
        "Source: Riverton Post",
        "Click here to enlarge image",
        "Live Story",
        "ADVERTISEMENT",
        "Share this article",
        "Story continues below advertisement",
        "By Sam Ortiz for Riverton Post",
        "by our correspondent",
        "3 min read",
        "5 minute read",
        "https://example.org/news/2024/bridge",
        "www.example.org",
        "October 20, 2021",
        "20 Oct 2021 14:05 GMT",
        "Updated 2021 10 20",
        "2021-10-20",
        "Subscribe: get the morning briefing",
    ])
    func knownPattern(line: String) {
        let text = "The council voted on Tuesday.\n\(line)\nRepairs begin in June."
        #expect(withoutFurniture(text) == "The council voted on Tuesday.\n\nRepairs begin in June.")
    }

    @Test("Story lines are kept, even when they start like furniture", arguments: [
        "Photographs of the crack were shown to councillors on Tuesday, and several gasped when they saw how deep it ran.",
        "By the end of the meeting, the council had agreed to spend 14 million dollars on the bridge and its approaches.",
        "Source material for the report came from engineers at Calder and Webb, who inspected the eastern span in March.",
        "Click here to enlarge image, the caption said, but the picture showed only the river and the town library.",
        "By noon, the bridge was open again.",
        "By Friday, 300 people had signed.",
        "The bridge opened on October 20, 1931.",
        "Share prices of Calder and Webb rose.",
        "Watch the river.",
        "He said: \"Related article or not, it is our story.\"",
    ])
    func storyLine(line: String) {
        let text = "The council voted on Tuesday.\n\(line)\nRepairs begin in June."
        #expect(withoutFurniture(text) == text)
    }

    @Test func aFullSentenceThatRepeatsIsNeverRemoved() {
        let sentence = "The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge."
        let key = StableHash.string(Tokenizer.tokens(in: Array(sentence.unicodeScalars)).map(\.word).joined(separator: " "))
        let text = "\(sentence)\nMore text follows here."
        #expect(PageFurniture.lineKey(Array(sentence.unicodeScalars)[...]) == nil)
        #expect(withoutFurniture(text, repeated: [key]) == text)
    }

    @Test func repeatedShortLinesAreRemoved() throws {
        let line = "Sign up for the Riverton Post newsletter"
        let key = try #require(PageFurniture.lineKey(Array(line.unicodeScalars)[...]))
        let text = "The council voted.\nSIGN UP for the Riverton Post newsletter!\nRepairs begin in June."
        #expect(withoutFurniture(text, repeated: [key]) == "The council voted.\n\nRepairs begin in June.")
        #expect(withoutFurniture(text) == text)
    }

    @Test func originsPointIntoTheOriginalAfterRemoval() {
        let text = "Photo: Reuters\nThe council voted."
        let kept = PageFurniture.removing(from: MappedText(identity: Array(text.unicodeScalars)))
        #expect(kept.string == "\nThe council voted.")
        #expect(kept.origins.first == 0)
        #expect(kept.origins.dropFirst().first == 15)
        #expect(kept.origins.last == Int32(text.unicodeScalars.count - 1))
    }

    @Test func lineRangesExcludeTheLineBreaks() {
        #expect(PageFurniture.lineRanges(of: Array("ab\n\ncd".unicodeScalars)) == [0..<2, 3..<3, 4..<6])
        #expect(PageFurniture.lineRanges(of: Array("ab\n".unicodeScalars)) == [0..<2])
        #expect(PageFurniture.lineRanges(of: []).isEmpty)
    }
}
