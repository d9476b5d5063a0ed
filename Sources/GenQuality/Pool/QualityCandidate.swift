import GenCore

/// A generated sample entering the quality stages.
public struct QualityCandidate: Sendable, Equatable {
    /// Unique within the run; reported as the match when a later sample duplicates this one.
    public let id: String
    /// The arm that generated it (for per-arm metrics).
    public let arm: String
    public let sample: JSONValue
    /// The sample text's embedding, when novelty uses a model (`QualityConfig.embeddingDimensions`).
    public let embedding: [Float]?

    public init(id: String, arm: String, sample: JSONValue, embedding: [Float]? = nil) {
        self.id = id
        self.arm = arm
        self.sample = sample
        self.embedding = embedding
    }
}

/// A candidate with everything the in-process stages compute from it, made once by `QualityPool.prepare`.
public struct PreparedSample: Sendable {
    public let id: String
    public let arm: String
    public let schema: SchemaValidation
    /// The text that dedup, novelty and diversity compare (before normalisation).
    public let text: String
    let normalized: NormalizedText
    /// Nil when the sample failed its schema (later stages do not run).
    public let fingerprint: DedupFingerprint?
    public let vector: VectorItem?
    let diversity: DiversityTracker.Features?
    /// Set when the supplied embedding was unusable.
    let vectorProblem: String?
}

/// Why a sample was rejected. `stage` is `schema`, `dedup`, `novelty`, `vector`, or a name the run loop
/// gives its own gates (`rule "no card number"`).
public struct Rejection: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The in-process gate that rejected.
    public enum Stage: String, Codable, Sendable {
        case schema, dedup, novelty, vector
    }

    public let stage: Stage
    public let reason: String
    /// JSON path of the offending value, for schema rejections.
    public let path: String?

    public init(stage: Stage, reason: String, path: String? = nil) {
        self.stage = stage
        self.reason = reason
        self.path = path
    }

    public var description: String { "\(stage): \(reason)" }
}

/// The in-process verdict on one sample. The run loop may add its own rejections (rules, model checks)
/// before deciding whether to accept.
public struct SampleAssessment: Sendable {
    public let id: String
    public let arm: String
    public private(set) var rejections: [Rejection]
    public let dedup: DedupVerdict?
    public let novelty: NoveltyVerdict?

    init(id: String, arm: String, rejections: [Rejection], dedup: DedupVerdict?, novelty: NoveltyVerdict?) {
        self.id = id
        self.arm = arm
        self.rejections = rejections
        self.dedup = dedup
        self.novelty = novelty
    }

    /// Every hard gate passed so far.
    public var passed: Bool { rejections.isEmpty }

    /// Exact, near or semantic duplicate.
    public var isDuplicate: Bool { (dedup?.isDuplicate ?? false) || (novelty?.isSemanticDuplicate ?? false) }

}
