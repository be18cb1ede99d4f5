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
    /// The `errno` of the first failed write; read and written on `writer` only.
    private let failure = WriteFailure()

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { send() }
    }

    mutating func write(newline: ()) { buffer.append(0x0A) }

    /// Writes everything buffered so far and returns once it is written; throws if any write failed.
    mutating func flush() throws {
        send()
        let failure = failure
        if let code = writer.sync(execute: { failure.code }) {
            throw CLIError.cannotWrite(name, reason: String(cString: strerror(code)))
        }
    }

    /// Hands the buffer to the writer queue and starts a new one.
    private mutating func send() {
        guard !buffer.isEmpty else { return }
        let full = buffer, descriptor = descriptor, waiting = waiting, failure = failure
        buffer = []
        buffer.reserveCapacity(1 << 20)
        waiting.wait()
        writer.async {
            defer { waiting.signal() }
            guard failure.code == nil else { return }
            full.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let written = Foundation.write(descriptor, raw.baseAddress! + done, raw.count - done)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else {
                        failure.code = written < 0 ? errno : ENOSPC
                        return
                    }
                    done += written
                }
            }
        }
    }
}

/// The first write error of a ``BufferedFile``, shared with its writer queue.
private final class WriteFailure: @unchecked Sendable {
    var code: Int32?
}
