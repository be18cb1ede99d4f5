import Reprint

/// A transaction that reads the per-key document counts of the `reprint_terms` and `reprint_lines` tables one way.
protocol CountingTransaction: StoreTransaction {
    /// The `documents` column of `table` for each of `keys` found in its `key` column.
    func counts(table: String, key: String, of keys: [UInt64]) throws -> [UInt64: Int]
}

extension CountingTransaction {
    func frequencies(of terms: [UInt64]) throws -> [UInt64: Int] {
        try counts(table: "reprint_terms", key: "term", of: terms)
    }

    func lineCounts(of keys: [UInt64]) throws -> [UInt64: Int] {
        try counts(table: "reprint_lines", key: "key", of: keys)
    }
}
