import Foundation

/// The input of a deduplication run: read once in large chunks of whole lines, and read again
/// by byte range to verify candidates and to write the kept documents of `--keep canonical`.
///
/// A regular file is mapped into memory: chunks and lines read again point into the mapping (no
/// copy; the kernel maps the file's cached pages). Any other input (standard input, a pipe) is
/// read into a buffer per chunk and copied to a temporary spool file as it is read, so memory
/// never holds the texts of the whole corpus.
final class DedupSource {
    /// The input's size, when it is a regular file.
    let totalBytes: Int64?
    private let input: Int32
    private let reread: Int32
    private let spoolPath: String?
    /// A regular file's bytes, mapped (nil for an empty file, or one that cannot be mapped).
    private let mapped: DedupChunk.Storage?
    /// The bytes read after the last chunk's last line break (not mapped input).
    private var carry: DedupChunk?
    /// Where the next chunk starts.
    private var offset: Int64 = 0
    /// Mapped input: how far a reader of `size` bytes at a time would have read, so that chunks
    /// end where they do when the input is read.
    private var readEnd = 0
    private var atEnd = false
    /// Mapped input: the bytes before this offset were given back (``release(upTo:)``) and are
    /// read again with `pread`.
    private var releasedEnd: Int64 = 0

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
            mapped = DedupChunk.Storage(mapping: input, size: Int(status.st_size))
        } else {
            totalBytes = nil
            mapped = nil
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
    func nextChunk(size: Int) throws -> (bytes: DedupChunk, offset: Int64)? {
        let chunk: DedupChunk?
        if let mapped {
            chunk = nextMappedChunk(size: size, of: mapped)
        } else if totalBytes == 0 {
            chunk = nil
        } else {
            chunk = try nextReadChunk(size: size)
        }
        guard let chunk, chunk.count > 0 else { return nil }
        defer { offset += Int64(chunk.count) }
        return (chunk, offset)
    }

    /// The chunk a reader of `size` bytes at a time would give: up to the last line break of what
    /// it has read once it holds at least `size` bytes, else all the rest.
    private func nextMappedChunk(size: Int, of mapped: DedupChunk.Storage) -> DedupChunk {
        let start = Int(offset)
        var end = mapped.count
        while true {
            let got = Swift.min(size, mapped.count - readEnd)
            if got == 0 { break }
            readEnd += got
            let read = UnsafeRawBufferPointer(start: mapped.base + start, count: readEnd - start)
            if read.count >= size, let last = read.lastIndex(of: 10) {
                end = start + last + 1
                break
            }
        }
        return mapped.chunk(from: start, count: end - start)
    }

    /// The next chunk read from the input (and copied to the spool file).
    private func nextReadChunk(size: Int) throws -> DedupChunk? {
        var storage = DedupChunk.Storage(capacity: (carry?.count ?? 0) + size)
        var count = 0
        if let carry {
            storage.base.copyMemory(from: carry.bytes.baseAddress!, byteCount: carry.count)
            count = carry.count
        }
        carry = nil
        while !atEnd {
            if storage.count - count < size {
                let larger = DedupChunk.Storage(capacity: count + size)
                larger.base.copyMemory(from: storage.base, byteCount: count)
                storage = larger
            }
            let got = try read(size, into: storage.base + count)
            if got == 0 { atEnd = true; break }
            if let spoolPath, write(reread, storage.base + count, got) != got {
                throw DedupError.unreadable(spoolPath, "cannot write the temporary copy of standard input")
            }
            let before = count
            count += got
            if count >= size, let last = UnsafeRawBufferPointer(start: storage.base + before, count: got).lastIndex(of: 10) {
                let end = before + last + 1
                if end < count { carry = storage.chunk(from: end, count: count - end) }
                return storage.chunk(from: 0, count: end)
            }
        }
        return count > 0 ? storage.chunk(from: 0, count: count) : nil
    }

    /// Gives back the mapped pages of the input before `offset`, once its chunks are done with:
    /// the process then keeps only the chunks in flight mapped, not the whole input (its pages
    /// stay in the kernel's page cache). Lines there are read again with `pread`.
    func release(upTo offset: Int64) {
        guard let mapped, offset > releasedEnd else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let from = Int(releasedEnd) / page * page, to = Int(offset) / page * page
        if to > from { madvise(mapped.base + from, to - from, MADV_DONTNEED) }
        releasedEnd = offset
    }

    /// Calls `body` with the `count` bytes at `offset` of the input (safe from any thread while
    /// no ``release(upTo:)`` runs).
    func withBytes<R>(at offset: Int64, count: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let mapped = mapping(at: offset) { return body(UnsafeRawBufferPointer(start: mapped.base + Int(offset), count: count)) }
        return withUnsafeTemporaryAllocation(byteCount: count, alignment: 1) { buffer in
            body(UnsafeRawBufferPointer(rebasing: buffer[..<readAgain(at: offset, count: count, into: buffer.baseAddress!)]))
        }
    }

    /// The `count` bytes at `offset` of the input as a chunk.
    func chunk(at offset: Int64, count: Int) -> DedupChunk {
        if let mapped = mapping(at: offset) { return mapped.chunk(from: Int(offset), count: count) }
        let storage = DedupChunk.Storage(capacity: count)
        return storage.chunk(from: 0, count: readAgain(at: offset, count: count, into: storage.base))
    }

    /// The mapped input, when the bytes from `offset` can be read there: the input is mapped and
    /// they were not given back (nil: read them again with ``readAgain(at:count:into:)``).
    @inline(__always)
    private func mapping(at offset: Int64) -> DedupChunk.Storage? {
        guard let mapped, offset >= releasedEnd else { return nil }
        return mapped
    }

    /// Reads `count` bytes at `offset` again into `buffer`; returns how many it could.
    private func readAgain(at offset: Int64, count: Int, into buffer: UnsafeMutableRawPointer) -> Int {
        var done = 0
        while done < count {
            let got = pread(reread, buffer + done, count - done, off_t(offset) + off_t(done))
            if got <= 0 { break }
            done += got
        }
        return done
    }

    /// Reads up to `size` bytes into `buffer` (fewer only at the end of the input).
    private func read(_ size: Int, into buffer: UnsafeMutableRawPointer) throws -> Int {
        var got = 0
        while got < size {
            let count = Foundation.read(input, buffer + got, size - got)
            if count < 0 {
                if errno == EINTR { continue }
                throw DedupError.unreadable("the input", String(cString: strerror(errno)))
            }
            if count == 0 { break }
            got += count
        }
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
