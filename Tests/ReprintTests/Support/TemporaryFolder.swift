import Foundation

/// A fresh folder under the system's temporary directory, for tests that read and write files.
struct TemporaryFolder {
    /// The folder.
    let url: URL

    /// Creates an empty folder with a unique name.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("reprint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The folder's path.
    var path: String { url.path }

    /// The path of `relative` inside the folder.
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Writes `text` as UTF-8 to `relative`, creating intermediate folders; returns the file's path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        try write(Data(text.utf8), to: relative)
    }

    /// Writes `bytes` to `relative`, creating intermediate folders; returns the file's path.
    @discardableResult
    func write(_ bytes: Data, to relative: String) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
        return file.path
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
