import Foundation

/// Counts of hashed n-grams with the running totals distinct-n and entropy need. The keys are already
/// well-mixed 64-bit hashes, so an open-addressing table on their low bits is enough (and several times
/// cheaper than a `Dictionary`, which hashes every key again).
struct NgramCounter: Sendable, Equatable {
    private(set) var keys: [UInt64] = Array(repeating: 0, count: 1024)
    private(set) var counts: [Int32] = Array(repeating: 0, count: 1024)
    /// Distinct n-grams.
    private(set) var distinct = 0
    var total = 0
    var sumCLogC = 0.0

    var distinctRatio: Double { total == 0 ? 0 : Double(distinct) / Double(total) }

    var entropyBits: Double {
        guard total > 0 else { return 0 }
        let n = Double(total)
        return Swift.max(0, (n * log(n) - sumCLogC) / n / log(2))
    }

    /// Every (n-gram, count) pair, in table order.
    var entries: [(gram: UInt64, count: Int32)] {
        counts.indices.filter { counts[$0] > 0 }.map { (keys[$0], counts[$0]) }
    }

    mutating func add(_ gram: UInt64) {
        if (distinct + 1) * 4 > keys.count * 3 { grow() }
        let slot = find(gram)
        let before = Double(counts[slot])
        if counts[slot] == 0 {
            keys[slot] = gram
            distinct += 1
        }
        counts[slot] += 1
        let after = before + 1
        sumCLogC += after * log(after) - (before > 0 ? before * log(before) : 0)
        total += 1
    }

    /// Restores a count read from saved state (each gram once, count > 0).
    mutating func restore(_ gram: UInt64, count: Int32) {
        if (distinct + 1) * 4 > keys.count * 3 { grow() }
        let slot = find(gram)
        if counts[slot] == 0 { distinct += 1 }
        keys[slot] = gram
        counts[slot] = count
    }

    /// The slot holding `gram`, or the empty slot where it belongs (a count of 0 marks an empty slot).
    private func find(_ gram: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: gram) & mask
        while counts[slot] != 0 && keys[slot] != gram { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let old = entries
        keys = Array(repeating: 0, count: keys.count * 2)
        counts = Array(repeating: 0, count: counts.count * 2)
        distinct = 0
        for (gram, count) in old { restore(gram, count: count) }
    }
}
