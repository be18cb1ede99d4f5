import Foundation
import Testing

/// Temporary folders that go away when the test that made them ends: a suite with the
/// ``Trait/removesTemporaryFolders`` trait makes them with ``TemporaryFolders/make(_:)``.
struct TemporaryFolders: SuiteTrait, TestTrait, TestScoping {
    /// The folders the running test made.
    private final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []

        func add(_ path: String) { lock.withLock { paths.append(path) } }

        func removeAll() {
            for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    @TaskLocal private static var made: Made?

    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // Called for the suite too: only its tests' cases make folders.
        guard testCase != nil else { return try await function() }
        let made = Made()
        defer { made.removeAll() }
        try await Self.$made.withValue(made) { try await function() }
    }

    /// Makes a new, empty folder under the system's temporary directory, named after `prefix`,
    /// removed when the running test ends (if its suite has the trait).
    static func make(_ prefix: String) throws -> String {
        let directory = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        made?.add(directory)
        return directory
    }
}

extension Trait where Self == TemporaryFolders {
    /// Removes the temporary folders each test makes (``TemporaryFolders/make(_:)``) when it ends.
    static var removesTemporaryFolders: Self { TemporaryFolders() }
}
