import GenCore
/// Turns the distance to the nearest accepted sample into a novelty in [0, 1]:
/// `novelty = clip((d - floor) / (referenceDistance - floor), 0, 1)` with `d = 1 - max centred cosine`.
///
/// `referenceDistance` (d_ref) is what "as novel as real data" means: the median nearest-neighbour distance
/// among seed or real examples (`NoveltyIndex.calibrate`). Without seeds it defaults to the median measured
/// on real data (see `defaultReferenceDistance`).
public struct NoveltyScale: Codable, Sendable, Equatable {
    /// Distances at or below this count as zero novelty.
    public var floor: Double
    public var referenceDistance: Double
    /// A centred cosine at or above this is a semantic duplicate (a hard reject).
    public var duplicateCosine: Double

    /// Median nearest-neighbour distance of centred hashed TF-IDF vectors among up to 1,000 real texts
    /// (SST-2 0.898, AG News 0.898, SMS spam 0.853, by `QualityBenchmark.referenceDistances`; mean 0.883).
    /// An embedding model needs its own calibration.
    public static let defaultReferenceDistance = 0.88

    public init(floor: Double = 0.05, referenceDistance: Double = NoveltyScale.defaultReferenceDistance,
                duplicateCosine: Double = 0.95) {
        self.floor = floor
        self.referenceDistance = referenceDistance
        self.duplicateCosine = duplicateCosine
    }

    public func novelty(distance: Double) -> Double {
        let span = Swift.max(referenceDistance - floor, 1e-6)
        return Swift.min(1, Swift.max(0, (distance - floor) / span))
    }

    /// Why these settings cannot work, or nil.
    public var problem: String? {
        if !(0..<1).contains(floor) { return "novelty floor \(floor) must be in [0, 1)" }
        if !(referenceDistance > floor && referenceDistance <= 2) {
            return "reference distance \(referenceDistance) must be above the floor (\(floor)) and at most 2"
        }
        if !(duplicateCosine > 0 && duplicateCosine <= 1) { return "duplicate cosine \(duplicateCosine) must be in (0, 1]" }
        return nil
    }
}

/// The outcome of a novelty check.
public struct NoveltyVerdict: Sendable, Equatable {
    /// The most similar sample found in the pool or the pending batch; nil when both are empty.
    public let nearest: NearestNeighbour?
    /// 1 - centred cosine to `nearest` (1 when there is none).
    public let distance: Double
    public let novelty: Double
    public let isSemanticDuplicate: Bool

    public var reason: String? {
        guard isSemanticDuplicate, let nearest else { return nil }
        return "semantic duplicate of `\(nearest.id)` (cosine \(NumberText.fixed(nearest.cosine, 3)))"
    }
}
