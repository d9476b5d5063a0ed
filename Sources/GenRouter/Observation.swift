/// One generated sample's reward for the arm that generated it.
public struct Observation: Sendable, Equatable, Hashable {
    public var arm: String
    /// Reward in [0, 1].
    public var reward: Double

    public init(arm: String, reward: Double) {
        self.arm = arm
        self.reward = reward
    }
}
