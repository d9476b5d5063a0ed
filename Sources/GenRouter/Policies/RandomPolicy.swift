import GenCore

/// Uniform random choice per slot: the non-adaptive baseline adaptive policies are compared against.
public struct RandomPolicy: RouterPolicy {
    public static let name = "random"
    public static let summary = "uniform random baseline"
    public static let parameterSpecs: [PolicyParameter] = [.cap(default: 1), .floor(default: 0)]

    public let parameters: PolicyParameters
    public var arms: ArmTable
    public var discount: Double { 1 }

    public init(parameters: PolicyParameters, arms: ArmTable) {
        self.parameters = parameters
        self.arms = arms
    }

    public func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
        eligible[rng.nextIndex(eligible.count)]
    }
}
