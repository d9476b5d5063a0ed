/// Saved state: the settings, the ids, the exact-hash map and the signature tables. The MinHash functions are
/// rebuilt from the seed. Inconsistent state fails to decode with a clear message rather than crashing later.
extension DedupIndex: Codable {
    private enum CodingKeys: String, CodingKey {
        case config, ids, exactHashes, exactItems, tables
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(config: try container.decode(DedupConfig.self, forKey: .config))
        let ids = try container.decode([String].self, forKey: .ids)
        let hashes = try container.decodePacked(UInt64.self, forKey: .exactHashes)
        let items = try container.decodePacked(Int32.self, forKey: .exactItems)
        try container.require(hashes.count == items.count, "exact hashes and items differ in length", forKey: .exactItems)
        try container.require(
            items.allSatisfy { $0 >= 0 && Int($0) < ids.count }, "exact map points outside the pool", forKey: .exactItems)
        let tables = try container.decode([ShingleKind: SignatureTable].self, forKey: .tables)
        for table in tables.values {
            try container.require(
                table.permutations == config.permutations
                    && table.items.allSatisfy { $0 >= 0 && Int($0) < ids.count },
                "a signature table does not match the pool or the settings", forKey: .tables)
        }
        self.restore(ids: ids, exact: Dictionary(zip(hashes, items), uniquingKeysWith: min), tables: tables)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let state = savedState
        let exact = state.exact.sorted { $0.key < $1.key }  // sorted so the same pool saves to the same bytes
        try container.encode(config, forKey: .config)
        try container.encode(state.ids, forKey: .ids)
        try container.encodePacked(exact.map(\.key), forKey: .exactHashes)
        try container.encodePacked(exact.map(\.value), forKey: .exactItems)
        try container.encode(state.tables, forKey: .tables)
    }
}

extension SignatureTable: Codable {
    private enum CodingKeys: String, CodingKey { case permutations, items, signatures, buckets }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let permutations = try container.decode(Int.self, forKey: .permutations)
        let items = try container.decodePacked(Int32.self, forKey: .items)
        let signatures = try container.decodePacked(UInt32.self, forKey: .signatures)
        let buckets = try container.decode(BucketMultimap.self, forKey: .buckets)
        try container.require(
            permutations > 0 && signatures.count == items.count * permutations,
            "signatures do not match the item count", forKey: .signatures)
        try container.require(
            buckets.items.allSatisfy { $0 >= 0 && Int($0) < items.count }, "bucket points outside the table",
            forKey: .buckets)
        self.init(permutations: permutations, items: items, signatures: signatures, buckets: buckets)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(permutations, forKey: .permutations)
        try container.encodePacked(items, forKey: .items)
        try container.encodePacked(signatures, forKey: .signatures)
        try container.encode(buckets, forKey: .buckets)
    }
}
