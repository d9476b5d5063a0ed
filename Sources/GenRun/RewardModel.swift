/// Turns one candidate's outcome and its batch's metrics into a reward in [0, 1] for the router.
/// Production evaluates the script's `reward` expression; tests use closures.
public protocol RewardModel: Sendable {
    func reward(_ inputs: RewardInputs) throws -> Double
}

/// The default reward when a script declares none: passed * (0.6 * quality + 0.4 * novelty).
public struct DefaultReward: RewardModel {
    public init() {}

    public func reward(_ inputs: RewardInputs) throws -> Double {
        inputs[.passed] * (0.6 * inputs[.quality] + 0.4 * inputs[.novelty])
    }
}
