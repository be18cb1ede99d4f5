import Testing
@testable import Reprint

@Suite struct DedupOptionsTests {
    @Test func estimateCutoffIsThreeDeviationsAndAMarginBelowTheThreshold() {
        let options = DedupOptions()  // threshold 0.8, 128 values
        let cutoff = options.estimateCutoff(shingles: 128)
        #expect(abs(cutoff - 0.6739) < 0.0001)
        #expect(options.estimateCutoff(shingles: 5_000) == cutoff)
    }

    @Test func estimateCutoffWidensForDocumentsWithFewerShinglesThanValues() {
        let options = DedupOptions()
        // 16 shingles fill at most 16 bins: the deviation is that of 16 values, √(0.16 / 16) = 0.1.
        #expect(abs(options.estimateCutoff(shingles: 16) - (0.8 - 0.3 - 0.02)) < 1e-12)
        #expect(options.estimateCutoff(shingles: 16) < options.estimateCutoff(shingles: 64))
        #expect(options.estimateCutoff(shingles: 64) < options.estimateCutoff(shingles: 128))
        // An empty document counts as one value, not as a division by zero.
        #expect(options.estimateCutoff(shingles: 0) == options.estimateCutoff(shingles: 1))
    }

    @Test func estimateCutoffFollowsTheThreshold() {
        var options = DedupOptions()
        options.threshold = 0.5
        #expect(abs(options.estimateCutoff(shingles: 128) - (0.5 - 3 * (0.25 / 128).squareRoot() - 0.02)) < 1e-12)
    }
}
