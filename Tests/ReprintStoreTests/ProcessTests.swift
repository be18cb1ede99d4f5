import Foundation
import Reprint
import ReprintStore
import Testing

/// The `reprint` binary against a real store: killed in the middle, or run by several processes at once.
@Suite("reprint index processes", .serialized, .removesTemporaryFolders)
struct ProcessTests {
    /// The `reprint` executable built beside the tests.
    static func binary() throws -> URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("reprint") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ProcessFailure(message: "the reprint executable is not built beside the tests (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    struct ProcessFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func temporaryFolder() throws -> String {
        try TemporaryFolders.make("reprint-process-test")
    }

    /// Starts `reprint index add --jsonl FILE --store ADDRESS`, its standard output going to `output`.
    private static func startAdd(_ jsonl: String, store: String, output: String) throws -> Subprocess {
        try Subprocess(
            try binary().path, ["index", "add", "--jsonl", jsonl, "--store", store, "--format", "jsonl", "--batch-size", "250"], output: output, errors: output + ".err")
    }

    private static func lines(_ path: String) -> [String] {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("a batch size below 1 is refused before anything is read or written")
    func badBatchSize() throws {
        let folder = try Self.temporaryFolder()
        let store = "sqlite:\(folder)/index.db"
        let process = try Subprocess(
            try Self.binary().path, ["index", "add", "--lines", "\(folder)/missing.txt", "--store", store, "--batch-size", "0"],
            output: "\(folder)/out", errors: "\(folder)/err")
        #expect(process.wait() == 64)
        #expect(Self.lines("\(folder)/err").contains { $0.contains("--batch-size must be at least 1 (got 0)") })
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/index.db"))
    }

    /// 10,000 documents on SQLite; 2,000 on PostgreSQL, where a debug build spends about 20 round
    /// trips per document (the release figures are in the README's benchmark table).
    @Test("kill -9 in the middle of adding documents leaves whole documents; adding again completes without duplicates",
          arguments: StoreKind.tested)
    func killedAdd(kind: StoreKind) throws {
        let folder = try Self.temporaryFolder()
        let documents = Fixtures.generated(count: kind == .sqlite ? 10_000 : 2_000, words: 12)
        let jsonl = "\(folder)/docs.jsonl"
        try Data(Fixtures.jsonl(documents).utf8).write(to: URL(fileURLWithPath: jsonl))
        let address = try kind.newAddress()

        let first = try Self.startAdd(jsonl, store: address, output: "\(folder)/first.out")
        // Wait until a few hundred documents are in, then kill it without warning.
        let deadline = Date().addingTimeInterval(600)
        while Self.lines("\(folder)/first.out").count < 300, Date() < deadline { usleep(20_000) }
        kill(first.pid, SIGKILL)
        #expect(first.wait() == 128 + SIGKILL)

        let index = IncrementalIndex(store: try StoreLocation(parsing: address).open())
        #expect(try index.check() == [])
        let stored = try index.statistics().documentRows
        #expect(stored >= 300 && stored < documents.count)

        let second = try Self.startAdd(jsonl, store: address, output: "\(folder)/second.out")
        #expect(second.wait() == 0)
        let statuses = Self.lines("\(folder)/second.out").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["status"] as? String ?? "?"
        }
        #expect(statuses.filter { $0 == "skipped" }.count == stored)
        #expect(statuses.filter { $0 == "added" }.count == documents.count - stored)
        let counts = try index.statistics()
        #expect(counts.documents == documents.count && counts.documentRows == documents.count)
        #expect(try index.check() == [])
        // Every copy (each fifth document) found its original, across the kill.
        let reuse = try index.clusters().filter { $0.kind == .reuse }
        #expect(reuse.count == documents.count / 5)
    }

    @Test("four processes adding disjoint quarters end with the clusters of one process", .enabled(if: PostgresServer.enabled))
    func concurrentWriters() throws {
        let folder = try Self.temporaryFolder()
        let documents = Fixtures.generated(count: 400, words: 60, seed: 7)
        // Quarters interleave, so originals and their copies land in different processes.
        var quarters: [String] = []
        for quarter in 0..<4 {
            let path = "\(folder)/quarter-\(quarter).jsonl"
            try Data(Fixtures.jsonl(documents.enumerated().filter { $0.offset % 4 == quarter }.map(\.element)).utf8)
                .write(to: URL(fileURLWithPath: path))
            quarters.append(path)
        }
        let shared = try StoreKind.postgres.newAddress()
        let processes = try quarters.enumerated().map { try Self.startAdd($0.element, store: shared, output: "\(folder)/out-\($0.offset)") }
        #expect(processes.map { $0.wait() } == [0, 0, 0, 0])

        let single = try StoreKind.postgres.newIndex().index
        try single.add(documents) { _ in }
        let many = IncrementalIndex(store: try StoreLocation(parsing: shared).open())
        #expect(try many.check() == [])
        #expect(try many.statistics().documents == documents.count)
        func normalized(_ clusters: [DocumentCluster]) -> Set<String> {
            Set(clusters.map { "\($0.kind.rawValue): \($0.members.sorted().joined(separator: " ")) canonical \($0.canonical ?? "-")" })
        }
        let expected = normalized(try single.clusters())
        #expect(expected.filter { $0.hasPrefix("reuse") }.count == documents.count / 5)
        #expect(normalized(try many.clusters()) == expected)
    }
}
