import Testing
@testable import Reprint

private func keys(_ values: [UInt32], bands: Int, rows: Int) -> [UInt64] {
    var keys = [UInt64](repeating: 0, count: bands)
    values.withUnsafeBufferPointer { values in
        keys.withUnsafeMutableBufferPointer { BandKeys(bands: bands, rows: rows).write(values.baseAddress!, into: $0.baseAddress!) }
    }
    return keys
}

struct BandKeysTests {
    @Test("Equal bands have equal keys, whatever the other bands hold", arguments: [5, 6])
    func equalBandsEqualKeys(rows: Int) {
        let a = (0..<UInt32(4 * rows)).map { $0 &* 2_654_435_761 }
        var b = a
        for index in rows..<(2 * rows) { b[index] &+= 1 }  // band 1 differs
        let (ka, kb) = (keys(a, bands: 4, rows: rows), keys(b, bands: 4, rows: rows))
        #expect(ka[0] == kb[0] && ka[2] == kb[2] && ka[3] == kb[3])
        #expect(ka[1] >> 32 != kb[1] >> 32)
    }

    @Test("Bands that differ in one value differ in the top 32 bits of their keys", arguments: [1, 5, 6])
    func oneValueChangesTheFingerprint(rows: Int) {
        let base = [UInt32](repeating: 7, count: rows)
        var fingerprints: Set<UInt64> = [keys(base, bands: 1, rows: rows)[0] >> 32]
        for row in 0..<rows {
            for delta: UInt32 in [1, 2, 1 << 16, 1 << 31] {
                var changed = base
                changed[row] &+= delta
                fingerprints.insert(keys(changed, bands: 1, rows: rows)[0] >> 32)
            }
        }
        #expect(fingerprints.count == 1 + rows * 4)
    }

    @Test func swappedValuesGiveAnotherKey() {
        #expect(keys([1, 2, 3, 4, 5, 6], bands: 1, rows: 6) != keys([2, 1, 3, 4, 5, 6], bands: 1, rows: 6))
    }
}
