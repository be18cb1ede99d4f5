import Foundation

/// Folds British spellings to American ones before stemming, so that "organisation" and
/// "organization", "neighbouring" and "neighboring" give the same term.
public enum SpellingVariants {
    private static let ourExceptions: Set<String> = [
        "our", "ours", "four", "hour", "hours", "your", "yours", "tour", "tours", "pour", "pours", "sour",
        "flour", "court", "courts", "source", "sources", "course", "courses", "journal", "journey",
        "tourism", "tourist", "tourists", "detour", "contour", "contours", "devour", "amour", "troubadour",
    ]

    /// The American spelling of a lowercase word when it follows a regular British pattern, else the word.
    public static func american(_ word: String) -> String {
        guard word.count > 4, word.utf8.allSatisfy({ $0 < 0x80 }) else { return word }
        for (british, american) in suffixes where word.hasSuffix(british) {
            let stem = word.dropLast(british.count)
            guard stem.count >= 3 else { continue }
            return stem + american
        }
        if !ourExceptions.contains(word), let range = word.range(of: "our"), word.count > 5 {
            let after = word[range.upperBound...]
            if after.isEmpty || ["s", "ed", "ing", "ite", "ites", "able", "ful", "less", "er", "ers"].contains(String(after)) {
                return word.replacingCharacters(in: range, with: "or")
            }
        }
        return word
    }

    private static let suffixes: [(String, String)] = [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"),
        ("ises", "izes"), ("ise", "ize"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
        ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ogues", "ogs"),
    ]
}
