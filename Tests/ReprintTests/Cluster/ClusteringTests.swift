import Foundation
import Testing
@testable import Reprint

struct ClusteringTests {
    private func members(_ words: [Int], published: [Date?]? = nil) -> [Clustering.Member] {
        words.indices.map { Clustering.Member(id: "d\($0)", published: published?[$0], words: words[$0]) }
    }

    private func link(_ a: Int, _ b: Int, _ relation: Relation, _ coverageA: Double = 1, _ coverageB: Double = 1) -> Clustering.Link {
        Clustering.Link(a: a, b: b, relation: relation, coverageA: coverageA, coverageB: coverageB)
    }

    @Test func reuseClustersFollowReuseRelationsAndStoriesEveryRelation() {
        let clusters = Clustering.clusters(members: members([100, 100, 100, 100, 100, 100]), links: [
            link(0, 1, .nearDuplicate), link(1, 2, .paraphrase), link(2, 3, .sameStory), link(4, 5, .unrelated),
        ])
        #expect(clusters.map(\.kind) == [.reuse, .story])
        #expect(clusters[0].members == ["d0", "d1", "d2"])
        #expect(clusters[1] == DocumentCluster(kind: .story, members: ["d0", "d1", "d2", "d3"]))
    }

    @Test func everyReuseRelationJoinsAReuseCluster() {
        for relation in Relation.allCases where relation.isReuse {
            let clusters = Clustering.clusters(members: members([10, 10]), links: [link(0, 1, relation)])
            #expect(clusters.map(\.kind) == [.reuse, .story], "\(relation)")
        }
    }

    @Test func aStoryWithoutReuseIsAStoryClusterOnly() {
        let clusters = Clustering.clusters(members: members([10, 10]), links: [link(0, 1, .sameStory)])
        #expect(clusters == [DocumentCluster(kind: .story, members: ["d0", "d1"])])
    }

    @Test func unrelatedLinksMakeNoCluster() {
        #expect(Clustering.clusters(members: members([10, 10]), links: [link(0, 1, .unrelated)]).isEmpty)
        #expect(Clustering.clusters(members: [], links: []).isEmpty)
    }

    @Test func canonicalIsTheEarliestPublished() {
        let day: TimeInterval = 86_400
        let dates = [Date(timeIntervalSince1970: 3 * day), Date(timeIntervalSince1970: day), nil]
        let clusters = Clustering.clusters(members: members([500, 100, 900], published: dates), links: [
            link(0, 1, .editedCopy), link(1, 2, .excerpt),
        ])
        #expect(clusters.first?.canonical == "d1")
    }

    @Test func aDatedMemberWinsOverUndatedOnes() {
        let clusters = Clustering.clusters(members: members([500, 100], published: [nil, Date(timeIntervalSince1970: 0)]),
                                           links: [link(0, 1, .nearDuplicate)])
        #expect(clusters.first?.canonical == "d1")
    }

    @Test func withoutDatesTheMostCompleteTextIsCanonical() {
        // d1 is the full story: it contains all of the excerpt d0 and most of the rewrite d2.
        let clusters = Clustering.clusters(members: members([40, 120, 110]), links: [
            link(0, 1, .excerpt, 1.0, 0.33), link(1, 2, .paraphrase, 0.8, 0.85), link(0, 2, .paraphrase, 0.9, 0.3),
        ])
        #expect(clusters.first?.canonical == "d1")
    }

    @Test func tiesGoToTheShorterThenTheFirstText() {
        let shorter = Clustering.clusters(members: members([120, 100]), links: [link(0, 1, .nearDuplicate)])
        #expect(shorter.first?.canonical == "d1")
        let first = Clustering.clusters(members: members([100, 100]), links: [link(0, 1, .identical)])
        #expect(first.first?.canonical == "d0")
    }

    @Test func storyClustersHaveNoCanonicalMember() {
        let clusters = Clustering.clusters(members: members([10, 10, 10]), links: [link(0, 1, .identical), link(1, 2, .sameStory)])
        #expect(clusters.filter { $0.kind == .story }.allSatisfy { $0.canonical == nil })
    }

    @Test func clustersAreInOrderOfTheirFirstMember() {
        let clusters = Clustering.clusters(members: members([10, 10, 10, 10]), links: [link(1, 3, .identical), link(0, 2, .identical)])
        #expect(clusters.map(\.members) == [["d0", "d2"], ["d1", "d3"], ["d0", "d2"], ["d1", "d3"]])
    }
}
