import Testing
@testable import Reprint

/// Runs `keys` (one band, stride 1) through `table` as one batch, documents `first, first + 1, …`;
/// returns each key's previous document.
private func exchange(_ table: inout BandTable, _ keys: [UInt64], first: Int32) -> [Int32] {
    var held = [Int32](repeating: -2, count: keys.count)
    keys.withUnsafeBufferPointer { keys in
        table.exchange(count: keys.count, keys: keys.baseAddress!, stride: 1, doc: { first + Int32($0) }, previous: { held[$0] = $1 })
    }
    return held
}

@Suite struct BandTableTests {
    @Test func givesEachKeyTheLatestDocumentOfItsFingerprint() {
        var table = BandTable(capacity: 100)
        let a: UInt64 = 0x1234_5678_0000_0001, b: UInt64 = 0x1234_5678_FFFF_0000  // one fingerprint
        let c: UInt64 = 0x0000_0000_0000_0042  // top bits 0: fingerprint 1, still a key
        #expect(exchange(&table, [a, c, b, a], first: 0) == [-1, -1, 0, 2])
        #expect(exchange(&table, [c, 0x9999_0000_0000_0000, b], first: 10) == [1, -1, 3])
    }

    @Test("Full buckets pass keys on, and the table grows past its capacity, like a dictionary of the latest document", arguments: [0, 50_000])
    func matchesADictionary(capacity: Int) {
        var table = BandTable(capacity: capacity)
        var latest: [UInt64: Int32] = [:]
        var doc: Int32 = 0
        // 3,000 keys of 20,000 fingerprints a batch: many repeats, and more keys than 16 buckets hold.
        for batch in 0..<10 {
            let keys = (0..<3_000).map { UInt64(($0 * 7 + batch * 1_237) % 20_000) &* 0x9e37_79b9_7f4a_7c15 }
            let expected = keys.enumerated().map { i, key -> Int32 in
                let fingerprint = key >> 32 | 1
                defer { latest[fingerprint] = doc + Int32(i) }
                return latest[fingerprint] ?? -1
            }
            #expect(exchange(&table, keys, first: doc) == expected)
            doc += 3_000
        }
        #expect(latest.count == 20_000)
    }
}

@Suite struct PageBufferTests {
    @Test("Maps zeroed, writable memory, empty too", arguments: [0, 1, 100_000])
    func zeroedAndWritable(count: Int) {
        let buffer = PageBuffer<UInt64>(zeroed: count)
        #expect(buffer.count == count)
        #expect(buffer.buffer.allSatisfy { $0 == 0 })
        for i in 0..<count { buffer.base[i] = UInt64(i) }
        #expect(buffer.buffer.elementsEqual(0..<UInt64(count)))
        #expect(Int(bitPattern: buffer.base) % 4096 == 0)
    }
}
