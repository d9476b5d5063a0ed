/// Settings of the dedup index. The defaults follow the research notes: 128 permutations, 16 bands of 8 rows.
public struct DedupConfig: Codable, Sendable, Equatable {
    /// Estimated Jaccard at or above which a sample is a near duplicate (the script's `dedup near(x)`).
    public var nearThreshold: Double
    public var permutations: Int
    /// LSH bands; `permutations / bands` rows each. With 16 x 8 a pair at Jaccard 0.7 becomes a candidate
    /// with probability 0.61, at 0.8 with 0.95, at 0.9 with 1.00, at 0.3 with 0.001.
    public var bands: Int
    /// Seed of the MinHash functions (derived from the run seed).
    public var seed: UInt64

    public init(nearThreshold: Double = 0.7, permutations: Int = 128, bands: Int = 16, seed: UInt64 = 0x6465_6475_70) {
        self.nearThreshold = nearThreshold
        self.permutations = permutations
        self.bands = bands
        self.seed = seed
    }

    public var rowsPerBand: Int { permutations / max(bands, 1) }

    /// Why these settings cannot work, or nil when they are fine.
    public var problem: String? {
        if !(0...1).contains(nearThreshold) { return "near-duplicate threshold \(nearThreshold) must be between 0 and 1" }
        if permutations < 1 || permutations > 4096 { return "permutations \(permutations) must be between 1 and 4096" }
        if bands < 1 || permutations % bands != 0 {
            return "bands \(bands) must divide the number of permutations (\(permutations))"
        }
        return nil
    }
}
