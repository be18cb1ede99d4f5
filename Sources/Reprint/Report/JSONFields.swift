/// A report value written as a JSON object field by field, keys in sorted order. Its
/// ``writeFields(to:)`` is the one description of its JSON: `JSONEncoder` writes it through
/// `Encodable` (the default `encode(to:)` below) and ``CompactJSON`` writes it directly.
public protocol JSONFields: Encodable {
    /// Writes each field to `writer`, in sorted key order, keys named by the type's `CodingKeys`
    /// (which its `Decodable` form reads).
    func writeFields(to writer: inout some JSONFieldWriter) throws
}

/// Where a ``JSONFields`` value's fields are written.
public protocol JSONFieldWriter {
    /// Writes a string field.
    mutating func write(_ value: String, for key: some CodingKey) throws
    /// Writes a number field; throws for a number that is not finite.
    mutating func write(_ value: Double, for key: some CodingKey) throws
    /// Writes an integer field.
    mutating func write(_ value: Int, for key: some CodingKey) throws
    /// Writes an array of integers.
    mutating func write(_ values: [Int], for key: some CodingKey) throws
    /// Writes an object field.
    mutating func write(_ value: some JSONFields, for key: some CodingKey) throws
    /// Writes an array of objects.
    mutating func write(_ values: [some JSONFields], for key: some CodingKey) throws
}

extension JSONFields {
    /// Encodes the fields ``writeFields(to:)`` writes into a keyed container.
    public func encode(to encoder: any Encoder) throws {
        var writer = EncoderFieldWriter(container: encoder.container(keyedBy: FieldKey.self))
        try writeFields(to: &writer)
    }
}

/// The writer of ``JSONFields/encode(to:)``: each field into the encoder's keyed container.
private struct EncoderFieldWriter: JSONFieldWriter {
    var container: KeyedEncodingContainer<FieldKey>

    mutating func write(_ value: String, for key: some CodingKey) throws { try encode(value, key) }
    mutating func write(_ value: Double, for key: some CodingKey) throws { try encode(value, key) }
    mutating func write(_ value: Int, for key: some CodingKey) throws { try encode(value, key) }
    mutating func write(_ values: [Int], for key: some CodingKey) throws { try encode(values, key) }
    mutating func write(_ value: some JSONFields, for key: some CodingKey) throws { try encode(value, key) }
    mutating func write(_ values: [some JSONFields], for key: some CodingKey) throws { try encode(values, key) }

    private mutating func encode(_ value: some Encodable, _ key: some CodingKey) throws {
        try container.encode(value, forKey: FieldKey(stringValue: key.stringValue))
    }
}

/// A key named by any string.
private struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
