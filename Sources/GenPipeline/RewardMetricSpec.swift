/// One name the reward expression may use, as the run binds it: its type, what it means, and whose figure
/// it is. The run publishes the table (GenRun's `RewardMetric`); the checker reads it, so a metric the checker
/// accepts is a metric the run computes.
public struct RewardMetricSpec: Codable, Sendable, Equatable {
    /// Whose figure a metric is.
    public enum Scope: String, Codable, Sendable, CaseIterable {
        /// The generated sample itself (`passed`, `quality`, `cost`).
        case sample
        /// The sample's own arm within its batch (`accept_rate`, `tokens`).
        case armInBatch = "arm in batch"
        /// The accepted pool after the previous batch (`vendi`, `distinct_1`).
        case pool
    }

    public var name: String
    public var type: GenType
    public var scope: Scope
    public var summary: String

    public init(name: String, type: GenType, scope: Scope, summary: String) {
        self.name = name
        self.type = type
        self.scope = scope
        self.summary = summary
    }
}
