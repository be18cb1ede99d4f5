#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Zeroed memory for a large table, mapped from the kernel in whole pages (so page-aligned, and
/// so cache-line-aligned) instead of taken from the heap, faulted in for writing when it is made,
/// and given back when the buffer goes away.
///
/// Its pages come in writable at once (`madvise(MADV_POPULATE_WRITE)` on Linux 5.14 and later, a
/// write to each page elsewhere): left to the first access, a read before the first write would
/// map the shared zero page and the write then fault a second time — a hash table's probe reads
/// its slots before it writes one. The memory is not bound to Swift's exclusivity rules: the
/// owner writes through ``base`` and makes the threads that share it touch disjoint parts or run
/// one after the other.
final class PageBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The first element; `count` zeroed elements follow.
    let base: UnsafeMutablePointer<Element>
    /// The number of elements.
    let count: Int
    private let bytes: Int

    /// Maps `count` zeroed elements.
    init(zeroed count: Int) {
        precondition(count >= 0, "a buffer holds no fewer than 0 elements")
        self.count = count
        // At least one page, so that an empty buffer has an address too.
        bytes = Swift.max(1, count * MemoryLayout<Element>.stride)
        guard let region = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0), region != MAP_FAILED else {
            fatalError("out of memory: cannot map \(bytes) bytes")
        }
        Self.populate(region, bytes)
        base = region.bindMemory(to: Element.self, capacity: count)
    }

    deinit { munmap(base, bytes) }

    /// The buffer's elements.
    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    private static func populate(_ start: UnsafeMutableRawPointer, _ bytes: Int) {
        #if os(Linux)
        // MADV_POPULATE_WRITE, spelled out: the C libraries before glibc 2.35 do not define it, and
        // kernels before 5.14 answer EINVAL (then each page is written below).
        let populateWrite: Int32 = 23
        if madvise(start, bytes, populateWrite) == 0 { return }
        #endif
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        for offset in stride(from: 0, to: bytes, by: page) { start.storeBytes(of: 0, toByteOffset: offset, as: UInt8.self) }
    }
}
