import Foundation
import GRDB
import Reprint
import ReprintStore
import Testing

/// Stores written by an older schema are upgraded when opened.
@Suite("Schema migrations", .removesTemporaryFolders)
struct MigrationTests {
    @Test("a version 1 store gets the generation counter of version 2, loses the by-document indexes in version 3, and keeps its documents")
    func fromVersion1() throws {
        let directory = try TemporaryFolders.make("reprint-migration")
        let path = "\(directory)/index.db"
        let documents = Fixtures.generated(count: 10, words: 60)
        try IncrementalIndex(store: try SQLiteStore(path: path)).add(Array(documents.prefix(5))) { _ in }
        // What version 1 wrote: no generation counter.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM reprint_meta WHERE key = 'generation'")
            try db.execute(sql: "UPDATE reprint_meta SET value = '1' WHERE key = 'schema_version'")
        }
        let index = IncrementalIndex(store: try SQLiteStore(path: path))
        var added = 0
        try index.add(documents) { if case .added = $0 { added += 1 } }
        #expect(added == 5)
        #expect(try index.check() == [])
        let meta = try DatabaseQueue(path: path).read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM reprint_meta").map { ($0[0] as String, $0[1] as String) })
        }
        #expect(meta["schema_version"] == "3")
        #expect(meta["generation"] == "1")
        let indexes = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'reprint_%'")
        }
        #expect(Set(indexes) == ["reprint_documents_exact_hash", "reprint_relations_b"])
    }
}
