/// One aligned passage pair between a suspicious and a source document: a plagiarism case
/// from PAN's ground truth, or a detection produced by a text-alignment algorithm.
///
/// Offsets and lengths count Unicode scalars (code points) from the start of the document's
/// UTF-8 text, which is how the PAN corpora define them. They are not Swift `Character`
/// (grapheme cluster) offsets and not UTF-8 byte or UTF-16 offsets; use
/// ``PANCorpus/passage(of:in:)`` to cut a passage out of a `String`.
///
/// Which documents the passages belong to is not stored here: it is the ``PairKey`` under
/// which a case is filed.
public struct PlagiarismCase: Sendable, Hashable, Codable {
    /// Offset of the passage in the suspicious document, in Unicode scalars.
    public var suspiciousOffset: Int
    /// Length of the passage in the suspicious document, in Unicode scalars.
    public var suspiciousLength: Int
    /// Offset of the passage in the source document, in Unicode scalars.
    public var sourceOffset: Int
    /// Length of the passage in the source document, in Unicode scalars.
    public var sourceLength: Int
    /// PAN's obfuscation label (`none`, `random`, `summary`, …, or the `type` such as
    /// `translation-chain` when the truth has no obfuscation attribute); `nil` for detections.
    public var obfuscation: String?

    /// Creates a case from offsets and lengths.
    public init(
        suspiciousOffset: Int,
        suspiciousLength: Int,
        sourceOffset: Int,
        sourceLength: Int,
        obfuscation: String? = nil
    ) {
        self.suspiciousOffset = suspiciousOffset
        self.suspiciousLength = suspiciousLength
        self.sourceOffset = sourceOffset
        self.sourceLength = sourceLength
        self.obfuscation = obfuscation
    }

    /// Creates a case from half-open scalar ranges in the suspicious and the source document.
    public init(suspicious: Range<Int>, source: Range<Int>, obfuscation: String? = nil) {
        self.init(
            suspiciousOffset: suspicious.lowerBound,
            suspiciousLength: suspicious.count,
            sourceOffset: source.lowerBound,
            sourceLength: source.count,
            obfuscation: obfuscation
        )
    }

    /// The passage in the suspicious document as a half-open scalar range (empty if the length is not positive).
    public var suspiciousRange: Range<Int> {
        suspiciousOffset..<(suspiciousOffset + max(0, suspiciousLength))
    }

    /// The passage in the source document as a half-open scalar range (empty if the length is not positive).
    public var sourceRange: Range<Int> {
        sourceOffset..<(sourceOffset + max(0, sourceLength))
    }

    /// Number of characters the case covers on both sides together, as PAN counts them.
    public var characterCount: Int {
        suspiciousRange.count + sourceRange.count
    }

    /// Whether `other` overlaps this case in the way PAN's evaluator requires for a detection:
    /// on the suspicious side **and** on the source side. (The two must also belong to the same
    /// document pair, which is the caller's concern.)
    ///
    /// Each side uses the official script's test `a.offset < b.offset + b.length && b.offset < a.offset + a.length`.
    /// For non-empty passages that means sharing at least one character; unlike `Range.overlaps`,
    /// an empty passage strictly inside the other one also counts, as in the script.
    public func overlaps(_ other: PlagiarismCase) -> Bool {
        Self.panOverlap(suspiciousRange, other.suspiciousRange) && Self.panOverlap(sourceRange, other.sourceRange)
    }

    private static func panOverlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
    }
}

/// Identifies a (suspicious document, source document) pair by file name, e.g.
/// `suspicious-document00005.txt` and `source-document01090.txt`, exactly as written in a
/// PAN `pairs` file and in the `reference` / `source_reference` XML attributes.
public struct PairKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// File name of the suspicious document.
    public var suspicious: String
    /// File name of the source document.
    public var source: String

    /// Creates a key from the two file names.
    public init(suspicious: String, source: String) {
        self.suspicious = suspicious
        self.source = source
    }

    /// The name PAN gives the pair's XML file: both names without extension, joined by `-`,
    /// with `.xml` appended, e.g. `suspicious-document00005-source-document01090.xml`.
    public var xmlFileName: String {
        "\(Self.baseName(suspicious))-\(Self.baseName(source)).xml"
    }

    /// `suspicious source`, as on a line of a PAN `pairs` file.
    public var description: String { "\(suspicious) \(source)" }

    /// Orders keys by suspicious, then source file name.
    public static func < (lhs: PairKey, rhs: PairKey) -> Bool {
        (lhs.suspicious, lhs.source) < (rhs.suspicious, rhs.source)
    }

    /// A file name without its last extension (`a.b.txt` → `a.b`; names without a dot are kept).
    static func baseName(_ fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }
}
