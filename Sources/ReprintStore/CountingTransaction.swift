import Reprint

/// A transaction that reads the per-key document counts of the `reprint_terms` and `reprint_lines` tables one way.
protocol CountingTransaction: StoreTransaction {
    /// The `documents` column of `table` for each of `keys` found in its `key` column.
    func counts(table: String, key: String, of keys: [UInt64]) throws -> [UInt64: Int]
    /// The `documents` column of `table` by its `key` column, for at most `limit` rows (any of them).
    func counts(table: String, key: String, limit: Int) throws -> [UInt64: Int]
}

extension CountingTransaction {
    func frequencies(of terms: [UInt64]) throws -> [UInt64: Int] {
        try counts(table: "reprint_terms", key: "term", of: terms)
    }

    func allFrequencies(limit: Int) throws -> [UInt64: Int]? {
        // One row more than allowed tells that there are too many.
        let counts = try counts(table: "reprint_terms", key: "term", limit: limit + 1)
        return counts.count <= limit ? counts : nil
    }

    func lineCounts(of keys: [UInt64]) throws -> [UInt64: Int] {
        try counts(table: "reprint_lines", key: "key", of: keys)
    }
}
