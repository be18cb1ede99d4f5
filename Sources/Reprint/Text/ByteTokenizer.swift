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
        scanWordHashes(in: bytes, until: { body($0); return false })
    }

    /// Calls `body` with the hash of every word of `bytes`, in order, until it returns true;
    /// returns whether it did.
    ///
    /// ASCII text is taken 64 bytes at a time: a bit per byte marks the word bytes, and the word
    /// boundaries are the bits where that mask changes, walked without a branch per byte or per
    /// separator. A block with a non-ASCII byte goes to the byte loop (from the start of the word in
    /// progress, where its state is only a position), which hands back to the blocks after the
    /// first ASCII separator past that block.
    @inline(__always)
    @discardableResult
    static func scanWordHashes(in bytes: UnsafeRawBufferPointer, until body: (UInt64) -> Bool) -> Bool {
        guard let raw = bytes.baseAddress else { return false }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let end = bytes.count
        var blockStart = 0
        var wordStart = -1
        var endsInWord: UInt64 = 0
        while blockStart < end {
            let block = blockStart + 64 <= end
                ? asciiWordMask(raw + blockStart)
                : withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { padded in
                    // The last bytes, padded with zeros (separators).
                    padded.initialize(repeating: 0)
                    UnsafeMutableRawPointer(padded.baseAddress!).copyMemory(from: raw + blockStart, byteCount: end - blockStart)
                    return asciiWordMask(UnsafeRawPointer(padded.baseAddress!))
                }
            guard let words = block else {
                // The byte loop takes this block (from the start of the word in progress) and
                // stops after the first ASCII separator past it, where the blocks take over again.
                // It collects the hashes instead of calling `body` itself: the closure does not
                // escape to a function that is not inlined, so the caller's state stays in
                // registers in the loop above.
                let (hashes, resume) = wordHashes(base, from: wordStart >= 0 ? wordStart : blockStart, end: end, stopAfter: blockStart + 64)
                for hash in hashes where body(hash) { return true }
                blockStart = resume
                wordStart = -1
                endsInWord = 0
                continue
            }
            // A bit at each word start and each word end (the first byte after the word), taken in pairs.
            var boundaries = words ^ (words << 1 | endsInWord)
            if wordStart >= 0 && boundaries != 0 {
                if body(asciiWordHash(base, from: wordStart, to: blockStart + boundaries.trailingZeroBitCount, end: end)) { return true }
                boundaries &= boundaries &- 1
                wordStart = -1
            }
            while boundaries != 0 {
                let start = blockStart + boundaries.trailingZeroBitCount
                boundaries &= boundaries &- 1
                guard boundaries != 0 else {
                    wordStart = start
                    break
                }
                if body(asciiWordHash(base, from: start, to: blockStart + boundaries.trailingZeroBitCount, end: end)) { return true }
                boundaries &= boundaries &- 1
            }
            endsInWord = words >> 63
            blockStart += 64
        }
        return wordStart >= 0 && body(asciiWordHash(base, from: wordStart, to: end, end: end))
    }

    /// A bit per byte of the 64 bytes at `address`, set for the ASCII letters and digits; nil if
    /// one of the bytes is not ASCII.
    @inline(__always)
    private static func asciiWordMask(_ address: UnsafeRawPointer) -> UInt64? {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var mask: UInt64 = 0, nonASCII: UInt64 = 0
        for lane in 0..<8 {
            let x = UInt64(littleEndian: address.loadUnaligned(fromByteOffset: lane * 8, as: UInt64.self))
            nonASCII |= x
            // SWAR range checks (no carry crosses bytes when all are ASCII): the high bit of each word byte.
            let y = x | 0x2020_2020_2020_2020
            let letter = (y &+ ones &* 0x1F) & ~(y &+ ones &* 0x05)
            let digit = (x &+ ones &* 0x50) & ~(x &+ ones &* 0x46)
            // Gather the eight high bits into one byte.
            let gathered = (((letter | digit) & high) >> 7 &* 0x0102_0408_1020_4080) >> 56
            mask |= gathered << UInt64(lane * 8)
        }
        return nonASCII & high == 0 ? mask : nil
    }

    /// The word hashes of the byte-by-byte scan of ``scanWordHashes(in:until:)`` from `from`, a
    /// position outside any word or at a word's start (ASCII words still hashed eight bytes at a
    /// time), up to the first ASCII separator at or after `stopAfter`; and where the scan stopped
    /// (just after that separator, or `end`).
    private static func wordHashes(_ base: UnsafePointer<UInt8>, from: Int, end: Int, stopAfter: Int) -> (hashes: [UInt64], resume: Int) {
        var hashes: [UInt64] = []
        var word = WordHash()
        var index = from
        while index < end {
            let byte = base[index]
            if byte < 0x80 {
                guard isASCIIWordByte(byte) else {
                    if word.length > 0 { hashes.append(word.finish()) }
                    index += 1
                    if index > stopAfter { return (hashes, index) }
                    continue
                }
                if word.length == 0 {
                    // A word that starts with ASCII: find its end, and hash it eight bytes at a time
                    // unless it goes on with a non-ASCII byte (then the byte loop below takes it).
                    let stop = asciiWordEnd(base, from: index + 1, end: end)
                    if stop == end || base[stop] < 0x80 {
                        hashes.append(asciiWordHash(base, from: index, to: stop, end: end))
                        index = stop
                        continue
                    }
                }
                word.append(byte | 0x20)
                index += 1
                continue
            }
            let (scalar, width) = decode(base, index, end)
            index += width
            guard let scalar else {
                if word.length > 0 { hashes.append(word.finish()) }
                continue
            }
            appendLowercased(scalar, to: &word, hashes: &hashes)
        }
        if word.length > 0 { hashes.append(word.finish()) }
        return (hashes, end)
    }

    /// Whether a byte is an ASCII letter or digit (for those, `byte | 0x20` is the lowercase byte).
    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// The first index from `from` whose byte is not an ASCII letter or digit (`end` if none),
    /// testing eight bytes at a time (SWAR range checks: a carry out of a non-ASCII byte can only
    /// spoil the bytes after it, and that byte itself ends the word).
    @inline(__always)
    private static func asciiWordEnd(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var index = from
        while index + 8 <= end {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let ascii = ~x & high
            let y = x | 0x2020_2020_2020_2020
            let letter = (y &+ ones &* 0x1F) & ~(y &+ ones &* 0x05)
            let digit = (x &+ ones &* 0x50) & ~(x &+ ones &* 0x46)
            let other = ~((letter | digit) & ascii) & high
            if other != 0 { return index + other.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end && isASCIIWordByte(base[index]) { index += 1 }
        return index
    }

    /// The hash of the ASCII word `base[from..<to]`, lowercased: the value ``WordHash`` gives
    /// byte by byte, computed from unaligned 8-byte loads (`end` bounds the readable bytes).
    @inline(__always)
    private static func asciiWordHash(_ base: UnsafePointer<UInt8>, from: Int, to: Int, end: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        let lower: UInt64 = 0x2020_2020_2020_2020
        let length = to - from
        if length < 16 && from + 16 <= end {
            // A word under 16 bytes (nearly all of them) without a branch on its length, which
            // would be mispredicted for the one word in four or five that has eight bytes or more:
            // the first eight bytes' step is computed for every word and kept by a mask.
            let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: from, as: UInt64.self)) | lower
            let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: from + 8, as: UInt64.self)) | lower
            let long = 0 &- UInt64(truncatingIfNeeded: length &>> 3)
            let rest = length & 7
            let mask = (UInt64(1) &<< UInt64(rest &* 8)) &- 1
            return combine(combine(0, first) & long ^ UInt64(length), (second & long | first & ~long) & mask)
        }
        var state: UInt64 = 0
        var index = from
        while index + 8 <= to {
            state = combine(state, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) | lower)
            index += 8
        }
        let rest = to - index
        var pending: UInt64 = 0
        if index + 8 <= end {
            // No branch on the word's length: the mask is 0 when no byte is left.
            let mask = (UInt64(1) &<< UInt64(rest &* 8)) &- 1
            pending = (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) | lower) & mask
        } else {
            for offset in 0..<rest { pending |= UInt64(base[index + offset] | 0x20) << UInt64(offset * 8) }
        }
        return combine(state ^ UInt64(to - from), pending)
    }

    /// A word's hash state after eight more bytes (or, with its length mixed in, its hash): like
    /// ``StableHash/combine(_:_:)`` but finished with ``StableHash/multiplyFold(_:by:)`` instead of
    /// splitmix: a bijection of the same value, so it tells apart the same words; the shingle hash
    /// mixes again.
    @inline(__always)
    fileprivate static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        StableHash.multiplyFold(seed &* 0x9e37_79b9_7f4a_7c15 ^ value, by: 0xd6e8_feb8_6659_fd93)
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

    /// Adds a scalar's lowercase form to the word, ending it (its hash to `hashes`) at each
    /// scalar that is not a word scalar.
    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout WordHash, hashes: inout [UInt64]) {
        for lowered in lowercased(scalar) {
            if isWordScalar(lowered) {
                for byte in UTF8.encode(lowered)! { word.append(byte) }
            } else if word.length > 0 {
                hashes.append(word.finish())
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
            state = ByteTokenizer.combine(state, pending)
            pending = 0
        }
    }

    @inline(__always)
    mutating func finish() -> UInt64 {
        let hash = ByteTokenizer.combine(state ^ UInt64(length), pending)
        length = 0
        pending = 0
        state = 0
        return hash
    }
}
