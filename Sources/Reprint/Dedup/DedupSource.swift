import Foundation

/// The input of a deduplication run: read once in large chunks of whole lines, and read again
/// by byte range to verify candidates and to write the kept documents of `--keep canonical`.
///
/// A regular file is read again in place; any other input (standard input, a pipe) is copied to
/// a temporary spool file as it is read, so memory never holds the texts of the whole corpus.
final class DedupSource {
    /// The input's size, when it is a regular file.
    let totalBytes: Int64?
    private let input: Int32
    private let reread: Int32
    private let spoolPath: String?
    private var carry: [UInt8] = []
    private var offset: Int64 = 0
    private var atEnd = false

    /// Opens `path` (`-` for standard input).
    init(path: String) throws {
        if path == "-" {
            input = STDIN_FILENO
        } else {
            var status = stat()
            guard stat(path, &status) == 0 else { throw DedupError.notFound(path) }
            guard status.st_mode & S_IFMT != S_IFDIR else { throw DedupError.isFolder(path) }
            input = open(path, O_RDONLY)
            guard input >= 0 else { throw DedupError.unreadable(path, String(cString: strerror(errno))) }
        }
        var status = stat()
        if fstat(input, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            totalBytes = Int64(status.st_size)
            reread = input
            spoolPath = nil
        } else {
            totalBytes = nil
            var template = Array((NSTemporaryDirectory() + "/reprint-dedup-XXXXXX").utf8CString)
            let spool = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard spool >= 0 else { throw DedupError.unreadable("a temporary file", String(cString: strerror(errno))) }
            reread = spool
            spoolPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            unlink(spoolPath!)
        }
    }

    deinit {
        if input != STDIN_FILENO { close(input) }
        if reread != input { close(reread) }
    }

    /// The next chunk of whole lines (at least `size` bytes unless the input ends) and its offset, or nil at the end.
    func nextChunk(size: Int) throws -> (bytes: [UInt8], offset: Int64)? {
        var buffer = carry
        carry = []
        var searchFrom = 0
        while !atEnd {
            let before = buffer.count
            let count = try append(size, to: &buffer)
            if count == 0 { atEnd = true; break }
            if let spoolPath {
                try buffer.withUnsafeBytes { bytes in
                    guard write(reread, bytes.baseAddress! + before, count) == count else {
                        throw DedupError.unreadable(spoolPath, "cannot write the temporary copy of standard input")
                    }
                }
            }
            if buffer.count >= size, let last = buffer[searchFrom...].lastIndex(of: 10) {
                carry = Array(buffer[(last + 1)...])
                buffer.removeSubrange((last + 1)...)
                break
            }
            searchFrom = before
        }
        guard !buffer.isEmpty else { return nil }
        defer { offset += Int64(buffer.count) }
        return (buffer, offset)
    }

    /// Reads `count` bytes at `offset` again (safe from any thread).
    func bytes(at offset: Int64, count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(reread, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if got <= 0 { break }
                done += got
            }
            initialized = done
        }
    }

    /// Reads up to `size` more bytes onto the end of `buffer` (into fresh storage, never zero-filled first).
    private func append(_ size: Int, to buffer: inout [UInt8]) throws -> Int {
        let old = buffer
        var got = 0
        var failure: Int32 = 0
        buffer = [UInt8](unsafeUninitializedCapacity: old.count + size) { bytes, initialized in
            _ = bytes.initialize(from: old)
            while got < size {
                let count = read(input, bytes.baseAddress! + old.count + got, size - got)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                got += count
            }
            initialized = old.count + got
        }
        if failure != 0 { throw DedupError.unreadable("the input", String(cString: strerror(failure))) }
        return got
    }
}

/// Why a deduplication run could not start or finish.
public enum DedupError: Error, Equatable, CustomStringConvertible {
    /// No file at that path.
    case notFound(String)
    /// The path is a folder; `dedup` reads one JSONL or line file.
    case isFolder(String)
    /// The input could not be read; the second value says why.
    case unreadable(String, String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no such file"
        case .isFolder(let path): "\(path) is a folder: give one JSONL file, or one file with a document per line (--lines)"
        case .unreadable(let path, let why): "cannot read \(path): \(why)"
        }
    }
}
