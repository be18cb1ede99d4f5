import Reprint

/// The rows of the documents a write transaction inserted and has not written yet: their band
/// keys, postings and relations, and how many documents they are. A store writes them all at
/// once, with its counts (``StoreTransaction/addCounts(terms:lines:)``) or at its commit,
/// whichever comes first: reads in between do not see them (the index reads nothing between its
/// inserts and its counts).
///
/// The rows are written in key order: a batch's band keys and postings land all over their
/// B-trees, and in key order each insert finds its page where the one before it left off
/// instead of at a random place.
final class PendingRows {
    /// (band key, document) rows.
    var bands: [(key: Int64, document: Int64)] = []
    /// (term, document) rows.
    var postings: [(term: Int64, document: Int64)] = []
    /// Relations, with the inserted document as `b`.
    var relations: [StoredRelation] = []
    /// The number of documents inserted.
    var documents = 0

    /// ``bands`` in key order.
    var bandsInOrder: [(key: Int64, document: Int64)] { bands.sorted { ($0.key, $0.document) < ($1.key, $1.document) } }
    /// ``postings`` in term order.
    var postingsInOrder: [(term: Int64, document: Int64)] { postings.sorted { ($0.term, $0.document) < ($1.term, $1.document) } }
    /// ``relations`` in the order of their key, `a` then `b`.
    var relationsInOrder: [StoredRelation] { relations.sorted { ($0.a, $0.b) < ($1.a, $1.b) } }

    /// Whether nothing is waiting.
    var isEmpty: Bool { documents == 0 && bands.isEmpty && postings.isEmpty && relations.isEmpty }

    /// Adds the rows of `entry`, inserted as document `sequence`.
    func add(_ entry: IndexEntry, as sequence: Int64) {
        bands += entry.bandKeys.map { (key: $0.stored, document: sequence) }
        postings += entry.features.postedTerms.map { (term: $0.stored, document: sequence) }
        relations += entry.relations.map { relation in
            var relation = relation
            relation.b = sequence
            return relation
        }
        documents += 1
    }

    /// Forgets every row (once written).
    func removeAll() {
        bands = []
        postings = []
        relations = []
        documents = 0
    }
}
