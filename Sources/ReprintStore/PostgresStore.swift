import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Reprint

/// A Reprint store in a PostgreSQL database, shared by several writers.
///
/// Every write transaction first takes one transaction-scoped advisory lock, so writers take
/// turns between a document's candidate lookup and its insert (the analysis, which costs most,
/// runs outside it, in each writer); readers are not blocked. The store uses two connections,
/// one for its write transactions and one for its read transactions (so that a batch is read
/// and compared while the one before it is written), and blocks the calling thread on them; it
/// is meant for command-line workers, not an event loop.
public final class PostgresStore: DocumentStore {
    /// A connection and the lock that gives it to one transaction at a time.
    private struct Session {
        let connection: PostgresConnection
        let lock = NSLock()
    }

    private let writer: Session
    private let reader: Session
    private let logger = Logger(label: "reprint.store")
    /// The server and database, without the password.
    public let address: PostgresAddress

    /// The advisory lock every writer takes (an arbitrary 64-bit constant: "reprint" in ASCII).
    static let writerLock: Int64 = 0x72_65_70_72_69_6E_74

    /// Connects to the database at `address` and creates or upgrades the schema.
    public init(address: PostgresAddress) throws {
        self.address = address
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        let logger = logger
        func connect(_ id: Int) throws -> Session {
            do {
                return Session(connection: try PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
                ).wait())
            } catch {
                throw StoreError.unreachable(address.description, reason: Self.message(error))
            }
        }
        writer = try connect(1)
        do {
            reader = try connect(2)
        } catch {
            try? writer.connection.close().wait()
            throw error
        }
        do {
            try migrate()
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    private func close() {
        for session in [writer, reader] { try? session.connection.close().wait() }
    }

    private func migrate() throws {
        try write { transaction in
            let transaction = transaction as! PostgresTransaction
            let tables = try transaction.run("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'reprint%'")
                .map { try $0.decode(String.self) }
            var found = 0
            if !tables.isEmpty {
                guard tables.contains("reprint_meta") else {
                    throw StoreError.notAReprintStore(address.description, reason: "reprint tables without a reprint_meta table")
                }
                let meta = try transaction.run("SELECT key, value FROM reprint_meta WHERE key IN ('application', 'schema_version')")
                    .map { try $0.decode((String, String).self, context: .default) }
                let values = Dictionary(meta, uniquingKeysWith: { first, _ in first })
                guard values["application"] == StoreSchema.application else {
                    throw StoreError.notAReprintStore(address.description, reason: "its reprint_meta table has no Reprint marker")
                }
                found = Int(values["schema_version"] ?? "0") ?? 0
            }
            guard found <= StoreSchema.version else {
                throw StoreError.newerSchema(address.description, found: found, supported: StoreSchema.version)
            }
            guard found < StoreSchema.version else { return }
            for statements in StoreSchema.migrations(.postgres)[found...] {
                for statement in statements { _ = try transaction.run(PostgresQuery(unsafeSQL: statement)) }
            }
            _ = try transaction.run("""
                INSERT INTO reprint_meta (key, value) VALUES ('schema_version', \(String(StoreSchema.version)))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
        }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try transaction(on: writer, "BEGIN; SELECT pg_advisory_xact_lock(\(Self.writerLock))", body)
    }

    public func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try transaction(on: reader, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<T>(on session: Session, _ begin: String, _ body: (any StoreTransaction) throws -> T) throws -> T {
        session.lock.lock()
        defer { session.lock.unlock() }
        let transaction = PostgresTransaction(connection: session.connection, logger: logger)
        do {
            for statement in begin.split(separator: ";") { _ = try transaction.run(PostgresQuery(unsafeSQL: String(statement))) }
            let result = try body(transaction)
            try transaction.flush()
            _ = try transaction.run("COMMIT")
            return result
        } catch {
            _ = try? transaction.run("ROLLBACK")
            if error is StoreError || error is DocumentFeatures.DecodingError { throw error }
            throw StoreError.database(Self.message(error))
        }
    }

    /// The server's message for an error, or a short description.
    static func message(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}

/// One PostgreSQL transaction on the store's connection. Lists travel as arrays (`= ANY($1)`, `unnest`).
///
/// Each statement is a round trip, so an inserted document's band keys, postings and relations,
/// and the document counter, are written for all the transaction's documents at once
/// (``PendingRows``).
private struct PostgresTransaction: CountingTransaction {
    let connection: PostgresConnection
    let logger: Logger
    /// The rows of the documents inserted so far and not yet written.
    private let pending = PendingRows()

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Writes the pending rows.
    func flush() throws {
        if !pending.bands.isEmpty {
            let bands = pending.bandsInOrder
            _ = try run("INSERT INTO reprint_bands (key, doc) SELECT DISTINCT * FROM unnest(\(bands.map(\.key))::int8[], \(bands.map(\.document))::int8[]) ORDER BY 1, 2 ON CONFLICT DO NOTHING")
        }
        if !pending.postings.isEmpty {
            let postings = pending.postingsInOrder
            _ = try run("INSERT INTO reprint_postings (term, doc) SELECT DISTINCT * FROM unnest(\(postings.map(\.term))::int8[], \(postings.map(\.document))::int8[]) ORDER BY 1, 2 ON CONFLICT DO NOTHING")
        }
        if !pending.relations.isEmpty {
            let relations = pending.relationsInOrder
            _ = try run("""
                INSERT INTO reprint_relations (a, b, relation, contained, resemblance, coverage_a, coverage_b)
                SELECT a, b, relation, NULLIF(contained, ''), resemblance, coverage_a, coverage_b
                FROM unnest(\(relations.map(\.a))::int8[], \(relations.map(\.b))::int8[], \(relations.map(\.relation.rawValue))::text[],
                            \(relations.map { $0.contained?.rawValue ?? "" })::text[],
                            \(relations.map(\.resemblance))::float8[], \(relations.map(\.coverageA))::float8[], \(relations.map(\.coverageB))::float8[])
                     AS r(a, b, relation, contained, resemblance, coverage_a, coverage_b)
                ON CONFLICT (a, b) DO UPDATE SET relation = excluded.relation, contained = excluded.contained,
                    resemblance = excluded.resemblance, coverage_a = excluded.coverage_a, coverage_b = excluded.coverage_b
                """)
        }
        if pending.documents != 0 { try advance("documents", by: pending.documents) }
        pending.removeAll()
    }

    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    func documentCount() throws -> Int { try counter("documents") }

    func generation() throws -> Int { try counter("generation") }

    /// A counter of `reprint_meta`.
    private func counter(_ key: String) throws -> Int {
        let rows = try run("SELECT value FROM reprint_meta WHERE key = \(key)")
        return Int(try rows.first?.decode(String.self) ?? "0") ?? 0
    }

    /// Adds `change` to a counter of `reprint_meta`.
    private func advance(_ key: String, by change: Int) throws {
        _ = try run("UPDATE reprint_meta SET value = (value::bigint + \(Int64(change)))::text WHERE key = \(key)")
    }

    func sequences(of ids: [String]) throws -> [String: Int64] {
        let rows = try run("SELECT id, seq FROM reprint_documents WHERE id = ANY(\(ids))")
        return Dictionary(try rows.map { try $0.decode((String, Int64).self, context: .default) }, uniquingKeysWith: { first, _ in first })
    }

    func documents(withExactHashes hashes: [UInt64]) throws -> [UInt64: [Int64]] {
        try grouped(run("SELECT exact_hash, seq FROM reprint_documents WHERE exact_hash = ANY(\(hashes.map(\.stored)))"))
    }

    func documents(inBuckets keys: [UInt64]) throws -> [UInt64: [Int64]] {
        try grouped(run("SELECT key, doc FROM reprint_bands WHERE key = ANY(\(keys.map(\.stored)))"))
    }

    /// (hash, document) rows grouped by hash.
    private func grouped(_ rows: PostgresQueryResult) throws -> [UInt64: [Int64]] {
        var result: [UInt64: [Int64]] = [:]
        for row in rows {
            let (key, document) = try row.decode((Int64, Int64).self)
            result[key.hash, default: []].append(document)
        }
        return result
    }

    func postings(of terms: [UInt64], limit: Int) throws -> [UInt64: [Int64]] {
        guard !terms.isEmpty else { return [:] }
        // One row per term, its documents as an array: rows cost more to decode than array elements.
        let rows = try run("""
            SELECT t.term, ARRAY(SELECT doc FROM reprint_postings WHERE term = t.term LIMIT \(limit))
            FROM unnest(\(terms.map(\.stored))::int8[]) AS t(term)
            """)
        var result: [UInt64: [Int64]] = [:]
        for row in rows {
            let (term, docs) = try row.decode((Int64, [Int64]).self, context: .default)
            if !docs.isEmpty { result[term.hash] = docs }
        }
        return result
    }

    func counts(table: String, key: String, limit: Int) throws -> [UInt64: Int] {
        try countsByKey(run("""
            SELECT COALESCE(array_agg(\(unescaped: key)), '{}'), COALESCE(array_agg(documents), '{}')
            FROM (SELECT \(unescaped: key), documents FROM \(unescaped: table) LIMIT \(limit)) AS counted
            """))
    }

    func counts(table: String, key: String, of keys: [UInt64]) throws -> [UInt64: Int] {
        guard !keys.isEmpty else { return [:] }
        return try countsByKey(run("""
            SELECT COALESCE(array_agg(\(unescaped: key)), '{}'), COALESCE(array_agg(documents), '{}')
            FROM \(unescaped: table) WHERE \(unescaped: key) = ANY(\(keys.map(\.stored)))
            """))
    }

    /// The counts of `rows`: one row of two arrays, the keys and their counts.
    private func countsByKey(_ rows: PostgresQueryResult) throws -> [UInt64: Int] {
        var result: [UInt64: Int] = [:]
        for row in rows {
            let (keys, counts) = try row.decode(([Int64], [Int64]).self, context: .default)
            result.reserveCapacity(keys.count)
            for (key, count) in zip(keys, counts) { result[key.hash] = Int(count) }
        }
        return result
    }

    func documents(_ sequences: [Int64]) throws -> [StoredDocument] {
        guard !sequences.isEmpty else { return [] }
        let rows = try run("""
            SELECT seq, id, source, url, published, format, chars, features FROM reprint_documents WHERE seq = ANY(\(sequences))
            """)
        return try rows.map { row in
            let (sequence, id, source, url, published, format, chars, body) = try row.decode(
                (Int64, String, String?, String?, Double?, String, Int64, ByteBuffer).self, context: .default)
            return StoredDocument(
                sequence: sequence, id: id, format: DocumentFormat(rawValue: format) ?? .plain,
                metadata: DocumentMetadata(source: source, url: url, published: published.map(Date.init(timeIntervalSince1970:))),
                originalLength: Int(chars), body: Array(buffer: body))
        }
    }

    func insert(_ entry: IndexEntry) throws -> Int64 {
        let features = entry.features
        let body = ByteBuffer(bytes: features.encodedBody())
        let rows = try run("""
            INSERT INTO reprint_documents (id, source, url, published, format, chars, words, exact_hash, features)
            VALUES (\(features.id), \(features.metadata.source), \(features.metadata.url), \(features.metadata.published?.timeIntervalSince1970),
                    \(features.format.rawValue), \(Int64(features.originalLength)), \(Int64(features.wordCount)), \(features.exactHash.stored), \(body))
            RETURNING seq
            """)
        guard let sequence = try rows.first?.decode(Int64.self) else { throw StoreError.database("the insert returned no sequence number") }
        pending.add(entry, as: sequence)
        return sequence
    }

    func delete(_ sequence: Int64, _ entry: IndexEntry) throws {
        try flush()
        _ = try run("DELETE FROM reprint_documents WHERE seq = \(sequence)")
        _ = try run("DELETE FROM reprint_bands WHERE doc = \(sequence) AND key = ANY(\(entry.bandKeys.map(\.stored)))")
        _ = try run("DELETE FROM reprint_postings WHERE doc = \(sequence) AND term = ANY(\(entry.features.postedTerms.map(\.stored)))")
        _ = try run("DELETE FROM reprint_relations WHERE a = \(sequence) OR b = \(sequence)")
        try advance("documents", by: -1)
    }

    func addCounts(terms: [UInt64: Int], lines: [UInt64: Int]) throws {
        try flush()
        try add(terms, table: "reprint_terms", key: "term")
        try add(lines, table: "reprint_lines", key: "key")
        try advance("generation", by: 1)
    }

    /// One statement for all the changes, keys in order; a second forgets the counts that reach zero.
    private func add(_ changes: [UInt64: Int], table: String, key: String) throws {
        let sorted = changes.filter { $0.value != 0 }.map { ($0.key.stored, Int64($0.value)) }.sorted { $0.0 < $1.0 }
        guard !sorted.isEmpty else { return }
        _ = try run("""
            INSERT INTO \(unescaped: table) (\(unescaped: key), documents)
            SELECT * FROM unnest(\(sorted.map(\.0))::int8[], \(sorted.map(\.1))::int8[])
            ON CONFLICT (\(unescaped: key)) DO UPDATE SET documents = \(unescaped: table).documents + excluded.documents
            """)
        let decreased = sorted.filter { $0.1 < 0 }.map(\.0)
        if !decreased.isEmpty {
            _ = try run("DELETE FROM \(unescaped: table) WHERE documents <= 0 AND \(unescaped: key) = ANY(\(decreased))")
        }
    }

    func members() throws -> [StoredMember] {
        try run("SELECT seq, id, published, words FROM reprint_documents ORDER BY seq").map { row in
            let (sequence, id, published, words) = try row.decode((Int64, String, Double?, Int64).self, context: .default)
            return StoredMember(sequence: sequence, id: id, published: published, words: Int(words))
        }
    }

    func relations() throws -> [StoredRelation] {
        try run("SELECT a, b, relation, contained, resemblance, coverage_a, coverage_b FROM reprint_relations ORDER BY b, a").map { row in
            let (a, b, relation, contained, resemblance, coverageA, coverageB) = try row.decode(
                (Int64, Int64, String, String?, Double, Double, Double).self, context: .default)
            return StoredRelation(
                a: a, b: b, relation: Relation(rawValue: relation) ?? .unrelated, contained: contained.flatMap(Side.init(rawValue:)),
                resemblance: resemblance, coverageA: coverageA, coverageB: coverageB)
        }
    }

    func tableCounts() throws -> StoreCounts {
        func count(_ sql: String) throws -> Int {
            Int(try run(PostgresQuery(unsafeSQL: sql)).first?.decode(Int64.self) ?? 0)
        }
        let orphans = try count("SELECT COUNT(*) FROM reprint_bands b WHERE NOT EXISTS (SELECT 1 FROM reprint_documents d WHERE d.seq = b.doc)")
            + count("SELECT COUNT(*) FROM reprint_postings p WHERE NOT EXISTS (SELECT 1 FROM reprint_documents d WHERE d.seq = p.doc)")
            + count("""
                SELECT COUNT(*) FROM reprint_relations r WHERE NOT EXISTS (SELECT 1 FROM reprint_documents d WHERE d.seq = r.a)
                OR NOT EXISTS (SELECT 1 FROM reprint_documents d WHERE d.seq = r.b)
                """)
        return try StoreCounts(documents: documentCount(), orphans: orphans, countingRowsWith: count)
    }

    func engineProblems() throws -> [String] {
        []
    }
}
