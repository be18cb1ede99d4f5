import Foundation
import Testing
@testable import Reprint

/// The `reprint` executable end to end: exit status, standard output and warnings.
struct CommandLineTests {
    /// The fixture collection written to a temporary folder.
    private static func collection() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for fixture in NewsFixtures.collection { try folder.write(fixture.text, to: fixture.id) }
        return folder
    }

    private static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    private static func relations(_ json: String) throws -> [String: String] {
        let pairs = try #require(try object(json)["pairs"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: pairs.map { ("\($0["a"]!) ~ \($0["b"]!)", "\($0["relation"]!)") })
    }

    // MARK: - scan

    @Test func scanAFolderAsJSON() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let run = try ReprintExecutable.run(["scan", folder.path, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let documents = try #require(try Self.object(run.stdout)["documents"] as? [[String: Any]])
        #expect(Set(documents.compactMap { $0["id"] as? String }) == Set(NewsFixtures.collection.map(\.id)))
        let relations = try Self.relations(run.stdout)
        #expect(relations["excerpt.txt ~ wire.txt"] == "excerpt")
        #expect(relations["paraphrase.txt ~ wire.txt"] == "paraphrase")
        #expect(relations["same-story.txt ~ wire.txt"] == "same-story")
    }

    @Test func scanPrintsAReadableReportByDefault() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let run = try ReprintExecutable.run(["scan", folder.path])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("8 documents, "))
        #expect(run.stdout.contains("Reuse cluster 1 (6 documents)"))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test func scanFormatsCSVAndJSONL() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let csv = try ReprintExecutable.run(["scan", folder.path, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("a,b,relation,"))
        let jsonl = try ReprintExecutable.run(["scan", folder.path, "-f", "jsonl"])
        #expect(jsonl.status == 0)
        for line in jsonl.stdout.split(separator: "\n") {
            #expect(try Self.object(String(line))["type"] != nil)
        }
    }

    @Test func scanAFolderWithOnlyABinaryFileFails() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48]), to: "photo.txt")
        let run = try ReprintExecutable.run(["scan", folder.path])
        #expect(run.status != 0)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("photo.txt: looks like a binary file, not text; skipped"))
        #expect(run.stderr.contains("no document could be read"))
    }

    @Test func scanAMixedFolderWarnsAndGoesOn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(NewsFixtures.wire, to: "wire.txt")
        try folder.write(NewsFixtures.excerpt, to: "excerpt.txt")
        try folder.write(Data([0, 1, 2, 3, 0, 0]), to: "blob.txt")
        try folder.write(Data(NewsFixtures.unrelated.utf8) + Data([0xC3, 0x28]), to: "latin.txt")
        try folder.write("", to: "empty.md")
        try folder.write("a,b\n", to: "table.csv")
        let run = try ReprintExecutable.run(["scan", folder.path, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("reprint: warning: blob.txt: looks like a binary file"))
        #expect(run.stderr.contains("reprint: warning: latin.txt: 1 invalid UTF-8 sequence replaced by U+FFFD"))
        #expect(run.stderr.contains("reprint: warning: empty.md: empty document"))
        #expect(run.stderr.contains("reprint: warning: table.csv: not a .txt, .md, .markdown, .html or .htm file; skipped"))
        let documents = try #require(try Self.object(run.stdout)["documents"] as? [[String: Any]])
        #expect(documents.compactMap { $0["id"] as? String } == ["excerpt.txt", "latin.txt", "wire.txt"])
        #expect(try Self.relations(run.stdout) == ["excerpt.txt ~ wire.txt": "excerpt"])
    }

    @Test func scanANonexistentPathFails() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path("nowhere")
        let run = try ReprintExecutable.run(["scan", missing])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(missing): no such file or folder"))
    }

    @Test func scanWithoutInputIsAUsageError() throws {
        let run = try ReprintExecutable.run(["scan"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("Give documents as paths, or with --jsonl FILE, or with --lines FILE"))
    }

    @Test func scanJSONLAndLinesAndStandardInput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let oneLine = { (text: String) in text.replacingOccurrences(of: "\n", with: " ") }
        let jsonl = try JSONSerialization.data(withJSONObject: ["url": "u1", "body": oneLine(NewsFixtures.wire)])
        let jsonl2 = try JSONSerialization.data(withJSONObject: ["url": "u2", "body": oneLine(NewsFixtures.excerpt)])
        let feed = try folder.write(String(decoding: jsonl, as: UTF8.self) + "\nnot json\n" + String(decoding: jsonl2, as: UTF8.self) + "\n", to: "feed.jsonl")
        let fromJSONL = try ReprintExecutable.run(["scan", "--jsonl", feed, "--id-field", "url", "--text-field", "body", "--format", "json"])
        #expect(fromJSONL.status == 0)
        #expect(fromJSONL.stderr.contains("feed.jsonl:2: not a JSON object; line skipped"))
        #expect(try Self.relations(fromJSONL.stdout) == ["u1 ~ u2": "excerpt"])

        let lines = try folder.write(oneLine(NewsFixtures.wire) + "\r\n" + oneLine(NewsFixtures.identical) + "\r\n", to: "lines.txt")
        let fromLines = try ReprintExecutable.run(["scan", "--lines", lines, "--format", "json"])
        #expect(fromLines.status == 0)
        #expect(try Self.relations(fromLines.stdout) == ["1 ~ 2": "identical"])

        let wire = try folder.write(NewsFixtures.wire, to: "wire.txt")
        let fromStdin = try ReprintExecutable.run(["scan", wire, "-", "--format", "json"], input: NewsFixtures.nearDuplicate)
        #expect(fromStdin.status == 0)
        #expect(try Self.relations(fromStdin.stdout) == ["wire.txt ~ stdin": "near-duplicate"])
    }

    // MARK: - compare

    @Test func compareAsJSON() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let run = try ReprintExecutable.run(["compare", folder.path("wire.txt"), folder.path("excerpt.txt"), "--format", "json"])
        #expect(run.status == 0)
        let object = try Self.object(run.stdout)
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect(pairs.first?["relation"] as? String == "excerpt")
        #expect(pairs.first?["contained"] as? String == "b")
        #expect((pairs.first?["passages"] as? [Any])?.isEmpty == false)
    }

    @Test func compareSideBySideWithoutColors() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let run = try ReprintExecutable.run(["compare", folder.path("wire.txt"), folder.path("edited-copy.txt"), "--width", "100"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("wire.txt ~ edited-copy.txt: edited-copy\n"))
        #expect(run.stdout.contains("── passage 1 of"))
        #expect(run.stdout.contains(" │ "))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test func compareUnrelatedTextsSaysSo() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let run = try ReprintExecutable.run(["compare", folder.path("wire.txt"), folder.path("unrelated.txt")])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("wire.txt ~ unrelated.txt: unrelated\n"))
        #expect(run.stdout.hasSuffix("No aligned passages.\n"))
    }

    @Test func compareWithAnUnreadableSideFails() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let run = try ReprintExecutable.run(["compare", folder.path("wire.txt"), folder.path("missing.txt")])
        #expect(run.status != 0)
        #expect(run.stderr.contains("missing.txt: no such file or folder"))
    }

    // MARK: - eval

    @Test func evalScoresATinyLabelledSet() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let pairs = try folder.write("""
            a\tb\trelation\talso_accepted
            wire.txt\texcerpt.txt\texcerpt\t
            wire.txt\tparaphrase.txt\tparaphrase\t
            wire.txt\tunrelated.txt\tunrelated\t
            same-story.txt\twire.txt\tsame-story\t
            wire.txt\tnear-duplicate.txt\tnear-duplicate\texcerpt

            """, to: "labels/pairs.tsv")
        let run = try ReprintExecutable.run(["eval", folder.path, pairs])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Confusion matrix (rows: expected, columns: predicted)\n"))
        #expect(run.stdout.contains("\nmacro-F1 1.000   accuracy 1.000\n"))
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["excerpt", "1.000", "1.000", "1.000", "1"]))
        #expect(rows.contains(["near-duplicate", "1.000", "1.000", "1.000", "1"]))
        #expect(rows.contains(["unrelated", "1.000", "1.000", "1.000", "1"]))
    }

    @Test func evalReportsABadLabelWithItsLine() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let pairs = try folder.write("a\tb\trelation\nwire.txt\texcerpt.txt\texcerpt\nwire.txt\tidentical.txt\tcopy\n", to: "labels/pairs.tsv")
        let run = try ReprintExecutable.run(["eval", folder.path, pairs])
        #expect(run.status != 0)
        #expect(run.stderr.contains("pairs.tsv:3: unknown relation \"copy\""))
    }

    @Test func evalReportsAnUnknownDocument() throws {
        let folder = try Self.collection()
        defer { folder.remove() }
        let pairs = try folder.write("a\tb\trelation\nwire.txt\tghost.txt\texcerpt\n", to: "labels/pairs.tsv")
        let run = try ReprintExecutable.run(["eval", folder.path, pairs])
        #expect(run.status != 0)
        #expect(run.stderr.contains("names ghost.txt, which is not among the documents read"))
    }

    // MARK: - help

    // MARK: - dedup

    @Test func dedupFailsLoudlyWhenItsReportCannotBeWritten() throws {
        // /dev/full takes the open but fails every write (ENOSPC): the report must not be lost in silence.
        let text = "the same line of words repeated for the test\n"
        let run = try ReprintExecutable.run(["dedup", "-", "--lines", "--quiet", "--report", "/dev/full"], input: text + text)
        #expect(run.status != 0)
        #expect(run.stderr.contains("cannot write /dev/full: No space left on device\n"))
        #expect(run.stdout == text)
    }

    @Test func dedupNamesWhyItsReportCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = folder.path + "/missing-folder/report.jsonl"
        let run = try ReprintExecutable.run(["dedup", "-", "--lines", "--quiet", "--report", report], input: "one line of words\n")
        #expect(run.status != 0)
        #expect(run.stderr.contains("cannot write \(report): No such file or directory\n"))
    }

    @Test("Every command has help with an example", arguments: [["--help"], ["scan", "--help"], ["compare", "--help"], ["eval", "--help"]])
    func help(arguments: [String]) throws {
        let run = try ReprintExecutable.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: reprint"))
        #expect(run.stdout.contains("Example"))
    }

    @Test func unknownCommandFails() throws {
        let run = try ReprintExecutable.run(["frobnicate"])
        #expect(run.status != 0)
        #expect(!run.stderr.isEmpty)
    }
}
