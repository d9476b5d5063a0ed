/// Diversity of the accepted set: order-2 Vendi over low-dimensional random projections of the samples'
/// vectors, plus distinct-n and n-gram entropy of their words. `gain` is pure; `accept` mutates and returns
/// the sample's marginal Vendi gain (what `diversity_gain` adds up).
///
/// The projection is the first `vendiDimensions` hyperplane projections the novelty index already computed
/// for the sample (random +-1 directions, so angles are preserved up to about 1/sqrt(dimensions)); it is
/// centred on the running mean of the accepted projections (linear, so kept in the projected space) and
/// scaled to unit length. Vendi_2 cannot exceed the dimension, so it saturates near `vendiDimensions`.
public struct DiversityTracker: Sendable {
    public private(set) var vendi: VendiTracker
    public private(set) var lexical = LexicalDiversity()
    /// Sum of the accepted (uncentred) projections: the centre is sum / (count + 8).
    private(set) var projectedSum: [Double]

    public init(vendiDimensions: Int = 128) throws {
        guard (8...1024).contains(vendiDimensions), vendiDimensions % 8 == 0 else {
            throw QualityError.invalidConfiguration("Vendi dimensions \(vendiDimensions) must be a multiple of 8 from 8 to 1024")
        }
        vendi = VendiTracker(dimensions: vendiDimensions)
        projectedSum = Array(repeating: 0, count: vendiDimensions)
    }

    public var vendiDimensions: Int { vendi.dimensions }

    /// What the tracker needs of one sample.
    public struct Features: Sendable, Equatable {
        /// Uncentred projection (what the centre accumulates).
        let projected: [Float]
        /// Centred, unit-length projection (what Vendi sees).
        let unit: [Float]
        let text: NormalizedText
    }

    /// The features of a sample from a random projection of its vector (at least `vendiDimensions` values;
    /// the first ones are used) and its normalised text.
    public func features(projection: [Float], text: NormalizedText) -> Features {
        let projected = Array(projection.prefix(vendiDimensions))
            + Array(repeating: 0, count: Swift.max(0, vendiDimensions - projection.count))
        let scale = 1 / (Double(vendi.count) + 8)
        var centred = zip(projected, projectedSum).map { Double($0) - $1 * scale }
        let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
        centred = norm > 1e-12 ? centred.map { $0 / norm } : centred.map { _ in 0 }
        return Features(projected: projected, unit: centred.map { Float($0) }, text: text)
    }

    /// The Vendi gain the sample would bring (pure).
    public func gain(_ features: Features) -> Double {
        vendi.gain(of: features.unit)
    }

    /// Adds an accepted sample; returns its Vendi gain.
    @discardableResult
    public mutating func accept(_ features: Features) -> Double {
        for (index, value) in features.projected.enumerated() { projectedSum[index] += Double(value) }
        lexical.add(features.text)
        return vendi.add(features.unit)
    }

    /// The current figures of the accepted set.
    public var snapshot: DiversitySnapshot {
        DiversitySnapshot(
            count: vendi.count, vendi: vendi.score, distinct1: lexical.distinct1, distinct2: lexical.distinct2,
            unigramEntropy: lexical.unigramEntropy, bigramEntropy: lexical.bigramEntropy)
    }

    init(vendi: VendiTracker, lexical: LexicalDiversity, projectedSum: [Double]) {
        self.vendi = vendi
        self.lexical = lexical
        self.projectedSum = projectedSum
    }
}

/// Dataset-level diversity figures at one point in the run.
public struct DiversitySnapshot: Codable, Sendable, Equatable {
    public var count: Int
    public var vendi: Double
    public var distinct1: Double
    public var distinct2: Double
    /// Shannon entropy of word and word-pair frequencies, in bits.
    public var unigramEntropy: Double
    public var bigramEntropy: Double

    /// The names the reward expression and reports use.
    public var variables: [String: Double] {
        [
            "pool_size": Double(count), "vendi": vendi, "distinct_1": distinct1, "distinct_2": distinct2,
            "entropy_1": unigramEntropy, "entropy_2": bigramEntropy,
        ]
    }
}
