import Foundation

/// Errors the command line reports before it exits with a non-zero status.
enum CLIError: Error, CustomStringConvertible {
    case nothingToRead
    case cannotRead(String)
    case cannotWrite(String, reason: String)
    case badPairsFile(String, line: Int, reason: String)
    case unknownDocument(String, pairsFile: String)

    var description: String {
        switch self {
        case .nothingToRead:
            "no document could be read (see the warnings above)"
        case .cannotRead(let path):
            "cannot read \(path)"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .badPairsFile(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .unknownDocument(let id, let path):
            "\(path) names \(id), which is not among the documents read"
        }
    }
}

/// Writing to standard error.
enum StandardError {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
