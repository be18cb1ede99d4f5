import Foundation

/// Tunes glibc's allocator for `reprint dedup`, which allocates and frees buffers of megabytes for
/// every 4 MB batch on several threads: one heap, whose freed memory is kept for reuse instead of
/// going back to the kernel to be faulted in (and zeroed) again — a third fewer page faults on a
/// large input. Does nothing where glibc's `mallopt` is not found.
enum AllocatorTuning {
    static func keepFreedMemory() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        // `mallopt` is not in Swift's Glibc module: look it up (RTLD_DEFAULT is the null handle).
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // <malloc.h>: M_ARENA_MAX -8, M_MMAP_THRESHOLD -3, M_TRIM_THRESHOLD -1.
        _ = mallopt(-8, 1)
        _ = mallopt(-3, 256 << 20)
        _ = mallopt(-1, 1 << 30)
        #endif
    }
}
