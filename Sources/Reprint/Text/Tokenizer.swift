import Foundation

/// Splits text into words, folding away the differences that do not change a text.
///
/// A word is a maximal run of letters, digits and combining marks; everything else (spaces,
/// punctuation, straight and curly quotes, dashes, apostrophes) separates words. Each word is
/// folded with NFKC and lowercased, so `Taliban’s`, `TALIBAN's` and `ｔａｌｉｂａｎ's` give the
/// same words. This is the normalization that decides whether two texts are identical.
public enum Tokenizer {
    /// The words of `text`, in order.
    public static func tokens(in text: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        var index = 0
        let count = text.count
        while index < count {
            guard isWordScalar(text[index]) else {
                index += 1
                continue
            }
            let start = index
            var isASCII = true
            while index < count, isWordScalar(text[index]) {
                if text[index].value >= 0x80 { isASCII = false }
                index += 1
            }
            let word = fold(text[start..<index], isASCII: isASCII)
            guard !word.isEmpty else { continue }
            tokens.append(Token(word: word, range: start..<index, isCapitalized: isUppercase(text[start])))
        }
        return tokens
    }

    /// Whether a scalar belongs to a word: a letter, a digit or a combining mark.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase
    }

    /// NFKC and lowercase; ASCII takes a fast path.
    private static func fold(_ scalars: ArraySlice<Unicode.Scalar>, isASCII: Bool) -> String {
        if isASCII {
            let bytes = scalars.map { scalar -> UInt8 in
                let value = UInt8(scalar.value)
                return value >= 0x41 && value <= 0x5A ? value | 0x20 : value
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let folded = String(view).precomposedStringWithCompatibilityMapping.lowercased()
        // NFKC can turn a word into several (a ligature, a fraction): keep only its word scalars.
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter(isWordScalar)))
    }
}
