import Foundation

/// The sketch buffers of a deduplication run's batches, handed on from each batch done with them
/// to a batch read later: the run holds the buffers of the batches in flight only, whose pages
/// are already faulted in, instead of taking a batch's megabytes afresh from wherever the
/// allocator finds room (news_x10: 11.5k of the run's page faults were the sketch's first writes).
final class DedupBatchPool: @unchecked Sendable {
    /// One batch's buffers, each allocated again (larger) when a batch needs more than it holds.
    final class Buffers {
        var sketches = Buffer<DedupFeatures.Sketch>()
        var bandKeys = Buffer<UInt64>()
        var signatures = Buffer<UInt8>()
        var shingles = Buffer<UInt64>()
        var shingleStarts = Buffer<Int>()
        var shingleCounts = Buffer<Int>()

        deinit {
            sketches.deallocate()
            bandKeys.deallocate()
            signatures.deallocate()
            shingles.deallocate()
            shingleStarts.deallocate()
            shingleCounts.deallocate()
        }
    }

    /// Uninitialized memory for values of `T` that is reused while it is large enough.
    struct Buffer<T> {
        private var base = UnsafeMutablePointer<T>.allocate(capacity: 1)
        private var capacity = 1

        /// Room for `count` values (uninitialized; an eighth more is allocated when it must grow).
        mutating func room(for count: Int) -> UnsafeMutablePointer<T> {
            if count > capacity {
                base.deallocate()
                capacity = count + count / 8
                base = .allocate(capacity: capacity)
            }
            return base
        }

        fileprivate func deallocate() { base.deallocate() }
    }

    private let lock = NSLock()
    /// The buffers given back, the most recent (the warmest in the caches) last.
    private var free: [Buffers] = []

    /// Buffers for a new batch: ones given back, or new ones.
    func take() -> Buffers {
        lock.withLock { free.popLast() } ?? Buffers()
    }

    /// Takes back the buffers of a batch that is done with them (its sketches deinitialized).
    func giveBack(_ buffers: Buffers) {
        lock.withLock { free.append(buffers) }
    }
}
