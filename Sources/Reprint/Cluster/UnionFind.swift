/// Disjoint sets over `0..<count` with path halving and union by size.
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
    }

    /// Adds singleton sets until the elements are `0..<count`.
    mutating func grow(to count: Int) {
        guard count > parent.count else { return }
        parent.append(contentsOf: parent.count..<count)
        size.append(contentsOf: repeatElement(1, count: count - size.count))
    }

    mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ a: Int, _ b: Int) {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA] += size[rootB]
    }

    /// The sets with more than one element, each sorted, ordered by their smallest element.
    mutating func groups() -> [[Int]] {
        var members: [Int: [Int]] = [:]
        for element in parent.indices { members[find(element), default: []].append(element) }
        return members.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}
