/// A compact little-endian binary encoding: unsigned LEB128 varints and fixed 64-bit words.
///
/// Used for the features a persistent index keeps per document (see ``DocumentFeatures``).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func varint(_ value: Int) {
        varint(UInt64(value))
    }

    mutating func word(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// A count, then the words: copied in one go (each little-endian).
    mutating func words(_ values: [UInt64]) {
        varint(values.count)
        values.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``ByteWriter`` wrote; every read checks bounds and throws ``DocumentFeatures/DecodingError`` past the end.
struct ByteReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func varint() throws(DocumentFeatures.DecodingError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw .truncated }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func count() throws(DocumentFeatures.DecodingError) -> Int {
        let value = try varint()
        // Every element takes at least one byte: a larger count can only be corruption.
        guard value <= UInt64(bytes.count - position) else { throw .truncated }
        return Int(value)
    }

    mutating func int() throws(DocumentFeatures.DecodingError) -> Int {
        let value = try varint()
        guard value <= UInt64(Int.max) else { throw .truncated }
        return Int(value)
    }

    mutating func word() throws(DocumentFeatures.DecodingError) -> UInt64 {
        guard bytes.count - position >= 8 else { throw .truncated }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << UInt64(index * 8) }
        position += 8
        return value
    }

    /// A count, then the words: copied in one go.
    mutating func words() throws(DocumentFeatures.DecodingError) -> [UInt64] {
        let count = try count()
        guard (bytes.count - position) / 8 >= count else { throw .truncated }
        let start = position
        position += count * 8
        return bytes.withUnsafeBytes { bytes in
            (0..<count).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + $0 * 8, as: UInt64.self)) }
        }
    }
}
