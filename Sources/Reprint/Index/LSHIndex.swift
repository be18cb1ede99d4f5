import Foundation

/// Locality-sensitive hashing over MinHash signatures: documents whose signatures agree on
/// every value of at least one band land in the same bucket and become candidate pairs.
///
/// With `b` bands of `r` rows, a pair with Jaccard similarity `s` becomes a candidate with
/// probability `1 - (1 - s^r)^b`: an S-curve whose steep part sits near `(1/b)^(1/r)`.
public struct LSHIndex: Sendable {
    /// The number of bands.
    public let bands: Int
    /// The number of signature values in each band.
    public let rows: Int
    private var buckets: [[UInt64: [Int32]]]

    /// Creates an empty index of `bands` bands of `rows` rows; signatures need `bands * rows` values at least.
    public init(bands: Int, rows: Int) {
        precondition(bands > 0 && rows > 0, "an LSH index needs at least one band of one row")
        self.bands = bands
        self.rows = rows
        buckets = Array(repeating: [:], count: bands)
    }

    /// The banding for a signature length whose S-curve is steepest near `threshold`.
    ///
    /// Picks the `(bands, rows)` with `bands * rows <= length` that minimises the sum of the
    /// false-positive and false-negative areas under the S-curve, as datasketch does.
    public static func optimalBanding(threshold: Double, length: Int) -> (bands: Int, rows: Int) {
        var best = (bands: 1, rows: length, error: Double.infinity)
        for bands in 1...length {
            for rows in 1...(length / bands) {
                let error = falsePositiveArea(threshold, bands, rows) + falseNegativeArea(threshold, bands, rows)
                if error < best.error { best = (bands, rows, error) }
            }
        }
        return (best.bands, best.rows)
    }

    /// The banding with the most rows (the fewest false candidates) that `length` values allow
    /// while a pair of Jaccard similarity `threshold` still becomes a candidate with probability
    /// `recall` or more, and with those rows the fewest bands that reach it: more bands would only
    /// add table probes, memory and false candidates. (For 128 values and thresholds from 0.5 to
    /// 0.95, this is also the banding of least false-positive area among those that reach `recall`.)
    ///
    /// For verified deduplication, where a missed pair is lost but a false candidate only costs a check.
    public static func recallBanding(threshold: Double, length: Int, recall: Double) -> (bands: Int, rows: Int) {
        for rows in stride(from: length, through: 1, by: -1) {
            let perBand = pow(threshold, Double(rows))
            for bands in 1...(length / rows) where 1 - pow(1 - perBand, Double(bands)) >= recall {
                return (bands, rows)
            }
        }
        return (length, 1)
    }

    /// Adds a document and returns the documents already in the index that share a bucket with it.
    public mutating func insert(_ signature: MinHashSignature, id: Int32) -> [Int32] {
        var candidates: [Int32] = []
        for band in 0..<bands {
            let key = bandKey(signature, band)
            buckets[band][key, default: []].append(id)
            if let members = buckets[band][key], members.count > 1 {
                candidates.append(contentsOf: members.dropLast())
            }
        }
        return deduplicated(candidates)
    }

    /// The documents that share a bucket with `signature`, without adding it.
    public func query(_ signature: MinHashSignature) -> [Int32] {
        var candidates: [Int32] = []
        for band in 0..<bands {
            if let members = buckets[band][bandKey(signature, band)] { candidates.append(contentsOf: members) }
        }
        return deduplicated(candidates)
    }

    /// Removes a document that was inserted with `signature`.
    public mutating func remove(_ signature: MinHashSignature, id: Int32) {
        for band in 0..<bands {
            let key = bandKey(signature, band)
            buckets[band][key]?.removeAll { $0 == id }
            if buckets[band][key]?.isEmpty == true { buckets[band][key] = nil }
        }
    }

    /// The hash of one band of a signature.
    public func bandKey(_ signature: MinHashSignature, _ band: Int) -> UInt64 {
        Self.bandKey(signature.values, band: band, rows: rows)
    }

    /// The hash of every band of a signature, band 0 first.
    public func bandKeys(_ signature: MinHashSignature) -> [UInt64] {
        (0..<bands).map { bandKey(signature, $0) }
    }

    /// The hash of band `band` (values `band * rows ..< (band + 1) * rows`) of a signature's values.
    public static func bandKey(_ values: [UInt32], band: Int, rows: Int) -> UInt64 {
        precondition(values.count >= (band + 1) * rows, "signature shorter than bands × rows")
        return values.withUnsafeBufferPointer { bandKey($0.baseAddress!, band: band, rows: rows) }
    }

    /// The hash of band `band` of the signature values at `values` (at least `(band + 1) * rows` of them).
    @inline(__always)
    static func bandKey(_ values: UnsafePointer<UInt32>, band: Int, rows: Int) -> UInt64 {
        var key = UInt64(band)
        for index in (band * rows)..<((band + 1) * rows) {
            key = StableHash.combine(key, UInt64(values[index]))
        }
        return key
    }

    private func deduplicated(_ ids: [Int32]) -> [Int32] {
        var sorted = ids.sorted()
        sorted.removeDuplicates()
        return sorted
    }

    private static func falsePositiveArea(_ threshold: Double, _ bands: Int, _ rows: Int) -> Double {
        integrate(from: 0, to: threshold) { 1 - pow1m(1 - pow($0, Double(rows)), bands) }
    }

    private static func falseNegativeArea(_ threshold: Double, _ bands: Int, _ rows: Int) -> Double {
        integrate(from: threshold, to: 1) { pow1m(1 - pow($0, Double(rows)), bands) }
    }

    private static func pow1m(_ base: Double, _ exponent: Int) -> Double { pow(base, Double(exponent)) }

    private static func integrate(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
        let steps = 200
        let width = (b - a) / Double(steps)
        return (0..<steps).reduce(0) { $0 + f(a + (Double($1) + 0.5) * width) * width }
    }
}
