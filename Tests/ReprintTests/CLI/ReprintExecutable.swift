import Foundation
import Testing

/// The `reprint` executable built next to the test bundle, and a way to run it.
///
/// `swift test` builds every target of the package, so the executable is in the same products
/// folder as the test bundle (`.build/debug` or `.build/release`, whatever the build folder).
enum ReprintExecutable {
    /// The output of one run.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable's URL: next to the running test bundle, else in this package's `.build/debug`.
    static let url: URL? = {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(package.appendingPathComponent(".build/debug"))
        return folders.lazy.map { $0.appendingPathComponent("reprint") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `reprint` with `arguments`, feeding it `input` on standard input, without colors.
    static func run(_ arguments: [String], input: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let executable = try #require(url, "the reprint executable is not built: run `swift build` first", sourceLocation: sourceLocation)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let paths = (stdin: try folder.write(input, to: "stdin"), stdout: try folder.write("", to: "stdout"), stderr: try folder.write("", to: "stderr"))
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: paths.stdin))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: paths.stdout))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: paths.stderr))
        try process.run()
        process.waitUntilExit()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Run(status: process.terminationStatus, stdout: read(paths.stdout), stderr: read(paths.stderr))
    }
}
