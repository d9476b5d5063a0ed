import GenCore
import GenGeneration
import GenStore

/// The quality stage's verdict on one candidate, with every check's outcome and the raw components the
/// reward is computed from (kept so a reward can be recomputed offline with other weights).
public struct Assessment: Sendable, Equatable {
    /// Every hard gate passed (readable, schema, rules, not a duplicate, thresholds).
    public var passed: Bool
    /// Why not, one reason per failed gate, in stage order.
    public var reasons: [String]
    public var checks: [CheckRecord]
    /// Weighted mean of the score stages, in [0, 1] (1 when the script declares no score).
    public var quality: Double
    /// Distance to the accepted pool, calibrated to [0, 1].
    public var novelty: Double
    /// Each score stage's value by name.
    public var scores: [String: Double]
    /// Tokens spent on model checks for this candidate (counted against its arm).
    public var judgeTokens: Int
    /// What the model checks cost at their models' prices; nil when none of them has a price.
    public var judgeDollars: Double?
    /// For a sample that passed: the order-2 Vendi gain it brings to the pool as it was before its batch
    /// (0 otherwise). Summed per arm and batch, it is the reward's `diversity_gain`.
    public var diversityGain: Double = 0
    /// The sample as it enters the dataset (undeclared fields stripped, null optionals dropped); nil keeps the
    /// candidate's own.
    public var cleanedSample: JSONValue?

    public init(
        passed: Bool, reasons: [String], checks: [CheckRecord] = [], quality: Double = 1, novelty: Double = 1,
        scores: [String: Double] = [:], judgeTokens: Int = 0
    ) {
        self.passed = passed
        self.reasons = reasons
        self.checks = checks
        self.quality = quality
        self.novelty = novelty
        self.scores = scores
        self.judgeTokens = judgeTokens
    }
}

/// The quality layer as the run loop sees it. A batch is assessed against the accepted pool plus the
/// earlier samples of the same batch; the pool only grows when the loop commits what it accepted, so a
/// batch lost to a crash leaves no trace.
public protocol QualityAssessor: Sendable {
    /// One assessment per candidate, in order. Unreadable candidates (no sample) are rejected with their failure.
    func assess(_ candidates: [Candidate]) async throws -> [Assessment]
    /// Adds accepted samples to the pool (after the batch is durably stored).
    func commit(accepted: [JSONValue]) async
    /// Batch-level figures for the reward and the report (diversity, vendi, distinct-n, ...).
    func poolMetrics() async -> MetricValues
}
