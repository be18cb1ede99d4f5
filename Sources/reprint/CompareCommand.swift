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

            With --jsonl, each line's pair of texts (--a-field, --b-field) is compared and one JSON
            result per line is printed: id, relation, resemblance, sentence_similarity,
            topic_similarity and paraphrase_score (label-free). With --label-field and --cv K, the
            paraphrase_score threshold is chosen by K-fold cross-validation against the 0/1 label and
            the held-out accuracy and F1 are printed to standard error:
              reprint compare --jsonl mrpc_train.jsonl --a-field text1 --b-field text2 --label-field label --cv 10
            """
    )

    @Argument(help: "The first document.")
    var a: String?

    @Argument(help: "The second document.")
    var b: String?

    @OptionGroup var pairFile: JSONLOptions<CompareCommand>

    @Option(name: .customLong("a-field"), help: "With --jsonl: the field holding the first text.")
    var aField = "text1"

    @Option(name: .customLong("b-field"), help: "With --jsonl: the field holding the second text.")
    var bField = "text2"

    @Option(name: .customLong("label-field"), help: "With --jsonl: a 0/1 paraphrase label, echoed in the output and used by --cv.")
    var labelField: String?

    @Option(name: .long, help: "With --label-field: choose the paraphrase_score threshold by K-fold cross-validation.")
    var cv: Int?

    @Option(name: .shortAndLong, help: "Output format: text (side by side) or json.")
    var format: CompareFormat = .text

    @Option(name: .long, help: "Width of the side-by-side view (default: the terminal's, else 120).")
    var width: Int?

    func validate() throws {
        if pairFile.jsonl == nil, a == nil || b == nil { throw ValidationError("Give two documents, or --jsonl FILE.") }
        if pairFile.jsonl != nil, a != nil { throw ValidationError("Give either two documents or --jsonl FILE, not both.") }
        if let cv, cv < 2 { throw ValidationError("--cv needs at least 2 folds.") }
        if cv != nil, labelField == nil { throw ValidationError("--cv needs --label-field.") }
    }

    func run() throws {
        if let jsonl = pairFile.jsonl { return try comparePairs(jsonl) }
        let result = DocumentReader().read(paths: [a!, b!])
        for issue in result.issues { StandardError.print("reprint: warning: \(issue)") }
        guard result.documents.count == 2 else { throw CLIError.nothingToRead }
        let compared = DocumentComparison(result.documents[0], result.documents[1])
        switch format {
        case .json:
            print(ReportFormat.json.render(compared.report), terminator: "")
        case .text:
            let view = SideBySideView(
                width: width ?? Terminal.columns ?? 120, colors: Terminal.supportsColor)
            print(view.render(compared.documents[0], compared.documents[1], compared.comparison), terminator: "")
        }
    }
}

extension CompareCommand {
    /// One line of `--jsonl` output.
    struct PairResult: Encodable {
        var id: String
        var relation: String
        var resemblance: Double
        var sentenceSimilarity: Double
        var topicSimilarity: Double
        var paraphraseScore: Double
        var label: Int?

        enum CodingKeys: String, CodingKey {
            case id, relation, resemblance, label
            case sentenceSimilarity = "sentence_similarity", topicSimilarity = "topic_similarity", paraphraseScore = "paraphrase_score"
        }
    }

    func comparePairs(_ path: String) throws {
        let reader = DocumentReader()
        let first = reader.read(jsonl: path, fields: .init(id: pairFile.idField, text: aField))
        let second = reader.read(jsonl: path, fields: .init(id: pairFile.idField, text: bField))
        for issue in first.issues + second.issues { StandardError.print("reprint: warning: \(issue)") }
        let seconds = Dictionary(second.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pairs = first.documents.compactMap { document in seconds[document.id].map { (document, $0) } }
        guard !pairs.isEmpty else { throw CLIError.nothingToRead }
        let labels = try labelField.map { try Self.readLabels(path, idField: pairFile.idField, labelField: $0) } ?? [:]
        let comparisons = Scanner().compare(pairs: pairs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (pair, comparison) in zip(pairs, comparisons) {
            let evidence = comparison.evidence
            let line = PairResult(
                id: pair.0.id, relation: comparison.relation.rawValue, resemblance: evidence.resemblance,
                sentenceSimilarity: evidence.sentenceSimilarity, topicSimilarity: evidence.topicSimilarity,
                paraphraseScore: evidence.paraphraseScore, label: labels[pair.0.id])
            print(String(decoding: try encoder.encode(line), as: UTF8.self))
        }
        if let cv {
            let labelled = zip(pairs, comparisons).compactMap { pair, comparison in
                labels[pair.0.id].map { (comparison.evidence.paraphraseScore, $0 == 1) }
            }
            guard labelled.count >= cv else { throw ValidationError("--cv \(cv) needs at least \(cv) labelled pairs; found \(labelled.count).") }
            let result = ThresholdCrossValidation(scores: labelled.map(\.0), labels: labelled.map(\.1), folds: cv)
            StandardError.print(String(
                format: "paraphrase: %d pairs, %d-fold CV: accuracy %.3f, F1 %.3f; threshold (all data) %.3f",
                labelled.count, cv, result.accuracy, result.f1, result.threshold))
        }
    }

    /// The integer label of every line that has one, by id (line number when there is no id field).
    static func readLabels(_ path: String, idField: String, labelField: String) throws -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.cannotRead(path) }
        var labels: [String: Int] = [:]
        for (offset, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let label = (object[labelField] as? NSNumber)?.intValue ?? (object[labelField] as? String).flatMap({ Int($0) })
            else { continue }
            labels[object[idField].map { "\($0)" } ?? String(offset + 1)] = label
        }
        return labels
    }
}

/// The `--format` values of `compare`.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension CompareCommand: JSONLHelp {
    static let jsonl = ArgumentHelp("Compare the pair of texts on each line of a JSONL file.", valueName: "file")
    static let idField = ArgumentHelp("With --jsonl: the field holding the pair's id (default: the line number).")
}
