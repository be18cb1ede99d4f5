import Testing
@testable import Reprint

/// Distinct well-mixed element hashes: `range` picks which elements.
private func elements(_ range: Range<UInt64>, seed: UInt64 = 0) -> [UInt64] {
    range.map { StableHash.combine(seed, $0) }
}

struct MinHasherTests {
    private let hasher = MinHasher(count: 128)

    @Test func signatureHasTheRequestedLength() {
        #expect(hasher.signature(of: elements(0..<50)).values.count == 128)
        #expect(MinHasher(count: 256).signature(of: elements(0..<50)).values.count == 256)
    }

    @Test func identicalSetsEstimateOne() {
        let set = elements(0..<300)
        #expect(hasher.signature(of: set).estimatedJaccard(with: hasher.signature(of: set.reversed())) == 1)
    }

    @Test func duplicatesDoNotChangeTheSignature() {
        let set = elements(0..<40)
        #expect(hasher.signature(of: set + set + set.prefix(10)) == hasher.signature(of: set))
    }

    @Test func disjointSetsEstimateNearZero() {
        let a = hasher.signature(of: elements(0..<500))
        let b = hasher.signature(of: elements(500..<1000))
        #expect(a.estimatedJaccard(with: b) <= 0.03)
    }

    @Test("The estimate is within tolerance of the exact Jaccard similarity", arguments: [
        (shared: 0, own: 400), (shared: 100, own: 300), (shared: 300, own: 200), (shared: 600, own: 100),
        (shared: 900, own: 20), (shared: 20, own: 10),
    ])
    func estimateIsCloseToExact(shared: Int, own: Int) {
        // Over several independent sets, so that one unlucky draw cannot decide the test.
        var errors: [Double] = []
        for seed in 1...10 as ClosedRange<UInt64> {
            let common = elements(0..<UInt64(shared), seed: seed)
            let a = common + elements(0..<UInt64(own), seed: seed &* 1_000_003)
            let b = common + elements(0..<UInt64(own), seed: seed &* 2_000_003)
            let exact = Double(shared) / Double(shared + 2 * own)
            errors.append(hasher.signature(of: a).estimatedJaccard(with: hasher.signature(of: b)) - exact)
        }
        let meanError = errors.reduce(0, +) / Double(errors.count)
        // The standard error of one 128-value estimate is at most 0.044; the mean of ten, 0.014.
        #expect(abs(meanError) < 0.05, "mean error \(meanError)")
        #expect(errors.allSatisfy { abs($0) < 0.2 }, "errors \(errors)")
    }

    @Test func smallSetsAreDensifiedIntoEveryBin() {
        // Three elements fill at most three bins; densification copies them into every other bin.
        let signature = hasher.signature(of: elements(0..<3))
        #expect(!signature.values.contains(.max))
        #expect(Set(signature.values).count <= 3)
    }

    @Test func emptySetHasASignatureThatMatchesOnlyItself() {
        let empty = hasher.signature(of: [UInt64]())
        #expect(empty.values == [UInt32](repeating: .max, count: 128))
        #expect(empty.estimatedJaccard(with: hasher.signature(of: elements(0..<10))) == 0)
    }

    @Test func signaturesAreDeterministic() {
        let set = elements(0..<64)
        #expect(MinHasher(count: 128).signature(of: set) == hasher.signature(of: set))
    }

    @Test func anEmptySignatureEstimatesZero() {
        #expect(MinHashSignature(values: []).estimatedJaccard(with: MinHashSignature(values: [])) == 0)
    }
}
