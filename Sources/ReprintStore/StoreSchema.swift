import Reprint
/// The tables of a Reprint store, the same in SQLite and PostgreSQL but for column types.
///
/// Version 1 tables (all named `reprint_*`, so a PostgreSQL database can host other tables):
/// - `reprint_meta(key, value)`: `application` = `reprint`, `schema_version`, `documents` (the counter);
/// - `reprint_documents(seq, id, source, url, published, format, chars, words, exact_hash, features)`;
/// - `reprint_bands(key, doc)`: LSH band keys; `reprint_postings(term, doc)`: the term route;
/// - `reprint_terms(term, documents)`: document frequencies; `reprint_lines(key, documents)`: short-line counts;
/// - `reprint_relations(a, b, relation, contained, resemblance, coverage_a, coverage_b)`.
/// Version 2 adds `generation` to `reprint_meta`: advanced by every write of the term and line
/// counts, so that readers know when the counts they keep are stale; PostgreSQL stores new
/// features uncompressed (`STORAGE EXTERNAL`).
/// Version 3 drops the indexes of band keys and postings by document: a document's band keys and
/// posted terms are in its features, so it is removed by its own keys, and each band key or
/// posting added writes one B-tree instead of two.
/// 64-bit hashes are stored as signed integers with the same bits.
enum StoreSchema {
    /// The schema version this build writes and understands.
    static let version = 3

    /// The marker that tells a Reprint store from any other database.
    static let application = "reprint"

    /// The statements that create version `index + 1` from version `index`, for a SQL dialect.
    static func migrations(_ dialect: Dialect) -> [[String]] {
        let integerKey = dialect == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"
        let blob = dialect == .sqlite ? "BLOB" : "BYTEA"
        let real = dialect == .sqlite ? "REAL" : "DOUBLE PRECISION"
        let withoutRowID = dialect == .sqlite ? " WITHOUT ROWID" : ""
        return [[
            "CREATE TABLE reprint_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE reprint_documents (seq \(integerKey), id TEXT NOT NULL UNIQUE, source TEXT, url TEXT,
            published \(real), format TEXT NOT NULL, chars BIGINT NOT NULL, words BIGINT NOT NULL,
            exact_hash BIGINT NOT NULL, features \(blob) NOT NULL)
            """,
            "CREATE INDEX reprint_documents_exact_hash ON reprint_documents (exact_hash)",
            "CREATE TABLE reprint_bands (key BIGINT NOT NULL, doc BIGINT NOT NULL, PRIMARY KEY (key, doc))\(withoutRowID)",
            "CREATE INDEX reprint_bands_doc ON reprint_bands (doc)",
            "CREATE TABLE reprint_postings (term BIGINT NOT NULL, doc BIGINT NOT NULL, PRIMARY KEY (term, doc))\(withoutRowID)",
            "CREATE INDEX reprint_postings_doc ON reprint_postings (doc)",
            "CREATE TABLE reprint_terms (term BIGINT PRIMARY KEY, documents BIGINT NOT NULL)\(withoutRowID)",
            "CREATE TABLE reprint_lines (key BIGINT PRIMARY KEY, documents BIGINT NOT NULL)\(withoutRowID)",
            """
            CREATE TABLE reprint_relations (a BIGINT NOT NULL, b BIGINT NOT NULL, relation TEXT NOT NULL, contained TEXT,
            resemblance \(real) NOT NULL, coverage_a \(real) NOT NULL, coverage_b \(real) NOT NULL, PRIMARY KEY (a, b))\(withoutRowID)
            """,
            "CREATE INDEX reprint_relations_b ON reprint_relations (b)",
            "INSERT INTO reprint_meta (key, value) VALUES ('application', '\(application)'), ('documents', '0')",
        ], [
            "INSERT INTO reprint_meta (key, value) VALUES ('generation', '0')",
        ] + (dialect == .postgres ? [
            // Features are read far more often than written: stored uncompressed, they are not decompressed on every read.
            "ALTER TABLE reprint_documents ALTER COLUMN features SET STORAGE EXTERNAL",
        ] : []), [
            "DROP INDEX IF EXISTS reprint_bands_doc",
            "DROP INDEX IF EXISTS reprint_postings_doc",
        ]]
    }

    /// The SQL dialects.
    enum Dialect {
        case sqlite, postgres
    }
}

extension UInt64 {
    /// The same bits as a signed integer, as stored in a database.
    var stored: Int64 { Int64(bitPattern: self) }
}

extension Int64 {
    /// A stored hash back as an unsigned integer.
    var hash: UInt64 { UInt64(bitPattern: self) }
}

extension StoreCounts {
    /// The row counts of every Reprint table, read with `count` (a `SELECT COUNT(*)` runner);
    /// both stores share the tables, only their orphan queries differ.
    init(documents: Int, orphans: Int, countingRowsWith count: (String) throws -> Int) throws {
        func rows(_ table: String) throws -> Int { try count("SELECT COUNT(*) FROM \(table)") }
        self.init(
            documents: documents, documentRows: try rows("reprint_documents"), bandKeys: try rows("reprint_bands"),
            postings: try rows("reprint_postings"), terms: try rows("reprint_terms"), lines: try rows("reprint_lines"),
            relations: try rows("reprint_relations"), orphans: orphans)
    }
}
