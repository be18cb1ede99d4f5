/// Hashes the words of raw UTF-8 bytes without building strings: the tokenizer of corpus-scale
/// deduplication.
///
/// A word is a maximal run of letters and digits after lowercasing — Python's `[^\W_]+` over
/// `str.lower()`, the features of datasketch/rensa pipelines — so underscores, punctuation and
/// combining marks separate words. ASCII takes a branch-light fast path on the bytes; other
/// scalars are decoded, lowercased with their full Unicode mapping and tested one by one.
/// Invalid UTF-8 bytes separate words. Unlike ``Tokenizer`` there is no NFKC folding: the
/// goal is agreement with the usual dedup features, at hundreds of megabytes a second.
public enum ByteTokenizer {
    /// Calls `body` with the hash of every word of `bytes`, in order (the hash of the word's lowercased UTF-8).
    @inline(__always)
    public static func forEachWordHash(in bytes: UnsafeRawBufferPointer, _ body: (UInt64) -> Void) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let end = bytes.count
        var word = WordHash()
        var index = 0
        while index < end {
            let byte = base[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if byte &- 0x30 < 10 {
                    word.append(byte)
                } else if lower &- 0x61 < 26 {
                    word.append(lower)
                } else if word.length > 0 {
                    body(word.finish())
                }
                index += 1
                continue
            }
            let (scalar, width) = decode(base, index, end)
            index += width
            guard let scalar else {
                if word.length > 0 { body(word.finish()) }
                continue
            }
            appendLowercased(scalar, to: &word, body)
        }
        if word.length > 0 { body(word.finish()) }
    }

    /// The words of `text` as strings, lowercased: the reference the hashes stand for (tests, debugging).
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            for lowered in lowercased(scalar) {
                if isWordScalar(lowered) {
                    current.append(lowered)
                } else if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Whether a (lowercased) scalar belongs to a word: a letter or a number, as Python's `str.isalnum`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.value < 0x80 {
            let value = scalar.value
            return [value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value | 0x20)! : scalar]
        }
        guard scalar.properties.changesWhenLowercased else { return [scalar] }
        return Array(scalar.properties.lowercaseMapping.unicodeScalars)
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout WordHash, _ body: (UInt64) -> Void) {
        for lowered in lowercased(scalar) {
            if isWordScalar(lowered) {
                for byte in UTF8.encode(lowered)! { word.append(byte) }
            } else if word.length > 0 {
                body(word.finish())
            }
        }
    }

    /// Decodes the scalar starting at a non-ASCII lead byte; nil (and width 1) for an invalid sequence.
    @inline(__always)
    private static func decode(_ base: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> (Unicode.Scalar?, Int) {
        let lead = UInt32(base[index])
        let width: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; value = lead & 0x1F; minimum = 0x80
        case 0xE0...0xEF: width = 3; value = lead & 0x0F; minimum = 0x800
        case 0xF0...0xF4: width = 4; value = lead & 0x07; minimum = 0x10000
        default: return (nil, 1)
        }
        guard index + width <= end else { return (nil, 1) }
        for offset in 1..<width {
            let byte = UInt32(base[index + offset])
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | byte & 0x3F
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, width)
    }
}

/// The running hash of one word's bytes: eight bytes are packed into a word before each mix.
private struct WordHash {
    var length = 0
    private var pending: UInt64 = 0
    private var state: UInt64 = 0

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        pending |= UInt64(byte) << UInt64((length & 7) << 3)
        length += 1
        if length & 7 == 0 {
            state = StableHash.combine(state, pending)
            pending = 0
        }
    }

    @inline(__always)
    mutating func finish() -> UInt64 {
        let hash = StableHash.combine(state ^ UInt64(length), pending)
        length = 0
        pending = 0
        state = 0
        return hash
    }
}
