import GenCore

/// Epsilon-greedy: each slot explores a uniformly random arm with probability epsilon (see `EpsilonSchedule`),
/// otherwise takes the arm with the best mean reward. Untried arms are taken first, so every arm is seen once.
public struct EpsilonGreedyPolicy: RouterPolicy {
    public static let name = "epsilon_greedy"
    public static let summary = "explore a random arm with probability epsilon, else exploit the best mean reward"

    static let epsilon = PolicyParameter(name: "epsilon", defaultValue: 0.1, range: .unit,
                                         summary: "initial probability of exploring a random arm")
    static let decay = PolicyParameter(name: "decay", defaultValue: 1, range: .unit,
                                       summary: "multiplies epsilon after every batch (1 = no decay)")
    static let minimum = PolicyParameter(name: "min", defaultValue: 0, range: .unit,
                                         summary: "epsilon never decays below this")
    static let halfLife = PolicyParameter(name: "t0", defaultValue: 0,
                                          range: ParameterRange(lower: 0, upper: .infinity),
                                          summary: "observations for the 1/(1+t/t0) decay to halve epsilon (0 = off)")

    public static let parameterSpecs = [epsilon, decay, minimum, halfLife, .cap(default: 1), .floor(default: 0)]

    public let parameters: PolicyParameters
    public var arms: ArmTable
    public let schedule: EpsilonSchedule
    public var discount: Double { 1 }

    public init(parameters: PolicyParameters, arms: ArmTable) {
        self.parameters = parameters
        self.arms = arms
        self.schedule = EpsilonSchedule(initial: parameters.value(Self.epsilon), decay: parameters.value(Self.decay),
                                        minimum: parameters.value(Self.minimum),
                                        halfLife: parameters.value(Self.halfLife))
    }

    public func exploration(at clock: RouterClock) -> Double? {
        schedule.epsilon(at: clock)
    }

    public func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
        if rng.nextUnit() < schedule.epsilon(at: context.clock) {
            return eligible[rng.nextIndex(eligible.count)]
        }
        let untried = ArgMax.untried(eligible, arms: arms, context: context)
        if !untried.isEmpty { return untried[rng.nextIndex(untried.count)] }
        return ArgMax.pick(eligible, scores: eligible.map { arms.statistics[$0].mean ?? 0 }, using: &rng)
    }
}
