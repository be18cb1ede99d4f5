import Foundation

/// Values read from a store, by 64-bit key, kept for as long as the store's generation (see
/// ``StoreTransaction/generation()``) stays the one they were read at, and shared by the
/// transactions of one ``IncrementalIndex`` (and its copies): the stored document frequency of a
/// term, the documents posted under it. A common key is read once, not once per query or
/// document. A read at another generation empties the cache; a writer that knows the store moved
/// to the next generation by its own changes alone carries the cache over with
/// ``advance(from:update:)``.
///
/// A cache that may read every key at once (``values(of:generation:absent:read:readAll:)``) does
/// so on its first read at a generation, when the store holds few enough: it is then complete,
/// and a key it does not hold is known to be absent without asking the store.
final class GenerationCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = -1
    private var stored: [UInt64: Value] = [:]
    private var held = 0
    /// Whether every key the store holds at ``generation`` is cached.
    private var complete = false
    /// Whether the store was found to hold too many keys to read them all.
    private var tooManyToReadAll = false
    /// Beyond this total cost the cache starts over.
    private let capacity: Int
    /// What a value costs (1 for a number, its length for a list).
    private let cost: @Sendable (Value) -> Int

    /// Creates an empty cache holding values of at most `capacity` total cost.
    init(capacity: Int, cost: @escaping @Sendable (Value) -> Int) {
        self.capacity = capacity
        self.cost = cost
    }

    /// The value of each of `keys` at `generation`, in the order of `keys` (`absent` for a key the
    /// store does not hold); the keys not cached are read with `read`. Given `readAll`, which
    /// reads every key's value when the store holds at most as many as it is given (nil when it
    /// holds more), the first read at a generation reads them all instead, if the store holds at
    /// most a quarter of the capacity.
    func values(
        of keys: [UInt64], generation: Int, absent: Value, read: ([UInt64]) throws -> [UInt64: Value],
        readAll: ((Int) throws -> [UInt64: Value]?)? = nil
    ) throws -> [Value] {
        var result = [Value](repeating: absent, count: keys.count)
        /// The positions of the keys not cached.
        var unknown: [Int] = []
        let readingAll: Bool = lock.withLock {
            if generation != self.generation {
                startOver()
                self.generation = generation
            }
            if readAll != nil && !complete && !tooManyToReadAll && stored.isEmpty { return true }
            for (position, key) in keys.enumerated() {
                if let value = stored[key] { result[position] = value } else if !complete { unknown.append(position) }
            }
            return false
        }
        if readingAll, let readAll {
            if let all = try readAll(capacity / 4) {
                lock.withLock {
                    guard generation == self.generation, stored.isEmpty else { return }
                    stored = all
                    held = all.values.reduce(all.count) { $0 + cost($1) }
                    complete = true
                }
                return keys.map { all[$0] ?? absent }
            }
            lock.withLock { tooManyToReadAll = true }
            unknown = Array(keys.indices)
        }
        guard !unknown.isEmpty else { return result }
        let found = try read(unknown.map { keys[$0] })
        for position in unknown { result[position] = found[keys[position]] ?? absent }
        lock.withLock {
            guard generation == self.generation else { return }
            for position in unknown where stored[keys[position]] == nil {
                stored[keys[position]] = result[position]
                held += 1 + cost(result[position])
            }
            if held > capacity { startOver(keepingCapacity: false) }
        }
        return result
    }

    /// Carries the cache from `generation` to the next one, whose only changes `update` applies to
    /// the values cached (to every value the store holds when told the cache is complete) and
    /// returns the cost it added (the committed transaction that advanced it was this process's);
    /// empties it if it holds another generation.
    func advance(from generation: Int, update: (_ values: inout [UInt64: Value], _ complete: Bool) -> Int) {
        lock.withLock {
            guard generation == self.generation else { return startOver() }
            held += update(&stored, complete)
            self.generation = generation + 1
        }
    }

    /// Empties the cache (the caller holds the lock); past the capacity, its memory goes too.
    private func startOver(keepingCapacity: Bool = true) {
        stored.removeAll(keepingCapacity: keepingCapacity)
        held = 0
        complete = false
    }
}
