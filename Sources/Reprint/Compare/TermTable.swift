import CReprintSupport

/// A hash table from terms to values, for the hot loops of comparison.
///
/// Terms are already 64-bit hashes, so a slot is the top bits of one multiplication of the term
/// (mixed with a per-process seed, so that crafted terms cannot pile into one slot), with linear
/// probing: much cheaper than `Dictionary`'s SipHash. A term and its value share a slot, so a
/// lookup touches one cache line. It only grows; it never removes. Deduplication keeps the first
/// document of each exact hash in one (``insertIfNew(_:values:)``).
struct TermTable<Value> {
    /// A term and its value; the term 0 marks an empty slot (the term 0 itself is kept in ``zeroValue``).
    fileprivate struct Slot {
        var term: UInt64
        var value: Value
    }

    private var slots: [Slot]
    private var zeroValue: Value?
    private var shift: UInt64
    private var seed: UInt64
    private let filler: Value
    private var count = 0

    /// An empty table that holds `capacity` terms before growing; `filler` fills empty slots.
    init(capacity: Int, filler: Value) {
        var size = 8
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: Slot(term: 0, value: filler), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        seed = termTableSeed
        self.filler = filler
    }

    /// The value of `term`, or nil when the table does not hold it.
    @inline(__always)
    subscript(term: UInt64) -> Value? {
        if term == 0 { return zeroValue }
        let slot = slots[self.slot(holding: term)]
        return slot.term == term ? slot.value : nil
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
        if term == 0 {
            if zeroValue == nil { count += 1 }
            var value = zeroValue ?? initial
            change(&value)
            zeroValue = value
            return
        }
        let index = slot(holding: term)
        if slots[index].term == term {
            change(&slots[index].value)
        } else {
            var value = initial
            change(&value)
            insert(value, for: term)
        }
    }

    /// Replaces every value `v` of term `t` by `transform(t, v)`.
    mutating func update(_ transform: (UInt64, Value) -> Value) {
        for index in slots.indices where slots[index].term != 0 {
            slots[index].value = transform(slots[index].term, slots[index].value)
        }
        if let zeroValue { self.zeroValue = transform(0, zeroValue) }
    }

    /// Adds `term`, which the table does not hold (checked in debug builds).
    mutating func insert(_ value: Value, for term: UInt64) {
        assert(self[term] == nil, "TermTable.insert of a term the table holds")
        count += 1
        if term == 0 {
            zeroValue = value
            return
        }
        if isOverHalfFull(adding: 0) { grow() }
        slots[slot(holding: term)] = Slot(term: term, value: value)
    }

    /// For each of `terms`, in order: the value the table held for it, or nil when it held none (it
    /// then holds `values[i]`, so a term repeated in `terms` gets the value of its first occurrence).
    ///
    /// The table grows once, before the batch; the home slot of term `i + 16` is prefetched while
    /// term `i` is handled, so that the cache misses of a table larger than the cache overlap
    /// instead of coming one after the other.
    mutating func insertIfNew(_ terms: [UInt64], values: [Value]) -> [Value?] {
        precondition(terms.count == values.count, "a value for each term")
        while isOverHalfFull(adding: terms.count) { grow() }
        let lookahead = 16
        for term in terms.prefix(lookahead) { prefetch(term) }
        var held: [Value?] = []
        held.reserveCapacity(terms.count)
        for (i, term) in terms.enumerated() {
            if i + lookahead < terms.count { prefetch(terms[i + lookahead]) }
            if term == 0 {
                held.append(zeroValue)
                if zeroValue == nil { insert(values[i], for: 0) }
                continue
            }
            let index = slot(holding: term)
            if slots[index].term == term {
                held.append(slots[index].value)
            } else {
                slots[index] = Slot(term: term, value: values[i])
                count += 1
                held.append(nil)
            }
        }
        return held
    }

    /// The slot that holds `term` (not 0), or the empty slot where it would go.
    @inline(__always)
    private func slot(holding term: UInt64) -> Int {
        let mask = slots.count - 1
        var index = home(term)
        while slots[index].term != term && slots[index].term != 0 { index = (index + 1) & mask }
        return index
    }

    /// The slot where the probe for `term` starts.
    @inline(__always)
    private func home(_ term: UInt64) -> Int {
        Int(truncatingIfNeeded: ((term ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Asks the CPU to bring the home slot of `term` into the cache for a coming write.
    @inline(__always)
    private func prefetch(_ term: UInt64) {
        slots.withUnsafeBufferPointer { reprint_prefetch_write($0.baseAddress! + home(term)) }
    }

    /// Whether the table would be more than half full with `more` terms beyond its count.
    @inline(__always)
    private func isOverHalfFull(adding more: Int) -> Bool {
        (count + more) * 2 > slots.count
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(term: 0, value: filler), count: old.count * 2)
        shift -= 1
        for slot in old where slot.term != 0 { slots[self.slot(holding: slot.term)] = slot }
    }
}

extension TermTable: Sendable where Value: Sendable {}
extension TermTable.Slot: Sendable where Value: Sendable {}

/// The per-process seed of every ``TermTable``: Swift's own hashing seed (so
/// `SWIFT_DETERMINISTIC_HASHING` makes it fixed too).
private let termTableSeed: UInt64 = {
    var hasher = Hasher()
    hasher.combine(UInt64(0x7265_7072_696E_74))
    return UInt64(UInt(bitPattern: hasher.finalize()))
}()
