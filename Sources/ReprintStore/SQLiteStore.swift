import Foundation
import GRDB
import GRDBSQLite
import Reprint

/// A Reprint store in a SQLite file (WAL journal): one writer at a time, readers alongside (a
/// pool of connections, so that a server's reads run in parallel).
///
/// Opening checks before it writes anything: a read-only file, a file that is not SQLite, a
/// SQLite database without Reprint's marker or with a newer schema are refused untouched.
public final class SQLiteStore: DocumentStore {
    private let pool: DatabasePool
    /// The file.
    public let path: String

    /// Opens the store at `path`, creating it (and its schema) when the file does not exist.
    public init(path: String) throws {
        self.path = path
        let manager = FileManager.default
        if let attributes = try? manager.attributesOfItem(atPath: path),
           let permissions = attributes[.posixPermissions] as? Int, permissions & 0o222 == 0 {
            throw StoreError.readOnly(path)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !manager.fileExists(atPath: directory) {
            throw StoreError.cannotOpen(path, reason: "the folder \(directory) does not exist")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // In WAL mode, NORMAL loses no committed transaction when the process is killed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Reads through a memory map, and a page cache of up to 512 MB: a batch changes pages all
            // over the band, posting and count tables, and with 64 MB they were dropped and read
            // back (from the log, by copy) several times per batch (100k add: -6 % CPU).
            try db.execute(sql: "PRAGMA cache_size = -524288")
            try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            // A batch rewrites pages all over the band, posting and count tables: copying the log
            // back every 100 MB instead of every 4 MB writes each page back once for several batches.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 25000")
        }
        // One connection checks (and upgrades) the file; the pool, which switches it to WAL, comes after.
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAReprintStore(path, reason: "not a SQLite database")
        } catch {
            throw StoreError.cannotOpen(path, reason: Self.message(error))
        }
        try Self.migrate(queue, path: path)
        do {
            try queue.close()
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path, reason: Self.message(error))
        }
    }

    private static func migrate(_ queue: DatabaseQueue, path: String) throws {
        do {
            try queue.writeWithoutTransaction { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty {
                    guard tables.contains("reprint_meta") else {
                        throw StoreError.notAReprintStore(path, reason: "a SQLite database with other tables")
                    }
                    let application = try String.fetchOne(db, sql: "SELECT value FROM reprint_meta WHERE key = 'application'")
                    guard application == StoreSchema.application else {
                        throw StoreError.notAReprintStore(path, reason: "its reprint_meta table has no Reprint marker")
                    }
                }
                let found = tables.isEmpty ? 0 : Int(try String.fetchOne(db, sql: "SELECT value FROM reprint_meta WHERE key = 'schema_version'") ?? "0") ?? 0
                guard found <= StoreSchema.version else {
                    throw StoreError.newerSchema(path, found: found, supported: StoreSchema.version)
                }
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                guard found < StoreSchema.version else { return }
                try db.inTransaction(.exclusive) {
                    for statements in StoreSchema.migrations(.sqlite)[found...] {
                        for statement in statements { try db.execute(sql: statement) }
                    }
                    try db.execute(
                        sql: "INSERT INTO reprint_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        arguments: ["\(StoreSchema.version)"])
                    return .commit
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAReprintStore(path, reason: "not a SQLite database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            throw StoreError.readOnly(path)
        } catch {
            throw StoreError.cannotOpen(path, reason: Self.message(error))
        }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try Self.translating {
            let result = try pool.write { db in
                let transaction = SQLiteTransaction(db: db)
                let result = try body(transaction)
                try transaction.flush()
                return result
            }
            truncateLogIfLarge()
            return result
        }
    }

    /// The log size past which a write copies the log back and empties it: large enough that an
    /// index of 100,000 documents does it every few batches only (it waits for the next batch's
    /// read), small enough to keep the log from growing without bound.
    private static let logLimit = 1 << 30

    /// Copies the log back into the file and empties it when it is past ``logLimit``: SQLite
    /// starts its log over only when no reader is using it, and an index's reads overlap its
    /// writes (the next batch is read while one is written), so on its own the log grows with
    /// every batch (several gigabytes at a million documents). This waits for the readers (as
    /// long as the busy timeout); the write is committed already, so a checkpoint that fails is
    /// left for the next write.
    private func truncateLogIfLarge() {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard size > Self.logLimit else { return }
        _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    public func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try Self.translating { try pool.read { db in try body(SQLiteTransaction(db: db)) } }
    }

    private static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.database(message(error))
        }
    }

    private static func message(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}

/// One SQLite transaction. Lists travel as JSON arrays through `json_each`, so every statement is prepared once.
///
/// An inserted document's band keys, postings and relations, and the document counter, are
/// written for all the transaction's documents at once, in key order (``PendingRows``).
private struct SQLiteTransaction: CountingTransaction {
    let db: Database
    /// The rows of the documents inserted so far and not yet written.
    private let pending = PendingRows()

    init(db: Database) {
        self.db = db
    }

    /// Writes the pending rows.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try insert(pending.bandsInOrder, sql: "INSERT OR IGNORE INTO reprint_bands (key, doc) VALUES (?, ?)")
        try insert(pending.postingsInOrder, sql: "INSERT OR IGNORE INTO reprint_postings (term, doc) VALUES (?, ?)")
        let relation = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO reprint_relations (a, b, relation, contained, resemblance, coverage_a, coverage_b)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for item in pending.relationsInOrder {
            try relation.execute(arguments: [
                item.a, item.b, item.relation.rawValue, item.contained?.rawValue, item.resemblance, item.coverageA, item.coverageB,
            ])
        }
        try advance("documents", by: pending.documents)
        pending.removeAll()
    }

    /// Runs `sql`, which inserts one (key, document) row, for each of `rows` (hundreds of
    /// thousands a batch: bound and stepped directly, without GRDB's per-call work).
    private func insert(_ rows: [(Int64, Int64)], sql: String) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        for (key, document) in rows {
            sqlite3_bind_int64(statement, 1, key)
            sqlite3_bind_int64(statement, 2, document)
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else { throw failure(code) }
        }
    }

    private func json(_ values: [Int64]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    private func json(_ values: [UInt64]) -> String {
        json(values.map(\.stored))
    }

    func documentCount() throws -> Int { try counter("documents") }

    func generation() throws -> Int { try counter("generation") }

    /// A counter of `reprint_meta`.
    private func counter(_ key: String) throws -> Int {
        Int(try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM reprint_meta WHERE key = ?"), arguments: [key]) ?? "0") ?? 0
    }

    /// Adds `change` to a counter of `reprint_meta`.
    private func advance(_ key: String, by change: Int) throws {
        try db.cachedStatement(sql: "UPDATE reprint_meta SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = ?")
            .execute(arguments: [change, key])
    }

    func sequences(of ids: [String]) throws -> [String: Int64] {
        let encoded = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, seq FROM reprint_documents WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [encoded])
        return Dictionary(rows.map { ($0[0] as String, $0[1] as Int64) }, uniquingKeysWith: { first, _ in first })
    }

    func documents(withExactHashes hashes: [UInt64]) throws -> [UInt64: [Int64]] {
        try grouped("SELECT exact_hash, seq FROM reprint_documents WHERE exact_hash IN (SELECT value FROM json_each(?))", hashes)
    }

    func documents(inBuckets keys: [UInt64]) throws -> [UInt64: [Int64]] {
        try grouped("SELECT key, doc FROM reprint_bands WHERE key IN (SELECT value FROM json_each(?))", keys)
    }

    /// The (hash, document) rows `sql` selects for `keys` (bound as a JSON array), grouped by hash.
    private func grouped(_ sql: String, _ keys: [UInt64]) throws -> [UInt64: [Int64]] {
        guard !keys.isEmpty else { return [:] }
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments([json(keys)])
        var result: [UInt64: [Int64]] = [:]
        try forEachRow(of: statement) { row in
            result[sqlite3_column_int64(row, 0).hash, default: []].append(sqlite3_column_int64(row, 1))
        }
        return result
    }

    func postings(of terms: [UInt64], limit: Int) throws -> [UInt64: [Int64]] {
        let statement = try db.cachedStatement(sql: "SELECT doc FROM reprint_postings WHERE term = ? LIMIT ?")
        var result: [UInt64: [Int64]] = [:]
        for term in terms {
            statement.setUncheckedArguments([term.stored, limit])
            var documents: [Int64] = []
            try forEachRow(of: statement) { documents.append(sqlite3_column_int64($0, 0)) }
            if !documents.isEmpty { result[term] = documents }
        }
        return result
    }

    /// Steps `statement`, its arguments set, through its rows, reading each with `row`, without
    /// GRDB's per-row work: the lookups of a batch return hundreds of thousands of rows, and a
    /// query reads its candidates' documents while the user waits.
    private func forEachRow(of statement: Statement, _ row: (SQLiteStatement) -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                guard code == SQLITE_DONE else { throw failure(code) }
                return
            }
            row(handle)
        }
    }

    /// The error of a failed SQLite call that returned `code`.
    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    func counts(table: String, key: String, of keys: [UInt64]) throws -> [UInt64: Int] {
        guard !keys.isEmpty else { return [:] }
        return try countsByKey("SELECT \(key), documents FROM \(table) WHERE \(key) IN (SELECT value FROM json_each(?))", [json(keys)])
    }

    func counts(table: String, key: String, limit: Int) throws -> [UInt64: Int] {
        try countsByKey("SELECT \(key), documents FROM \(table) LIMIT ?", [limit])
    }

    /// The (key, count) rows `sql` selects with `arguments`, by key.
    private func countsByKey(_ sql: String, _ arguments: StatementArguments) throws -> [UInt64: Int] {
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(arguments)
        var result: [UInt64: Int] = [:]
        try forEachRow(of: statement) { result[sqlite3_column_int64($0, 0).hash] = Int(sqlite3_column_int64($0, 1)) }
        return result
    }

    func documents(_ sequences: [Int64]) throws -> [StoredDocument] {
        guard !sequences.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT seq, id, source, url, published, format, chars, features FROM reprint_documents
            WHERE seq IN (SELECT value FROM json_each(?))
            """)
        statement.setUncheckedArguments([json(sequences)])
        var documents: [StoredDocument] = []
        try forEachRow(of: statement) { row in
            func text(_ column: Int32) -> String? {
                sqlite3_column_text(row, column).map { String(cString: $0) }
            }
            let published = sqlite3_column_type(row, 4) == SQLITE_NULL ? nil : sqlite3_column_double(row, 4)
            // The blob's bytes, copied once (a zero-length blob has no pointer).
            let body = sqlite3_column_blob(row, 7).map {
                [UInt8](UnsafeRawBufferPointer(start: $0, count: Int(sqlite3_column_bytes(row, 7))))
            } ?? []
            documents.append(StoredDocument(
                sequence: sqlite3_column_int64(row, 0), id: text(1) ?? "", format: text(5).flatMap(DocumentFormat.init(rawValue:)) ?? .plain,
                metadata: DocumentMetadata(source: text(2), url: text(3), published: published.map(Date.init(timeIntervalSince1970:))),
                originalLength: Int(sqlite3_column_int64(row, 6)), body: body))
        }
        return documents
    }

    func insert(_ entry: IndexEntry) throws -> Int64 {
        let features = entry.features
        try db.cachedStatement(sql: """
            INSERT INTO reprint_documents (id, source, url, published, format, chars, words, exact_hash, features)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                features.id, features.metadata.source, features.metadata.url, features.metadata.published?.timeIntervalSince1970,
                features.format.rawValue, features.originalLength, features.wordCount, features.exactHash.stored,
                Data(features.encodedBody()),
            ])
        let sequence = db.lastInsertedRowID
        pending.add(entry, as: sequence)
        return sequence
    }

    func delete(_ sequence: Int64, _ entry: IndexEntry) throws {
        try flush()
        try db.execute(sql: "DELETE FROM reprint_documents WHERE seq = ?", arguments: [sequence])
        try db.execute(sql: "DELETE FROM reprint_bands WHERE doc = ? AND key IN (SELECT value FROM json_each(?))",
                       arguments: [sequence, json(entry.bandKeys)])
        try db.execute(sql: "DELETE FROM reprint_postings WHERE doc = ? AND term IN (SELECT value FROM json_each(?))",
                       arguments: [sequence, json(entry.features.postedTerms)])
        try db.execute(sql: "DELETE FROM reprint_relations WHERE a = ? OR b = ?", arguments: [sequence, sequence])
        try advance("documents", by: -1)
    }

    func addCounts(terms: [UInt64: Int], lines: [UInt64: Int]) throws {
        try flush()
        try add(terms, table: "reprint_terms", key: "term")
        try add(lines, table: "reprint_lines", key: "key")
        try advance("generation", by: 1)
    }

    /// One statement per distinct change, its keys in order (neighbouring B-tree pages).
    private func add(_ changes: [UInt64: Int], table: String, key: String) throws {
        var keysByChange: [Int: [Int64]] = [:]
        for (key, change) in changes where change != 0 { keysByChange[change, default: []].append(key.stored) }
        for (change, keys) in keysByChange {
            let list = json(keys.sorted())
            try db.cachedStatement(sql: """
                INSERT INTO \(table) (\(key), documents) SELECT value, ? FROM json_each(?) WHERE true
                ON CONFLICT (\(key)) DO UPDATE SET documents = documents + excluded.documents
                """).execute(arguments: [change, list])
            if change < 0 {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE documents <= 0 AND \(key) IN (SELECT value FROM json_each(?))")
                    .execute(arguments: [list])
            }
        }
    }

    func members() throws -> [StoredMember] {
        try Row.fetchAll(db, sql: "SELECT seq, id, published, words FROM reprint_documents ORDER BY seq").map {
            StoredMember(sequence: $0[0], id: $0[1], published: $0[2], words: $0[3])
        }
    }

    func relations() throws -> [StoredRelation] {
        try Row.fetchAll(db, sql: "SELECT a, b, relation, contained, resemblance, coverage_a, coverage_b FROM reprint_relations ORDER BY b, a")
            .map { row in
                let contained: String? = row[3]
                return StoredRelation(
                    a: row[0], b: row[1], relation: Relation(rawValue: row[2]) ?? .unrelated, contained: contained.flatMap(Side.init(rawValue:)),
                    resemblance: row[4], coverageA: row[5], coverageB: row[6])
            }
    }

    func tableCounts() throws -> StoreCounts {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
        let orphans = try count("SELECT COUNT(*) FROM reprint_bands WHERE doc NOT IN (SELECT seq FROM reprint_documents)")
            + count("SELECT COUNT(*) FROM reprint_postings WHERE doc NOT IN (SELECT seq FROM reprint_documents)")
            + count("SELECT COUNT(*) FROM reprint_relations WHERE a NOT IN (SELECT seq FROM reprint_documents) OR b NOT IN (SELECT seq FROM reprint_documents)")
        return try StoreCounts(documents: documentCount(), orphans: orphans, countingRowsWith: count)
    }

    func engineProblems() throws -> [String] {
        try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
    }
}
