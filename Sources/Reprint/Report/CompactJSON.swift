/// Compact JSON of a ``JSONFields`` value, written straight into a string: the same text as
/// ``ReportFormat/json(_:pretty:)`` without pretty printing (`JSONEncoder` with sorted keys and
/// slashes unescaped), several times faster. For outputs that write a line per document
/// (`reprint index add`), where encoding the matches with `JSONEncoder` would cost more than
/// finding them.
public struct CompactJSON: JSONFieldWriter {
    /// The text written so far, in UTF-8: appending bytes costs less than appending to a string.
    private var text: [UInt8] = []
    /// Whether the object being written has no field yet.
    private var isFirstField = true

    private init() {}

    /// The compact JSON of `value`; throws `EncodingError.invalidValue` for a number that is not
    /// finite, as `JSONEncoder` does.
    public static func encode(_ value: some JSONFields) throws -> String {
        var json = CompactJSON()
        try json.object(value)
        return String(decoding: json.text, as: UTF8.self)
    }

    /// Writes a string field, escaped as `JSONEncoder` escapes it.
    public mutating func write(_ value: String, for key: some CodingKey) {
        self.key(key)
        string(value)
    }

    /// Writes a number field as `JSONEncoder` writes it: the shortest form that reads back the
    /// same, without a trailing `.0`.
    public mutating func write(_ value: Double, for key: some CodingKey) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "\(value) is not a JSON number."))
        }
        self.key(key)
        let written = value.description
        text += (written.hasSuffix(".0") ? written.dropLast(2) : Substring(written)).utf8
    }

    /// Writes an integer field.
    public mutating func write(_ value: Int, for key: some CodingKey) {
        self.key(key)
        text += String(value).utf8
    }

    /// Writes an array of integers.
    public mutating func write(_ values: [Int], for key: some CodingKey) {
        self.key(key)
        array(values) { json, value in json.text += String(value).utf8 }
    }

    /// Writes an object field.
    public mutating func write(_ value: some JSONFields, for key: some CodingKey) throws {
        self.key(key)
        try object(value)
    }

    /// Writes an array of objects.
    public mutating func write(_ values: [some JSONFields], for key: some CodingKey) throws {
        self.key(key)
        try array(values) { json, value in try json.object(value) }
    }

    /// Writes `values` as an array, each with `element`.
    private mutating func array<Element>(_ values: [Element], _ element: (inout CompactJSON, Element) throws -> Void) rethrows {
        text += "[".utf8
        for (index, value) in values.enumerated() {
            if index > 0 { text += ",".utf8 }
            try element(&self, value)
        }
        text += "]".utf8
    }

    private mutating func object(_ value: some JSONFields) throws {
        text += "{".utf8
        isFirstField = true
        try value.writeFields(to: &self)
        isFirstField = false
        text += "}".utf8
    }

    /// Writes a key as it is: coding keys are names that need no escaping.
    private mutating func key(_ key: some CodingKey) {
        assert(!key.stringValue.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        text += (isFirstField ? "\"" : ",\"").utf8
        isFirstField = false
        text += key.stringValue.utf8
        text += "\":".utf8
    }

    private mutating func string(_ value: String) {
        text.append(UInt8(ascii: "\""))
        var clean = value.utf8.startIndex
        for index in value.utf8.indices {
            let byte = value.utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            text += value.utf8[clean..<index]
            switch byte {
            case UInt8(ascii: "\""): text += "\\\"".utf8
            case UInt8(ascii: "\\"): text += "\\\\".utf8
            case 0x08: text += "\\b".utf8
            case 0x09: text += "\\t".utf8
            case 0x0A: text += "\\n".utf8
            case 0x0C: text += "\\f".utf8
            case 0x0D: text += "\\r".utf8
            default: text += ("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)).utf8
            }
            clean = value.utf8.index(after: index)
        }
        text += value.utf8[clean...]
        text.append(UInt8(ascii: "\""))
    }
}
