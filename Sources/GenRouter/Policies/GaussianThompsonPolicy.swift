import GenCore

/// Discounted Gaussian Thompson sampling with empirical variance (the research notes' best on drifting problems).
///
/// Per arm, with discounted N, S, Q and a prior of n0 pseudo-samples at m0:
/// mean = (S + n0 m0)/(N + n0), var = max((Q + n0 m0^2)/(N + n0) - mean^2, sd_min^2),
/// theta ~ Normal(mean, var/(N + n0)); each slot takes the arm with the largest theta.
/// The memory 1/(1 - gamma) should be at least K (2 sigma/Delta)^2 observations to separate arms Delta apart.
public struct GaussianThompsonPolicy: RouterPolicy {
    public static let name = "gaussian_thompson"
    public static let summary = "discounted Gaussian Thompson sampling on the mean reward"

    static let gamma = PolicyParameter(name: "gamma", defaultValue: 0.995,
                                       range: ParameterRange(lower: 0, upper: 1, lowerInclusive: false),
                                       summary: "discount per observation; memory is about 1/(1 - gamma) samples")
    static let sdMin = PolicyParameter(name: "sd_min", defaultValue: 0.1,
                                       range: ParameterRange(lower: 0, upper: 1, lowerInclusive: false),
                                       summary: "smallest reward standard deviation assumed for an arm")
    static let priorCount = PolicyParameter(name: "n0", defaultValue: 1,
                                            range: ParameterRange(lower: 0, upper: 1_000_000, lowerInclusive: false),
                                            summary: "weight of the prior, in pseudo-samples")
    static let priorMean = PolicyParameter(name: "m0", defaultValue: 0.5, range: .unit,
                                           summary: "prior mean reward")

    public static let parameterSpecs = [gamma, sdMin, priorCount, priorMean, .cap(default: 1), .floor(default: 0)]

    public let parameters: PolicyParameters
    public var arms: ArmTable
    public let discount: Double
    private let minimumVariance: Double
    private let n0: Double
    private let m0: Double

    public init(parameters: PolicyParameters, arms: ArmTable) {
        self.parameters = parameters
        self.arms = arms
        self.discount = parameters.value(Self.gamma)
        let sd = parameters.value(Self.sdMin)
        self.minimumVariance = sd * sd
        self.n0 = parameters.value(Self.priorCount)
        self.m0 = parameters.value(Self.priorMean)
    }

    public func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
        let draws = eligible.map { arm in
            let stats = arms.statistics[arm]
            let weight = stats.count + n0
            let mean = (stats.sum + n0 * m0) / weight
            let variance = max((stats.sumOfSquares + n0 * m0 * m0) / weight - mean * mean, minimumVariance)
            return rng.nextNormal(mean: mean, standardDeviation: (variance / weight).squareRoot())
        }
        return ArgMax.pick(eligible, scores: draws, using: &rng)
    }
}
