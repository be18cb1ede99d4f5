/// Where a deduplication run sends its results, called in input order on the thread that runs it.
public protocol DedupOutput: AnyObject {
    /// A document kept: its input line, without the line break.
    func keep(_ line: UnsafeRawBufferPointer)
    /// Documents kept, in input order: the lines at `ranges` of `chunk` (each without its line break).
    func keep(_ ranges: [Range<Int>], of chunk: DedupChunk)
    /// A document dropped as a duplicate.
    func duplicate(_ record: DuplicateRecord)
    /// A line skipped or read with a caveat (`file:line` in ``ReadIssue/input``).
    func issue(_ issue: ReadIssue)
    /// How far the run has got; called after every batch.
    func progress(_ progress: DedupProgress)
}

extension DedupOutput {
    /// Ignores progress.
    public func progress(_ progress: DedupProgress) {}

    /// Documents kept, in input order: the lines at `ranges` of `chunk` (each without its line
    /// break). Calls ``keep(_:)`` for each; an output may instead hold on to `chunk` and write the
    /// lines later without copying them.
    public func keep(_ ranges: [Range<Int>], of chunk: DedupChunk) {
        for range in ranges { keep(UnsafeRawBufferPointer(rebasing: chunk.bytes[range])) }
    }
}

/// How far a deduplication run has got, and what it found.
public struct DedupProgress: Sendable, Equatable {
    /// Input bytes read and processed.
    public var bytes: Int64 = 0
    /// The input's size, when known (a regular file).
    public var totalBytes: Int64?
    /// Input lines processed (documents, empty and invalid lines).
    public var lines = 0
    /// Documents kept so far (with `--keep canonical`: known only at the end).
    public var unique = 0
    /// Documents found identical to an earlier one.
    public var identical = 0
    /// Documents found near-duplicates of an earlier one.
    public var nearDuplicates = 0
    /// Lines skipped: empty, invalid JSON, no text field.
    public var skipped = 0
    /// Candidate pairs whose exact resemblance was computed.
    public var verifiedPairs = 0
    /// Seconds since the run started.
    public var seconds = 0.0

    /// Creates an empty progress record.
    public init() {}
}
