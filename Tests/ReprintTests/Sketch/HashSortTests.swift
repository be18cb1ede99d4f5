import Testing
@testable import Reprint

@Suite("Hash sort")
struct HashSortTests {
    /// Spread-out hashes with repeats: the even case, sorted by buckets.
    private func hashes(_ count: Int, distinct: Int) -> [UInt64] {
        (0..<count).map { StableHash.mix(UInt64($0 % max(1, distinct))) }
    }

    @Test("the distinct hashes come out ascending, at every size", arguments: [0, 1, 2, 31, 32, 33, 100, 1_000, 5_000])
    func sortedUnique(count: Int) {
        let input = hashes(count, distinct: count * 2 / 3)
        #expect(HashSort.sortedUnique(input) == Array(Set(input)).sorted())
    }

    @Test("keys crowded into a few buckets are sorted all the same")
    func crowded() {
        // Small numbers all have the same leading bits: one bucket, past the largest allowed.
        let input = (0..<500).map { UInt64(($0 * 7919) % 400) }
        #expect(HashSort.sortedUnique(input) == Array(Set(input)).sorted())
        #expect(HashSort.sorted(input) { $0 } == input.sorted())
    }

    @Test("items with equal keys keep their order, or only the first is kept when unique")
    func stable() {
        let keys = hashes(300, distinct: 50)
        let items = keys.enumerated().map { (key: $0.element, position: $0.offset) }
        let sorted = HashSort.sorted(items) { $0.key }
        #expect(sorted.map(\.key) == keys.sorted())
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.key == next.key {
            #expect(previous.position < next.position)
        }
        let firsts = HashSort.sorted(items, unique: true) { $0.key }
        #expect(firsts.map(\.key) == Array(Set(keys)).sorted())
        #expect(firsts.allSatisfy { $0.position < 50 })
    }
}
