/// Exact resemblance and containment of sets held as sorted arrays of distinct hashes.
public enum SetSimilarity {
    /// The number of elements two sorted, duplicate-free arrays share.
    public static func intersectionCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                // Branch-free: which side advances is unpredictable, so comparisons pick it.
                var i = 0, j = 0, shared = 0
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
