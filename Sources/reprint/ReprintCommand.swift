import ArgumentParser

@main
struct ReprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprint",
        abstract: "Find text reuse: copies, excerpts, edited copies, paraphrases and same-story articles.",
        discussion: """
            Reprint names the relation between documents, shows the passages that prove it, and
            groups documents into reuse and story clusters.

            Examples:
              reprint scan Examples/newsroom
              reprint compare a.txt b.md
              reprint eval corpus/docs corpus/pairs.tsv
              reprint dedup corpus.jsonl --report duplicates.jsonl > unique.jsonl
              reprint index add articles/ && reprint index clusters
            """,
        version: "0.1.0",
        subcommands: [ScanCommand.self, CompareCommand.self, EvalCommand.self, DedupCommand.self, PanCommand.self, IndexCommand.self, ServeCommand.self]
    )
}
