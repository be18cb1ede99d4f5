/// Compact JSON of a value, written straight into a string: the same text as `JSONEncoder` with
/// sorted keys and slashes unescaped writes (``ReportFormat/json(_:pretty:)`` without pretty
/// printing), several times faster. The value's `Encodable` conformance is the one description of
/// its JSON; this only writes it. For outputs that write a line per document (`reprint index add`),
/// where encoding the matches with `JSONEncoder` would cost more than finding them.
///
/// Keys are sorted by their Unicode scalars, as `JSONEncoder` sorts keys made of lowercase letters
/// and underscores (every key of a report). `Data`, `URL` and `Decimal`, which `JSONEncoder`
/// writes its own way, are written in their `Encodable` form; no report value holds one.
public enum CompactJSON {
    /// The compact JSON of `value`; throws `EncodingError.invalidValue` for a number that is not
    /// finite, as `JSONEncoder` does.
    public static func encode(_ value: some Encodable) throws -> String {
        var text = ""
        write(try node(of: value), into: &text)
        return text
    }

    /// What `value` encodes to: `{}` when it encodes nothing, as in `JSONEncoder`.
    fileprivate static func node(of value: some Encodable) throws -> Node {
        let writer = Writer()
        try value.encode(to: writer)
        return writer.node ?? .object(ObjectNode())
    }

    private static func write(_ node: Node, into text: inout String) {
        switch node {
        case .scalar(let scalar):
            text += scalar
        case .object(let object):
            // A key encoded twice keeps its last value, as in `JSONEncoder` (the sort is stable).
            object.fields.sort { $0.key < $1.key }
            text += "{"
            var first = true
            for (index, field) in object.fields.enumerated()
            where index + 1 == object.fields.count || object.fields[index + 1].key != field.key {
                if !first { text += "," }
                first = false
                quote(field.key, into: &text)
                text += ":"
                write(field.value, into: &text)
            }
            text += "}"
        case .array(let array):
            text += "["
            for (index, item) in array.items.enumerated() {
                if index > 0 { text += "," }
                write(item, into: &text)
            }
            text += "]"
        case .deferred(let writer):
            write(writer.node ?? .object(ObjectNode()), into: &text)
        }
    }

    /// Appends `value` as a JSON string, escaped as `JSONEncoder` escapes it.
    private static func quote(_ value: String, into text: inout String) {
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

    /// `value` as a JSON string.
    fileprivate static func quoted(_ value: String) -> Node {
        var text = ""
        quote(value, into: &text)
        return .scalar(text)
    }

    /// A number as `JSONEncoder` writes it: the shortest form that reads back the same, without a
    /// trailing `.0`.
    fileprivate static func number<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Number) throws -> Node {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number."))
        }
        let written = value.description
        return .scalar(written.hasSuffix(".0") ? String(written.dropLast(2)) : written)
    }

    /// An integer.
    fileprivate static func number(_ value: some FixedWidthInteger) -> Node {
        .scalar(String(value))
    }
}

/// A value being written: a scalar's JSON, an object or an array that may still be added to, or
/// what a super encoder is given later.
private enum Node {
    case scalar(String)
    case object(ObjectNode)
    case array(ArrayNode)
    case deferred(Writer)
}

/// An object's fields in the order they were encoded.
private final class ObjectNode {
    var fields: [(key: String, value: Node)] = []
}

/// An array's items.
private final class ArrayNode {
    var items: [Node] = []
}

/// The encoder of one value; coding paths are not kept (no report value reads them).
private final class Writer: Encoder {
    var node: Node?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A value may ask for its container more than once: the fields go to one object.
        if case .object(let object) = node { return KeyedEncodingContainer(KeyedWriter(object: object)) }
        let object = ObjectNode()
        node = .object(object)
        return KeyedEncodingContainer(KeyedWriter(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let array) = node { return UnkeyedWriter(array: array) }
        let array = ArrayNode()
        node = .array(array)
        return UnkeyedWriter(array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueWriter(writer: self)
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    var codingPath: [any CodingKey] { [] }

    private func add(_ node: Node, _ key: Key) {
        object.fields.append((key.stringValue, node))
    }

    mutating func encodeNil(forKey key: Key) { add(.scalar("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { add(.scalar(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) { add(CompactJSON.quoted(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(try CompactJSON.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(try CompactJSON.number(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { add(CompactJSON.number(value), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { add(try CompactJSON.node(of: value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        add(.object(nested), key)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        add(.array(nested), key)
        return UnkeyedWriter(array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let writer = Writer()
        object.fields.append(("super", .deferred(writer)))
        return writer
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let writer = Writer()
        add(.deferred(writer), key)
        return writer
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let array: ArrayNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.items.count }

    private func add(_ node: Node) {
        array.items.append(node)
    }

    mutating func encodeNil() { add(.scalar("null")) }
    mutating func encode(_ value: Bool) { add(.scalar(value ? "true" : "false")) }
    mutating func encode(_ value: String) { add(CompactJSON.quoted(value)) }
    mutating func encode(_ value: Double) throws { add(try CompactJSON.number(value)) }
    mutating func encode(_ value: Float) throws { add(try CompactJSON.number(value)) }
    mutating func encode(_ value: Int) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: Int8) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: Int16) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: Int32) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: Int64) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt8) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt16) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt32) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt64) { add(CompactJSON.number(value)) }
    mutating func encode(_ value: some Encodable) throws { add(try CompactJSON.node(of: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        add(.object(nested))
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        add(.array(nested))
        return UnkeyedWriter(array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let writer = Writer()
        add(.deferred(writer))
        return writer
    }
}

private struct SingleValueWriter: SingleValueEncodingContainer {
    let writer: Writer
    var codingPath: [any CodingKey] { [] }

    private func set(_ node: Node) {
        writer.node = node
    }

    mutating func encodeNil() { set(.scalar("null")) }
    mutating func encode(_ value: Bool) { set(.scalar(value ? "true" : "false")) }
    mutating func encode(_ value: String) { set(CompactJSON.quoted(value)) }
    mutating func encode(_ value: Double) throws { set(try CompactJSON.number(value)) }
    mutating func encode(_ value: Float) throws { set(try CompactJSON.number(value)) }
    mutating func encode(_ value: Int) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: Int8) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: Int16) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: Int32) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: Int64) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt8) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt16) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt32) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: UInt64) { set(CompactJSON.number(value)) }
    mutating func encode(_ value: some Encodable) throws { set(try CompactJSON.node(of: value)) }
}
