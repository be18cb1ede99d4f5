import ArgumentParser
import Reprint

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find every related pair in a collection and group the documents into clusters.",
        discussion: """
            Document ids are paths relative to the scanned folder (the file name for a single file).

            Examples:
              reprint scan Examples/newsroom
              reprint scan articles/ --format json > report.json
              reprint scan --jsonl feed.jsonl --id-field url --text-field body --format csv
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: text, json, jsonl or csv.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Also list candidate pairs found unrelated.")
    var all = false

    @Flag(name: .customLong("all-pairs"), help: "Compare every pair instead of candidates only (slow on large collections).")
    var allPairs = false

    func run() throws {
        let documents = try input.read()
        var options = Scanner.Options()
        options.allPairs = allPairs
        let report = Scanner(options: options).scan(documents, includeUnrelated: all)
        print(format.reportFormat.render(report), terminator: "")
    }
}

/// The `--format` values of `scan`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv

    var reportFormat: ReportFormat { ReportFormat(rawValue: rawValue)! }
}
