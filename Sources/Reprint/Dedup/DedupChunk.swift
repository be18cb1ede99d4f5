import Foundation

/// Bytes of a deduplication run's input that stay readable as long as the chunk (or a copy of it)
/// lives: a slice of the input file mapped into memory, or of a buffer the input was read into.
///
/// An output may hold on to a chunk and write its lines later, from another thread, without
/// copying them first.
public struct DedupChunk: @unchecked Sendable {
    /// Keeps the memory of ``bytes`` alive.
    private let storage: Storage
    /// The bytes.
    public let bytes: UnsafeRawBufferPointer

    /// The chunk of `count` bytes from `offset` in `storage`.
    fileprivate init(_ storage: Storage, offset: Int, count: Int) {
        precondition(offset >= 0 && count >= 0 && offset + count <= storage.count, "a chunk lies within its storage")
        self.storage = storage
        bytes = UnsafeRawBufferPointer(start: storage.base + offset, count: count)
    }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// Memory that chunks point into: a mapped file, or an allocation.
    final class Storage: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let count: Int
        private let mapped: Bool

        /// A new allocation of `capacity` bytes (uninitialized).
        init(capacity: Int) {
            base = .allocate(byteCount: Swift.max(1, capacity), alignment: 64)
            count = capacity
            mapped = false
        }

        /// The whole file open at `descriptor` (`size` bytes, more than zero) mapped read-only; nil if it cannot be mapped.
        init?(mapping descriptor: Int32, size: Int) {
            guard size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
                address != UnsafeMutableRawPointer(bitPattern: -1)
            else {
                return nil
            }
            base = address
            count = size
            mapped = true
        }

        deinit {
            if mapped { munmap(base, count) } else { base.deallocate() }
        }

        /// The chunk of `count` bytes from `offset`.
        func chunk(from offset: Int, count: Int) -> DedupChunk { DedupChunk(self, offset: offset, count: count) }
    }
}
