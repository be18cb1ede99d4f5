import ArgumentParser
import Foundation
import Reprint
import ReprintStore

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Keep documents in a persistent index and learn what each new one copies as it arrives.",
        discussion: """
            The index is a SQLite file (the default, ./reprint.db) or a PostgreSQL database that
            several workers can add to at once. Adding documents one at a time gives the relations and
            clusters `reprint scan` gives for the whole set. Documents are stored in batches of 4,096, one
            transaction each, and a batch's matches are printed once it is committed: an interrupted
            add leaves whole documents only, and running it again skips the ids already stored.

            Examples:
              reprint index add articles/
              reprint index add --jsonl feed.jsonl --store sqlite:news.db
              reprint index query new-article.txt --store postgres://reprint@localhost:5432/news
              cat draft.md | reprint index query -
              reprint index clusters --format json
              reprint index remove a-wire.txt
              reprint index stats
              reprint index check
            """,
        subcommands: [Add.self, Query.self, Remove.self, Stats.self, Clusters.self, Check.self]
    )

    struct StoreOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(
            "The store: a file path or sqlite:PATH, or postgres://user@host:port/database.", valueName: "url"))
        var store = StoreLocation.defaultAddress

        func open() throws -> IncrementalIndex {
            IncrementalIndex(store: try StoreLocation(parsing: store).open())
        }
    }

    enum MatchFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    /// One document's line of output: its id, what happened and its matches.
    struct DocumentLine: JSONFields {
        var id: String
        var status: String
        var matches: [ScanReport.Pair]

        enum CodingKeys: String, CodingKey {
            case id, status, matches
        }

        func writeFields(to writer: inout some JSONFieldWriter) throws {
            try writer.write(id, for: CodingKeys.id)
            try writer.write(matches, for: CodingKeys.matches)
            try writer.write(status, for: CodingKeys.status)
        }

        func render(_ format: MatchFormat) -> String {
            if format == .jsonl {
                // Ids, statuses and report numbers all encode: no number is infinite or NaN.
                return try! CompactJSON.encode(self)
            }
            var text = "\(id): \(status)" + (status == "skipped" ? " (already stored)" : ", \(matches.count) match\(matches.count == 1 ? "" : "es")")
            for pair in matches {
                let other = pair.a == id ? pair.b : pair.a
                text += "\n  \(pair.relation.rawValue) \(other) (resemblance \(pair.resemblance))"
                if let contained = pair.contained { text += " \(contained == .a ? pair.a : pair.b) contained" }
            }
            return text
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add documents, printing each new document's matches as it is stored.",
            discussion: """
                Examples:
                  reprint index add articles/
                  reprint index add --jsonl feed.jsonl --format jsonl --store sqlite:news.db
                """
        )

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var input: InputOptions

        @Option(name: .shortAndLong, help: "Output format: text or jsonl (one object per document).")
        var format: MatchFormat = .text

        @Option(name: .long, help: ArgumentHelp(
            "Documents stored per transaction: smaller batches print matches sooner, larger ones add faster.", valueName: "n"))
        var batchSize = IncrementalIndex.defaultBatchSize

        func validate() throws {
            guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1 (got \(batchSize)).") }
        }

        func run() throws {
            let documents = try input.read()
            var index = try storeOptions.open()
            index.batchSize = batchSize
            var added = 0, skipped = 0
            // Lines are rendered and printed in order on another thread while the next batch is
            // compared; at most `waiting` of them wait, so a slow reader of the output holds the add back.
            let printer = DispatchQueue(label: "reprint.index.add.output")
            let waiting = DispatchSemaphore(value: 4_096)
            let format = format
            defer { printer.sync {} }
            try index.add(documents) { outcome in
                let line: DocumentLine
                switch outcome {
                case .added(let id, let matches):
                    added += 1
                    line = DocumentLine(id: id, status: "added", matches: matches)
                case .skipped(let id):
                    skipped += 1
                    line = DocumentLine(id: id, status: "skipped", matches: [])
                }
                waiting.wait()
                printer.async {
                    print(line.render(format))
                    waiting.signal()
                }
            }
            printer.sync {}
            StandardError.print("reprint: \(added) added, \(skipped) skipped (already stored)")
        }
    }

    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how documents relate to the stored ones, without adding them.",
            discussion: """
                Examples:
                  reprint index query new-article.txt
                  cat draft.md | reprint index query - --format jsonl
                  reprint index query --lines sample.txt --timings > /dev/null
                """
        )

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var input: InputOptions

        @Option(name: .shortAndLong, help: "Output format: text or jsonl (one object per document).")
        var format: MatchFormat = .text

        @Flag(name: .long, help: "Report the median and 99th-percentile time per query on standard error.")
        var timings = false

        func run() throws {
            let documents = try input.read()
            let index = try storeOptions.open()
            var durations: [Duration] = []
            let clock = ContinuousClock()
            for document in documents {
                let start = clock.now
                let matches = try index.query(document)
                durations.append(clock.now - start)
                print(DocumentLine(id: document.id, status: "queried", matches: matches).render(format))
            }
            if timings {
                durations.sort()
                func milliseconds(_ share: Double) -> String {
                    let duration = durations[min(durations.count - 1, Int(Double(durations.count) * share))]
                    return String(format: "%.3f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
                }
                StandardError.print("reprint: \(durations.count) queries, p50 \(milliseconds(0.5)) ms, p99 \(milliseconds(0.99)) ms")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove documents by id.",
            discussion: """
                Example:
                  reprint index remove a-wire.txt a-digest.html
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The ids of the documents to remove.", valueName: "id"))
        var ids: [String]

        func run() throws {
            let missing = try storeOptions.open().remove(ids)
            for id in missing { StandardError.print("reprint: warning: \(id) is not stored") }
            print("removed \(ids.count - missing.count) document\(ids.count - missing.count == 1 ? "" : "s")")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the stored documents, band keys, postings, terms, lines and relations.",
            discussion: """
                Example:
                  reprint index stats --store sqlite:news.db
                """
        )

        @OptionGroup var options: ReportOptions

        func run() throws {
            let counts = try options.storeOptions.open().statistics()
            if options.format == .json {
                print(ReportFormat.json(counts, pretty: true))
                return
            }
            print("""
                documents  \(counts.documents)
                band keys  \(counts.bandKeys)
                postings   \(counts.postings)
                terms      \(counts.terms)
                lines      \(counts.lines)
                relations  \(counts.relations)
                """)
        }
    }

    enum ClusterFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// The store and a text or JSON output: the options of the reporting subcommands.
    struct ReportOptions: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptions

        @Option(name: .shortAndLong, help: "Output format: text or json.")
        var format: ClusterFormat = .text
    }

    struct Clusters: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the reuse and story clusters of the stored documents.",
            discussion: """
                The JSON form is {"clusters": [...]}, each cluster as in `reprint scan --format json`.

                Examples:
                  reprint index clusters
                  reprint index clusters --format json --store postgres://reprint@localhost/news
                """
        )

        @OptionGroup var options: ReportOptions

        struct Report: Encodable {
            var clusters: [DocumentCluster]
        }

        func run() throws {
            let clusters = try options.storeOptions.open().clusters()
            if options.format == .json {
                print(ReportFormat.json(Report(clusters: clusters), pretty: true))
                return
            }
            for (index, cluster) in clusters.enumerated() {
                print("\(cluster.kind.rawValue) cluster \(index + 1) (\(cluster.members.count) documents)")
                for member in cluster.members { print("  \(member == cluster.canonical ? "*" : " ") \(member)") }
            }
            if clusters.contains(where: { $0.canonical != nil }) { print("(* canonical member)") }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the store's integrity; exits non-zero when a problem is found.",
            discussion: """
                Example:
                  reprint index check --store sqlite:news.db
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let index = try storeOptions.open()
            let problems = try index.check()
            guard problems.isEmpty else {
                for problem in problems { StandardError.print("reprint: \(problem)") }
                throw ExitCode(1)
            }
            print("ok: \(try index.statistics().documents) documents")
        }
    }
}
