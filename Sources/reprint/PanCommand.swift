import ArgumentParser
import Foundation
import Reprint

struct PanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pan",
        abstract: "Align every pair of a PAN text-alignment corpus, write PAN detections and score them.",
        discussion: """
            CORPUS is a folder in PAN's layout: src/, susp/, and subset folders each holding a `pairs`
            file ("suspicious-documentN.txt source-documentM.txt" per line) and, when known, one truth
            XML per pair. One detection XML per pair is written to OUT/SUBSET/. With truth present,
            precision, recall, granularity and plagdet are printed per subset and for all subsets pooled.
            With --half even|odd every pair is still aligned and written, but only that half is scored.

            Example:
              reprint pan ../shared/corpora/pan13-train --out detections
            """
    )

    @Argument(help: "The PAN corpus folder.")
    var corpus: String

    @Option(name: .long, help: "The folder the detection XML files are written to (one subfolder per subset).")
    var out: String

    @Option(name: .long, help: "Only this subset (repeat for several); default: all.")
    var subset: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Score only the pairs at even or odd positions (from 0) of each subset's pairs file: choose settings on one half, report the other.",
        valueName: "even|odd"))
    var half: Half?

    /// One half of a subset's pairs.
    enum Half: String, ExpressibleByArgument {
        case even, odd
    }

    func run() throws {
        let corpus = try PANCorpus(root: URL(fileURLWithPath: self.corpus))
        let subsets = try subset.isEmpty ? corpus.subsets : subset.map { name in
            guard let found = corpus.subset(named: name) else {
                throw ValidationError("no subset \(name) in \(self.corpus) (subsets: \(corpus.subsets.map(\.name).joined(separator: ", ")))")
            }
            return found
        }
        let detections = try PANRunner().detections(in: corpus, subsets: subsets)
        var rows: [(String, PlagDetScore)] = []
        var allTruth: [PairKey: [PlagiarismCase]] = [:], allFound: [PairKey: [PlagiarismCase]] = [:]
        for var subset in subsets {
            let found = Dictionary(uniqueKeysWithValues: subset.pairs.map { ($0, detections[$0] ?? []) })
            try PANDetectionWriter(folder: URL(fileURLWithPath: out).appendingPathComponent(subset.name)).write(found)
            if let half {
                subset.pairs = subset.pairs.enumerated().filter { ($0.offset % 2 == 0) == (half == .even) }.map(\.element)
            }
            let truth = try corpus.truth(for: subset)
            let scored = found.filter { truth[$0.key] != nil }
            rows.append((subset.name, PlagDet.score(cases: truth, detections: scored)))
            allTruth.merge(truth) { $0 + $1 }
            allFound.merge(scored) { $0 + $1 }
        }
        rows.append(("overall", PlagDet.score(cases: allTruth, detections: allFound)))
        print(Self.render(rows), terminator: "")
    }

    static func render(_ rows: [(String, PlagDetScore)]) -> String {
        let width = max(10, (rows.map(\.0.count).max() ?? 0) + 2)
        var out = "subset".padding(toLength: width, withPad: " ", startingAt: 0)
            + "precision".leftPadded(10) + "recall".leftPadded(8) + "granul.".leftPadded(9) + "plagdet".leftPadded(9)
            + "cases".leftPadded(7) + "detections".leftPadded(12) + "\n"
        for (name, score) in rows {
            out += name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += format(score.precision).leftPadded(10) + format(score.recall).leftPadded(8)
            out += format(score.granularity).leftPadded(9) + format(score.plagdet).leftPadded(9)
            out += String(score.cases).leftPadded(7) + String(score.detections).leftPadded(12) + "\n"
        }
        return out
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
