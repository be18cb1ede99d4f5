/// The LSH band keys of a deduplication run: one 64-bit key per band of `rows` signature values,
/// equal for equal bands and, for different bands, equal in their top 32 bits (all that
/// ``BandTable`` uses) with probability about 2⁻³¹.
///
/// The keys live in memory for one run only, so they need not be ``LSHIndex/bandKey(_:_:)``
/// (the persistent index's keys, six `combine` calls a band): NH hashing (Black et al., UMAC) —
/// the values two by two, each plus a 32-bit constant, multiplied and summed — then one
/// xorshift-multiply, four multiplies a band of six instead of eighteen.
struct BandKeys: Sendable {
    /// The number of bands.
    let bands: Int
    /// The number of signature values in a band.
    let rows: Int
    /// One constant per row, and one more to pair the last value of an odd number of rows with.
    private let constants: [UInt32]

    /// Keys for `bands` bands of `rows` values.
    init(bands: Int, rows: Int) {
        precondition(bands > 0 && rows > 0, "a band has at least one value")
        self.bands = bands
        self.rows = rows
        constants = (0...rows).map { UInt32(truncatingIfNeeded: StableHash.mix(UInt64($0) &+ 0x6261_6e64)) }
    }

    /// Writes the keys of bands `0..<bands` of the signature values at `values` (`bands × rows`
    /// of them, band by band) to `keys`.
    @inline(__always)
    func write(_ values: UnsafePointer<UInt32>, into keys: UnsafeMutablePointer<UInt64>) {
        let rows = rows
        constants.withUnsafeBufferPointer { constants in
            let k = constants.baseAddress!
            for band in 0..<bands {
                let v = values + band * rows
                var sum: UInt64 = 0
                var row = 0
                while row + 1 < rows {
                    sum &+= UInt64(v[row] &+ k[row]) &* UInt64(v[row + 1] &+ k[row + 1])
                    row += 2
                }
                if row < rows { sum &+= UInt64(v[row] &+ k[row]) &* UInt64(k[rows] | 1) }
                keys[band] = (sum ^ sum &>> 32) &* 0x9e37_79b9_7f4a_7c15
            }
        }
    }
}
