/// Saved state: settings, ids, packed vectors, the centre, the frozen centre projection and the sketches. The
/// hyperplanes come back from the seed and the buckets are refilled from the sketches, so neither is saved.
extension VectorIndex: Codable {
    private enum CodingKeys: String, CodingKey {
        case config, ids, starts, indices, values, centreSum, centreSumNormSquared, centreCount, centreProjection, sketches, activeBits, nextRebuild
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(config: try container.decode(VectorIndexConfig.self, forKey: .config))
        let ids = try container.decode([String].self, forKey: .ids)
        let indices = try container.decodePacked(UInt32.self, forKey: .indices)
        let values = try container.decodePackedFloats(forKey: .values)
        try container.require(!config.sparse || indices.count == values.count, "sparse indices and values differ in length",
                              forKey: .values)
        let store = VectorStore(
            sparse: config.sparse, dimensions: config.dimensions,
            starts: try container.decodePacked(Int32.self, forKey: .starts), indices: indices, values: values)
        if let problem = store.problem { try container.require(false, problem, forKey: .values) }
        try container.require(store.count == ids.count, "stored vectors do not match the ids", forKey: .values)
        let sum = try container.decodePackedDoubles(forKey: .centreSum)
        try container.require(
            sum.count == config.dimensions && sum.allSatisfy(\.isFinite), "centre does not match the dimensions",
            forKey: .centreSum)
        let projectedCentre = try container.decodePackedFloats(forKey: .centreProjection)
        try container.require(projectedCentre.count == centreProjection.count, "centre projection has the wrong length",
                              forKey: .centreProjection)
        let sketches = try container.decodePacked(UInt64.self, forKey: .sketches)
        let bits = try container.decode(Int.self, forKey: .activeBits)
        try container.require((0...config.maxBits).contains(bits), "active bits out of range", forKey: .activeBits)
        try container.require(sketches.count == (bits > 0 ? ids.count * sketchWords : 0), "sketches do not match the pool",
                              forKey: .sketches)
        self.ids = ids
        self.store = store
        for row in 0..<ids.count { norms.append(store.vector(row).normSquared) }
        // Saved rather than recomputed: the running value's rounding must carry over for identical results.
        centreSumNormSquared = try container.decode(Double.self, forKey: .centreSumNormSquared)
        try container.require(centreSumNormSquared.isFinite && centreSumNormSquared >= 0, "centre length is invalid",
                              forKey: .centreSumNormSquared)
        centreSum = sum
        centreCount = try container.decode(Double.self, forKey: .centreCount)
        centreProjection = projectedCentre
        self.sketches = sketches
        activeBits = bits
        nextRebuild = try container.decode(Int.self, forKey: .nextRebuild)
        try container.require(nextRebuild > ids.count || bits == 0 && nextRebuild == config.exhaustiveLimit,
                              "next rebuild size is inconsistent with the pool", forKey: .nextRebuild)
        if bits > 0 {
            // As the live index has them: filled at the last rebuild (at half the next one), then row by row.
            let rebuiltRows = Swift.min(nextRebuild / 2, ids.count)
            buckets = filledBuckets(rows: rebuiltRows)
            for row in rebuiltRows..<ids.count { insertIntoBuckets(row: row) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(config, forKey: .config)
        try container.encode(ids, forKey: .ids)
        try container.encodePacked(store.starts, forKey: .starts)
        try container.encodePacked(store.indices, forKey: .indices)
        try container.encodePacked(store.values, forKey: .values)
        try container.encodePacked(centreSum, forKey: .centreSum)
        try container.encode(centreSumNormSquared, forKey: .centreSumNormSquared)
        try container.encode(centreCount, forKey: .centreCount)
        try container.encodePacked(centreProjection, forKey: .centreProjection)
        try container.encodePacked(sketches, forKey: .sketches)
        try container.encode(activeBits, forKey: .activeBits)
        try container.encode(nextRebuild, forKey: .nextRebuild)
    }
}
