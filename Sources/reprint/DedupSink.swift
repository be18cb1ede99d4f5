import Foundation
import Reprint

/// Where `reprint dedup` writes: kept documents to standard output, records to the report file,
/// warnings (the first few of each kind, then a count) and progress to standard error.
final class DedupSink: DedupOutput {
    private static let warningsShown = 20
    private var out = BufferedFile(descriptor: STDOUT_FILENO, name: "standard output")
    private var report: BufferedFile?
    private let showsProgress: Bool
    private var warnings = 0
    private var lastProgress = Date.distantPast

    init(reportPath: String?, showsProgress: Bool) throws {
        if let reportPath {
            let descriptor = open(reportPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw CLIError.cannotWrite(reportPath, reason: String(cString: strerror(errno))) }
            report = BufferedFile(descriptor: descriptor, name: reportPath)
        }
        self.showsProgress = showsProgress
    }

    func keep(_ line: UnsafeRawBufferPointer) {
        out.write(line)
        out.write(newline: ())
    }

    func keep(_ ranges: [Range<Int>], of chunk: DedupChunk) {
        out.write(lines: ranges, of: chunk)
    }

    func duplicate(_ record: DuplicateRecord) {
        guard report != nil else { return }
        var line = record.jsonLine
        line.withUTF8 { report!.write(UnsafeRawBufferPointer($0)) }
        report!.write(newline: ())
    }

    func issue(_ issue: ReadIssue) {
        warnings += 1
        if warnings <= Self.warningsShown { StandardError.print("reprint: warning: \(issue)") }
    }

    func progress(_ progress: DedupProgress) {
        guard showsProgress, Date().timeIntervalSince(lastProgress) > 0.25 else { return }
        lastProgress = Date()
        let rate = progress.seconds > 0 ? Double(progress.bytes) / progress.seconds : 0
        var line = "\r\(Self.megabytes(progress.bytes))"
        if let total = progress.totalBytes {
            line += " / \(Self.megabytes(total))"
            if rate > 0 { line += ", ETA \(Int((Double(total - progress.bytes) / rate).rounded())) s" }
        }
        line += ", \(Self.megabytes(Int64(rate)))/s, \(progress.lines) lines, \(progress.identical + progress.nearDuplicates) duplicates   "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Flushes the outputs and ends the progress line; throws if an output could not be written whole.
    func close() throws {
        defer { if let report { Foundation.close(report.descriptor) } }
        try out.flush()
        try report?.flush()
        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if warnings > Self.warningsShown {
            StandardError.print("reprint: warning: \(warnings - Self.warningsShown) more warnings not shown")
        }
    }

    static func summary(_ progress: DedupProgress) -> String {
        let documents = progress.unique + progress.identical + progress.nearDuplicates
        let rate = progress.seconds > 0 ? Double(progress.bytes) / progress.seconds : 0
        return "reprint: \(documents) documents: \(progress.unique) kept, \(progress.identical) identical, "
            + "\(progress.nearDuplicates) near-duplicates dropped, \(progress.skipped) lines skipped, "
            + "\(progress.verifiedPairs) candidate pairs verified; "
            + "\(megabytes(progress.bytes)) in \(String(format: "%.2f", progress.seconds)) s (\(megabytes(Int64(rate)))/s)"
    }

    private static func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}

/// A file descriptor with a 1 MB write buffer; full buffers are written by a background queue, in
/// order, so the caller goes on while the kernel copies them (at most four buffers wait). A write
/// that fails (a full disk, a closed pipe) is remembered, the rest is not written, and ``flush()``
/// throws: output is never cut short in silence.
struct BufferedFile {
    let descriptor: Int32
    /// The name given in the error when a write fails.
    let name: String
    private var buffer: [UInt8] = []
    private let writer = DispatchQueue(label: "reprint.write")
    private let waiting = DispatchSemaphore(value: 4)
    /// Used on `writer` only.
    private let state: WriterState

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        state = WriterState(descriptor: descriptor)
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { send() }
    }

    mutating func write(newline: ()) { buffer.append(0x0A) }

    /// Writes lines `ranges` of `chunk`, each followed by a line break, after what is buffered:
    /// the writer queue holds on to `chunk` and copies the lines into a buffer of its own, so the
    /// caller goes on at once. (Handing the chunk's runs of lines to `writev` instead, without
    /// the copy, cost more system time than the copy saved: the kernel then copies from pages
    /// that are no longer in the cache.)
    mutating func write(lines ranges: [Range<Int>], of chunk: DedupChunk) {
        send()
        let state = state
        waiting.wait()
        writer.async { [waiting] in
            defer { waiting.signal() }
            for range in ranges { state.stage(line: UnsafeRawBufferPointer(rebasing: chunk.bytes[range])) }
            state.writeStaged()
        }
    }

    /// Writes everything buffered so far and returns once it is written; throws if any write failed.
    mutating func flush() throws {
        send()
        let state = state
        if let code = writer.sync(execute: { state.failure }) {
            throw CLIError.cannotWrite(name, reason: String(cString: strerror(code)))
        }
    }

    /// Hands the buffer to the writer queue and starts a new one.
    private mutating func send() {
        guard !buffer.isEmpty else { return }
        let full = buffer, state = state
        buffer = []
        buffer.reserveCapacity(1 << 20)
        waiting.wait()
        writer.async { [waiting] in
            defer { waiting.signal() }
            full.withUnsafeBytes { state.write($0) }
        }
    }
}

/// What a ``BufferedFile``'s writer queue keeps: the first write error and a reused buffer.
private final class WriterState: @unchecked Sendable {
    let descriptor: Int32
    /// The `errno` of the first failed write; nothing is written after it.
    var failure: Int32?
    private var staged: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        staged.reserveCapacity(1 << 20)
    }

    /// Writes all of `bytes` (unless a write failed before).
    func write(_ bytes: UnsafeRawBufferPointer) {
        var done = 0
        while failure == nil && done < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                failure = written < 0 ? errno : ENOSPC
                return
            }
            done += written
        }
    }

    /// Adds a line and its line break to the buffer, writing the buffer first when it is full.
    func stage(line: UnsafeRawBufferPointer) {
        if staged.count + line.count + 1 > 1 << 20 { writeStaged() }
        staged.append(contentsOf: line)
        staged.append(0x0A)
    }

    /// Writes the buffer and empties it, keeping its storage.
    func writeStaged() {
        staged.withUnsafeBytes { write($0) }
        staged.removeAll(keepingCapacity: true)
    }
}
