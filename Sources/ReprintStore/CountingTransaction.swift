import Reprint

/// A transaction that reads the per-key document counts of the `reprint_terms` and `reprint_lines` tables one way.
protocol CountingTransaction: StoreTransaction {
    /// The `documents` column of `table` for each of `keys` found in its `key` column.
    func counts(table: String, key: String, of keys: [UInt64]) throws -> [UInt64: Int]
    /// Every (`key`, `documents`) row of `table`, when there are at most `limit`; nil when there are more.
    func allCounts(table: String, key: String, limit: Int) throws -> [UInt64: Int]?
}

extension CountingTransaction {
    func frequencies(of terms: [UInt64]) throws -> [UInt64: Int] {
        try counts(table: "reprint_terms", key: "term", of: terms)
    }

    func allFrequencies(limit: Int) throws -> [UInt64: Int]? {
        try allCounts(table: "reprint_terms", key: "term", limit: limit)
    }

    func lineCounts(of keys: [UInt64]) throws -> [UInt64: Int] {
        try counts(table: "reprint_lines", key: "key", of: keys)
    }
}
