/// The human-readable scan report.
enum TextReport {
    static func render(_ report: ScanReport) -> String {
        var out = "\(report.documents.count) documents, \(report.pairs.count) related pairs, "
        let reuse = report.clusters.filter { $0.kind == .reuse }
        let stories = report.clusters.filter { $0.kind == .story }
        out += "\(reuse.count) reuse cluster\(reuse.count == 1 ? "" : "s"), \(stories.count) stor\(stories.count == 1 ? "y" : "ies")\n"
        for (index, cluster) in reuse.enumerated() {
            out += "\nReuse cluster \(index + 1) (\(cluster.members.count) documents)\n"
            for member in cluster.members {
                out += "  \(member == cluster.canonical ? "*" : " ") \(member)\n"
            }
        }
        for (index, cluster) in stories.enumerated() {
            out += "\nStory \(index + 1) (\(cluster.members.count) documents): \(cluster.members.joined(separator: ", "))\n"
        }
        if !reuse.isEmpty { out += "\n(* canonical member)\n" }
        guard !report.pairs.isEmpty else { return out }
        out += "\nPairs\n"
        let width = report.pairs.map { $0.a.count + $0.b.count + 5 }.max() ?? 0
        for pair in report.pairs {
            let names = "\(pair.a) ~ \(pair.b)".padded(to: width)
            var line = "  \(names)  \(pair.relation.rawValue.padded(to: 14))"
            line += " resemblance \(percent(pair.resemblance))  coverage \(percent(pair.coverage.a))/\(percent(pair.coverage.b))"
            if let contained = pair.contained { line += "  (\(contained == .a ? pair.a : pair.b) contained)" }
            out += line + "\n"
        }
        return out
    }

    static func percent(_ share: Double) -> String {
        share.percentText.padded(to: 4, leading: true)
    }
}

extension String {
    /// The string padded with spaces to `length` characters (never truncated).
    func padded(to length: Int, leading: Bool = false) -> String {
        guard count < length else { return self }
        let padding = String(repeating: " ", count: length - count)
        return leading ? padding + self : self + padding
    }
}

extension Double {
    /// A share in 0...1 as a whole percentage, like `87%`.
    public var percentText: String { "\(Int((self * 100).rounded()))%" }
}
