import Foundation

/// A group of documents: a reuse cluster (copies and paraphrases of one text) or a story cluster
/// (everything about one event).
public struct DocumentCluster: Sendable, Equatable, Codable {
    /// What ties the members together.
    public enum Kind: String, Sendable, Codable {
        /// Copies, excerpts, edited copies and paraphrases of one text.
        case reuse
        /// Reuse plus separate articles about the same story.
        case story
    }

    /// Reuse or story.
    public var kind: Kind
    /// The members' ids, in collection order.
    public var members: [String]
    /// The member that stands for the cluster (reuse clusters only).
    public var canonical: String?

    /// Creates a cluster.
    public init(kind: Kind, members: [String], canonical: String? = nil) {
        self.kind = kind
        self.members = members
        self.canonical = canonical
    }
}

/// Groups documents into clusters from the relations of their pairs.
public enum Clustering {
    /// A document as clustering sees it.
    public struct Member: Sendable {
        /// The id.
        public var id: String
        /// The publication date, when known.
        public var published: Date?
        /// The number of words.
        public var words: Int

        /// Creates a member.
        public init(id: String, published: Date?, words: Int) {
            self.id = id
            self.published = published
            self.words = words
        }
    }

    /// A related pair of members.
    public struct Link: Sendable {
        /// The first member's index.
        public var a: Int
        /// The second member's index.
        public var b: Int
        /// Their relation.
        public var relation: Relation
        /// The share of `a` covered by passages aligned with `b`.
        public var coverageA: Double
        /// The share of `b` covered by passages aligned with `a`.
        public var coverageB: Double

        /// Creates a link.
        public init(a: Int, b: Int, relation: Relation, coverageA: Double, coverageB: Double) {
            self.a = a
            self.b = b
            self.relation = relation
            self.coverageA = coverageA
            self.coverageB = coverageB
        }
    }

    /// Reuse clusters (connected by reuse relations) and story clusters (connected by any relation
    /// but unrelated), each in order of their first member; every story is listed, even one that
    /// is a reuse cluster again, so every document's story is explicit.
    public static func clusters(members: [Member], links: [Link]) -> [DocumentCluster] {
        var reuse = UnionFind(count: members.count)
        var story = UnionFind(count: members.count)
        for link in links where link.relation != .unrelated {
            story.union(link.a, link.b)
            if link.relation.isReuse { reuse.union(link.a, link.b) }
        }
        let reuseClusters = reuse.groups().map { group in
            DocumentCluster(kind: .reuse, members: group.map { members[$0].id }, canonical: members[canonical(of: group, members, links)].id)
        }
        let storyClusters = story.groups().map { group in
            DocumentCluster(kind: .story, members: group.map { members[$0].id })
        }
        return reuseClusters + storyClusters
    }

    /// The canonical member of a reuse cluster: the earliest published when dates are known;
    /// else the most complete text, the one that contains most of each other member (the share
    /// of the other side covered by aligned passages, summed over its reuse relations), so a full
    /// story wins over its excerpts and over rewrites that dropped parts. Ties go to the shorter
    /// text (less added material), then to the first in collection order.
    public static func canonical(of group: [Int], _ members: [Member], _ links: [Link]) -> Int {
        var contains: [Int: Double] = [:]
        for link in links where link.relation.isReuse {
            contains[link.a, default: 0] += link.coverageB
            contains[link.b, default: 0] += link.coverageA
        }
        return group.min { x, y in
            let a = members[x], b = members[y]
            switch (a.published, b.published) {
            case let (dateA?, dateB?) where dateA != dateB: return dateA < dateB
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                let containsA = contains[x] ?? 0, containsB = contains[y] ?? 0
                if abs(containsA - containsB) > 1e-9 { return containsA > containsB }
                return a.words != b.words ? a.words < b.words : x < y
            }
        }!
    }
}
