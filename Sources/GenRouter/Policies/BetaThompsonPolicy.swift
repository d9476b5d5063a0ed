import GenCore

/// Beta-Bernoulli Thompson sampling: per slot, draw theta ~ Beta(1 + S, 1 + N - S) for every arm and take the
/// largest. A fractional reward r counts as r successes and 1 - r failures. Optional discounting (gamma < 1)
/// fades old evidence; the default keeps it all.
public struct BetaThompsonPolicy: RouterPolicy {
    public static let name = "thompson"
    public static let summary = "Beta-Bernoulli Thompson sampling (a reward r counts as r successes and 1 - r failures)"

    static let gamma = PolicyParameter(name: "gamma", defaultValue: 1,
                                       range: ParameterRange(lower: 0, upper: 1, lowerInclusive: false),
                                       summary: "discount per observation (1 = keep all history)")

    public static let parameterSpecs = [gamma, .cap(default: 1), .floor(default: 0)]

    public let parameters: PolicyParameters
    public var arms: ArmTable
    public let discount: Double

    public init(parameters: PolicyParameters, arms: ArmTable) {
        self.parameters = parameters
        self.arms = arms
        self.discount = parameters.value(Self.gamma)
    }

    public func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
        let draws = eligible.map { arm in
            let stats = arms.statistics[arm]
            return rng.nextBeta(alpha: 1 + max(0, stats.sum), beta: 1 + max(0, stats.count - stats.sum))
        }
        return ArgMax.pick(eligible, scores: draws, using: &rng)
    }
}
