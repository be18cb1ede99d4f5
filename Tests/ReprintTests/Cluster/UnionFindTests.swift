import Testing
@testable import Reprint

struct UnionFindTests {
    @Test func singletonsFormNoGroup() {
        var sets = UnionFind(count: 4)
        #expect(sets.groups().isEmpty)
        #expect((0..<4).map { sets.find($0) } == [0, 1, 2, 3])
    }

    @Test func unionsAreTransitive() {
        var sets = UnionFind(count: 6)
        sets.union(0, 3)
        sets.union(3, 5)
        sets.union(4, 1)
        #expect(sets.find(0) == sets.find(5))
        #expect(sets.find(1) == sets.find(4))
        #expect(sets.find(0) != sets.find(1))
        #expect(sets.groups() == [[0, 3, 5], [1, 4]])
    }

    @Test func repeatedAndSelfUnionsChangeNothing() {
        var sets = UnionFind(count: 3)
        sets.union(1, 1)
        #expect(sets.groups().isEmpty)
        sets.union(0, 2)
        sets.union(2, 0)
        #expect(sets.groups() == [[0, 2]])
    }

    @Test func groupsAreOrderedByTheirSmallestElement() {
        var sets = UnionFind(count: 8)
        sets.union(7, 6)
        sets.union(5, 2)
        sets.union(3, 1)
        #expect(sets.groups() == [[1, 3], [2, 5], [6, 7]])
    }

    @Test func aLongChainIsOneGroup() {
        var sets = UnionFind(count: 1_000)
        for index in 1..<1_000 { sets.union(index - 1, index) }
        #expect(sets.groups() == [Array(0..<1_000)])
    }

    @Test func emptyUniverse() {
        var sets = UnionFind(count: 0)
        #expect(sets.groups().isEmpty)
    }
}
