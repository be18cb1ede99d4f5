import Foundation

/// Reads documents from files, folders, JSONL, line-per-document files and standard input.
///
/// Reading never stops at a bad input: every file that cannot be used is reported as a
/// ``ReadIssue`` and skipped, so one binary file in a folder of articles costs a warning, not the run.
public struct DocumentReader: Sendable {
    /// File extensions read when a folder is scanned.
    public static let textExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// Field names used for JSONL input.
    public struct JSONLFields: Sendable, Equatable {
        /// The field holding the document id (a string or a number); the line number when absent.
        public var id: String
        /// The field holding the text.
        public var text: String

        /// Creates field names; the defaults are `id` and `text`.
        public init(id: String = "id", text: String = "text") {
            self.id = id
            self.text = text
        }
    }

    /// What has been read: the documents, and the problems met on the way.
    public struct Result: Sendable {
        /// The documents, in input order, with unique ids.
        public var documents: [SourceDocument] = []
        /// Warnings and skipped inputs, in the order they were met.
        public var issues: [ReadIssue] = []
        /// The ids taken so far.
        fileprivate var ids: Set<String> = []
    }

    /// Creates a reader.
    public init() {}

    /// Reads files and folders (recursively); `-` reads one document from standard input.
    public func read(paths: [String]) -> Result {
        var result = Result()
        for path in paths {
            if path == "-" {
                add(id: "stdin", bytes: FileHandle.standardInput.readDataToEndOfFile(), to: &result)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.issues.append(.init(input: path, problem: .notFound))
                continue
            }
            if isDirectory.boolValue {
                readFolder(path, into: &result)
            } else {
                readFile(path, id: URL(fileURLWithPath: path).lastPathComponent, into: &result)
            }
        }
        return result
    }

    /// Reads a JSONL file (or standard input for `-`): one JSON object per line.
    public func read(jsonl path: String, fields: JSONLFields = .init()) -> Result {
        var result = Result()
        guard let data = contents(of: path, into: &result) else { return result }
        for (number, line) in lines(of: data) where !line.allSatisfy(\.isWhitespace) {
            let where_ = "\(path):\(number)"
            let object: [String: Any], text: String, id: String
            switch fields.parse(Data(line.utf8)) {
            case .invalidJSON:
                result.issues.append(.init(input: where_, problem: .invalidJSON))
                continue
            case .missingText:
                result.issues.append(.init(input: where_, problem: .missingField(fields.text)))
                continue
            case .document(let parsed, let parsedText, let parsedID):
                (object, text, id) = (parsed, parsedText, parsedID ?? String(number))
            }
            let metadata = DocumentMetadata(
                source: object["source"] as? String,
                url: object["url"] as? String,
                published: (object["published"] as? String ?? object["date"] as? String).flatMap(DateParser.parse)
            )
            let format = (object["format"] as? String).flatMap(DocumentFormat.init(rawValue:))
            append(SourceDocument(id: id, text: text, format: format, metadata: metadata), to: &result)
        }
        return result
    }

    /// Reads a file (or standard input for `-`) holding one document per line; ids are 1-based line numbers.
    public func read(lines path: String) -> Result {
        var result = Result()
        guard let data = contents(of: path, into: &result) else { return result }
        for (number, line) in lines(of: data) {
            append(SourceDocument(id: String(number), text: String(line), format: .plain), to: &result)
        }
        return result
    }

    // MARK: - Files and folders

    private func readFolder(_ root: String, into result: inout Result) {
        let rootURL = URL(fileURLWithPath: root)
        guard let enumerator = FileManager.default.enumerator(
            at: rootURL, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else {
            result.issues.append(.init(input: root, problem: .unreadable("cannot list the folder")))
            return
        }
        var files: [(id: String, path: String)] = []
        let prefix = rootURL.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            let id = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent
            guard Self.textExtensions.contains(url.pathExtension.lowercased()) else {
                result.issues.append(.init(input: id, problem: .unsupportedType))
                continue
            }
            files.append((id, path))
        }
        for file in files.sorted(by: { $0.id < $1.id }) {
            readFile(file.path, id: file.id, into: &result)
        }
    }

    private func readFile(_ path: String, id: String, into result: inout Result) {
        guard let data = FileManager.default.contents(atPath: path) else {
            result.issues.append(.init(input: path, problem: .unreadable("permission denied or not a regular file")))
            return
        }
        add(id: id, bytes: data, to: &result)
    }

    private func add(id: String, bytes: Data, to result: inout Result) {
        switch TextDecoder.decode(bytes) {
        case .binary:
            result.issues.append(.init(input: id, problem: .binary))
        case .text(let text, let replaced):
            if replaced > 0 { result.issues.append(.init(input: id, problem: .invalidUTF8(replaced))) }
            append(SourceDocument(id: id, text: text), to: &result)
        }
    }

    // MARK: - Helpers

    /// Reads a whole input as text, reporting binary content and invalid UTF-8.
    private func contents(of path: String, into result: inout Result) -> String? {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.issues.append(.init(input: path, problem: .notFound))
                return nil
            }
            guard !isDirectory.boolValue else {
                result.issues.append(.init(input: path, problem: .unreadable("a folder, expected a file")))
                return nil
            }
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else {
            result.issues.append(.init(input: path, problem: .unreadable("permission denied")))
            return nil
        }
        switch TextDecoder.decode(data) {
        case .binary:
            result.issues.append(.init(input: path, problem: .binary))
            return nil
        case .text(let text, let replaced):
            if replaced > 0 { result.issues.append(.init(input: path, problem: .invalidUTF8(replaced))) }
            return text
        }
    }

    /// The lines of a text with their 1-based numbers; a final empty line after the last newline is not a line.
    ///
    /// Lines end at LF or CRLF. A CRLF is a single `Character` in Swift, so splitting at `"\n"`
    /// alone would leave Windows files as one line.
    private func lines(of text: String) -> [(Int, Substring)] {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// Adds a document, skipping empty ones and making its id unique.
    private func append(_ document: SourceDocument, to result: inout Result) {
        guard document.text.contains(where: { $0.isLetter || $0.isNumber }) else {
            result.issues.append(.init(input: document.id, problem: .empty))
            return
        }
        var document = document
        if result.ids.contains(document.id) {
            var n = 2
            while result.ids.contains("\(document.id)#\(n)") { n += 1 }
            result.issues.append(.init(input: document.id, problem: .duplicateID("\(document.id)#\(n)")))
            document.id = "\(document.id)#\(n)"
        }
        result.ids.insert(document.id)
        result.documents.append(document)
    }
}

extension DocumentReader.JSONLFields {
    /// One JSONL line, parsed.
    enum ParsedLine {
        /// A JSON object with a string text field; the id when the object has the id field.
        case document([String: Any], text: String, id: String?)
        /// Not a JSON object.
        case invalidJSON
        /// A JSON object without a string text field.
        case missingText
    }

    /// Parses one JSONL line and picks out the text and id fields.
    func parse(_ line: Data) -> ParsedLine {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return .invalidJSON }
        guard let text = object[self.text] as? String else { return .missingText }
        return .document(object, text: text, id: object[id].map { "\($0)" })
    }
}
