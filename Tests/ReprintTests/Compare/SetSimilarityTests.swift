import Testing
@testable import Reprint

struct SetSimilarityTests {
    @Test func intersectionOfSortedSets() {
        #expect(SetSimilarity.intersectionCount([1, 3, 5, 7], [2, 3, 4, 7, 9]) == 2)
        #expect(SetSimilarity.intersectionCount([], [1, 2]) == 0)
        #expect(SetSimilarity.intersectionCount([1, 2, 3], [1, 2, 3]) == 3)
    }

    @Test func resemblanceIsJaccard() {
        #expect(SetSimilarity.resemblance([1, 2, 3, 4], [3, 4, 5, 6]) == 2.0 / 6.0)
        #expect(SetSimilarity.resemblance([1, 2], [1, 2]) == 1)
        #expect(SetSimilarity.resemblance([1, 2], [3, 4]) == 0)
        #expect(SetSimilarity.resemblance([1, 2, 3], [2, 3, 4]) == SetSimilarity.resemblance([2, 3, 4], [1, 2, 3]))
    }

    @Test func twoEmptySetsResembleFully() {
        #expect(SetSimilarity.resemblance([], []) == 1)
        #expect(SetSimilarity.resemblance([], [1]) == 0)
    }

    @Test func containmentIsOneWay() {
        #expect(SetSimilarity.containment(of: [2, 3], in: [1, 2, 3, 4]) == 1)
        #expect(SetSimilarity.containment(of: [1, 2, 3, 4], in: [2, 3]) == 0.5)
        #expect(SetSimilarity.containment(of: [], in: [1]) == 0)
    }

    @Test func largeValuesCompareAsUnsigned() {
        let high = UInt64.max - 1
        #expect(SetSimilarity.intersectionCount([0, high, .max], [high]) == 1)
    }
}
