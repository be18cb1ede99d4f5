import ArgumentParser
import Foundation
import Reprint

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two documents in depth: relation, scores and aligned passages side by side.",
        discussion: """
            The terminal view highlights the reused words: verbatim passages in yellow, paraphrased
            sentences in cyan (plain text when NO_COLOR is set or standard output is not a terminal).

            Examples:
              reprint compare story.txt copy.md
              reprint compare story.txt rewrite.txt --format json
            """
    )

    @Argument(help: "The first document.")
    var a: String

    @Argument(help: "The second document.")
    var b: String

    @Option(name: .shortAndLong, help: "Output format: text (side by side) or json.")
    var format: CompareFormat = .text

    @Option(name: .long, help: "Width of the side-by-side view (default: the terminal's, else 120).")
    var width: Int?

    func run() throws {
        let result = DocumentReader().read(paths: [a, b])
        for issue in result.issues { StandardError.print("reprint: warning: \(issue)") }
        guard result.documents.count == 2 else { throw CLIError.nothingToRead }
        let compared = DocumentComparison(result.documents[0], result.documents[1])
        switch format {
        case .json:
            print(ReportFormat.json.render(compared.report), terminator: "")
        case .text:
            let view = SideBySideView(
                width: width ?? Terminal.columns ?? 120, colors: Terminal.supportsColor)
            print(view.render(compared.documents[0], compared.documents[1], compared.comparison, texts: result.documents.map(\.text)), terminator: "")
        }
    }
}

/// The `--format` values of `compare`.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
