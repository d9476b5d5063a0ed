/// The MinHash signatures of one shingle kind with their LSH band buckets.
struct SignatureTable: Sendable, Equatable {
    let permutations: Int
    /// Item numbers, in insertion order, and their signatures (row-major, `permutations` values each).
    private(set) var items: [Int32] = []
    private(set) var signatures: [UInt32] = []
    /// Band key (band number mixed with its rows) -> row numbers in `items`.
    private(set) var buckets = BucketMultimap()

    init(permutations: Int) {
        self.permutations = permutations
    }

    init(permutations: Int, items: [Int32], signatures: [UInt32], buckets: BucketMultimap) {
        self.permutations = permutations
        self.items = items
        self.signatures = signatures
        self.buckets = buckets
    }

    mutating func insert(item: Int32, signature: [UInt32], bands: Int) {
        let row = Int32(items.count)
        items.append(item)
        signatures.append(contentsOf: signature)
        for band in 0..<bands {
            buckets.insert(key: Self.bandKey(signature[...], band: band, bands: bands), item: row)
        }
    }

    /// Items sharing at least one band with `signature`, each once, with the estimated Jaccard.
    func similarItems(to signature: [UInt32], bands: Int) -> [(item: Int32, jaccard: Double)] {
        var seen = Set<Int32>()
        var result: [(Int32, Double)] = []
        let keys = (0..<bands).map { Self.bandKey(signature[...], band: $0, bands: bands) }
        do {
            buckets.forEach(keys: keys) { row, _ in
                guard seen.insert(row).inserted else { return }
                let start = Int(row) * permutations
                let jaccard = MinHasher.similarity(signature[...], signatures[start..<start + permutations])
                result.append((items[Int(row)], jaccard))
            }
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
