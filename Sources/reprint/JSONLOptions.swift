import ArgumentParser

/// The help texts of ``JSONLOptions`` for one command: what its JSONL lines hold.
protocol JSONLHelp {
    /// The help of `--jsonl FILE`.
    static var jsonl: ArgumentHelp { get }
    /// The help of `--id-field NAME`.
    static var idField: ArgumentHelp { get }
}

/// Reading a JSONL file: the file and the field that names each line.
struct JSONLOptions<Help: JSONLHelp>: ParsableArguments {
    @Option(name: .long, help: Help.jsonl)
    var jsonl: String?

    @Option(name: .customLong("id-field"), help: Help.idField)
    var idField = "id"
}
