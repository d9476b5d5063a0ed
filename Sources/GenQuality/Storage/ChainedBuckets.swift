/// LSH buckets addressed by a slot number the owner computes (a table's code, or the low bits of a band
/// key): one 32-bit head per slot and a linked list of entries.
///
/// Why not a hash table of 64-bit keys: at a 100k pool with 16 tables, an open-addressing table of
/// (key, head) slots kept three-quarters empty took over 100 MB, and every probe was a cache and TLB miss.
/// Here a slot is 4 bytes found without probing (the heads of a 100k pool take 4-8 MB), and an owner whose
/// slot numbers can collide keeps the full key in the entry's tag and skips entries whose tag differs.
///
/// Not Codable: the owners refill it from their own saved state (sketches, signatures).
struct ChainedBuckets: Sendable {
    /// An entry: the item, the previous entry in the same slot (-1 ends the list), and the owner's tag.
    /// Item and link sit beside the tag, so reading an entry touches one cache line.
    struct Entry {
        var item: Int32
        var next: Int32
        var tag: UInt64
    }

    private var heads: [Int32]
    private(set) var entries: [Entry] = []

    /// `slotCount` heads, all empty; room for `expectedEntries` without reallocating.
    init(slotCount: Int, expectedEntries: Int = 0) {
        heads = Array(repeating: -1, count: Swift.max(1, slotCount))
        entries.reserveCapacity(expectedEntries)
    }

    /// Buckets holding `rows` rows, each in `slotsPerRow` slots, filled at once: each slot's entries lie
    /// side by side (a counting sort), so walking a bucket reads consecutive memory instead of one cache
    /// miss per entry. The order within a slot, newest row first, is the one `insert` row by row gives.
    init(slotCount: Int, rows: Int, slotsPerRow: Int, expectedEntries: Int, slot: (_ row: Int, _ k: Int) -> Int,
         tag: (_ row: Int) -> UInt64) {
        self.init(slotCount: slotCount, expectedEntries: expectedEntries)
        var ends = [Int32](repeating: 0, count: heads.count)
        for row in 0..<rows { for k in 0..<slotsPerRow { ends[slot(row, k)] += 1 } }
        var total: Int32 = 0
        for index in ends.indices {
            total += ends[index]
            ends[index] = total
        }
        entries = Array(repeating: Entry(item: -1, next: -1, tag: 0), count: Int(total))
        entries.reserveCapacity(expectedEntries)  // the rows added until the next rebuild
        // Filled from each segment's end backwards with rows in increasing order, so the newest is first.
        var cursor = ends
        for row in 0..<rows {
            let rowTag = tag(row)
            for k in 0..<slotsPerRow {
                let target = slot(row, k)
                cursor[target] -= 1
                let position = Int(cursor[target])
                entries[position] = Entry(item: Int32(row), next: position + 1 < Int(ends[target]) ? Int32(position + 1) : -1, tag: rowTag)
            }
        }
        for index in heads.indices where cursor[index] < ends[index] { heads[index] = cursor[index] }
    }

    var slotCount: Int { heads.count }
    var entryCount: Int { entries.count }

    mutating func insert(slot: Int, item: Int32, tag: UInt64) {
        entries.append(Entry(item: item, next: heads[slot], tag: tag))
        heads[slot] = Int32(entries.count - 1)
    }

    /// Calls `body` with the item and tag of every entry in any of `slots` (a slot listed twice is read
    /// twice), in rounds: all heads first, then the first entry of every list, then the second... Each
    /// round's reads are copied out in a tight loop before `body` sees any of them, so the processor has
    /// all of the round's cache misses in flight at once (with `body` inside the loop it held a few).
    func forEach(slots: [Int], _ body: (Int32, UInt64) -> Void) {
        var positions = [Int32]()
        positions.reserveCapacity(slots.count)
        heads.withUnsafeBufferPointer { heads in
            for slot in slots where heads[slot] >= 0 { positions.append(heads[slot]) }
        }
        var round = [Entry]()
        round.reserveCapacity(positions.count)
        entries.withUnsafeBufferPointer { list in
            while !positions.isEmpty {
                round.removeAll(keepingCapacity: true)
                for position in positions { round.append(list[Int(position)]) }
                positions.removeAll(keepingCapacity: true)
                for entry in round {
                    body(entry.item, entry.tag)
                    if entry.next >= 0 { positions.append(entry.next) }
                }
            }
        }
    }

    /// The same entries spread over `slotCount` slots; `slot` gives an entry's new slot from its tag (the
    /// owners whose slots grow with the pool keep the full key there). Order within a slot is kept.
    mutating func resize(slotCount: Int, slot: (UInt64) -> Int) {
        heads = Array(repeating: -1, count: Swift.max(1, slotCount))
        for position in entries.indices {
            let target = slot(entries[position].tag)
            entries[position].next = heads[target]
            heads[target] = Int32(position)
        }
    }
}
