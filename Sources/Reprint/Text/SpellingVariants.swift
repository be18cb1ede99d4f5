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
        for (british, american, shortestStem) in suffixes where word.hasSuffix(british) {
            let stem = word.dropLast(british.count)
            guard stem.count >= shortestStem else { continue }
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

    /// British suffix, American suffix, and the fewest letters that must precede the suffix:
    /// "-ise" needs three ("arise" and "noise" are not "-ize" words), "-tre" two ("metre", "litre").
    private static let suffixes: [(String, String, Int)] = [
        ("isations", "izations", 3), ("isation", "ization", 3), ("ising", "izing", 3), ("ised", "ized", 3),
        ("ises", "izes", 3), ("ise", "ize", 3), ("yse", "yze", 3), ("ysed", "yzed", 3), ("ysing", "yzing", 3),
        ("tre", "ter", 2), ("tres", "ters", 2), ("ogue", "og", 3), ("ogues", "ogs", 3),
    ]
}
