/// A hash multimap from 64-bit bucket keys to item numbers: open addressing for the keys, a linked list of
/// entries per key. The LSH tables of the dedup and vector indexes use it; it is compact and Codable, which
/// a `[UInt64: [Int32]]` with millions of small arrays is not.
struct BucketMultimap: Sendable, Equatable {
    /// A slot: its key (`emptyKey` when free; real keys are remapped away from it) and its most recent entry.
    /// Key and head sit together, and so do an entry's item and link, so a lookup touches one cache line
    /// per slot and per entry: the tables are large and these reads are the search's main cost.
    struct Slot: Equatable {
        var key: UInt64
        var head: Int32
    }

    /// An entry: the item, the previous entry with the same key (-1 ends the list), and a tag the owner
    /// may use to rank items without reading anything else (the vector index keeps a 64-bit sketch here).
    struct Entry: Equatable {
        var item: Int32
        var next: Int32
        var tag: UInt64
    }

    private var slots: [Slot]
    private var entries: [Entry] = []
    private var used = 0

    private static let emptyKey: UInt64 = 0

    init(expectedKeys: Int = 64) {
        var capacity = 16
        while capacity < expectedKeys * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(key: Self.emptyKey, head: -1), count: capacity)
    }

    /// Number of (key, item) entries.
    var entryCount: Int { entries.count }

    /// Every stored item, in insertion order.
    var items: [Int32] { entries.map(\.item) }

    mutating func insert(key rawKey: UInt64, item: Int32, tag: UInt64 = 0) {
        if (used + 1) * 4 > slots.count * 3 { grow() }
        let key = Self.storable(rawKey)
        let slot = findSlot(key)
        if slots[slot].key == Self.emptyKey {
            slots[slot].key = key
            used += 1
        }
        entries.append(Entry(item: item, next: slots[slot].head, tag: tag))
        slots[slot].head = Int32(entries.count - 1)
    }

    /// Calls `body` with every item stored under `key` and its tag, most recent first.
    func forEach(key rawKey: UInt64, _ body: (Int32, UInt64) -> Void) {
        let key = Self.storable(rawKey)
        let slot = findSlot(key)
        guard slots[slot].key == key else { return }
        var position = slots[slot].head
        while position >= 0 {
            let entry = entries[Int(position)]
            body(entry.item, entry.tag)
            position = entry.next
        }
    }

    /// Calls `body` with every item (and tag) stored under any of `keys`, key by key in rounds: first all
    /// slots are read, then the first entry of every list, then the second... Each round's reads are
    /// independent, so the processor overlaps their cache misses instead of waiting for one at a time.
    /// An item stored under several of the keys is reported once per key.
    func forEach(keys rawKeys: [UInt64], _ body: (Int32, UInt64) -> Void) {
        var positions = [Int32]()
        positions.reserveCapacity(rawKeys.count)
        slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            for rawKey in rawKeys {
                let key = Self.storable(rawKey)
                var slot = Int(truncatingIfNeeded: StableHash.mix(key)) & mask
                while table[slot].key != Self.emptyKey && table[slot].key != key { slot = (slot + 1) & mask }
                if table[slot].key == key { positions.append(table[slot].head) }
            }
        }
        entries.withUnsafeBufferPointer { list in
            while !positions.isEmpty {
                var next = [Int32]()
                for position in positions where position >= 0 {
                    let entry = list[Int(position)]
                    body(entry.item, entry.tag)
                    if entry.next >= 0 { next.append(entry.next) }
                }
                positions = next
            }
        }
    }

    private static func storable(_ key: UInt64) -> UInt64 {
        key == emptyKey ? 0x9E37_79B9_7F4A_7C15 : key
    }

    private func findSlot(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: StableHash.mix(key)) & mask
        while slots[slot].key != Self.emptyKey && slots[slot].key != key {
            slot = (slot + 1) & mask
        }
        return slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: Self.emptyKey, head: -1), count: old.count * 2)
        for slot in old where slot.key != Self.emptyKey {
            slots[findSlot(slot.key)] = slot
        }
    }
}

extension BucketMultimap: Codable {
    private enum CodingKeys: String, CodingKey { case keys, heads, items, next, tags }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let keys = try container.decodePacked(UInt64.self, forKey: .keys)
        let heads = try container.decodePacked(Int32.self, forKey: .heads)
        let items = try container.decodePacked(Int32.self, forKey: .items)
        let next = try container.decodePacked(Int32.self, forKey: .next)
        let tags = try container.decodePacked(UInt64.self, forKey: .tags)
        let capacity = keys.count
        try container.require(
            capacity >= 16 && capacity & (capacity - 1) == 0 && heads.count == capacity,
            "bucket table capacity must be a power of two with one head per slot", forKey: .keys)
        try container.require(items.count == next.count && tags.count == items.count,
                              "bucket entries, links and tags differ in length", forKey: .next)
        try container.require(
            heads.allSatisfy { $0 >= -1 && $0 < Int32(items.count) }, "bucket heads point outside the entry list",
            forKey: .heads)
        // A link must point to an older entry, so a corrupted file can never make a lookup loop forever.
        try container.require(
            next.enumerated().allSatisfy { $0.element >= -1 && Int($0.element) < $0.offset }, "bucket links must point backwards",
            forKey: .next)
        slots = zip(keys, heads).map { Slot(key: $0, head: $1) }
        entries = items.indices.map { Entry(item: items[$0], next: next[$0], tag: tags[$0]) }
        used = keys.count { $0 != Self.emptyKey }
        try container.require(used * 4 <= capacity * 3, "bucket table is over-full", forKey: .keys)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodePacked(slots.map(\.key), forKey: .keys)
        try container.encodePacked(slots.map(\.head), forKey: .heads)
        try container.encodePacked(entries.map(\.item), forKey: .items)
        try container.encodePacked(entries.map(\.next), forKey: .next)
        try container.encodePacked(entries.map(\.tag), forKey: .tags)
    }
}
