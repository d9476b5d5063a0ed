/// One generated sample's reward for the arm that generated it.
public struct Observation: Sendable, Equatable, Hashable {
    public var arm: String
    /// Reward in [0, 1].
    public var reward: Double
    /// The context of the sample's slot (its target label), or nil; only contextual policies read it.
    public var context: String?

    public init(arm: String, reward: Double, context: String? = nil) {
        self.arm = arm
        self.reward = reward
        self.context = context
    }
}
