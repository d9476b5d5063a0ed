import GenCore
/// The MinHash signatures of one shingle kind with their LSH band buckets.
struct SignatureTable: Sendable {
    let permutations: Int
    /// LSH bands; `permutations / bands` rows each.
    let bands: Int
    /// Item numbers, in insertion order, and their signatures (row-major, `permutations` values each).
    private(set) var items: [Int32] = []
    private(set) var signatures: [UInt32] = []
    /// Band key (band number mixed with its rows) -> row numbers in `items`.
    private var buckets = BandTable()

    init(permutations: Int, bands: Int) {
        self.permutations = permutations
        self.bands = bands
    }

    /// A table refilled from saved items and signatures (the buckets follow from the signatures).
    init(permutations: Int, bands: Int, items: [Int32], signatures: [UInt32]) {
        self.init(permutations: permutations, bands: bands)
        self.items = items
        self.signatures = signatures
        for row in items.indices { link(row: row) }
    }

    mutating func insert(item: Int32, signature: [UInt32]) {
        items.append(item)
        signatures.append(contentsOf: signature)
        link(row: items.count - 1)
    }

    private mutating func link(row: Int) {
        let start = row * permutations
        for band in 0..<bands {
            let key = Self.bandKey(signatures[start..<start + permutations], band: band, bands: bands)
            buckets.insert(key: key, row: Int32(row))
        }
    }

    /// Items sharing at least one band with `signature`, each once, with the estimated Jaccard.
    func similarItems(to signature: [UInt32]) -> [(item: Int32, jaccard: Double)] {
        var result: [(item: Int32, jaccard: Double)] = []
        var rows = DistinctRows()
        let keys = (0..<bands).map { Self.bandKey(signature[...], band: $0, bands: bands) }
        buckets.forEach(keys: keys) { row in
            guard rows.insert(row) else { return }
            let start = Int(row) * permutations
            result.append((items[Int(row)], MinHasher.similarity(signature[...], signatures[start..<start + permutations])))
        }
        return result
    }

    static func bandKey(_ signature: ArraySlice<UInt32>, band: Int, bands: Int) -> UInt64 {
        let rows = signature.count / bands
        let start = signature.startIndex + band * rows
        var key = StableHash.mix(UInt64(band) &+ 0x6C62_272E_07BB_0142)
        for value in signature[start..<start + rows] { key = StableHash.combine(key, UInt64(value)) }
        return key
    }
}

/// Rows seen in one lookup: a short array while there are few (the usual case), a set beyond that, so a
/// pool of many similar samples does not make a lookup quadratic.
private struct DistinctRows {
    private var few: [Int32] = []
    private var many: Set<Int32>?

    /// Adds the row; false when it was already there.
    mutating func insert(_ row: Int32) -> Bool {
        if many != nil { return many!.insert(row).inserted }
        if few.contains(row) { return false }
        few.append(row)
        if few.count > 32 { many = Set(few) }
        return true
    }
}
