/// Settings of the in-process quality stages; the script's `dedup` and `diversity` entries map onto them.
public struct QualityConfig: Codable, Sendable, Equatable {
    public var dedup: DedupConfig
    public var novelty: NoveltyScale
    /// Nearest-neighbour search settings for novelty.
    public var search: NearestNeighbourSearch
    /// Hashed TF-IDF buckets (a power of two) when novelty is computed in process.
    public var tfidfDimensions: Int
    /// Set when the caller supplies an embedding with every candidate; nil for in-process TF-IDF vectors.
    public var embeddingDimensions: Int?
    /// Projection size for the Vendi score (a multiple of 8); Vendi saturates near this value.
    public var vendiDimensions: Int
    public var extraFields: ExtraFieldPolicy
    /// Which top-level fields make the text that dedup, novelty and diversity see; nil means every declared
    /// string field (not enums) in schema order.
    public var textFields: [String]?
    /// Every stochastic part (MinHash, hyperplanes, projections) derives its stream from this.
    public var seed: UInt64

    public init(
        dedup: DedupConfig? = nil, novelty: NoveltyScale = NoveltyScale(), search: NearestNeighbourSearch = .init(),
        tfidfDimensions: Int = 1 << 15,
        embeddingDimensions: Int? = nil, vendiDimensions: Int = 128, extraFields: ExtraFieldPolicy = .strip,
        textFields: [String]? = nil, seed: UInt64 = 0
    ) {
        self.dedup = dedup ?? DedupConfig(seed: SeededRandomSeeds.derive(seed, "dedup"))
        self.novelty = novelty
        self.search = search
        self.tfidfDimensions = tfidfDimensions
        self.embeddingDimensions = embeddingDimensions
        self.vendiDimensions = vendiDimensions
        self.extraFields = extraFields
        self.textFields = textFields
        self.seed = seed
    }
}
