/// A hash table from terms to values, for the hot loops of comparison.
///
/// Terms are already 64-bit hashes, so a slot is the top bits of one multiplication of the term
/// (mixed with a per-process seed, so that crafted terms cannot pile into one slot), with linear
/// probing: much cheaper than `Dictionary`'s SipHash. It only grows; it never removes.
struct TermTable<Value> {
    /// The key of an empty slot; the term 0 is kept apart in ``zeroValue``.
    private static var empty: UInt64 { 0 }
    private var keys: [UInt64]
    private var values: [Value]
    private var zeroValue: Value?
    private var shift: UInt64
    private var seed: UInt64
    private let filler: Value
    private var count = 0

    /// An empty table that holds `capacity` terms before growing; `filler` fills empty slots.
    init(capacity: Int, filler: Value) {
        let slots = Self.slots(for: capacity)
        keys = Array(repeating: Self.empty, count: slots)
        values = Array(repeating: filler, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        seed = termTableSeed
        self.filler = filler
    }

    /// The value of `term`, or nil when the table does not hold it.
    @inline(__always)
    subscript(term: UInt64) -> Value? {
        if term == Self.empty { return zeroValue }
        let slot = self.slot(holding: term)
        return keys[slot] == term ? values[slot] : nil
    }

    /// The value of `term`, first inserting `make()` when the table does not hold it.
    mutating func value(of term: UInt64, inserting make: () -> Value) -> Value {
        if let value = self[term] { return value }
        let value = make()
        insert(value, for: term)
        return value
    }

    /// Changes the value of `term` with `change`, starting from `initial` when the table does not hold it.
    mutating func modify(_ term: UInt64, initial: Value, _ change: (inout Value) -> Void) {
        if term == Self.empty {
            if zeroValue == nil { count += 1 }
            var value = zeroValue ?? initial
            change(&value)
            zeroValue = value
            return
        }
        let slot = self.slot(holding: term)
        if keys[slot] == term {
            change(&values[slot])
        } else {
            var value = initial
            change(&value)
            insert(value, for: term)
        }
    }

    /// Replaces every value `v` of term `t` by `transform(t, v)`.
    mutating func update(_ transform: (UInt64, Value) -> Value) {
        for slot in keys.indices where keys[slot] != Self.empty { values[slot] = transform(keys[slot], values[slot]) }
        if let zeroValue { self.zeroValue = transform(Self.empty, zeroValue) }
    }

    /// Adds `term`, which the table does not hold.
    private mutating func insert(_ value: Value, for term: UInt64) {
        count += 1
        if term == Self.empty {
            zeroValue = value
            return
        }
        if count * 2 > keys.count { grow() }
        let slot = self.slot(holding: term)
        keys[slot] = term
        values[slot] = value
    }

    /// The slot that holds `term` (not 0), or the empty slot where it would go.
    @inline(__always)
    private func slot(holding term: UInt64) -> Int {
        var slot = self.slot(of: term)
        while keys[slot] != term && keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    private func slot(of term: UInt64) -> Int {
        Int(truncatingIfNeeded: ((term ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// A power of two at least twice `capacity` (the table stays at most half full).
    private static func slots(for capacity: Int) -> Int {
        var slots = 8
        while slots < 2 * capacity { slots *= 2 }
        return slots
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        let slots = keys.count * 2
        keys = Array(repeating: Self.empty, count: slots)
        values = Array(repeating: filler, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            let slot = self.slot(holding: key)
            keys[slot] = key
            values[slot] = value
        }
    }
}

extension TermTable: Sendable where Value: Sendable {}

/// The per-process seed of every ``TermTable``: Swift's own hashing seed (so
/// `SWIFT_DETERMINISTIC_HASHING` makes it fixed too).
private let termTableSeed: UInt64 = {
    var hasher = Hasher()
    hasher.combine(UInt64(0x7265_7072_696E_74))
    return UInt64(UInt(bitPattern: hasher.finalize()))
}()
