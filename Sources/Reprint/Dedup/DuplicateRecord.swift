/// One line of the duplicates report: a document that was dropped, and the one it duplicates.
///
/// A document that matches documents of several groups gets one record per group, its best match
/// first: the records' `(id, duplicateOf)` edges connect every duplicate group.
public struct DuplicateRecord: Sendable, Equatable {
    /// The dropped document.
    public var id: String
    /// The kept document it duplicates (with `--keep canonical`: its group's canonical document).
    public var duplicateOf: String
    /// `identical` (the same words) or `near-duplicate`.
    public var relation: Relation
    /// The exact Jaccard similarity of the two documents' word-shingle sets.
    public var resemblance: Double

    /// Creates a record.
    public init(id: String, duplicateOf: String, relation: Relation, resemblance: Double) {
        self.id = id
        self.duplicateOf = duplicateOf
        self.relation = relation
        self.resemblance = resemblance
    }

    /// The record as one JSON object (no line break): `id`, `duplicate_of`, `relation`, `resemblance`.
    public var jsonLine: String {
        let rounded = (resemblance * 10_000).rounded() / 10_000
        return "{\"id\":\(Self.quoted(id)),\"duplicate_of\":\(Self.quoted(duplicateOf)),"
            + "\"relation\":\"\(relation.rawValue)\",\"resemblance\":\(rounded)}"
    }

    private static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
