/// Exact resemblance and containment of sets held as sorted arrays of distinct hashes.
public enum SetSimilarity {
    /// The number of elements two sorted, duplicate-free arrays share.
    public static func intersectionCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                // Blocks of four from each side: all 16 pairs compared at once, then the block with
                // the smaller last element is done (nothing after the other block can match it).
                // Comparisons instead of branches: which side advances is unpredictable.
                var i = 0, j = 0, shared = 0
                while i + 4 <= a.count && j + 4 <= b.count {
                    let a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3]
                    func hits(_ y: UInt64) -> Int {
                        (a0 == y ? 1 : 0) &+ (a1 == y ? 1 : 0) &+ (a2 == y ? 1 : 0) &+ (a3 == y ? 1 : 0)
                    }
                    let b3 = b[j + 3]
                    shared &+= hits(b[j]) &+ hits(b[j + 1]) &+ hits(b[j + 2]) &+ hits(b3)
                    i &+= a3 <= b3 ? 4 : 0
                    j &+= b3 <= a3 ? 4 : 0
                }
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    shared &+= x == y ? 1 : 0
                    i &+= x <= y ? 1 : 0
                    j &+= y <= x ? 1 : 0
                }
                return shared
            }
        }
    }

    /// Jaccard similarity: shared elements over all elements; 1 when both sets are empty.
    public static func resemblance(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let union = a.count + b.count - intersectionCount(a, b)
        return union == 0 ? 1 : Double(intersectionCount(a, b)) / Double(union)
    }

    /// The share of `a`'s elements that are in `b`; 0 when `a` is empty.
    public static func containment(of a: [UInt64], in b: [UInt64]) -> Double {
        a.isEmpty ? 0 : Double(intersectionCount(a, b)) / Double(a.count)
    }
}
