import Foundation
import Reprint
import ReprintStore
import Testing

/// The stores every test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    /// The kinds to test: PostgreSQL unless `REPRINT_TEST_POSTGRES=0`.
    static var tested: [StoreKind] { PostgresServer.enabled ? allCases : [.sqlite] }

    var testDescription: String { rawValue }

    /// The address of a new, empty store of this kind.
    func newAddress() throws -> String {
        switch self {
        case .sqlite:
            return "sqlite:\(try TemporaryFolders.make("reprint-store-test"))/index.db"
        case .postgres:
            return try PostgresServer.shared.get().createDatabase()
        }
    }

    /// A new, empty store of this kind and its address.
    func newIndex() throws -> (index: IncrementalIndex, address: String) {
        let address = try newAddress()
        return (IncrementalIndex(store: try StoreLocation(parsing: address).open()), address)
    }
}

/// Fixtures: the project's own example articles, and generated collections.
enum Fixtures {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Examples/newsroom: ten short articles written for this project, showing every relation.
    static func newsroom() throws -> [SourceDocument] {
        let result = DocumentReader().read(paths: [root.appendingPathComponent("Examples/newsroom").path])
        return result.documents.sorted { $0.id < $1.id }
    }

    /// `count` generated documents of `words` words from a fixed vocabulary; every fifth one is
    /// the one before without its last three words (an excerpt), so the collection has reuse clusters.
    static func generated(count: Int, words: Int, seed: UInt64 = 1) -> [SourceDocument] {
        var generator = SeededGenerator(seed: seed)
        // A large vocabulary: two generated documents share a word or two, never enough to be related.
        let vocabulary = (0..<50_000).map(word)
        var documents: [SourceDocument] = []
        for index in 0..<count {
            let text: String
            if index % 5 == 4 {
                text = documents[index - 1].text.split(separator: " ").dropLast(3).joined(separator: " ")
            } else {
                text = (0..<words).map { position in
                    vocabulary[Int(generator.next() % UInt64(vocabulary.count))] + (position % 12 == 11 ? "." : "")
                }.joined(separator: " ")
            }
            let published = Date(timeIntervalSince1970: 1_600_000_000 + Double(index) * 60)
            documents.append(SourceDocument(id: String(format: "doc-%05d", index), text: text, metadata: DocumentMetadata(published: published)))
        }
        return documents
    }

    /// A made-up lowercase word for `number`: its digits in base 26, as letters, after a fixed syllable.
    private static func word(_ number: Int) -> String {
        var letters = "qu"
        var rest = number
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(97 + rest % 26))))
            rest /= 26
        } while rest > 0
        return letters
    }

    /// Documents as JSONL lines with `id`, `text` and `published`.
    static func jsonl(_ documents: [SourceDocument]) -> String {
        let formatter = ISO8601DateFormatter()
        return documents.map { document in
            var object: [String: String] = ["id": document.id, "text": document.text]
            if let published = document.metadata.published { object["published"] = formatter.string(from: published) }
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }
}

/// splitmix64: the same sequence on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state = StableHash.mix(state)
        return state
    }
}

/// A relation as compared between scan and index: unordered ids and the verdict.
struct RelationKey: Hashable, CustomStringConvertible {
    var a: String
    var b: String
    var relation: Relation
    var contained: String?

    init(_ pair: ScanReport.Pair) {
        a = min(pair.a, pair.b)
        b = max(pair.a, pair.b)
        relation = pair.relation
        contained = pair.contained.map { $0 == .a ? pair.a : pair.b }
    }

    var description: String { "\(a) ~ \(b): \(relation.rawValue)\(contained.map { " (\($0) contained)" } ?? "")" }
}

/// A store that lets something else happen (another writer, a failure) before its transactions.
final class InterceptedStore: DocumentStore, @unchecked Sendable {
    private let base: any DocumentStore
    private let beforeWrite: @Sendable (Int) throws -> Void
    private let beforeRead: @Sendable (Int) throws -> Void
    private let lock = NSLock()
    private var counts = (writes: 0, reads: 0)

    /// A store that calls `beforeWrite` (`beforeRead`) with the number of each write (read)
    /// transaction, from 1, before it begins.
    init(
        _ base: any DocumentStore, beforeWrite: @escaping @Sendable (Int) throws -> Void = { _ in },
        beforeRead: @escaping @Sendable (Int) throws -> Void = { _ in }
    ) {
        self.base = base
        self.beforeWrite = beforeWrite
        self.beforeRead = beforeRead
    }

    /// The number of write transactions so far.
    var writes: Int { lock.withLock { counts.writes } }

    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try beforeWrite(lock.withLock { counts.writes += 1; return counts.writes })
        return try base.write(body)
    }

    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try beforeRead(lock.withLock { counts.reads += 1; return counts.reads })
        return try base.read(body)
    }
}
