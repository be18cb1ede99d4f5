import Foundation

/// The stored document frequencies of terms read so far, shared by the transactions of one
/// ``IncrementalIndex`` (and its copies) as long as the store's generation stays the same: common
/// terms are read once, not once per query or document. A transaction that sees another
/// generation empties it. A writer that knows the store moved to the next generation by its own
/// changes alone carries the cache over (``advance(from:adding:)``).
final class TermFrequencyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = -1
    private var stored: [UInt64: Int] = [:]
    /// Beyond this many terms the cache starts over.
    private let capacity = 2_000_000

    /// The stored frequency of each of `keys` (0 for a term no document uses) at `generation`;
    /// the terms not cached are read with `read`.
    func frequencies(
        of keys: [UInt64], generation: Int, read: ([UInt64]) throws -> [UInt64: Int]
    ) throws -> [UInt64: Int] {
        var result: [UInt64: Int] = [:]
        result.reserveCapacity(keys.count)
        var unknown: [UInt64] = []
        lock.withLock {
            if generation != self.generation {
                stored.removeAll(keepingCapacity: true)
                self.generation = generation
            }
            for key in keys {
                if let frequency = stored[key] { result[key] = frequency } else { unknown.append(key) }
            }
        }
        guard !unknown.isEmpty else { return result }
        let found = try read(unknown)
        for key in unknown { result[key] = found[key] ?? 0 }
        lock.withLock {
            guard generation == self.generation else { return }
            if stored.count + unknown.count > capacity { stored.removeAll() }
            for key in unknown { stored[key] = result[key] }
        }
        return result
    }

    /// Carries the cache from `generation` to the next one, whose only changes are `changes` (the
    /// committed transaction that advanced it was this process's); empties it if it holds another
    /// generation.
    func advance(from generation: Int, adding changes: [UInt64: Int]) {
        lock.withLock {
            guard generation == self.generation else {
                stored.removeAll(keepingCapacity: true)
                return
            }
            for (term, change) in changes {
                if let frequency = stored[term] { stored[term] = frequency + change }
            }
            self.generation = generation + 1
        }
    }
}
