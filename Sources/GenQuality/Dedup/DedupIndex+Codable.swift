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
                table.permutations == config.permutations && table.bands == config.bands
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

/// Saved as items and signatures; the band buckets are refilled from the signatures.
extension SignatureTable: Codable {
    private enum CodingKeys: String, CodingKey { case permutations, bands, items, signatures }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let permutations = try container.decode(Int.self, forKey: .permutations)
        let bands = try container.decode(Int.self, forKey: .bands)
        let items = try container.decodePacked(Int32.self, forKey: .items)
        let signatures = try container.decodePacked(UInt32.self, forKey: .signatures)
        try container.require(
            permutations > 0 && bands > 0 && permutations % bands == 0, "bands must divide the permutations",
            forKey: .bands)
        try container.require(
            signatures.count == items.count * permutations, "signatures do not match the item count", forKey: .signatures)
        self.init(permutations: permutations, bands: bands, items: items, signatures: signatures)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(permutations, forKey: .permutations)
        try container.encode(bands, forKey: .bands)
        try container.encodePacked(items, forKey: .items)
        try container.encodePacked(signatures, forKey: .signatures)
    }
}
