/// Decodes HTML character references: `&amp;`, `&eacute;`, `&#233;`, `&#xE9;`.
///
/// Markdown uses the same references, so both strippers share this decoder.
enum HTMLEntities {
    /// The longest name looked up; longer runs of letters are not references.
    private static let longestName = 32

    /// Decodes the character reference starting at `start` (an `&`), looking no further than `end`.
    ///
    /// Returns the decoded scalar and the number of original scalars the reference spans, or `nil`
    /// when the `&` does not start a known reference and must be kept as text. Named references
    /// need their closing `;`; numeric ones may omit it, as browsers allow.
    static func decode(_ source: [Unicode.Scalar], at start: Int, end: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard start + 2 < end, source[start] == "&" else { return nil }
        if source[start + 1] == "#" {
            return decodeNumeric(source, at: start, end: end)
        }
        var name = ""
        var index = start + 1
        while index < end, index - start <= longestName, isASCIIAlphanumeric(source[index]) {
            name.unicodeScalars.append(source[index])
            index += 1
        }
        guard index < end, source[index] == ";", let value = named[name], let scalar = Unicode.Scalar(value) else {
            return nil
        }
        return (scalar, index + 1 - start)
    }

    /// Decodes `&#123;` or `&#x7B;` starting at `start`.
    private static func decodeNumeric(_ source: [Unicode.Scalar], at start: Int,
                                      end: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        var index = start + 2
        let radix: UInt32
        if index < end, source[index] == "x" || source[index] == "X" {
            radix = 16
            index += 1
        } else {
            radix = 10
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < end, let digit = digitValue(source[index], radix: radix) {
            value = min(value &* radix &+ digit, 0x110000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < end, source[index] == ";" { index += 1 }
        return (scalar(forCodePoint: value), index - start)
    }

    /// The scalar a numeric reference stands for, with the browser fix-ups: Windows-1252 code
    /// points for 0x80–0x9F (old pages write `&#146;` for `’`) and U+FFFD for invalid values.
    private static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value), let windows = windows1252[value], let scalar = Unicode.Scalar(windows) {
            return scalar
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46 where radix == 16: return scalar.value - 0x41 + 10
        case 0x61...0x66 where radix == 16: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    /// Whether `scalar` is an ASCII letter or digit, the characters of entity and tag names.
    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// The characters Windows-1252 puts at 0x80–0x9F, which browsers use for those numeric references.
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
        0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
        0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
        0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
        0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// The names of U+00A0 through U+00FF, in code point order (the HTML 4 Latin-1 set).
    private static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
        "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
        "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
        "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
        "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
        "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
        "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
        "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
        "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    /// Named references outside Latin-1: the rest of HTML 4 and the HTML 5 names met in practice.
    private static let otherNames: [String: UInt32] = [
        // Markup-significant and ASCII punctuation
        "quot": 34, "amp": 38, "apos": 39, "lt": 60, "gt": 62,
        "QUOT": 34, "AMP": 38, "LT": 60, "GT": 62, "COPY": 169, "REG": 174, "TRADE": 8482,
        "excl": 33, "num": 35, "dollar": 36, "percnt": 37, "lpar": 40, "rpar": 41, "ast": 42,
        "plus": 43, "comma": 44, "period": 46, "sol": 47, "colon": 58, "semi": 59, "equals": 61,
        "quest": 63, "commat": 64, "lsqb": 91, "lbrack": 91, "bsol": 92, "rsqb": 93, "rbrack": 93,
        "Hat": 94, "lowbar": 95, "grave": 96, "lcub": 123, "lbrace": 123, "verbar": 124,
        "vert": 124, "rcub": 125, "rbrace": 125, "half": 189, "centerdot": 183,
        // Latin Extended-A
        "Amacr": 256, "amacr": 257, "Abreve": 258, "abreve": 259, "Aogon": 260, "aogon": 261,
        "Cacute": 262, "cacute": 263, "Ccaron": 268, "ccaron": 269, "Dcaron": 270, "dcaron": 271,
        "Dstrok": 272, "dstrok": 273, "Emacr": 274, "emacr": 275, "Eogon": 280, "eogon": 281,
        "Ecaron": 282, "ecaron": 283, "Gbreve": 286, "gbreve": 287, "Imacr": 298, "imacr": 299,
        "Idot": 304, "imath": 305, "inodot": 305, "Lstrok": 321, "lstrok": 322, "Nacute": 323,
        "nacute": 324, "Ncaron": 327, "ncaron": 328, "Omacr": 332, "omacr": 333, "Odblac": 336,
        "odblac": 337, "OElig": 338, "oelig": 339, "Rcaron": 344, "rcaron": 345, "Sacute": 346,
        "sacute": 347, "Scedil": 350, "scedil": 351, "Scaron": 352, "scaron": 353, "Tcaron": 356,
        "tcaron": 357, "Umacr": 362, "umacr": 363, "Uring": 366, "uring": 367, "Udblac": 368,
        "udblac": 369, "Yuml": 376, "Zacute": 377, "zacute": 378, "Zdot": 379, "zdot": 380,
        "Zcaron": 381, "zcaron": 382, "fnof": 402, "circ": 710, "tilde": 732,
        // Greek
        "Alpha": 913, "Beta": 914, "Gamma": 915, "Delta": 916, "Epsilon": 917, "Zeta": 918,
        "Eta": 919, "Theta": 920, "Iota": 921, "Kappa": 922, "Lambda": 923, "Mu": 924, "Nu": 925,
        "Xi": 926, "Omicron": 927, "Pi": 928, "Rho": 929, "Sigma": 931, "Tau": 932,
        "Upsilon": 933, "Phi": 934, "Chi": 935, "Psi": 936, "Omega": 937, "ohm": 937,
        "alpha": 945, "beta": 946, "gamma": 947, "delta": 948, "epsilon": 949, "zeta": 950,
        "eta": 951, "theta": 952, "iota": 953, "kappa": 954, "lambda": 955, "mu": 956, "nu": 957,
        "xi": 958, "omicron": 959, "pi": 960, "rho": 961, "sigmaf": 962, "sigma": 963, "tau": 964,
        "upsilon": 965, "phi": 966, "chi": 967, "psi": 968, "omega": 969, "thetasym": 977,
        "upsih": 978, "piv": 982,
        // Spaces, dashes, quotes and other punctuation
        "ensp": 8194, "emsp": 8195, "numsp": 8199, "puncsp": 8200, "thinsp": 8201, "hairsp": 8202,
        "ZeroWidthSpace": 8203, "zwnj": 8204, "zwj": 8205, "lrm": 8206, "rlm": 8207,
        "hyphen": 8208, "dash": 8208, "ndash": 8211, "mdash": 8212, "horbar": 8213,
        "lsquo": 8216, "rsquo": 8217, "rsquor": 8217, "sbquo": 8218, "lsquor": 8218,
        "ldquo": 8220, "rdquo": 8221, "rdquor": 8221, "bdquo": 8222, "ldquor": 8222,
        "dagger": 8224, "Dagger": 8225, "bull": 8226, "bullet": 8226, "nldr": 8229,
        "hellip": 8230, "mldr": 8230, "permil": 8240, "prime": 8242, "Prime": 8243,
        "lsaquo": 8249, "rsaquo": 8250, "oline": 8254, "caret": 8257, "frasl": 8260,
        "NoBreak": 8288, "euro": 8364,
        // Letterlike symbols and arrows
        "image": 8465, "weierp": 8472, "real": 8476, "trade": 8482, "alefsym": 8501,
        "larr": 8592, "uarr": 8593, "rarr": 8594, "darr": 8595, "harr": 8596, "crarr": 8629,
        "lArr": 8656, "uArr": 8657, "rArr": 8658, "dArr": 8659, "hArr": 8660,
        // Mathematical operators
        "forall": 8704, "part": 8706, "exist": 8707, "empty": 8709, "nabla": 8711, "isin": 8712,
        "notin": 8713, "ni": 8715, "prod": 8719, "sum": 8721, "minus": 8722, "lowast": 8727,
        "radic": 8730, "prop": 8733, "infin": 8734, "ang": 8736, "and": 8743, "or": 8744,
        "cap": 8745, "cup": 8746, "int": 8747, "there4": 8756, "sim": 8764, "cong": 8773,
        "asymp": 8776, "ne": 8800, "equiv": 8801, "le": 8804, "ge": 8805, "sub": 8834,
        "sup": 8835, "nsub": 8836, "sube": 8838, "supe": 8839, "oplus": 8853, "otimes": 8855,
        "perp": 8869, "sdot": 8901, "lceil": 8968, "rceil": 8969, "lfloor": 8970, "rfloor": 8971,
        "lang": 10216, "rang": 10217,
        // Shapes and dingbats
        "loz": 9674, "starf": 9733, "star": 9734, "spades": 9824, "clubs": 9827, "hearts": 9829,
        "diams": 9830, "check": 10003, "cross": 10007,
    ]

    /// Every known name and the code point it stands for.
    private static let named: [String: UInt32] = {
        var table = otherNames
        for (offset, name) in latin1Names.enumerated() {
            table[name] = 0xA0 + UInt32(offset)
        }
        return table
    }()
}
