import ArgumentParser
import Foundation
import Reprint

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Reprint's relations against labelled pairs: confusion matrix, precision, recall, F1.",
        discussion: """
            PAIRS is a TSV file with a header naming the columns a, b and relation (and optionally
            also_accepted, a second relation counted as correct). Unlisted pairs are not scored.
            The documents are scanned exactly as `reprint scan DOCS_DIR` would.

            Example:
              reprint eval ../shared/corpora/bbc-variants/docs ../shared/corpora/bbc-variants/pairs.tsv
            """
    )

    @Argument(help: "The folder of documents.")
    var docs: String

    @Argument(help: "The labelled pairs (TSV with a header: a, b, relation[, also_accepted]).")
    var pairs: String

    func run() throws {
        let labels = try Self.readLabels(pairs)
        let result = DocumentReader().read(paths: [docs])
        for issue in result.issues { StandardError.print("reprint: warning: \(issue)") }
        let ids = Set(result.documents.map(\.id))
        if let missing = labels.first(where: { !ids.contains($0.a) || !ids.contains($0.b) }) {
            throw CLIError.unknownDocument(ids.contains(missing.a) ? missing.b : missing.a, pairsFile: pairs)
        }
        let report = Scanner().scan(result.documents)
        var found: [String: Relation] = [:]
        for pair in report.pairs { found[Self.key(pair.a, pair.b)] = pair.relation }
        let evaluation = RelationEvaluation(labels: labels) { found[Self.key($0, $1)] ?? .unrelated }
        print(Self.render(evaluation), terminator: "")
    }

    static func key(_ a: String, _ b: String) -> String { a < b ? "\(a)\t\(b)" : "\(b)\t\(a)" }

    static func readLabels(_ path: String) throws -> [RelationEvaluation.LabelledPair] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.cannotRead(path) }
        let rows = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let a = header.firstIndex(of: "a"), let b = header.firstIndex(of: "b"),
              let relation = header.firstIndex(of: "relation") else {
            throw CLIError.badPairsFile(path, line: 1, reason: "the header must name the columns a, b and relation")
        }
        let alsoAccepted = header.firstIndex(of: "also_accepted")
        return try rows.dropFirst().enumerated().map { offset, row in
            let line = offset + 2
            guard row.count > max(a, b, relation) else { throw CLIError.badPairsFile(path, line: line, reason: "too few columns") }
            guard let expected = Relation(rawValue: row[relation]) else {
                throw CLIError.badPairsFile(path, line: line, reason: "unknown relation \"\(row[relation])\" (expected one of \(Relation.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let alternative = alsoAccepted.flatMap { $0 < row.count ? Relation(rawValue: row[$0]) : nil }
            return .init(a: row[a], b: row[b], relation: expected, alsoAccepted: alternative)
        }
    }

    static func render(_ evaluation: RelationEvaluation) -> String {
        let relations = evaluation.seenRelations
        let width = max(15, (relations.map(\.rawValue.count).max() ?? 0) + 2)
        var out = "Confusion matrix (rows: expected, columns: predicted)\n\n"
        out += "".padding(toLength: width, withPad: " ", startingAt: 0) + relations.map { abbreviation($0).leftPadded(6) }.joined() + "\n"
        for expected in evaluation.labelledRelations {
            out += expected.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            out += relations.map { String(evaluation.confusion[expected]?[$0] ?? 0).leftPadded(6) }.joined() + "\n"
        }
        out += "\n" + "relation".padding(toLength: width, withPad: " ", startingAt: 0) + "precision".leftPadded(10) + "recall".leftPadded(8) + "F1".leftPadded(8) + "pairs".leftPadded(7) + "\n"
        for score in evaluation.scores {
            out += score.relation.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            out += format(score.precision).leftPadded(10) + format(score.recall).leftPadded(8) + format(score.f1).leftPadded(8) + String(score.support).leftPadded(7) + "\n"
        }
        out += "\nmacro-F1 \(format(evaluation.macroF1))   accuracy \(format(evaluation.accuracy))\n"
        return out
    }

    private static func abbreviation(_ relation: Relation) -> String {
        switch relation {
        case .identical: "ident"
        case .nearDuplicate: "near"
        case .excerpt: "excpt"
        case .editedCopy: "edit"
        case .paraphrase: "para"
        case .sameStory: "story"
        case .unrelated: "unrel"
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

extension String {
    func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
