import Foundation
import GenCore

/// Nearest-neighbour search by centred cosine over the accepted pool, in time that does not grow with it.
///
/// Cosines are taken after subtracting the running mean of everything added (embeddings from a decoder LM
/// all point one way; centring removes that shared direction). Search uses random-hyperplane LSH: each of
/// `tables` tables hashes a vector to the signs of about log2(pool) projections, so a bucket holds about one
/// accepted vector whatever the pool size; a query reads its own bucket and the buckets one uncertain bit
/// away (multi-probe) in every table, all in one batch so their cache misses overlap. Candidates are ranked
/// by the Hamming distance between 64-bit tags (signs on 64 further hyperplanes: a cheap angle estimate,
/// stored inside the bucket entries so ranking costs no extra memory read), and only a short list is
/// verified with the exact centred cosine. The hyperplanes are centred on the mean as it was at the last
/// rebuild (the pool doubling, re-centred up to `recentreLimit`); cosines always use the current mean.
/// Small pools are searched exhaustively. `nearest` is pure; `add` mutates.
public struct VectorIndex: Sendable {
    public let config: VectorIndexConfig
    let projection: SignProjection
    var ids: [String] = []
    var store: VectorStore
    var norms: [Double] = []
    /// Sum, count and squared length of the sum of everything added to the centre (pool and seeds).
    var centreSum: [Double]
    var centreCount: Double = 0
    var centreSumNormSquared: Double = 0
    /// The projection of the centre the hyperplanes were last re-centred on.
    var centreProjection: [Float]
    /// Per row, `sketchWords` words: bit p is the sign of the row's centred projection on plane p. Table t's
    /// bucket code is bits t * maxBits ..< t * maxBits + activeBits; the last word is the row's tag, stored
    /// in its bucket entries too, whose Hamming distance to the query's ranks candidates.
    var sketches: [UInt64] = []
    /// Bits each bucket key uses; 0 until the tables are built.
    public internal(set) var activeBits = 0
    var buckets = ChainedBuckets(slotCount: 1)
    var nextRebuild: Int
    /// Raw projections of the rows while the pool is small enough to be re-centred, so a re-centring only
    /// compares signs instead of projecting every row again. Not saved: rebuilt from the vectors if needed.
    var recentreProjections: [Float] = []

    public init(config: VectorIndexConfig) throws {
        if let problem = config.problem { throw QualityError.invalidConfiguration(problem) }
        self.config = config
        projection = SignProjection(
            inputDimensions: config.dimensions, outputs: config.planes,
            random: SeededRandom(seed: config.seed))
        store = VectorStore(sparse: config.sparse, dimensions: config.dimensions)
        centreSum = Array(repeating: 0, count: config.dimensions)
        centreProjection = Array(repeating: 0, count: config.planes)
        nextRebuild = config.exhaustiveLimit
    }

    public var count: Int { ids.count }

    /// An item for this index; fails when the vector has the wrong kind or length, or holds NaN.
    public func item(id: String, vector: FeatureVector) throws -> VectorItem {
        if let problem = vector.problem(dimensions: config.dimensions, sparse: config.sparse) { throw problem }
        return item(id: id, checkedVector: vector)
    }

    func item(id: String, checkedVector vector: FeatureVector) -> VectorItem {
        VectorItem(id: id, vector: vector, projection: projection.project(vector))
    }

    /// The most similar item among the pool and `pending`, or nil when both are empty.
    public func nearest(to item: VectorItem, pending: [VectorItem] = []) -> NearestNeighbour? {
        let query = centredQuery(item)
        var best: NearestNeighbour?
        func consider(_ id: String, _ cosine: Double) {
            if cosine > best?.cosine ?? -.infinity { best = NearestNeighbour(id: id, cosine: cosine) }
        }
        for other in pending {
            let dot = item.vector.dot(other.vector)
            consider(other.id, query.cosine(dot: dot, otherDotSum: other.vector.dot(centreSum), otherNormSquared: other.normSquared))
        }
        if activeBits == 0 {
            for row in 0..<count { consider(ids[row], cosine(query, row: row)) }
        } else {
            for row in shortlist(for: item) { consider(ids[row], cosine(query, row: row)) }
        }
        return best
    }

    /// The exact nearest neighbour in the pool by scanning it all: for tests and recall measurements only.
    public func nearestExhaustive(to item: VectorItem) -> NearestNeighbour? {
        let query = centredQuery(item)
        var best: NearestNeighbour?
        for row in 0..<count {
            let value = cosine(query, row: row)
            if value > best?.cosine ?? -.infinity { best = NearestNeighbour(id: ids[row], cosine: value) }
        }
        return best
    }

    /// The centred cosine of two items under the current centre.
    public func centredCosine(_ first: VectorItem, _ second: VectorItem) -> Double {
        centredQuery(first).cosine(
            dot: first.vector.dot(second.vector), otherDotSum: second.vector.dot(centreSum),
            otherNormSquared: second.normSquared)
    }

    /// Adds an accepted item: it becomes a neighbour and moves the centre.
    public mutating func add(_ item: VectorItem) {
        let row = count
        ids.append(item.id)
        store.append(item.vector)
        norms.append(item.normSquared)
        if row < config.recentreLimit { recentreProjections.append(contentsOf: item.projection) }
        addToCentre(item.vector)
        if activeBits > 0 {
            sketches.append(contentsOf: sketch(ofProjection: item.projection))
            insertIntoBuckets(row: row)
        }
        if count >= nextRebuild { rebuild() }
    }

    /// Moves the centre without adding a neighbour (seed examples, so the first samples are centred too).
    public mutating func addToCentre(_ vector: FeatureVector) {
        centreSumNormSquared += 2 * vector.dot(centreSum) + vector.normSquared
        switch vector {
        case .sparse(let indices, let values):
            for (index, value) in zip(indices, values) { centreSum[Int(index)] += Double(value) }
        case .dense(let values):
            for (index, value) in values.enumerated() { centreSum[index] += Double(value) }
        }
        centreCount += 1
    }

    // MARK: - Centred cosines

    /// A query with the terms of the centred cosine that do not depend on the other vector.
    struct CentredQuery {
        let vector: FeatureVector
        let dotSum: Double, normSquared: Double, scale: Double, sumNormSquared: Double

        /// cos(x - m, y - m) with m = sum * scale, from dot products only (no dense copy of either vector).
        func cosine(dot: Double, otherDotSum: Double, otherNormSquared: Double) -> Double {
            let meanSquared = sumNormSquared * scale * scale
            let numerator = dot - (dotSum + otherDotSum) * scale + meanSquared
            let left = normSquared - 2 * dotSum * scale + meanSquared
            let right = otherNormSquared - 2 * otherDotSum * scale + meanSquared
            guard left > 1e-12, right > 1e-12 else { return 0 }
            return Swift.min(1, Swift.max(-1, numerator / (left * right).squareRoot()))
        }
    }

    private func centredQuery(_ item: VectorItem) -> CentredQuery {
        CentredQuery(
            vector: item.vector, dotSum: item.vector.dot(centreSum), normSquared: item.normSquared,
            scale: 1 / (centreCount + config.centrePseudoCount), sumNormSquared: centreSumNormSquared)
    }

    /// The row's dot with the sum is recomputed (O(non-zeros)): a cached one would go stale as the centre moves.
    private func cosine(_ query: CentredQuery, row: Int) -> Double {
        query.cosine(dot: store.dot(row, query.vector), otherDotSum: store.dot(row, centreSum),
                     otherNormSquared: norms[row])
    }
}
