import GenCore

/// Semantic novelty of samples against the accepted pool, from in-process hashed TF-IDF vectors or from
/// embeddings the caller got from a model. `check` is pure; `accept` mutates.
public struct NoveltyIndex: Sendable {
    /// The TF-IDF featuriser, or nil when vectors are embeddings supplied by the caller.
    public private(set) var featuriser: HashedTFIDF?
    public private(set) var vectors: VectorIndex
    public var scale: NoveltyScale

    /// Novelty from hashed TF-IDF vectors of the sample text.
    public static func tfidf(
        dimensions: Int = 1 << 15, scale: NoveltyScale = NoveltyScale(), search: NearestNeighbourSearch = .init(),
        random: SeededRandom
    ) throws -> NoveltyIndex {
        let featuriser = try HashedTFIDF(dimensions: dimensions)
        let config = search.config(dimensions: dimensions, sparse: true, seed: random.derived("novelty-lsh").state)
        return try NoveltyIndex(featuriser: featuriser, vectors: VectorIndex(config: config), scale: scale)
    }

    /// Novelty from embeddings of `dimensions` values each.
    public static func embeddings(
        dimensions: Int, scale: NoveltyScale = NoveltyScale(), search: NearestNeighbourSearch = .init(),
        random: SeededRandom
    ) throws -> NoveltyIndex {
        let config = search.config(dimensions: dimensions, sparse: false, seed: random.derived("novelty-lsh").state)
        return try NoveltyIndex(featuriser: nil, vectors: VectorIndex(config: config), scale: scale)
    }

    init(featuriser: HashedTFIDF?, vectors: VectorIndex, scale: NoveltyScale) throws {
        if let problem = scale.problem { throw QualityError.invalidConfiguration(problem) }
        self.featuriser = featuriser
        self.vectors = vectors
        self.scale = scale
    }

    public var count: Int { vectors.count }

    /// The TF-IDF item of a text (under the current document frequencies).
    public func item(id: String, text: NormalizedText) throws -> VectorItem {
        guard let featuriser else {
            throw QualityError.invalidConfiguration("this novelty index takes embeddings, not texts")
        }
        return vectors.item(id: id, checkedVector: featuriser.vector(text))
    }

    /// The item of an embedding; fails on a wrong length or NaN.
    public func item(id: String, embedding: [Float]) throws -> VectorItem {
        guard featuriser == nil else {
            throw QualityError.invalidConfiguration("this novelty index makes its own TF-IDF vectors from texts")
        }
        return try vectors.item(id: id, vector: .dense(embedding))
    }

    /// Distance to the nearest accepted sample or `pending` sample, novelty, and whether it is a duplicate.
    public func check(_ item: VectorItem, pending: [VectorItem] = []) -> NoveltyVerdict {
        guard let nearest = vectors.nearest(to: item, pending: pending) else {
            return NoveltyVerdict(nearest: nil, distance: 1, novelty: scale.novelty(distance: 1), isSemanticDuplicate: false)
        }
        let distance = 1 - nearest.cosine
        return NoveltyVerdict(
            nearest: nearest, distance: distance, novelty: scale.novelty(distance: distance),
            isSemanticDuplicate: nearest.cosine >= scale.duplicateCosine)
    }

    /// Adds an accepted sample: a new neighbour, a moved centre, and (TF-IDF) new document frequencies.
    public mutating func accept(_ item: VectorItem) {
        featuriser?.add(item.vector)
        vectors.add(item)
    }

    /// Calibrates on seed or real texts (TF-IDF mode): they count as documents and move the centre (they are
    /// not neighbours), and the reference distance becomes their median nearest-neighbour distance.
    /// Returns that distance, or nil when there are fewer than two usable seeds.
    @discardableResult
    public mutating func calibrate(seedTexts: [NormalizedText]) throws -> Double? {
        guard var featuriser else {
            throw QualityError.invalidConfiguration("this novelty index takes embeddings; calibrate with seed embeddings")
        }
        let texts = seedTexts.filter { $0.wordCount > 0 }
        for text in texts { featuriser.add(featuriser.vector(text)) }
        self.featuriser = featuriser
        let items = texts.enumerated().map { vectors.item(id: "seed\($0.offset)", checkedVector: featuriser.vector($0.element)) }
        return calibrate(items)
    }

    /// Calibrates on embeddings of seed or real examples (embedding mode).
    @discardableResult
    public mutating func calibrate(seedEmbeddings: [[Float]]) throws -> Double? {
        let items = try seedEmbeddings.enumerated().map { try item(id: "seed\($0.offset)", embedding: $0.element) }
        return calibrate(items)
    }

    /// At most this many seeds enter the median (all pairs are compared).
    static let calibrationLimit = 1000

    private mutating func calibrate(_ items: [VectorItem]) -> Double? {
        for item in items { vectors.addToCentre(item.vector) }
        let sample = Array(items.prefix(Self.calibrationLimit))
        guard sample.count >= 2 else { return nil }
        var distances = [Double]()
        for (index, item) in sample.enumerated() {
            var best = -1.0
            for (other, candidate) in sample.enumerated() where other != index {
                best = Swift.max(best, vectors.centredCosine(item, candidate))
            }
            distances.append(1 - best)
        }
        distances.sort()
        let median = distances[distances.count / 2]
        scale.referenceDistance = Swift.min(2, Swift.max(median, scale.floor + 0.05))
        return median
    }
}

extension NoveltyIndex: Codable {
    private enum CodingKeys: String, CodingKey { case featuriser, vectors, scale }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let featuriser = try container.decodeIfPresent(HashedTFIDF.self, forKey: .featuriser)
        let vectors = try container.decode(VectorIndex.self, forKey: .vectors)
        try container.require(
            featuriser.map { $0.dimensions == vectors.config.dimensions && vectors.config.sparse } ?? !vectors.config.sparse,
            "featuriser and vector index disagree", forKey: .vectors)
        try self.init(featuriser: featuriser, vectors: vectors, scale: try container.decode(NoveltyScale.self, forKey: .scale))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(featuriser, forKey: .featuriser)
        try container.encode(vectors, forKey: .vectors)
        try container.encode(scale, forKey: .scale)
    }
}
