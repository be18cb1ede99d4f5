import Foundation
import GRDB
import Reprint
import ReprintStore
import Testing

/// Stores that must be refused with a clear message, leaving them exactly as they were.
@Suite("Bad stores", .removesTemporaryFolders)
struct BadStoreTests {
    private func temporaryFile(_ name: String) throws -> String {
        "\(try TemporaryFolders.make("reprint-bad-store"))/\(name)"
    }

    private func contents(of path: String) throws -> [String: Data] {
        let directory = (path as NSString).deletingLastPathComponent
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = FileManager.default.contents(atPath: "\(directory)/\(name)")
        }
        return files
    }

    @Test("store addresses are parsed or refused")
    func addresses() throws {
        #expect(try StoreLocation(parsing: "news.db") == .sqlite(path: "news.db"))
        #expect(try StoreLocation(parsing: "sqlite:/tmp/news.db") == .sqlite(path: "/tmp/news.db"))
        let address = try PostgresAddress(parsing: "postgres://reprint:secret@db.example:6543/news")
        #expect(address.user == "reprint" && address.password == "secret" && address.host == "db.example")
        #expect(address.port == 6543 && address.database == "news")
        #expect(address.description == "postgres://reprint@db.example:6543/news")
        #expect(try PostgresAddress(parsing: "postgresql://me@localhost").database == "me")
        #expect(throws: StoreError.badLocation("mysql://x@y/z")) { try StoreLocation(parsing: "mysql://x@y/z") }
        #expect(throws: StoreError.badLocation("sqlite:")) { try StoreLocation(parsing: "sqlite:") }
        #expect(throws: StoreError.badLocation("postgres://me@host:99999/db")) { try StoreLocation(parsing: "postgres://me@host:99999/db") }
    }

    @Test("a text file is not a Reprint store, and is left untouched")
    func textFile() throws {
        let path = try temporaryFile("notes.db")
        try Data("These are my notes, not a database.\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = try contents(of: path)
        #expect(throws: StoreError.notAReprintStore(path, reason: "not a SQLite database")) { try SQLiteStore(path: path) }
        #expect(try contents(of: path) == before)
    }

    @Test("a SQLite database of another application is refused, and is left untouched")
    func otherDatabase() throws {
        let path = try temporaryFile("other.db")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('Ada')") }
        let before = try contents(of: path)
        #expect(throws: StoreError.notAReprintStore(path, reason: "a SQLite database with other tables")) { try SQLiteStore(path: path) }
        #expect(try contents(of: path) == before)
    }

    @Test("a store with a newer schema is refused, and is left untouched")
    func newerSchema() throws {
        let path = try temporaryFile("index.db")
        _ = try SQLiteStore(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE reprint_meta SET value = '99' WHERE key = 'schema_version'") }
        let before = try contents(of: path)
        #expect(throws: StoreError.newerSchema(path, found: 99, supported: 3)) { try SQLiteStore(path: path) }
        #expect(try contents(of: path) == before)
    }

    @Test("a document whose stored features are corrupt is named by the check, and a query stops with a clear error")
    func corruptFeatures() throws {
        let path = try temporaryFile("index.db")
        let documents = Fixtures.generated(count: 4, words: 40)
        try IncrementalIndex(store: try SQLiteStore(path: path)).add(documents) { _ in }
        // Version 1, then nothing: the bytes end before the features do.
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE reprint_documents SET features = x'01' WHERE seq = 2") }
        let index = IncrementalIndex(store: try SQLiteStore(path: path))
        #expect(try index.check() == ["documents 1…4: stored document features are truncated or corrupt"])
        #expect(throws: DocumentFeatures.DecodingError.truncated) { try index.query(documents[1]) }
        #expect(throws: DocumentFeatures.DecodingError.truncated) { try index.remove([documents[1].id]) }
        #expect(try index.statistics().documents == 4)
    }

    @Test("a read-only store file is refused, and is left untouched")
    func readOnly() throws {
        let path = try temporaryFile("index.db")
        let store = IncrementalIndex(store: try SQLiteStore(path: path))
        try store.add(Fixtures.generated(count: 3, words: 30)) { _ in }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try contents(of: path)
        #expect(throws: StoreError.readOnly(path)) { try SQLiteStore(path: path) }
        #expect(try contents(of: path) == before)
    }

    @Test("a store in a folder that does not exist is refused")
    func missingFolder() throws {
        let path = NSTemporaryDirectory() + "reprint-no-such-folder-\(UUID().uuidString)/index.db"
        #expect(throws: StoreError.cannotOpen(path, reason: "the folder \((path as NSString).deletingLastPathComponent) does not exist")) {
            try SQLiteStore(path: path)
        }
    }

    @Test("an unreachable PostgreSQL server gives a clear message", .enabled(if: PostgresServer.enabled))
    func unreachable() throws {
        let port = PostgresServer.freePort()
        let address = try PostgresAddress(parsing: "postgres://reprint@127.0.0.1:\(port)/news")
        do {
            _ = try PostgresStore(address: address)
            Issue.record("connected to a port nothing listens on")
        } catch let error as StoreError {
            guard case .unreachable(let location, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(location == "postgres://reprint@127.0.0.1:\(port)/news")
            #expect(error.description.hasPrefix("cannot reach PostgreSQL at postgres://reprint@127.0.0.1:\(port)/news: "))
        }
    }

    @Test("a PostgreSQL store with a newer schema, or foreign reprint tables, is refused untouched", .enabled(if: PostgresServer.enabled))
    func postgresBadSchemas() throws {
        let server = try PostgresServer.shared.get()
        let address = try server.createDatabase()
        let parsed = try PostgresAddress(parsing: address)
        _ = try PostgresStore(address: parsed)
        try server.sql("UPDATE reprint_meta SET value = '99' WHERE key = 'schema_version'", database: parsed.database)
        #expect(throws: StoreError.newerSchema(parsed.description, found: 99, supported: 3)) { try PostgresStore(address: parsed) }

        let other = try PostgresAddress(parsing: try server.createDatabase())
        try server.sql("CREATE TABLE reprint_documents (name TEXT)", database: other.database)
        #expect(throws: StoreError.notAReprintStore(other.description, reason: "reprint tables without a reprint_meta table")) {
            try PostgresStore(address: other)
        }
        // The refused open left nothing behind: without the foreign table the schema is created afresh.
        try server.sql("DROP TABLE reprint_documents", database: other.database)
        let fresh = IncrementalIndex(store: try PostgresStore(address: other))
        #expect(try fresh.statistics().documents == 0)
    }
}
