import Foundation

/// Writes detections in PAN's text-alignment output format: one XML file per document pair,
/// named `SUSPBASE-SRCBASE.xml` (e.g. `suspicious-document00005-source-document01090.xml`), holding
///
/// ```xml
/// <document reference="suspicious-document00005.txt">
/// <feature name="detected-plagiarism" this_offset="…" this_length="…" source_reference="source-document01090.txt" source_offset="…" source_length="…"/>
/// </document>
/// ```
///
/// Offsets and lengths are written as given: Unicode scalar (code point) counts, as PAN expects.
public struct PANDetectionWriter: Sendable {
    /// The folder the XML files go to; created (with intermediate folders) if missing.
    public var folder: URL

    /// Creates a writer for `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// Writes one file per pair (also for pairs with no detections, which get an empty `<document>`),
    /// replacing existing files of the same name. Returns the written files, sorted by pair.
    @discardableResult
    public func write(_ detections: [PairKey: [PlagiarismCase]]) throws(PANCorpusError) -> [URL] {
        var written: [URL] = []
        for pair in detections.keys.sorted() {
            written.append(try write(detections[pair] ?? [], for: pair))
        }
        return written
    }

    /// Writes the detections of one pair and returns the file written.
    @discardableResult
    public func write(_ detections: [PlagiarismCase], for pair: PairKey) throws(PANCorpusError) -> URL {
        try createFolder()
        let file = folder.appendingPathComponent(pair.xmlFileName)
        let xml = Self.xml(for: detections, pair: pair)
        do {
            try Data(xml.utf8).write(to: file, options: .atomic)
        } catch {
            throw .writeFailed(path: file.path, reason: error.localizedDescription)
        }
        return file
    }

    /// The XML text for one pair's detections.
    public static func xml(for detections: [PlagiarismCase], pair: PairKey) -> String {
        var lines = ["<document reference=\"\(escaped(pair.suspicious))\">"]
        for detection in detections {
            lines.append(
                "<feature name=\"detected-plagiarism\""
                    + " this_offset=\"\(detection.suspiciousOffset)\" this_length=\"\(detection.suspiciousLength)\""
                    + " source_reference=\"\(escaped(pair.source))\""
                    + " source_offset=\"\(detection.sourceOffset)\" source_length=\"\(detection.sourceLength)\"/>"
            )
        }
        lines.append("</document>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func createFolder() throws(PANCorpusError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: folder.path, reason: error.localizedDescription)
        }
    }

    /// Escapes the characters that cannot appear literally in a double-quoted XML attribute.
    static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
