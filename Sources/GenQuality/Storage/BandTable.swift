/// The LSH band buckets of MinHash dedup: which rows have a band whose key is K.
///
/// An open-addressing table of 8-byte cells, each the high 32 bits of a band key (its tag) and a row
/// number, found from the tag's low bits by linear probing; rows that share a band key sit in consecutive
/// cells. A lookup is one memory read (a probe rarely leaves its cache line), where a table of heads and
/// linked entries took two dependent reads: at a 100k pool the table is tens of MB and each read misses
/// the cache. The slot comes from the tag, so growing needs nothing but the cells. Two keys with the same
/// tag are told apart by the caller, which verifies every row on the whole signature.
struct BandTable: Sendable {
    private var cells: [UInt64]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity { size <<= 1 }
        cells = Array(repeating: 0, count: size)
    }

    static func tag(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) }

    mutating func insert(key: UInt64, row: Int32) {
        if (count + 1) * 2 > cells.count { grow() }
        Self.place(UInt64(Self.tag(key)) << 32 | UInt64(UInt32(bitPattern: row) &+ 1), in: &cells)
        count += 1
    }

    /// Calls `body` with every row stored under the tag of any of `keys` (a row once per matching key).
    /// The cells are read for every key before `body` runs, so their cache misses overlap.
    func forEach(keys: [UInt64], _ body: (Int32) -> Void) {
        var rows = [Int32]()
        cells.withUnsafeBufferPointer { cells in
            let mask = cells.count - 1
            for key in keys {
                let tag = Self.tag(key)
                var slot = Int(tag) & mask
                while cells[slot] != 0 {
                    if UInt32(truncatingIfNeeded: cells[slot] >> 32) == tag {
                        rows.append(Int32(bitPattern: UInt32(truncatingIfNeeded: cells[slot]) &- 1))
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        for row in rows { body(row) }
    }

    private static func place(_ cell: UInt64, in cells: inout [UInt64]) {
        let mask = cells.count - 1
        var slot = Int(UInt32(truncatingIfNeeded: cell >> 32)) & mask
        while cells[slot] != 0 { slot = (slot + 1) & mask }
        cells[slot] = cell
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: cells.count * 2)
        for cell in cells where cell != 0 { Self.place(cell, in: &larger) }
        cells = larger
    }
}
