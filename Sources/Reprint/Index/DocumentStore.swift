/// Where a persistent index keeps its documents: a SQLite file, a PostgreSQL database.
///
/// A store only persists and looks up; every decision (furniture, candidates, comparison,
/// clusters) is ``IncrementalIndex``'s, so that every store gives the same answers.
///
/// What a store keeps, per document (its sequence number gives the collection order): the id,
/// metadata (source, URL, publication date), format, length, word count, exact hash and the
/// ``DocumentFeatures`` bytes; its LSH band keys; the terms it is posted under for the term route;
/// and for the collection: how many documents use each content term (the document frequencies
/// behind ``TermWeights``), how many documents contain each short line (``RepeatedLines``), the
/// related pairs, and the document count.
public protocol DocumentStore: Sendable {
    /// Runs `body` in one write transaction: either everything it wrote is kept or nothing.
    /// Writers are serialized: no other writer runs between `body`'s reads and its writes.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Runs `body` with read access to a consistent view of the store.
    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
}

/// Reads and writes inside one transaction of a ``DocumentStore``.
public protocol StoreTransaction {
    /// The number of documents.
    func documentCount() throws -> Int
    /// A number that ``addCounts(terms:lines:)`` advances, so that a reader can tell whether the
    /// counts changed since it last read them.
    func generation() throws -> Int
    /// The sequence numbers of the documents among `ids` that are stored.
    func sequences(of ids: [String]) throws -> [String: Int64]
    /// The documents stored under each of the exact hashes `hashes` (hashes no document has are left out).
    func documents(withExactHashes hashes: [UInt64]) throws -> [UInt64: [Int64]]
    /// The documents with each of the band keys `keys` (keys no document has are left out).
    func documents(inBuckets keys: [UInt64]) throws -> [UInt64: [Int64]]
    /// For each term of `terms`, the documents posted under it: at most `limit` of them.
    func postings(of terms: [UInt64], limit: Int) throws -> [UInt64: [Int64]]
    /// The number of documents using each of `terms` (missing terms are used by none).
    func frequencies(of terms: [UInt64]) throws -> [UInt64: Int]
    /// The number of documents using each term some document uses, when there are at most `limit`
    /// such terms; nil when there are more.
    func allFrequencies(limit: Int) throws -> [UInt64: Int]?
    /// The number of documents containing each of the short lines `keys`.
    func lineCounts(of keys: [UInt64]) throws -> [UInt64: Int]
    /// The stored documents with these sequence numbers, in any order.
    func documents(_ sequences: [Int64]) throws -> [StoredDocument]
    /// Adds a document, its band keys, postings and relations, counts it, and returns its sequence
    /// number. Its term and line counts are added with ``addCounts(terms:lines:)``.
    func insert(_ entry: IndexEntry) throws -> Int64
    /// Removes a document stored as `entry`: its row, its band keys and postings (those `entry`
    /// names), its relations, and uncounts it. Its term and line counts are taken back with ``addCounts(terms:lines:)``.
    func delete(_ sequence: Int64, _ entry: IndexEntry) throws
    /// Adds each change to the number of documents using a term (`terms`) or containing a short
    /// line (`lines`), and advances the ``generation()``; a term or line whose count reaches zero
    /// is forgotten.
    func addCounts(terms: [UInt64: Int], lines: [UInt64: Int]) throws
    /// Every document as clustering needs it, in collection order.
    func members() throws -> [StoredMember]
    /// Every stored relation.
    func relations() throws -> [StoredRelation]
    /// The number of rows of each table, for statistics and integrity checks.
    func tableCounts() throws -> StoreCounts
    /// Problems the database engine itself finds (page corruption and such); empty when sound.
    func engineProblems() throws -> [String]
}

/// A document read back from a store, its features as they are stored: decoded by
/// ``features()``, so that the documents one read brings back can be decoded on all cores.
public struct StoredDocument: Sendable {
    /// Its sequence number: the order in which documents were added.
    public var sequence: Int64
    /// Its id.
    public var id: String
    /// Its detected (or given) markup.
    public var format: DocumentFormat
    /// Its source, URL and publication date, when known.
    public var metadata: DocumentMetadata
    /// The length of its original text in Unicode scalars.
    public var originalLength: Int
    /// The rest of its features, encoded (``DocumentFeatures/encodedBody()``).
    public var body: [UInt8]

    /// Creates a stored document.
    public init(sequence: Int64, id: String, format: DocumentFormat, metadata: DocumentMetadata, originalLength: Int, body: [UInt8]) {
        self.sequence = sequence
        self.id = id
        self.format = format
        self.metadata = metadata
        self.originalLength = originalLength
        self.body = body
    }

    /// Its features, decoded.
    public func features() throws(DocumentFeatures.DecodingError) -> DocumentFeatures {
        try DocumentFeatures(id: id, format: format, metadata: metadata, originalLength: originalLength, body: body)
    }
}

/// What a store writes for one document.
public struct IndexEntry: Sendable {
    /// The document's features.
    public var features: DocumentFeatures
    /// Its LSH band keys.
    public var bandKeys: [UInt64]
    /// Its related pairs with documents already stored (the new document is always `b`).
    public var relations: [StoredRelation]

    /// Creates an entry.
    public init(features: DocumentFeatures, bandKeys: [UInt64], relations: [StoredRelation]) {
        self.features = features
        self.bandKeys = bandKeys
        self.relations = relations
    }
}

/// A related pair as stored: enough to cluster and to pick canonical members.
public struct StoredRelation: Sendable, Equatable {
    /// The earlier document's sequence number.
    public var a: Int64
    /// The later document's sequence number (0 while it is being inserted: the store fills it in).
    public var b: Int64
    /// The relation.
    public var relation: Relation
    /// For an excerpt, the contained side.
    public var contained: Side?
    /// Jaccard similarity of the shingle sets.
    public var resemblance: Double
    /// The share of `a` covered by aligned passages.
    public var coverageA: Double
    /// The share of `b` covered by aligned passages.
    public var coverageB: Double

    /// Creates a relation.
    public init(a: Int64, b: Int64, relation: Relation, contained: Side?, resemblance: Double, coverageA: Double, coverageB: Double) {
        self.a = a
        self.b = b
        self.relation = relation
        self.contained = contained
        self.resemblance = resemblance
        self.coverageA = coverageA
        self.coverageB = coverageB
    }
}

/// A document as clustering needs it.
public struct StoredMember: Sendable, Equatable {
    /// Its sequence number.
    public var sequence: Int64
    /// Its id.
    public var id: String
    /// Its publication date, when known.
    public var published: Double?
    /// Its number of words.
    public var words: Int

    /// Creates a member.
    public init(sequence: Int64, id: String, published: Double?, words: Int) {
        self.sequence = sequence
        self.id = id
        self.published = published
        self.words = words
    }
}

/// The number of rows in each table of a store.
public struct StoreCounts: Sendable, Equatable, Codable {
    /// Documents, by the stored counter.
    public var documents: Int
    /// Document rows actually present.
    public var documentRows: Int
    /// LSH band keys.
    public var bandKeys: Int
    /// Term-route postings.
    public var postings: Int
    /// Distinct content terms.
    public var terms: Int
    /// Distinct short lines counted.
    public var lines: Int
    /// Related pairs.
    public var relations: Int
    /// Band keys, postings and relations that name a document no longer stored.
    public var orphans: Int

    /// Creates counts.
    public init(documents: Int, documentRows: Int, bandKeys: Int, postings: Int, terms: Int, lines: Int, relations: Int, orphans: Int) {
        self.documents = documents
        self.documentRows = documentRows
        self.bandKeys = bandKeys
        self.postings = postings
        self.terms = terms
        self.lines = lines
        self.relations = relations
        self.orphans = orphans
    }
}
