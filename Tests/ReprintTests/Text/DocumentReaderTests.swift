import Foundation
import Testing
@testable import Reprint

/// Reading files, folders, JSONL and line files from a temporary folder, good input and bad.
struct DocumentReaderTests {
    private let reader = DocumentReader()

    @Test func readsAFolderRecursivelyWithRelativeIDsInOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("Second story about the bridge.", to: "b.txt")
        try folder.write("# First\n\nA story in Markdown.", to: "a.md")
        try folder.write("<p>A page in HTML.</p>", to: "news/2024/page.html")
        try folder.write("Notes in a long extension.", to: "news/notes.markdown")
        try folder.write("Old page.", to: "news/old.HTM")
        let result = reader.read(paths: [folder.path])
        #expect(result.documents.map(\.id) == ["a.md", "b.txt", "news/2024/page.html", "news/notes.markdown", "news/old.HTM"])
        #expect(result.documents[1].text == "Second story about the bridge.")
        #expect(result.issues.isEmpty)
    }

    @Test func skipsOtherExtensionsAndHiddenFilesWithANote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("A story.", to: "story.txt")
        try folder.write("a,b\n1,2", to: "data.csv")
        try folder.write("{}", to: "sub/meta.json")
        try folder.write("hidden words", to: ".hidden.txt")
        let result = reader.read(paths: [folder.path])
        #expect(result.documents.map(\.id) == ["story.txt"])
        #expect(result.issues.sorted { $0.input < $1.input } == [
            ReadIssue(input: "data.csv", problem: .unsupportedType),
            ReadIssue(input: "sub/meta.json", problem: .unsupportedType),
        ])
        #expect(result.issues.allSatisfy { $0.skipsInput })
    }

    @Test func aSingleFileIsNamedByItsFileName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("One story.", to: "deep/er/story.txt")
        let result = reader.read(paths: [path])
        #expect(result.documents == [SourceDocument(id: "story.txt", text: "One story.")])
    }

    @Test func aFileOfAnyExtensionIsReadWhenNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("Named explicitly.", to: "story.log")
        #expect(reader.read(paths: [path]).documents.map(\.id) == ["story.log"])
    }

    @Test func nonexistentPathIsReportedAndTheRestIsRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try folder.write("A story.", to: "good.txt")
        let missing = folder.path("missing.txt")
        let result = reader.read(paths: [missing, good])
        #expect(result.documents.map(\.id) == ["good.txt"])
        #expect(result.issues == [ReadIssue(input: missing, problem: .notFound)])
        #expect(result.issues[0].description == "\(missing): no such file or folder")
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFileIsReportedAndSkipped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("Secret story.", to: "locked.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        let result = reader.read(paths: [path])
        #expect(result.documents.isEmpty)
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.description.contains("cannot be read") == true)
    }

    @Test func aFolderGivenAsALineFileIsUnreadable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = reader.read(lines: folder.path)
        #expect(result.documents.isEmpty)
        #expect(result.issues == [ReadIssue(input: folder.path, problem: .unreadable("a folder, expected a file"))])
        #expect(reader.read(jsonl: folder.path("none.jsonl")).issues == [ReadIssue(input: folder.path("none.jsonl"), problem: .notFound)])
    }

    @Test func binaryFileIsSkippedAndNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), to: "image.txt")
        try folder.write("A story.", to: "story.txt")
        let result = reader.read(paths: [folder.path])
        #expect(result.documents.map(\.id) == ["story.txt"])
        #expect(result.issues == [ReadIssue(input: "image.txt", problem: .binary)])
        #expect(result.issues[0].description == "image.txt: looks like a binary file, not text; skipped")
    }

    @Test func invalidUTF8IsReplacedAndReportedWithTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Data("Caf".utf8) + Data([0xE9]) + Data(" on Harbour Street".utf8) + Data([0xFF, 0xFE]), to: "latin1.txt")
        let result = reader.read(paths: [folder.path])
        #expect(result.documents.map(\.text) == ["Caf\u{FFFD} on Harbour Street\u{FFFD}\u{FFFD}"])
        #expect(result.issues == [ReadIssue(input: "latin1.txt", problem: .invalidUTF8(3))])
        #expect(!result.issues[0].skipsInput)
        #expect(result.issues[0].description == "latin1.txt: 3 invalid UTF-8 sequences replaced by U+FFFD")
    }

    @Test func byteOrderMarkIsNotPartOfTheText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Data([0xEF, 0xBB, 0xBF]) + Data("Bridge".utf8), to: "bom.txt")
        #expect(reader.read(paths: [folder.path]).documents.map(\.text) == ["Bridge"])
    }

    @Test func emptyDocumentsAreSkipped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("", to: "empty.txt")
        try folder.write("  \n\t— … !!\n", to: "blank.md")
        try folder.write("Words.", to: "words.txt")
        let result = reader.read(paths: [folder.path])
        #expect(result.documents.map(\.id) == ["words.txt"])
        #expect(result.issues == [
            ReadIssue(input: "blank.md", problem: .empty),
            ReadIssue(input: "empty.txt", problem: .empty),
        ])
    }

    @Test func duplicateIDsAreRenamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try folder.write("First.", to: "one/story.txt")
        let second = try folder.write("Second.", to: "two/story.txt")
        let third = try folder.write("Third.", to: "three/story.txt")
        let result = reader.read(paths: [first, second, third])
        #expect(result.documents.map(\.id) == ["story.txt", "story.txt#2", "story.txt#3"])
        #expect(result.documents.map(\.text) == ["First.", "Second.", "Third."])
        #expect(result.issues == [
            ReadIssue(input: "story.txt", problem: .duplicateID("story.txt#2")),
            ReadIssue(input: "story.txt", problem: .duplicateID("story.txt#3")),
        ])
        #expect(!result.issues[0].skipsInput)
    }

    // MARK: - JSONL

    @Test func readsJSONLWithIDsTextAndMetadata() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("""
            {"id": "wire-1", "text": "The council voted.", "source": "Wire", "url": "https://example.org/1", "published": "2024-05-02"}
            {"id": 42, "text": "<p>An HTML body.</p>", "format": "html", "date": "2024-05-03T10:00:00Z"}
            {"text": "No id: the line number is the id."}

            """, to: "feed.jsonl")
        let result = reader.read(jsonl: path)
        #expect(result.issues.isEmpty)
        #expect(result.documents.map(\.id) == ["wire-1", "42", "3"])
        #expect(result.documents.map(\.format) == [nil, .html, nil])
        let metadata = result.documents[0].metadata
        #expect(metadata.source == "Wire")
        #expect(metadata.url == "https://example.org/1")
        #expect(metadata.published == DateParser.parse("2024-05-02"))
        #expect(metadata.published != nil)
        #expect(result.documents[1].metadata.published == DateParser.parse("2024-05-03T10:00:00Z"))
    }

    @Test func readsJSONLWithOtherFieldNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(#"{"url": "u1", "body": "First body.", "text": 3}"# + "\n", to: "feed.jsonl")
        let result = reader.read(jsonl: path, fields: .init(id: "url", text: "body"))
        #expect(result.documents == [SourceDocument(id: "u1", text: "First body.", metadata: .init(url: "u1"))])
    }

    @Test func badJSONLLinesAreReportedWithTheirLineNumbers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("""
            {"id": "a", "text": "Good line."}
            {"id": "b", "text": "Cut off
            ["an", "array"]
            {"id": "d", "body": "No text field."}
            {"id": "e", "text": 5}
            {"id": "a", "text": "Same id again."}
            {"id": "g", "text": "   "}
            """, to: "feed.jsonl")
        let result = reader.read(jsonl: path)
        #expect(result.documents.map(\.id) == ["a", "a#2"])
        #expect(result.issues == [
            ReadIssue(input: "\(path):2", problem: .invalidJSON),
            ReadIssue(input: "\(path):3", problem: .invalidJSON),
            ReadIssue(input: "\(path):4", problem: .missingField("text")),
            ReadIssue(input: "\(path):5", problem: .missingField("text")),
            ReadIssue(input: "a", problem: .duplicateID("a#2")),
            ReadIssue(input: "g", problem: .empty),
        ])
        #expect(result.issues[0].description == "\(path):2: not a JSON object; line skipped")
        #expect(result.issues[2].description.contains("--text-field"))
    }

    @Test func windowsLineEndingsInJSONL() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("{\"id\": \"a\", \"text\": \"One.\"}\r\n{\"id\": \"b\", \"text\": \"Two.\"}\r\n", to: "feed.jsonl")
        #expect(reader.read(jsonl: path).documents.map(\.text) == ["One.", "Two."])
    }

    // MARK: - Lines

    @Test func readsOneDocumentPerLineNumberedFromOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("First story.\r\n\nThird story.\n", to: "stories.txt")
        let result = reader.read(lines: path)
        #expect(result.documents == [
            SourceDocument(id: "1", text: "First story.", format: .plain),
            SourceDocument(id: "3", text: "Third story.", format: .plain),
        ])
        #expect(result.issues == [ReadIssue(input: "2", problem: .empty)])
    }

    @Test func aBinaryLineFileIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0]), to: "program")
        let result = reader.read(lines: path)
        #expect(result.documents.isEmpty)
        #expect(result.issues == [ReadIssue(input: path, problem: .binary)])
    }

    @Test func aSingleFiftyMegabyteLineIsRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sentence = "The council voted to repair the Harbour Street bridge at a cost of 14 million dollars. "
        let repeats = 50_000_000 / sentence.utf8.count + 1
        let path = try folder.write(String(repeating: sentence, count: repeats), to: "huge.txt")
        let expectedLength = sentence.unicodeScalars.count * repeats

        let lines = reader.read(lines: path)
        #expect(lines.issues.isEmpty)
        #expect(lines.documents.count == 1)
        #expect(lines.documents.first?.text.unicodeScalars.count == expectedLength)

        let file = reader.read(paths: [path])
        #expect(file.documents.map(\.id) == ["huge.txt"])
        #expect(file.documents.first?.text.unicodeScalars.count == expectedLength)
    }
}
