import Foundation

/// Values read from a store, by 64-bit key, kept for as long as the store's generation (see
/// ``StoreTransaction/generation()``) stays the one they were read at, and shared by the
/// transactions of one ``IncrementalIndex`` (and its copies): the stored document frequency of a
/// term, the documents posted under it. A common key is read once, not once per query or
/// document. A read at another generation empties the cache; a writer that knows the store moved
/// to the next generation by its own changes alone carries the cache over with
/// ``advance(from:update:)``.
final class GenerationCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = -1
    private var stored: [UInt64: Value] = [:]
    private var held = 0
    /// Beyond this total cost the cache starts over.
    private let capacity: Int
    /// What a value costs (1 for a number, its length for a list).
    private let cost: @Sendable (Value) -> Int

    /// Creates an empty cache holding values of at most `capacity` total cost.
    init(capacity: Int, cost: @escaping @Sendable (Value) -> Int) {
        self.capacity = capacity
        self.cost = cost
    }

    /// The value of each of `keys` at `generation` (`absent` for a key the store does not hold);
    /// the keys not cached are read with `read`.
    func values(
        of keys: [UInt64], generation: Int, absent: Value, read: ([UInt64]) throws -> [UInt64: Value]
    ) throws -> [UInt64: Value] {
        var result: [UInt64: Value] = [:]
        result.reserveCapacity(keys.count)
        var unknown: [UInt64] = []
        lock.withLock {
            if generation != self.generation {
                startOver()
                self.generation = generation
            }
            for key in keys {
                if let value = stored[key] { result[key] = value } else { unknown.append(key) }
            }
        }
        guard !unknown.isEmpty else { return result }
        let found = try read(unknown)
        for key in unknown { result[key] = found[key] ?? absent }
        lock.withLock {
            guard generation == self.generation else { return }
            for key in unknown where stored[key] == nil {
                let value = result[key]!
                stored[key] = value
                held += 1 + cost(value)
            }
            if held > capacity { startOver(keepingCapacity: false) }
        }
        return result
    }

    /// Carries the cache from `generation` to the next one, whose only changes `update` applies to
    /// the values cached and returns the cost it added (the committed transaction that advanced
    /// it was this process's); empties it if it holds another generation.
    func advance(from generation: Int, update: (inout [UInt64: Value]) -> Int) {
        lock.withLock {
            guard generation == self.generation else { return startOver() }
            held += update(&stored)
            self.generation = generation + 1
        }
    }

    /// Empties the cache (the caller holds the lock); past the capacity, its memory goes too.
    private func startOver(keepingCapacity: Bool = true) {
        stored.removeAll(keepingCapacity: keepingCapacity)
        held = 0
    }
}
