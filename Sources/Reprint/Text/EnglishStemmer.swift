/// The Snowball English ("Porter2") stemmer.
///
/// This follows the current reference algorithm of the Snowball project (`english.sbl` as
/// released in Snowball 3.1): the exception list, the regions R1 and R2 (with the `gener`,
/// `commun`, `arsen`, `past`, `univers`, `later`, `emerg`, `organ` and `inter` prefixes),
/// steps 0 to 5, the special `-ing` forms (`dying` → `die`, `inning` unchanged) and the
/// `-eed` forms (`proceed` unchanged).
/// It works on ASCII bytes; a word that holds anything other than `a`–`z` and the apostrophe
/// (a digit, an uppercase or a non-ASCII letter) is returned unchanged, as is a word of at most
/// two letters.
public enum EnglishStemmer {
    /// The Porter2 (Snowball English) stem of a lowercase word.
    ///
    /// `stem("consignment")` is `consign`, `stem("generously")` is `generous`,
    /// `stem("skies")` is `sky`.
    public static func stem(_ word: String) -> String {
        var utf8Count = 0
        for byte in word.utf8 {
            guard isStemmable(byte) else { return word }
            utf8Count += 1
        }
        guard utf8Count > 2 else { return word }
        if utf8Count <= 6, let exception = exceptions[word] { return exception }
        var stemmer = Porter2Word(Array(word.utf8))
        stemmer.run()
        return stemmer.result
    }

    /// Whether a byte may appear in a word this stemmer changes: `a`–`z` or the apostrophe.
    private static func isStemmable(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || byte == 0x27
    }

    /// Whole words with a fixed stem (Snowball's `exception1`).
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe",
        "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
}

// MARK: - The algorithm

/// ASCII codes used by the algorithm.
private enum Letter {
    static let apostrophe = UInt8(ascii: "'")
    static let y = UInt8(ascii: "y")
    static let upperY = UInt8(ascii: "Y")
    static let e = UInt8(ascii: "e")
    static let i = UInt8(ascii: "i")
    static let l = UInt8(ascii: "l")
    static let s = UInt8(ascii: "s")
    static let t = UInt8(ascii: "t")
    static let w = UInt8(ascii: "w")
    static let x = UInt8(ascii: "x")
}

/// The bytes of an ASCII literal.
private func bytes(_ text: StaticString) -> [UInt8] {
    Array(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
}

/// A suffix and what replaces it, in a table sorted longest first.
private struct Rule: Sendable {
    let suffix: [UInt8]
    let replacement: [UInt8]
    let kind: Kind

    enum Kind: Sendable {
        /// Replace the suffix.
        case replace
        /// `ogi` → `og` only after `l`.
        case afterL
        /// `li` deleted only after a valid li-ending (c d e g h k m n r t).
        case afterValidLi
        /// `ative` deleted only in R2.
        case inR2
        /// `ion` deleted only after `s` or `t`.
        case afterSOrT
    }

    init(_ suffix: StaticString, _ replacement: StaticString, _ kind: Kind = .replace) {
        self.suffix = bytes(suffix)
        self.replacement = bytes(replacement)
        self.kind = kind
    }
}

/// The suffix tables of steps 2, 3 and 4, each sorted longest first so that the first match is
/// the longest one, as Snowball's `among` requires.
private enum Tables {
    static let step2: [Rule] = sortedLongestFirst([
        Rule("tional", "tion"), Rule("enci", "ence"), Rule("anci", "ance"), Rule("abli", "able"),
        Rule("entli", "ent"), Rule("izer", "ize"), Rule("ization", "ize"),
        Rule("ational", "ate"), Rule("ation", "ate"), Rule("ator", "ate"),
        Rule("alism", "al"), Rule("aliti", "al"), Rule("alli", "al"),
        Rule("fulness", "ful"), Rule("ousli", "ous"), Rule("ousness", "ous"),
        Rule("iveness", "ive"), Rule("iviti", "ive"), Rule("biliti", "ble"), Rule("bli", "ble"),
        Rule("ogist", "og"), Rule("ogi", "og", .afterL), Rule("fulli", "ful"), Rule("lessli", "less"),
        Rule("li", "", .afterValidLi),
    ])

    static let step3: [Rule] = sortedLongestFirst([
        Rule("tional", "tion"), Rule("ational", "ate"), Rule("alize", "al"),
        Rule("icate", "ic"), Rule("iciti", "ic"), Rule("ical", "ic"),
        Rule("ful", ""), Rule("ness", ""), Rule("ative", "", .inR2),
    ])

    static let step4: [Rule] = sortedLongestFirst([
        Rule("al", ""), Rule("ance", ""), Rule("ence", ""), Rule("er", ""), Rule("ic", ""),
        Rule("able", ""), Rule("ible", ""), Rule("ant", ""), Rule("ement", ""), Rule("ment", ""),
        Rule("ent", ""), Rule("ism", ""), Rule("ate", ""), Rule("iti", ""), Rule("ous", ""),
        Rule("ive", ""), Rule("ize", ""), Rule("ion", "", .afterSOrT),
    ])

    /// Prefixes that fix R1 (Snowball's `mark_regions`).
    static let regionPrefixes: [[UInt8]] = [
        bytes("gener"), bytes("commun"), bytes("arsen"), bytes("past"), bytes("univers"),
        bytes("later"), bytes("emerg"), bytes("organ"), bytes("inter"),
    ]

    /// Stems before `eed` that stay whole (`proceed`, `exceed`, `succeed`).
    static let keptEedStems: [[UInt8]] = [bytes("proc"), bytes("exc"), bytes("succ")]

    /// Stems before `ing` that stay whole (`inning`, `outing`, `canning`, …).
    static let keptIngStems: [[UInt8]] = [
        bytes("inn"), bytes("out"), bytes("cann"), bytes("herr"), bytes("earr"), bytes("even"),
    ]

    static let doubles: [[UInt8]] = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map { Array($0.utf8) }
    static let endingsTakingE: [[UInt8]] = [bytes("at"), bytes("bl"), bytes("iz")]
    static let past = bytes("past")

    static let possessives: [[UInt8]] = [bytes("'s'"), bytes("'s"), bytes("'")]
    static let sses = bytes("sses")
    static let ss = bytes("ss")
    static let us = bytes("us")
    static let ied = bytes("ied")
    static let ies = bytes("ies")
    static let eedly = bytes("eedly")
    static let ingly = bytes("ingly")
    static let edly = bytes("edly")
    static let eed = bytes("eed")
    static let ing = bytes("ing")
    static let ed = bytes("ed")

    private static func sortedLongestFirst(_ rules: [Rule]) -> [Rule] {
        rules.sorted { $0.suffix.count > $1.suffix.count }
    }
}

/// One word being stemmed: its bytes and the start of its regions R1 and R2.
private struct Porter2Word {
    private var word: [UInt8]
    private var r1 = 0
    private var r2 = 0

    init(_ bytes: [UInt8]) {
        word = bytes
    }

    /// The stem, with `Y` back to `y` (Snowball's postlude).
    var result: String {
        var bytes = word
        for index in bytes.indices where bytes[index] == Letter.upperY { bytes[index] = Letter.y }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func run() {
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        applySuffixRules(Tables.step2, region: r1)
        applySuffixRules(Tables.step3, region: r1)
        applySuffixRules(Tables.step4, region: r2)
        step5()
    }

    // MARK: Letters

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    private static func isAEO(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "o")
    }

    private static func isValidLiEnding(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
             UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    // MARK: Helpers

    private func hasSuffix(_ suffix: [UInt8]) -> Bool {
        hasSuffix(suffix, endingAt: word.count)
    }

    /// Whether `word[..<end]` ends with `suffix`.
    private func hasSuffix(_ suffix: [UInt8], endingAt end: Int) -> Bool {
        guard suffix.count <= end else { return false }
        var index = end
        for byte in suffix.reversed() {
            index -= 1
            guard word[index] == byte else { return false }
        }
        return true
    }

    /// Whether `word[..<end]` is exactly one of `stems`.
    private func prefix(upTo end: Int, isOneOf stems: [[UInt8]]) -> Bool {
        stems.contains { $0.count == end && hasSuffix($0, endingAt: end) }
    }

    private func containsVowel(before end: Int) -> Bool {
        word[..<end].contains(where: Self.isVowel)
    }

    private mutating func replaceSuffix(length: Int, with replacement: [UInt8]) {
        word.removeLast(length)
        word.append(contentsOf: replacement)
    }

    /// Whether `word[..<end]` ends in a short syllable (Snowball's `shortv`): a non-vowel other
    /// than w, x, Y after a vowel after a non-vowel; a vowel then a non-vowel at the start of the
    /// word; or `past`.
    private func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3,
           !Self.isVowel(word[end - 1]), word[end - 1] != Letter.w, word[end - 1] != Letter.x,
           word[end - 1] != Letter.upperY,
           Self.isVowel(word[end - 2]), !Self.isVowel(word[end - 3]) {
            return true
        }
        if end == 2, !Self.isVowel(word[1]), Self.isVowel(word[0]) {
            return true
        }
        return hasSuffix(Tables.past, endingAt: end)
    }

    // MARK: Prelude and regions

    /// Drops a leading apostrophe and marks consonant y (initial, or after a vowel) as `Y`.
    private mutating func prelude() {
        if word.first == Letter.apostrophe { word.removeFirst() }
        guard !word.isEmpty else { return }
        if word[0] == Letter.y { word[0] = Letter.upperY }
        for index in word.indices.dropFirst() where word[index] == Letter.y && Self.isVowel(word[index - 1]) {
            word[index] = Letter.upperY
        }
    }

    /// R1 starts after the first non-vowel that follows a vowel (or after a listed prefix);
    /// R2 is the same rule applied again inside R1.
    private mutating func markRegions() {
        r1 = word.count
        r2 = word.count
        if let prefix = Tables.regionPrefixes.first(where: { hasPrefix($0) }) {
            r1 = prefix.count
        } else if let end = endOfSyllable(from: 0) {
            r1 = end
        } else {
            return
        }
        r2 = endOfSyllable(from: r1) ?? word.count
    }

    private func hasPrefix(_ prefix: [UInt8]) -> Bool {
        word.count >= prefix.count && word[..<prefix.count].elementsEqual(prefix)
    }

    /// The index after the first non-vowel that follows a vowel, searching from `start`.
    private func endOfSyllable(from start: Int) -> Int? {
        var index = start
        while index < word.count, !Self.isVowel(word[index]) { index += 1 }
        while index < word.count, Self.isVowel(word[index]) { index += 1 }
        return index < word.count ? index + 1 : nil
    }

    // MARK: Steps

    /// Step 0 and 1a: possessive apostrophes, then plural `-s` endings.
    private mutating func step1a() {
        if let possessive = Tables.possessives.first(where: hasSuffix) {
            word.removeLast(possessive.count)
        }
        if hasSuffix(Tables.sses) {
            word.removeLast(2)
        } else if hasSuffix(Tables.ied) || hasSuffix(Tables.ies) {
            replaceSuffix(length: 3, with: word.count - 3 >= 2 ? [Letter.i] : [Letter.i, Letter.e])
        } else if hasSuffix(Tables.ss) || hasSuffix(Tables.us) {
            return
        } else if word.last == Letter.s, word.count >= 2, containsVowel(before: word.count - 2) {
            word.removeLast()
        }
    }

    /// Step 1b: `-eed`, `-ed`, `-ing` and their `-ly` forms.
    private mutating func step1b() {
        if hasSuffix(Tables.eedly) {
            replaceEed(length: 5)
        } else if hasSuffix(Tables.ingly) {
            removeVerbSuffix(length: 5)
        } else if hasSuffix(Tables.edly) {
            removeVerbSuffix(length: 4)
        } else if hasSuffix(Tables.eed) {
            replaceEed(length: 3)
        } else if hasSuffix(Tables.ing) {
            removeIng()
        } else if hasSuffix(Tables.ed) {
            removeVerbSuffix(length: 2)
        }
    }

    /// `-eed`/`-eedly` → `-ee` in R1, except for `proceed`, `exceed`, `succeed`.
    private mutating func replaceEed(length: Int) {
        let start = word.count - length
        guard !prefix(upTo: start, isOneOf: Tables.keptEedStems), start >= r1 else { return }
        replaceSuffix(length: length, with: [Letter.e, Letter.e])
    }

    /// `-ing`, with its exceptions: `dying` → `die` (a non-vowel, `y`), and `inning`, `outing`, …
    /// unchanged.
    private mutating func removeIng() {
        let start = word.count - 3
        if start == 2, word[1] == Letter.y, !Self.isVowel(word[0]) {
            word = [word[0], Letter.i, Letter.e]
            return
        }
        if prefix(upTo: start, isOneOf: Tables.keptIngStems) { return }
        removeVerbSuffix(length: 3)
    }

    /// Removes `-ed`, `-edly`, `-ing`, `-ingly` after a stem with a vowel, then tidies the stem
    /// end: `-at`/`-bl`/`-iz` and short words gain an `e`, a double consonant loses one letter.
    private mutating func removeVerbSuffix(length: Int) {
        let start = word.count - length
        guard containsVowel(before: start) else { return }
        word.removeLast(length)
        if Tables.endingsTakingE.contains(where: hasSuffix) {
            word.append(Letter.e)
        } else if Tables.doubles.contains(where: hasSuffix) {
            let isShortDouble = word.count == 3 && Self.isAEO(word[0])
            if !isShortDouble { word.removeLast() }
        } else if word.count == r1, endsInShortSyllable(word.count) {
            word.append(Letter.e)
        }
    }

    /// Step 1c: a final `y` after a non-vowel that is not the first letter becomes `i`.
    private mutating func step1c() {
        let count = word.count
        guard count >= 3, word[count - 1] == Letter.y || word[count - 1] == Letter.upperY,
              !Self.isVowel(word[count - 2]) else { return }
        word[count - 1] = Letter.i
    }

    /// Steps 2, 3 and 4: the longest matching suffix of `rules`, if it lies in the region.
    private mutating func applySuffixRules(_ rules: [Rule], region: Int) {
        guard let rule = rules.first(where: { hasSuffix($0.suffix) }) else { return }
        let start = word.count - rule.suffix.count
        guard start >= region, condition(of: rule.kind, at: start) else { return }
        replaceSuffix(length: rule.suffix.count, with: rule.replacement)
    }

    private func condition(of kind: Rule.Kind, at start: Int) -> Bool {
        switch kind {
        case .replace:
            return true
        case .afterL:
            return start > 0 && word[start - 1] == Letter.l
        case .afterValidLi:
            return start > 0 && Self.isValidLiEnding(word[start - 1])
        case .inR2:
            return start >= r2
        case .afterSOrT:
            return start > 0 && (word[start - 1] == Letter.s || word[start - 1] == Letter.t)
        }
    }

    /// Step 5: a final `e` in R2, or in R1 after no short syllable; a final `l` after `l` in R2.
    private mutating func step5() {
        guard let last = word.last else { return }
        let start = word.count - 1
        if last == Letter.e {
            if start >= r2 || (start >= r1 && !endsInShortSyllable(start)) { word.removeLast() }
        } else if last == Letter.l {
            if start >= r2, start > 0, word[start - 1] == Letter.l { word.removeLast() }
        }
    }
}
