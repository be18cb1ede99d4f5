/// A problem met while reading input: the input is skipped, or read with a caveat.
public struct ReadIssue: Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Sendable, Equatable {
        /// No file or folder at that path.
        case notFound
        /// The file exists but could not be read; the associated text says why.
        case unreadable(String)
        /// The content looks binary (NUL bytes or mostly control characters).
        case binary
        /// The document has no letters or digits.
        case empty
        /// The file's extension is not one Reprint reads from a folder.
        case unsupportedType
        /// This many invalid UTF-8 sequences were replaced by U+FFFD; the document is still read.
        case invalidUTF8(Int)
        /// A JSONL line is not a JSON object.
        case invalidJSON
        /// A JSONL line lacks the named text field.
        case missingField(String)
        /// The id was already taken; the document was renamed to the associated id.
        case duplicateID(String)
    }

    /// The file, folder or `file:line` the problem is about.
    public var input: String
    /// The problem.
    public var problem: Problem

    /// Creates an issue.
    public init(input: String, problem: Problem) {
        self.input = input
        self.problem = problem
    }

    /// Whether the input was skipped (as opposed to read with a caveat).
    public var skipsInput: Bool {
        switch problem {
        case .invalidUTF8, .duplicateID: false
        default: true
        }
    }

    /// A message a user can act on.
    public var description: String {
        switch problem {
        case .notFound: "\(input): no such file or folder"
        case .unreadable(let why): "\(input): cannot be read (\(why)); skipped"
        case .binary: "\(input): looks like a binary file, not text; skipped"
        case .empty: "\(input): empty document (no letters or digits); skipped"
        case .unsupportedType: "\(input): not a .txt, .md, .markdown, .html or .htm file; skipped"
        case .invalidUTF8(let count): "\(input): \(count) invalid UTF-8 sequence\(count == 1 ? "" : "s") replaced by U+FFFD"
        case .invalidJSON: "\(input): not a JSON object; line skipped"
        case .missingField(let field): "\(input): no string field \"\(field)\"; line skipped (choose the field with --text-field)"
        case .duplicateID(let renamed): "\(input): id used twice; this one renamed to \(renamed)"
        }
    }
}
