/// Compact JSON written directly into a string: for the values it writes, the same text as
/// ``ReportFormat/json(_:pretty:)`` without pretty printing (`JSONEncoder` with sorted keys and
/// slashes unescaped), several times faster. For outputs that write a line per document
/// (`reprint index add`), where encoding the matches would otherwise cost more than finding them.
public struct CompactJSON: Sendable {
    /// The text written so far.
    public private(set) var text = ""

    /// Creates an empty text.
    public init() {}

    /// Appends JSON punctuation or a key as given (`{"id":`), unescaped.
    public mutating func raw(_ raw: String) {
        text += raw
    }

    /// Appends a string value, escaped as `JSONEncoder` escapes it.
    public mutating func string(_ value: String) {
        text.append("\"")
        var clean = value.utf8.startIndex
        for index in value.utf8.indices {
            let byte = value.utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            text += value[clean..<index]
            switch byte {
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            case 0x08: text += "\\b"
            case 0x09: text += "\\t"
            case 0x0A: text += "\\n"
            case 0x0C: text += "\\f"
            case 0x0D: text += "\\r"
            default: text += "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            }
            clean = value.utf8.index(after: index)
        }
        text += value[clean...]
        text.append("\"")
    }

    /// Appends a number as `JSONEncoder` writes it: the shortest form that reads back the same,
    /// without a trailing `.0`.
    public mutating func number(_ value: Double) {
        let written = value.description
        text += written.hasSuffix(".0") ? written.dropLast(2) : Substring(written)
    }

    /// Appends an integer.
    public mutating func number(_ value: Int) {
        text += String(value)
    }

    /// Appends a pair as ``ScanReport/Pair``'s `Encodable` form writes it, keys in sorted order.
    public mutating func pair(_ pair: ScanReport.Pair) {
        raw("{\"a\":"); string(pair.a)
        raw(",\"b\":"); string(pair.b)
        raw(",\"changed_words\":{\"a\":"); number(pair.changedWords.a)
        raw(",\"b\":"); number(pair.changedWords.b)
        raw("}")
        if let contained = pair.contained {
            raw(",\"contained\":"); string(contained.rawValue)
        }
        raw(",\"containment\":{\"a_in_b\":"); number(pair.containment.aInB)
        raw(",\"b_in_a\":"); number(pair.containment.bInA)
        raw("},\"coverage\":"); sides(pair.coverage)
        raw(",\"exact_share\":"); sides(pair.exactShare)
        raw(",\"passages\":[")
        for (index, passage) in pair.passages.enumerated() {
            raw(index == 0 ? "{\"a\":" : ",{\"a\":"); numbers(passage.a)
            raw(",\"b\":"); numbers(passage.b)
            raw(",\"kind\":"); string(passage.kind.rawValue)
            raw("}")
        }
        raw("],\"relation\":"); string(pair.relation.rawValue)
        raw(",\"resemblance\":"); number(pair.resemblance)
        raw(",\"sentence_similarity\":"); number(pair.sentenceSimilarity)
        raw(",\"shared_names\":"); number(pair.sharedNames)
        raw(",\"topic_similarity\":"); number(pair.topicSimilarity)
        raw(",\"verbatim_coverage\":"); sides(pair.verbatimCoverage)
        raw("}")
    }

    private mutating func sides(_ sides: ScanReport.Sides) {
        raw("{\"a\":"); number(sides.a)
        raw(",\"b\":"); number(sides.b)
        raw("}")
    }

    private mutating func numbers(_ values: [Int]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            number(value)
        }
        raw("]")
    }
}
