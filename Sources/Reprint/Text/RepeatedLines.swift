/// Finds the short lines that repeat across many documents of a collection: navigation,
/// sign-up boxes and other page furniture that no single document reveals.
public struct RepeatedLines: Sendable {
    /// How many documents a line must appear in, at least, to be furniture.
    public let minimumDocuments: Int
    private var counts: [UInt64: Int] = [:]

    /// Creates a counter for a collection of `documentCount` documents.
    ///
    /// A line is furniture when it appears in at least 1% of the documents, and never in fewer
    /// than 8: in a small collection, a line shared by a few documents is more likely reuse.
    public init(documentCount: Int) {
        minimumDocuments = Self.minimumDocuments(inCollectionOf: documentCount)
    }

    /// How many documents a line must appear in to be furniture in a collection of `documentCount`.
    public static func minimumDocuments(inCollectionOf documentCount: Int) -> Int {
        max(8, documentCount / 100)
    }

    /// The keys of the distinct short lines of a text: what ``add(_:)`` counts.
    public static func lineKeys(of text: MappedText) -> Set<UInt64> {
        var keys: Set<UInt64> = []
        for line in PageFurniture.lineRanges(of: text.scalars) {
            if let key = PageFurniture.lineKey(text.scalars[line]) { keys.insert(key) }
        }
        return keys
    }

    /// Counts the distinct short lines of one document.
    public mutating func add(_ text: MappedText) {
        for key in Self.lineKeys(of: text) { counts[key, default: 0] += 1 }
    }

    /// The lines that reached ``minimumDocuments``.
    public var furniture: Set<UInt64> {
        Set(counts.lazy.filter { $0.value >= minimumDocuments }.map(\.key))
    }
}
