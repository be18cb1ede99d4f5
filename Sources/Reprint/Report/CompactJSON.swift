/// Compact JSON of a ``JSONFields`` value, written straight into a string: the same text as
/// ``ReportFormat/json(_:pretty:)`` without pretty printing (`JSONEncoder` with sorted keys and
/// slashes unescaped), several times faster. For outputs that write a line per document
/// (`reprint index add`), where encoding the matches with `JSONEncoder` would cost more than
/// finding them.
public struct CompactJSON: JSONFieldWriter {
    /// The text written so far.
    private var text = ""
    /// Whether the object being written has no field yet.
    private var isFirstField = true

    private init() {}

    /// The compact JSON of `value`; throws `EncodingError.invalidValue` for a number that is not
    /// finite, as `JSONEncoder` does.
    public static func encode(_ value: some JSONFields) throws -> String {
        var json = CompactJSON()
        try json.object(value)
        return json.text
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
        text += written.hasSuffix(".0") ? written.dropLast(2) : Substring(written)
    }

    /// Writes an integer field.
    public mutating func write(_ value: Int, for key: some CodingKey) {
        self.key(key)
        text += String(value)
    }

    /// Writes an array of integers.
    public mutating func write(_ values: [Int], for key: some CodingKey) {
        self.key(key)
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            text += String(value)
        }
        text += "]"
    }

    /// Writes an object field.
    public mutating func write(_ value: some JSONFields, for key: some CodingKey) throws {
        self.key(key)
        try object(value)
    }

    /// Writes an array of objects.
    public mutating func write(_ values: [some JSONFields], for key: some CodingKey) throws {
        self.key(key)
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            try object(value)
        }
        text += "]"
    }

    private mutating func object(_ value: some JSONFields) throws {
        text += "{"
        isFirstField = true
        try value.writeFields(to: &self)
        isFirstField = false
        text += "}"
    }

    /// Writes a key as it is: coding keys are names that need no escaping.
    private mutating func key(_ key: some CodingKey) {
        assert(!key.stringValue.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        text += isFirstField ? "\"" : ",\""
        isFirstField = false
        text += key.stringValue
        text += "\":"
    }

    private mutating func string(_ value: String) {
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
}
