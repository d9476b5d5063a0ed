import Gen

/// A host's own router policy: arms in turn, from `start`. Its name, parameters and ranges are all the checker
/// knows of it, and all the run needs.
struct RoundRobinPolicy: RouterPolicy {
    static let name = "round_robin"
    static let summary = "each arm in turn, whatever the rewards"
    static let parameterSpecs = [
        PolicyParameter(name: "start", defaultValue: 0, range: ParameterRange(lower: 0, upper: 16), summary: "the arm to begin with"),
    ]

    let parameters: PolicyParameters
    var arms: ArmTable
    var discount: Double { 1 }

    init(parameters: PolicyParameters, arms: ArmTable) {
        self.parameters = parameters
        self.arms = arms
    }

    func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
        let start = Int(parameters.values["start"] ?? 0)
        return eligible[(start + context.clock.observations + context.pendingTotal) % eligible.count]
    }
}
