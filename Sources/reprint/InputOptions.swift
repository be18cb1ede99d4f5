import ArgumentParser
import Reprint

/// Where the documents of a command come from.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or folders to read (.txt .md .markdown .html .htm); - reads standard input.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var source: JSONLOptions<InputOptions>

    @Option(name: .long, help: ArgumentHelp("Read one document per line of a file.", valueName: "file"))
    var lines: String?

    @Option(name: .customLong("text-field"), help: "The JSONL field holding the text.")
    var textField = "text"

    func validate() throws {
        let sources = (paths.isEmpty ? 0 : 1) + (source.jsonl == nil ? 0 : 1) + (lines == nil ? 0 : 1)
        guard sources == 1 else {
            throw ValidationError("Give documents as paths, or with --jsonl FILE, or with --lines FILE (exactly one of them).")
        }
    }

    /// Reads the documents, printing every issue to standard error; fails when nothing could be read.
    func read() throws -> [SourceDocument] {
        let reader = DocumentReader()
        let result: DocumentReader.Result
        if let jsonl = source.jsonl {
            result = reader.read(jsonl: jsonl, fields: .init(id: source.idField, text: textField))
        } else if let lines {
            result = reader.read(lines: lines)
        } else {
            result = reader.read(paths: paths)
        }
        for issue in result.issues { StandardError.print("reprint: warning: \(issue)") }
        guard !result.documents.isEmpty else { throw CLIError.nothingToRead }
        return result.documents
    }
}

extension InputOptions: JSONLHelp {
    static let jsonl = ArgumentHelp("Read documents from a JSONL file, one JSON object per line.", valueName: "file")
    static let idField = ArgumentHelp("The JSONL field holding the document id.")
}
