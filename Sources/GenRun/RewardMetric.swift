import GenPipeline

/// Every metric the run binds in the reward expression, as one typed table: the checker's list of reward names
/// is `RewardMetric.table` (through the engine's capabilities), and `RewardInputs` holds a value for each case,
/// so a name the checker accepts always has a value at run time.
public enum RewardMetric: String, CaseIterable, Sendable, Codable {
    case passed, quality, novelty, cost
    case relativeCost = "relative_cost"
    case acceptRate = "accept_rate"
    case dupRate = "dup_rate"
    case meanScore = "mean_score"
    case meanNovelty = "mean_novelty"
    case tokens, latency
    case tokensPerAccepted = "tokens_per_accepted"
    case costPerAccepted = "cost_per_accepted"
    case diversityGain = "diversity_gain"
    case vendi
    case distinct1 = "distinct_1"
    case distinct2 = "distinct_2"
    case poolSize = "pool_size"

    /// The record of the sample's score values by score name (`scores["label fits"]`).
    public static let scoresName = "scores"

    public var name: String { rawValue }

    public var scope: RewardMetricSpec.Scope {
        switch self {
        case .passed, .quality, .novelty, .cost, .relativeCost: .sample
        case .acceptRate, .dupRate, .meanScore, .meanNovelty, .tokens, .latency, .tokensPerAccepted, .costPerAccepted,
             .diversityGain: .armInBatch
        case .vendi, .distinct1, .distinct2, .poolSize: .pool
        }
    }

    public var summary: String {
        switch self {
        case .passed: "1 when the sample passed every rule, threshold and dedup, else 0"
        case .quality: "weighted mean of the sample's scores (1 without scores)"
        case .novelty: "distance of the sample to the accepted pool, in [0, 1]"
        case .cost: "the sample's generation and judge tokens"
        case .relativeCost: "the sample's tokens over the run's mean tokens per candidate so far (1 = average)"
        case .acceptRate: "share of the arm's candidates in the batch that passed"
        case .dupRate: "share of the arm's candidates in the batch rejected as duplicates"
        case .meanScore: "mean quality of the arm's candidates in the batch"
        case .meanNovelty: "mean novelty of the arm's candidates in the batch"
        case .tokens: "tokens the arm spent in the batch (generation and checks)"
        case .latency: "mean seconds per candidate of the arm in the batch"
        case .tokensPerAccepted: "the arm's tokens in the batch per sample that passed"
        case .costPerAccepted: "the arm's cost in the batch per sample that passed (in tokens)"
        case .diversityGain: "Vendi gain of the arm's passing samples in the batch over the pool before it"
        case .vendi: "Vendi score of the accepted pool before the batch"
        case .distinct1: "distinct unigrams over all unigrams of the accepted pool before the batch"
        case .distinct2: "distinct bigrams over all bigrams of the accepted pool before the batch"
        case .poolSize: "number of accepted samples before the batch"
        }
    }

    public var spec: RewardMetricSpec {
        RewardMetricSpec(name: name, type: .float, scope: scope, summary: summary)
    }

    /// The table the checker and `gen help` read.
    public static var table: [RewardMetricSpec] { allCases.map(\.spec) }
}

/// Figures keyed by metric (a batch's, an arm's in a batch, or the pool's).
public typealias MetricValues = [RewardMetric: Double]

/// What one generated sample's reward is computed from: a value for every metric and every declared score.
public struct RewardInputs: Sendable, Equatable {
    public private(set) var metrics: MetricValues
    /// Declared score name -> value; a score the sample never reached (it failed earlier) is 0.
    public private(set) var scores: [String: Double]

    public init(metrics: MetricValues, scores: [String: Double]) {
        self.metrics = metrics
        self.scores = scores
    }

    public subscript(metric: RewardMetric) -> Double { metrics[metric] ?? 0 }

    /// The metrics the table lists that these inputs lack: empty for inputs the run assembled.
    public var missing: [RewardMetric] { RewardMetric.allCases.filter { metrics[$0] == nil } }
}
