import Testing
@testable import Reprint

struct TermTableTests {
    @Test func findsWhatWasInsertedAndNothingElse() {
        var table = TermTable<Int32>(capacity: 2, filler: -1)
        // Far more terms than the first capacity: the table grows and keeps them all.
        let terms = (1...1_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        for (index, term) in terms.enumerated() { #expect(table.value(of: term) { Int32(index) } == Int32(index)) }
        for (index, term) in terms.enumerated() { #expect(table[term] == Int32(index)) }
        // A term already held keeps its value; `make` is not called.
        #expect(table.value(of: terms[7]) { 99 } == 7)
        #expect(table[12_345] == nil)
        #expect(table[UInt64.max] == nil)
    }

    @Test func termZeroIsATermLikeAnyOther() {
        var table = TermTable<Double>(capacity: 4, filler: 0)
        #expect(table[0] == nil)
        table.modify(0, initial: 1) { $0 += 0.5 }
        table.modify(0, initial: 1) { $0 += 0.5 }
        table.modify(5, initial: 10) { $0 *= 2 }
        #expect(table[0] == 2)
        #expect(table[5] == 20)
        table.update { term, value in Double(term) + value }
        #expect(table[0] == 2)
        #expect(table[5] == 25)
    }

    @Test func insertIfNewKeepsTheFirstValueOfEachTermIncludingZeroAndGrows() {
        var table = TermTable<Int32>(capacity: 2, filler: 0)
        let spread = { (n: UInt64) in n &* 0x9E37_79B9_7F4A_7C15 }
        // Zero is a term like any other; a term repeated in one batch gets its first value.
        #expect(table.insertIfNew([0, 0, spread(1), spread(1)], values: [3, 4, 1, 9]) == [nil, 3, nil, 1])
        // Far more terms than the first capacity, in one batch: the table grows first and keeps them all.
        let terms = (2...10_000).map { spread(UInt64($0)) }
        #expect(table.insertIfNew(terms, values: (2...10_000).map { Int32($0) }) == Array(repeating: nil, count: terms.count))
        #expect(table.insertIfNew([spread(7), spread(10_000), 0, 12_345], values: [20_000, 20_001, 5, 6]) == [7, 10_000, 3, nil])
        #expect(table[12_345] == 6)
        #expect(table.insertIfNew([], values: []) == [])
    }

    @Test func termsCollidingInTheirLowBitsStayApart() {
        var table = TermTable<Int32>(capacity: 8, filler: 0)
        let terms = (0..<64).map { UInt64($0) << 40 }
        for (index, term) in terms.enumerated() { table.modify(term, initial: Int32(index)) { _ in } }
        #expect(terms.enumerated().allSatisfy { table[$0.element] == Int32($0.offset) })
    }
}
