import ArgumentParser
import Foundation
import Reprint

struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Deduplicate a corpus: unique documents to standard output, duplicates to a report.",
        discussion: """
            Reads INPUT (a JSONL file, or one document per line with --lines; - reads standard \
            input) in one streaming pass on every core. Two documents are duplicates when the \
            Jaccard similarity of their word 5-gram sets (words: lowercased runs of letters and \
            digits) is at least --threshold; MinHash LSH finds the candidates and every candidate \
            pair is verified exactly.

            Standard output gets the kept documents' input lines, unchanged and in input order: \
            the first of each duplicate group (--keep first, written as the input is read) or its \
            most complete member (--keep canonical, written at the end).

            --report writes one JSON object per dropped document: {"id", "duplicate_of", \
            "relation" (identical|near-duplicate), "resemblance"}; ids are the JSONL id field \
            (else the line number) or, with --lines, 1-based line numbers. A document that matches \
            documents of several groups gets one line per group (its best match first), so the \
            report's edges give the complete duplicate groups.

            Empty lines, invalid JSON lines and lines without a text field are skipped with a \
            warning naming the line; duplicate ids are renamed (id#2).

            Examples:
              reprint dedup corpus.jsonl --text-field body > unique.jsonl
              reprint dedup news.txt --lines --report dups.jsonl > unique.txt
              zcat crawl.jsonl.gz | reprint dedup - --threshold 0.9 --keep canonical > unique.jsonl
              reprint dedup corpus.jsonl --exact-only --quiet > unique.jsonl
            """
    )

    @Argument(help: ArgumentHelp("The JSONL file (or file of lines with --lines); - reads standard input.", valueName: "input"))
    var input: String

    @Flag(name: .long, help: "One document per line instead of JSONL.")
    var lines = false

    @Option(name: .customLong("id-field"), help: "The JSONL field holding the document id (default: the line number).")
    var idField = "id"

    @Option(name: .customLong("text-field"), help: "The JSONL field holding the text.")
    var textField = "text"

    @Option(name: .long, help: ArgumentHelp("Write the duplicates report (JSONL) to this file.", valueName: "file"))
    var report: String?

    @Option(name: .long, help: "Minimum word-shingle Jaccard similarity of duplicates, in (0, 1].")
    var threshold = 0.8

    @Option(name: .long, help: "Words per shingle.")
    var shingle = Shingles.defaultSize

    @Option(name: .long, help: "Which document of a group to keep: first (streams) or canonical (most words).")
    var keep: KeepPolicy = .first

    @Flag(name: .customLong("exact-only"), help: "Drop only identical documents (same words, ignoring case and punctuation).")
    var exactOnly = false

    @Flag(name: .shortAndLong, help: "No progress and no summary on standard error (warnings still appear).")
    var quiet = false

    func validate() throws {
        guard threshold > 0 && threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1], e.g. 0.8.") }
        guard (1...64).contains(shingle) else { throw ValidationError("--shingle must be between 1 and 64 words.") }
    }

    func run() throws {
        AllocatorTuning.keepFreedMemory()
        var options = DedupOptions()
        options.format = lines ? .lines : .jsonl(.init(id: idField, text: textField))
        options.threshold = threshold
        options.shingleSize = shingle
        options.keep = keep.policy
        options.exactOnly = exactOnly
        let sink = try DedupSink(reportPath: report, showsProgress: !quiet && isatty(STDERR_FILENO) == 1)
        let result: DedupProgress
        do {
            result = try Deduplicator(options: options).run(path: input, output: sink)
        } catch let error as DedupError {
            throw ValidationError(error.description)
        }
        try sink.close()
        if !quiet { StandardError.print(DedupSink.summary(result)) }
    }
}

/// The `--keep` values of `dedup`.
enum KeepPolicy: String, ExpressibleByArgument, CaseIterable {
    case first, canonical

    var policy: DedupOptions.Keep { DedupOptions.Keep(rawValue: rawValue)! }
}
