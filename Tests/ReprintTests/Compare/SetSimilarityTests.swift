import Testing
@testable import Reprint

struct SetSimilarityTests {
    @Test func intersectionOfSortedSets() {
        #expect(SetSimilarity.intersectionCount([1, 3, 5, 7], [2, 3, 4, 7, 9]) == 2)
        #expect(SetSimilarity.intersectionCount([], [1, 2]) == 0)
        #expect(SetSimilarity.intersectionCount([1, 2, 3], [1, 2, 3]) == 3)
    }

    @Test func intersectionAgreesWithSetsOfEverySizeAndOverlap() {
        // A fixed pseudo-random sequence: small universes make many shared elements, sizes not
        // multiples of the block of four exercise the tail.
        var state: UInt64 = 12_345
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        for _ in 0..<2_000 {
            let universe = 1 + next(200)
            let a = Set((0..<next(60)).map { _ in next(universe) }), b = Set((0..<next(60)).map { _ in next(universe) })
            #expect(SetSimilarity.intersectionCount(a.sorted(), b.sorted()) == a.intersection(b).count)
        }
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
