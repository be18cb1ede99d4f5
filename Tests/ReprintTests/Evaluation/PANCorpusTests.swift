import Foundation
import Testing
import Reprint

/// Reader and writer tests on a tiny corpus written to a temporary folder (invented text, not PAN's).
@Suite("PAN corpus files")
struct PANCorpusTests {
    /// A fresh temporary folder, removed by `cleanUp()`.
    private static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reprint-pan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func write(_ text: String, to folder: URL, _ components: String...) throws {
        var file = folder
        for component in components { file = file.appendingPathComponent(component) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    // Suspicious text: "Café ☕ notes. " is 14 scalars (é is one precomposed scalar), so the copied
    // sentence starts at scalar 14; in the source, "Intro 🙂 " is 8 scalars (the emoji is one scalar).
    static let suspiciousText = "Café ☕ notes. The quick brown fox jumps. Tail."
    static let sourceText = "Intro 🙂 The quick brown fox jumps. Other words here."
    static let copied = "The quick brown fox jumps."

    /// Writes a two-subset corpus: one positive pair and one negative pair.
    private static func makeCorpus() throws -> URL {
        let root = try makeFolder()
        try write(suspiciousText, to: root, "susp", "suspicious-document00001.txt")
        try write(sourceText, to: root, "src", "source-document00001.txt")
        try write("Nothing shared at all.", to: root, "src", "source-document00002.txt")
        try write(
            "suspicious-document00001.txt source-document00001.txt\n",
            to: root, "02-no-obfuscation", "pairs"
        )
        try write(
            """
            <document reference="suspicious-document00001.txt">
            <feature name="plagiarism" obfuscation="none" source_length="26" source_offset="8" \
            source_reference="source-document00001.txt" this_length="26" this_offset="14" type="artificial" />
            </document>
            """,
            to: root, "02-no-obfuscation", "suspicious-document00001-source-document00001.xml"
        )
        try write(
            "suspicious-document00001.txt source-document00002.txt\n\n",
            to: root, "01-no-plagiarism", "pairs"
        )
        try write(
            "<document reference=\"suspicious-document00001.txt\">\n</document>\n",
            to: root, "01-no-plagiarism", "suspicious-document00001-source-document00002.xml"
        )
        return root
    }

    private let positive = PairKey(suspicious: "suspicious-document00001.txt", source: "source-document00001.txt")
    private let negative = PairKey(suspicious: "suspicious-document00001.txt", source: "source-document00002.txt")

    @Test func readsSubsetsPairsAndTruth() throws {
        let root = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try PANCorpus(root: root)
        #expect(corpus.subsets.map(\.name) == ["01-no-plagiarism", "02-no-obfuscation"])
        let verbatim = try #require(corpus.subset(named: "02-no-obfuscation"))
        #expect(verbatim.pairs == [positive])
        let truth = try corpus.truth(for: verbatim)
        let expected = PlagiarismCase(suspiciousOffset: 14, suspiciousLength: 26, sourceOffset: 8, sourceLength: 26, obfuscation: "none")
        #expect(truth == [positive: [expected]])
        let negatives = try corpus.truth(for: try #require(corpus.subset(named: "01-no-plagiarism")))
        #expect(negatives == [negative: []])
    }

    @Test func offsetsAreUnicodeScalarOffsets() throws {
        let root = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try PANCorpus(root: root)
        let truth = try corpus.truth(for: try #require(corpus.subset(named: "02-no-obfuscation")))
        let found = try #require(truth[positive]?.first)
        let suspicious = try corpus.suspiciousText(named: positive.suspicious)
        let source = try corpus.sourceText(named: positive.source)
        #expect(PANCorpus.passage(of: found.suspiciousRange, in: suspicious) == Self.copied)
        #expect(PANCorpus.passage(of: found.sourceRange, in: source) == Self.copied)
        #expect(PANCorpus.passage(of: 40..<100, in: source) == nil)
    }

    @Test func writerOutputReadsBackAndScoresPerfectly() throws {
        let root = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try PANCorpus(root: root)
        let truth = try corpus.truth(for: try #require(corpus.subset(named: "02-no-obfuscation")))
        let detections = [
            positive: [PlagiarismCase(suspicious: 14..<40, source: 8..<34), PlagiarismCase(suspicious: 0..<4, source: 0..<5)],
            negative: [],
        ]
        let output = root.appendingPathComponent("detections/run1")
        let files = try PANDetectionWriter(folder: output).write(detections)
        #expect(files.map(\.lastPathComponent) == [
            "suspicious-document00001-source-document00001.xml",
            "suspicious-document00001-source-document00002.xml",
        ])
        let readBack = try PANCorpus.readDetections(in: output)
        #expect(readBack == [positive: detections[positive] ?? []])
        let score = PlagDet.score(cases: truth, detections: [positive: [PlagiarismCase(suspicious: 14..<40, source: 8..<34)]])
        #expect(score.plagdet == 1)
    }

    @Test func writerProducesPANFormat() {
        let xml = PANDetectionWriter.xml(
            for: [PlagiarismCase(suspiciousOffset: 3593, suspiciousLength: 698, sourceOffset: 1300, sourceLength: 698)],
            pair: PairKey(suspicious: "suspicious-document00005.txt", source: "source-document01090.txt")
        )
        #expect(xml == """
            <document reference="suspicious-document00005.txt">
            <feature name="detected-plagiarism" this_offset="3593" this_length="698" \
            source_reference="source-document01090.txt" source_offset="1300" source_length="698"/>
            </document>

            """)
        #expect(PairKey(suspicious: "suspicious-document00005.txt", source: "source-document01090.txt").xmlFileName
            == "suspicious-document00005-source-document01090.xml")
    }

    @Test func malformedXMLNamesTheFile() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(
            "<document reference=\"suspicious-document00001.txt\">\n<feature name=\"plagiarism\" this_offset=\"1\"\n",
            to: folder, "broken.xml"
        )
        let file = folder.appendingPathComponent("broken.xml")
        let error = #expect(throws: PANCorpusError.self) {
            try PANCorpus.readAnnotations(at: file, featureName: "plagiarism")
        }
        guard case .malformedXML(let path, _) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(path == file.path)
        #expect(error?.description.contains("broken.xml") == true)
    }

    @Test func wrongRootElementIsMalformed() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write("<doc><feature name=\"plagiarism\"/></doc>", to: folder, "other.xml")
        let error = #expect(throws: PANCorpusError.self) {
            try PANCorpus.readAnnotations(at: folder.appendingPathComponent("other.xml"), featureName: "plagiarism")
        }
        #expect(error?.description.contains("<document reference=") == true)
    }

    @Test func badFeatureAttributeIsReported() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(
            """
            <document reference="s.txt"><feature name="plagiarism" this_offset="-3" this_length="5" \
            source_reference="r.txt" source_offset="0" source_length="5"/></document>
            """,
            to: folder, "negative.xml"
        )
        let error = #expect(throws: PANCorpusError.self) {
            try PANCorpus.readAnnotations(at: folder.appendingPathComponent("negative.xml"), featureName: "plagiarism")
        }
        guard case .invalidFeature(_, let reason) = error else {
            Issue.record("expected invalidFeature, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("this_offset"))
    }

    @Test func missingFoldersAndFilesAreReported() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PANCorpusError.missingFolder(path: folder.appendingPathComponent("src").path, expected: "the source documents (src/)")) {
            try PANCorpus(root: folder)
        }
        let root = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("02-no-obfuscation/suspicious-document00001-source-document00001.xml"))
        let corpus = try PANCorpus(root: root)
        let error = #expect(throws: PANCorpusError.self) {
            try corpus.truth(for: try #require(corpus.subset(named: "02-no-obfuscation")))
        }
        guard case .missingTruthFile(_, let pair) = error else {
            Issue.record("expected missingTruthFile, got \(String(describing: error))")
            return
        }
        #expect(pair == positive)
    }

    @Test func malformedPairsLineAndInvalidUTF8() throws {
        let root = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write("only-one-name.txt\n", to: root, "03-random-obfuscation", "pairs")
        let error = #expect(throws: PANCorpusError.self) { try PANCorpus(root: root) }
        #expect(error == .malformedPairsLine(path: root.appendingPathComponent("03-random-obfuscation/pairs").path, line: 1, text: "only-one-name.txt"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("03-random-obfuscation"))
        try Data([0x61, 0xFF, 0x62]).write(to: root.appendingPathComponent("src/source-document00003.txt"))
        let corpus = try PANCorpus(root: root)
        #expect(throws: PANCorpusError.notUTF8(path: root.appendingPathComponent("src/source-document00003.txt").path)) {
            try corpus.sourceText(named: "source-document00003.txt")
        }
    }
}
