/// Turns one candidate's outcome and its batch's metrics into a reward in [0, 1] for the router.
/// Production evaluates the script's `reward` expression; tests use closures.
public protocol RewardModel: Sendable {
    /// `metrics` holds `passed`, `quality`, `novelty`, each score by name, and the batch-level metrics.
    func reward(metrics: [String: Double]) throws -> Double
}

/// The default reward when a script declares none: passed * (0.6 * quality + 0.4 * novelty).
public struct DefaultReward: RewardModel {
    public init() {}

    public func reward(metrics: [String: Double]) throws -> Double {
        let passed = metrics["passed"] ?? 0
        return passed * (0.6 * (metrics["quality"] ?? 0) + 0.4 * (metrics["novelty"] ?? 0))
    }
}
