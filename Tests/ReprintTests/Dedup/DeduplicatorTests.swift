import Foundation
import Testing
@testable import Reprint

/// Collects what a run writes.
private final class Collected: DedupOutput {
    var kept: [String] = []
    var records: [DuplicateRecord] = []
    var issues: [ReadIssue] = []

    func keep(_ line: UnsafeRawBufferPointer) { kept.append(String(decoding: line, as: UTF8.self)) }
    func duplicate(_ record: DuplicateRecord) { records.append(record) }
    func issue(_ issue: ReadIssue) { issues.append(issue) }
}

private func run(_ text: String, _ configure: (inout DedupOptions) -> Void = { _ in }) throws -> (Collected, DedupProgress, String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dedup-\(UUID().uuidString).txt").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var options = DedupOptions()
    configure(&options)
    let collected = Collected()
    let progress = try Deduplicator(options: options).run(path: path, output: collected)
    return (collected, progress, path)
}

private let wire = "Officials in Moscow said on Wednesday that the talks with the Taliban delegation would continue next week in the capital"
private let retyped = "OFFICIALS in Moscow said, on Wednesday, that the talks with the Taliban delegation would continue next week in the capital!"
/// The wire story (20 words, 16 five-word shingles) with one word added: 17 shingles, Jaccard 16/17.
private let extended = wire + " today"
private let other = "The central bank left interest rates unchanged and said inflation would ease slowly over the coming year"
private let third = "Heavy rain flooded the valley overnight and the regional council opened two shelters for families"

@Suite struct DeduplicatorTests {
    @Test func findsIdenticalAndNearDuplicateLines() throws {
        let (out, progress, _) = try run([wire, other, retyped, extended].joined(separator: "\n") + "\n") { $0.format = .lines }
        #expect(out.kept == [wire, other])
        #expect(out.records == [
            DuplicateRecord(id: "3", duplicateOf: "1", relation: .identical, resemblance: 1),
            DuplicateRecord(id: "4", duplicateOf: "1", relation: .nearDuplicate, resemblance: 16.0 / 17),
        ])
        #expect(progress.unique == 2 && progress.identical == 1 && progress.nearDuplicates == 1)
        #expect(out.issues.isEmpty)
    }

    @Test func findsNearDuplicatesOfOneLetterWords() throws {
        // One-letter words: more shingles than the sketch pass keeps room for, so the document is
        // tokenized again to be verified; the result is the same.
        // 36 distinct words, 32 shingles; the second line changes the last word (one shingle).
        let letters = "abcdefghijklmnopqrstuvwxyz0123456789".map(String.init)
        let a = letters.joined(separator: " ")
        let b = (letters.dropLast() + ["x"]).joined(separator: " ")
        let (out, _, _) = try run([a, b].joined(separator: "\n") + "\n") { $0.format = .lines }
        #expect(out.kept == [a])
        #expect(out.records == [DuplicateRecord(id: "2", duplicateOf: "1", relation: .nearDuplicate, resemblance: 31.0 / 33)])
    }

    @Test func respectsTheThreshold() throws {
        let (out, _, _) = try run([wire, extended].joined(separator: "\n")) {
            $0.format = .lines
            $0.threshold = 0.95
        }
        #expect(out.kept == [wire, extended])
        #expect(out.records.isEmpty)
    }

    @Test func skipsEmptyLinesNamingThem() throws {
        let (out, progress, path) = try run("\(wire)\n\n  ...  \n\(retyped)") { $0.format = .lines }
        #expect(out.kept == [wire])
        #expect(out.records.map(\.id) == ["4"])
        #expect(out.issues == [
            ReadIssue(input: "\(path):2", problem: .empty), ReadIssue(input: "\(path):3", problem: .empty),
        ])
        #expect(progress.skipped == 2 && progress.lines == 4)
    }

    @Test func readsJSONLAndReportsBadLines() throws {
        let lines = [
            #"{"id": "a", "text": "\#(wire)"}"#,
            "{not json",
            #"{"id": "b", "body": "no text field"}"#,
            #"{"id": "a", "text": "\#(other)"}"#,
            #"{"text": "\#(retyped)"}"#,
            "",
            #"{"id": 7, "text": "\#(extended)"}"#,
        ]
        let (out, _, path) = try run(lines.joined(separator: "\n")) { $0.format = .jsonl(.init()) }
        #expect(out.kept == [lines[0], lines[3]])
        #expect(out.records == [
            DuplicateRecord(id: "5", duplicateOf: "a", relation: .identical, resemblance: 1),
            DuplicateRecord(id: "7", duplicateOf: "a", relation: .nearDuplicate, resemblance: 16.0 / 17),
        ])
        #expect(out.issues == [
            ReadIssue(input: "\(path):2", problem: .invalidJSON),
            ReadIssue(input: "\(path):3", problem: .missingField("text")),
            ReadIssue(input: "\(path):4", problem: .duplicateID("a#2")),
            ReadIssue(input: "\(path):6", problem: .empty),
        ])
    }

    @Test func exactOnlyDropsOnlyIdenticalDocuments() throws {
        let (out, _, _) = try run([wire, retyped, extended].joined(separator: "\n")) {
            $0.format = .lines
            $0.exactOnly = true
        }
        #expect(out.kept == [wire, extended])
        #expect(out.records == [DuplicateRecord(id: "2", duplicateOf: "1", relation: .identical, resemblance: 1)])
    }

    @Test func keepCanonicalKeepsTheMostCompleteMemberInInputOrder() throws {
        let (out, _, _) = try run([other, wire, extended, retyped].joined(separator: "\n")) {
            $0.format = .lines
            $0.keep = .canonical
        }
        #expect(out.kept == [other, extended])
        #expect(out.records == [
            DuplicateRecord(id: "2", duplicateOf: "3", relation: .nearDuplicate, resemblance: 16.0 / 17),
            DuplicateRecord(id: "4", duplicateOf: "3", relation: .nearDuplicate, resemblance: 16.0 / 17),
        ])
    }

    @Test func verifiesCandidatesFromEarlierBatchesByReadingThemAgain() throws {
        let (out, _, _) = try run([wire, other, third, extended].joined(separator: "\n")) {
            $0.format = .lines
            $0.batchBytes = 16
        }
        #expect(out.kept == [wire, other, third])
        #expect(out.records == [DuplicateRecord(id: "4", duplicateOf: "1", relation: .nearDuplicate, resemblance: 16.0 / 17)])
    }

    @Test func readsAgainCandidatesWhoseInputPagesWereGivenBack() throws {
        // Forty lines of words no other line has (over 4 KB, so the first pages are given back
        // before the last line is verified), between a story and its longer version.
        let fillers = (0..<40).map { line in (0..<20).map { "x\(line)y\($0)" }.joined(separator: " ") }
        let text = ([wire] + fillers + [extended]).joined(separator: "\n")
        let (first, _, _) = try run(text) {
            $0.format = .lines
            $0.batchBytes = 16
        }
        #expect(first.kept == [wire] + fillers)
        #expect(first.records == [DuplicateRecord(id: "42", duplicateOf: "1", relation: .nearDuplicate, resemblance: 16.0 / 17)])
        let (canonical, _, _) = try run(text) {
            $0.format = .lines
            $0.batchBytes = 16
            $0.keep = .canonical
        }
        #expect(canonical.kept == fillers + [extended])
        #expect(canonical.records == [DuplicateRecord(id: "1", duplicateOf: "42", relation: .nearDuplicate, resemblance: 16.0 / 17)])
    }

    @Test func missingInputIsAnError() {
        #expect(throws: DedupError.notFound("/no/such/file.jsonl")) {
            try Deduplicator().run(path: "/no/such/file.jsonl", output: Collected())
        }
    }

    @Test func reportLinesAreJSON() throws {
        let record = DuplicateRecord(id: "a\"b", duplicateOf: "7", relation: .nearDuplicate, resemblance: 0.833333)
        #expect(record.jsonLine == #"{"id":"a\"b","duplicate_of":"7","relation":"near-duplicate","resemblance":0.8333}"#)
    }
}

/// The word hashes of `text`, in order.
private func hashes(_ text: String) -> [UInt64] {
    var hashes: [UInt64] = []
    var text = text
    text.withUTF8 { ByteTokenizer.forEachWordHash(in: UnsafeRawBufferPointer($0)) { hashes.append($0) } }
    return hashes
}

@Suite struct ByteTokenizerTests {
    @Test func wordsAreLowercasedRunsOfLettersAndDigits() {
        #expect(ByteTokenizer.words(in: "Don't stop_here: CAFÉ, École x² 3.5%") == ["don", "t", "stop", "here", "café", "école", "x²", "3", "5"])
    }

    @Test func hashesStandForTheWords() {
        let text = "Don't stop_here: CAFÉ, École x² 3.5% café"
        var hashes: [UInt64] = []
        var bytes = text
        bytes.withUTF8 { ByteTokenizer.forEachWordHash(in: UnsafeRawBufferPointer($0)) { hashes.append($0) } }
        #expect(hashes.count == 10)
        #expect(hashes[4] == hashes[9])
        #expect(Set(hashes).count == 9)
    }

    @Test func asciiWordsHashAsTheirBytewiseLowercase() {
        // The Kelvin sign lowercases to ASCII "k" but sends its word down the byte-by-byte path;
        // the plain ASCII spellings take the eight-bytes-at-a-time path, short and long, mid-text and at the end.
        for tail in ["", "a", "abcdef", "abcdefg", "abcdefghij", "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnopqrstuvwxyz0123"] {
            var hashes: [UInt64] = []
            var text = "\u{212A}\(tail) K\(tail.uppercased()), k\(tail)"
            text.withUTF8 { ByteTokenizer.forEachWordHash(in: UnsafeRawBufferPointer($0)) { hashes.append($0) } }
            #expect(hashes.count == 3 && Set(hashes).count == 1, "k\(tail)")
        }
    }

    @Test func blocksOfASCIIHashLikeTheByteLoop() {
        // A leading curly quote (not a word) sends the first block down the byte-by-byte path,
        // which hands back to the blocks after it; without it, ASCII text goes 64 bytes at a time:
        // words across block edges, texts of exactly 64 and 128 bytes, runs of separators, and a
        // non-ASCII word late in the text.
        let words = ["a", "Bc", "def", "GHIJKLM", "nopqrstu", "vwxyz0123456789", "AbCdEfGhIjKlMnOpQrStUvWxYz", "42"]
        let separators = [" ", ", ", "...  ", "_", "-\t"]
        for shift in 0..<9 {
            var text = String(repeating: "x", count: shift)
            var k = 0
            while text.utf8.count < 200 {
                text += separators[k % separators.count] + words[(k * 3 + shift) % words.count]
                k += 1
            }
            for end in [63, 64, 65, 127, 128, 129, text.utf8.count] {
                let prefix = String(decoding: Array(text.utf8.prefix(end)), as: UTF8.self)
                for sample in [prefix, prefix + " caf\u{E9} " + prefix] {
                    #expect(hashes(sample) == hashes("\u{2019}" + sample), "shift \(shift) end \(end)")
                }
            }
        }
        #expect(hashes(String(repeating: " ", count: 64)).isEmpty)
        #expect(hashes(String(repeating: "A", count: 64)) == hashes("\u{2019}" + String(repeating: "a", count: 64)))
    }

    @Test func nonASCIIBlocksHandBackToTheASCIIBlocks() {
        // Each word's hash alone, in the order of the reference words, whatever the blocks the
        // non-ASCII words fall in (one per block, two in one block, one across a block edge,
        // a long ASCII word right after one).
        let words = ["Zürich", "naïve", "abc", "DEFGHIJKLMNOP", "x", "\u{212A}elvin", "École", "q9", "señor", "rst"]
        for shift in 0..<12 {
            var text = String(repeating: "y", count: shift)
            var k = 0
            while text.utf8.count < 400 {
                text += (k % 4 == 3 ? " \u{2014} " : ", ") + words[(k * 7 + shift) % words.count]
                k += 1
            }
            let expected = ByteTokenizer.words(in: text).map { hashes($0) }
            #expect(expected.allSatisfy { $0.count == 1 })
            #expect(hashes(text) == expected.flatMap { $0 }, "shift \(shift)")
        }
    }

    @Test func invalidUTF8SeparatesWords() {
        var hashes: [UInt64] = []
        let bytes: [UInt8] = [0x61, 0x62, 0xFF, 0x61, 0x62]
        bytes.withUnsafeBytes { ByteTokenizer.forEachWordHash(in: $0) { hashes.append($0) } }
        #expect(hashes.count == 2 && hashes[0] == hashes[1])
    }
}

@Suite struct ShingleTableTests {
    @Test func holdsDistinctHashesIncludingZeroAndGrows() {
        var table = ShingleTable(capacity: 1)
        let spread = { (n: UInt64) in n &* 0x9e37_79b9_7f4a_7c15 }
        let zeroAdded = table.insert(0), zeroAgain = table.insert(0)
        #expect(zeroAdded && !zeroAgain)
        let added = (1...1000 as ClosedRange<UInt64>).filter { table.insert(spread($0)) }.count
        let again = table.insert(spread(7))
        #expect(added == 1000 && !again)
        #expect(table.count == 1001 && table.contains(0) && table.contains(spread(1000)) && !table.contains(1))
        table.removeAll()
        #expect(table.count == 0 && !table.contains(0) && !table.contains(spread(7)))
    }

    @Test func resemblanceIsTheJaccardOfTheSortedShingleSetsWhenItReachesTheThreshold() {
        let features = DedupFeatures(options: DedupOptions())
        let texts = [
            "the cat sat on the mat and the cat sat on the mat again today",
            "The cat sat on the mat, and the dog sat on the mat again today!",
            "short text", "", "one two three four five six seven eight nine ten eleven twelve",
        ]
        var scratch = ShingleTable(capacity: 1)
        for a in texts {
            for b in texts {
                var (a, b) = (a, b)
                let expected = a.withUTF8 { a in b.withUTF8 { b in
                    SetSimilarity.resemblance(features.shingleSet(line: UnsafeRawBufferPointer(a)), features.shingleSet(line: UnsafeRawBufferPointer(b)))
                } }
                let table = a.withUTF8 { features.shingleTable(line: UnsafeRawBufferPointer($0)) }
                let shingles = features.shingleCount(words: ByteTokenizer.words(in: b).count)
                for threshold in [0.05, 0.3, 0.5, 0.8, 1] {
                    let resemblance = b.withUTF8 {
                        features.resemblance(line: UnsafeRawBufferPointer($0), shingles: shingles, to: table, atLeast: threshold, scratch: &scratch)
                    }
                    #expect(resemblance == (expected >= threshold ? expected : nil), "\(a) | \(b) at \(threshold)")
                }
            }
        }
    }
}
