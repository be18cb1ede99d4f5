import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A problem reading a PAN corpus or writing PAN detection files.
public enum PANCorpusError: Error, Equatable, CustomStringConvertible {
    /// A folder the PAN layout needs does not exist; the associated text names what it should hold.
    case missingFolder(path: String, expected: String)
    /// The corpus folder has no subfolder containing a `pairs` file.
    case noSubsets(path: String)
    /// A file exists (or should) but could not be read; the reason comes from the system.
    case unreadableFile(path: String, reason: String)
    /// A document is not valid UTF-8, so PAN's character offsets cannot be applied to it.
    case notUTF8(path: String)
    /// A line of a `pairs` file is not `suspicious-file source-file`.
    case malformedPairsLine(path: String, line: Int, text: String)
    /// A pair listed in `pairs` has no truth XML file next to it.
    case missingTruthFile(path: String, pair: PairKey)
    /// An XML file is not well-formed or not a PAN `<document reference="…">` file.
    case malformedXML(path: String, reason: String)
    /// A `<feature>` element lacks an attribute or has a value that is not a non-negative integer.
    case invalidFeature(path: String, reason: String)
    /// A detection file or its folder could not be written.
    case writeFailed(path: String, reason: String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .missingFolder(let path, let expected):
            "\(path): no such folder; expected \(expected)"
        case .noSubsets(let path):
            "\(path): no subset folder with a `pairs` file found; point to a PAN text-alignment corpus "
                + "(src/, susp/, and subset folders such as 02-no-obfuscation/ each holding `pairs` and truth XML)"
        case .unreadableFile(let path, let reason):
            "\(path): cannot be read (\(reason)); check that it exists and is readable"
        case .notUTF8(let path):
            "\(path): not valid UTF-8; PAN offsets count code points of UTF-8 text, so re-encode the file as UTF-8"
        case .malformedPairsLine(let path, let line, let text):
            "\(path):\(line): expected `suspicious-documentN.txt source-documentM.txt`, found \"\(text)\"; fix or remove the line"
        case .missingTruthFile(let path, let pair):
            "\(path): truth file for pair \(pair) is missing; restore it or remove the pair from `pairs`"
        case .malformedXML(let path, let reason):
            "\(path): malformed XML: \(reason); fix or regenerate the file"
        case .invalidFeature(let path, let reason):
            "\(path): invalid <feature>: \(reason); fix or regenerate the file"
        case .writeFailed(let path, let reason):
            "\(path): cannot be written (\(reason)); check the folder exists and is writable"
        }
    }
}

/// A subset of a PAN text-alignment corpus: a folder with a `pairs` file and one truth XML per pair.
public struct PANSubset: Sendable, Hashable {
    /// The folder name, e.g. `02-no-obfuscation`.
    public var name: String
    /// The subset folder.
    public var folder: URL
    /// The pairs listed in the subset's `pairs` file, in file order.
    public var pairs: [PairKey]

    /// Creates a subset description.
    public init(name: String, folder: URL, pairs: [PairKey]) {
        self.name = name
        self.folder = folder
        self.pairs = pairs
    }
}

/// A PAN text-alignment corpus on disk (PAN 2012–2015 layout): `src/` and `susp/` with the
/// documents, and subset folders (any subfolder holding a `pairs` file) with one truth XML per pair.
///
/// PAN offsets count Unicode scalars (code points) of the UTF-8 text; see ``passage(of:in:)``.
public struct PANCorpus: Sendable {
    /// The corpus folder.
    public var root: URL
    /// The subsets, sorted by folder name.
    public var subsets: [PANSubset]

    /// Opens the corpus at `root`, reading every subset's `pairs` file (not yet the truth XML or texts).
    public init(root: URL) throws(PANCorpusError) {
        self.root = root
        try Self.requireFolder(root, expected: "a PAN corpus folder")
        try Self.requireFolder(root.appendingPathComponent("src"), expected: "the source documents (src/)")
        try Self.requireFolder(root.appendingPathComponent("susp"), expected: "the suspicious documents (susp/)")
        subsets = try Self.findSubsets(in: root)
        if subsets.isEmpty { throw .noSubsets(path: root.path) }
    }

    /// The subset with that folder name, if any.
    public func subset(named name: String) -> PANSubset? {
        subsets.first { $0.name == name }
    }

    /// The truth cases of every pair of `subset`, from the `<feature name="plagiarism">`
    /// elements of the pair's XML file. Every listed pair has an entry (empty for negatives).
    ///
    /// Cases are filed under the XML's own `reference` and `source_reference`, as the
    /// official evaluator does; in PAN corpora these equal the pair's names.
    public func truth(for subset: PANSubset) throws(PANCorpusError) -> [PairKey: [PlagiarismCase]] {
        var cases: [PairKey: [PlagiarismCase]] = [:]
        for pair in subset.pairs {
            let file = subset.folder.appendingPathComponent(pair.xmlFileName)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw .missingTruthFile(path: file.path, pair: pair)
            }
            if cases[pair] == nil { cases[pair] = [] }
            let parsed = try Self.readAnnotations(at: file, featureName: "plagiarism")
            cases.merge(parsed) { $0 + $1 }
        }
        return cases
    }

    /// The text of a suspicious document, by file name (e.g. `suspicious-document00005.txt`).
    public func suspiciousText(named name: String) throws(PANCorpusError) -> String {
        try Self.readUTF8(root.appendingPathComponent("susp").appendingPathComponent(name))
    }

    /// The text of a source document, by file name (e.g. `source-document01090.txt`).
    public func sourceText(named name: String) throws(PANCorpusError) -> String {
        try Self.readUTF8(root.appendingPathComponent("src").appendingPathComponent(name))
    }

    // MARK: - Files

    /// Reads a `pairs` file: one `suspicious source` pair of file names per line; blank lines are skipped.
    public static func readPairs(at file: URL) throws(PANCorpusError) -> [PairKey] {
        let text = try readUTF8(file)
        var pairs: [PairKey] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: \.isWhitespace)
            if fields.isEmpty { continue }
            guard fields.count == 2 else {
                throw .malformedPairsLine(path: file.path, line: index + 1, text: String(line))
            }
            pairs.append(PairKey(suspicious: String(fields[0]), source: String(fields[1])))
        }
        return pairs
    }

    /// Reads the `<feature>` elements whose `name` is `featureName` (`plagiarism` for truth,
    /// `detected-plagiarism` for detections) from one PAN XML file, filed by
    /// (`reference`, `source_reference`).
    ///
    /// The obfuscation label is the `obfuscation` attribute, or else the `type` attribute
    /// (PAN 2013's translation cases only carry `type="translation-chain"`).
    public static func readAnnotations(at file: URL, featureName: String) throws(PANCorpusError) -> [PairKey: [PlagiarismCase]] {
        let data = try readData(file)
        let document = try PANXMLDocument.parse(data, path: file.path)
        var result: [PairKey: [PlagiarismCase]] = [:]
        for attributes in document.features where attributes["name"] == featureName {
            let (source, annotation) = try annotation(from: attributes, path: file.path)
            result[PairKey(suspicious: document.reference, source: source), default: []].append(annotation)
        }
        return result
    }

    /// Reads every `*.xml` file in `folder` (not recursively) as a detection file, collecting
    /// its `<feature name="detected-plagiarism">` elements — the folder layout that
    /// ``PANDetectionWriter`` produces and PAN's evaluator reads.
    public static func readDetections(in folder: URL) throws(PANCorpusError) -> [PairKey: [PlagiarismCase]] {
        try requireFolder(folder, expected: "a folder of PAN detection XML files")
        var result: [PairKey: [PlagiarismCase]] = [:]
        for file in try xmlFiles(in: folder) {
            let parsed = try readAnnotations(at: file, featureName: "detected-plagiarism")
            result.merge(parsed) { $0 + $1 }
        }
        return result
    }

    /// The part of `text` at a PAN character range (Unicode scalar offsets), or `nil` if the
    /// range does not lie within the text.
    public static func passage(of range: Range<Int>, in text: String) -> String? {
        let scalars = text.unicodeScalars
        guard range.lowerBound >= 0,
              let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound, limitedBy: scalars.endIndex),
              let end = scalars.index(start, offsetBy: range.count, limitedBy: scalars.endIndex)
        else { return nil }
        return String(scalars[start..<end])
    }

    // MARK: - Helpers

    private static func findSubsets(in root: URL) throws(PANCorpusError) -> [PANSubset] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        } catch {
            throw .unreadableFile(path: root.path, reason: error.localizedDescription)
        }
        var subsets: [PANSubset] = []
        for name in names.sorted() {
            let folder = root.appendingPathComponent(name)
            let pairsFile = folder.appendingPathComponent("pairs")
            guard FileManager.default.fileExists(atPath: pairsFile.path) else { continue }
            subsets.append(PANSubset(name: name, folder: folder, pairs: try readPairs(at: pairsFile)))
        }
        return subsets
    }

    private static func annotation(
        from attributes: [String: String],
        path: String
    ) throws(PANCorpusError) -> (source: String, annotation: PlagiarismCase) {
        guard let source = attributes["source_reference"], !source.isEmpty else {
            throw .invalidFeature(path: path, reason: "no source_reference attribute")
        }
        func count(_ key: String) throws(PANCorpusError) -> Int {
            guard let raw = attributes[key] else {
                throw .invalidFeature(path: path, reason: "no \(key) attribute")
            }
            guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                throw .invalidFeature(path: path, reason: "\(key)=\"\(raw)\" is not a non-negative integer")
            }
            return value
        }
        let annotation = PlagiarismCase(
            suspiciousOffset: try count("this_offset"),
            suspiciousLength: try count("this_length"),
            sourceOffset: try count("source_offset"),
            sourceLength: try count("source_length"),
            obfuscation: attributes["obfuscation"] ?? attributes["type"]
        )
        return (source, annotation)
    }

    private static func requireFolder(_ folder: URL, expected: String) throws(PANCorpusError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingFolder(path: folder.path, expected: expected)
        }
    }

    private static func xmlFiles(in folder: URL) throws(PANCorpusError) -> [URL] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".xml") }
                .sorted()
                .map { folder.appendingPathComponent($0) }
        } catch {
            throw .unreadableFile(path: folder.path, reason: error.localizedDescription)
        }
    }

    private static func readData(_ file: URL) throws(PANCorpusError) -> Data {
        do {
            return try Data(contentsOf: file)
        } catch {
            throw .unreadableFile(path: file.path, reason: error.localizedDescription)
        }
    }

    /// Decodes strictly: invalid UTF-8 is an error, and a byte-order mark is kept as a
    /// character (as Python, and so PAN's offsets, count it).
    private static func readUTF8(_ file: URL) throws(PANCorpusError) -> String {
        let data = try readData(file)
        let text = String(decoding: data, as: UTF8.self)
        guard text.utf8.elementsEqual(data) else { throw .notUTF8(path: file.path) }
        return text
    }
}

/// The parts of a PAN XML file the evaluation needs: the root `<document reference="…">` and
/// the attributes of each `<feature>` child.
struct PANXMLDocument {
    /// The root element's `reference` attribute (the suspicious document's file name).
    var reference: String
    /// Attributes of every `<feature>` element, in document order.
    var features: [[String: String]]

    /// Parses `data` with Foundation's `XMLParser`; `path` is only used in error messages.
    static func parse(_ data: Data, path: String) throws(PANCorpusError) -> PANXMLDocument {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        let succeeded = parser.parse()
        guard succeeded, collector.failure == nil else {
            let reason = collector.failure ?? parser.parserError.map { describe($0, line: parser.lineNumber) }
            throw .malformedXML(path: path, reason: reason ?? "line \(parser.lineNumber): parsing stopped")
        }
        guard let root = collector.rootElement else {
            throw .malformedXML(path: path, reason: "no root element (empty file?)")
        }
        guard root == "document", let reference = collector.reference, !reference.isEmpty else {
            throw .malformedXML(path: path, reason: "root element must be <document reference=\"….txt\">, found <\(root)>")
        }
        return PANXMLDocument(reference: reference, features: collector.features)
    }

    private static func describe(_ error: Error, line: Int) -> String {
        let code = (error as NSError).code
        return "line \(line): \(explanation(ofParserErrorCode: code))"
    }

    /// Words for the parser error codes a hand-edited or truncated PAN file typically hits.
    /// The numbers are libxml2's, which `XMLParser` reports on Linux and Apple platforms alike.
    private static func explanation(ofParserErrorCode code: Int) -> String {
        switch code {
        case 4: "no XML element found (empty, or not an XML file)"
        case 5: "the root element is not closed, or something follows it"
        case 23, 24, 26: "bad entity reference (write & as &amp;)"
        case 39, 40, 41: "attribute value not quoted or not terminated"
        case 42: "an attribute appears twice in one element"
        case 73: "'>' expected (unterminated tag)"
        case 76: "end tag does not match its start tag"
        case 77: "file ends before the element is closed (truncated?)"
        default: "XML parser error \(code)"
        }
    }

    /// Collects the root element and the features while `XMLParser` runs (synchronously, on the caller's thread).
    private final class Collector: NSObject, XMLParserDelegate {
        var rootElement: String?
        var reference: String?
        var features: [[String: String]] = []
        var failure: String?

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            if rootElement == nil {
                rootElement = elementName
                reference = attributeDict["reference"]
            } else if elementName == "feature" {
                features.append(attributeDict)
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failure == nil {
                failure = PANXMLDocument.describe(parseError, line: parser.lineNumber)
            }
        }
    }
}
