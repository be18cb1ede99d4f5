import Foundation

/// Turns the bytes of a file into text, the way Reprint reads every input.
///
/// UTF-8 with or without a byte-order mark is accepted; invalid byte sequences are replaced by
/// U+FFFD and counted, so the caller can warn. Content that looks binary (NUL bytes, or mostly
/// control characters) is refused rather than compared as if it were text.
public enum TextDecoder {
    /// The outcome of decoding one input.
    public enum Outcome: Sendable, Equatable {
        /// The bytes were text; `replacedSequences` counts invalid UTF-8 sequences replaced by U+FFFD.
        case text(String, replacedSequences: Int)
        /// The bytes look like a binary file.
        case binary
    }

    /// Decodes `bytes` as UTF-8 text.
    public static func decode(_ bytes: some Collection<UInt8>) -> Outcome {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var body = Array(bytes)
        if body.starts(with: byteOrderMark) { body.removeFirst(3) }
        if looksBinary(body) { return .binary }
        // Valid UTF-8, the usual case, is decoded at full speed; only invalid input goes scalar by scalar.
        // (Foundation would drop a second byte-order mark, which is text here.)
        if !body.starts(with: byteOrderMark), let text = String(bytes: body, encoding: .utf8) {
            return .text(text, replacedSequences: 0)
        }
        var replaced = 0
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        var iterator = body.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error:
                replaced += 1
                scalars.append("\u{FFFD}")
            case .emptyInput: break decoding
            }
        }
        return .text(String(scalars), replacedSequences: replaced)
    }

    /// Whether bytes look like a binary file: a NUL byte, or more than 10% control bytes in the first 8 KiB.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(8192)
        if head.contains(0) { return true }
        let controls = head.reduce(into: 0) { count, byte in
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { count += 1 }
        }
        return !head.isEmpty && controls * 10 > head.count
    }
}
