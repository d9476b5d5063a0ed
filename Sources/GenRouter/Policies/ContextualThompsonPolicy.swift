import GenCore

/// Beta-Bernoulli Thompson sampling per label: learns which arm works for which label (or attribute value).
///
/// Besides the usual per-arm statistics (every observation, whatever its label) it keeps, per label, one
/// `[N, S, Q]` per arm. For a slot with label c, arm a's success rate is drawn from
/// Beta(1 + w m + S_ac, 1 + w (1 - m) + N_ac - S_ac): the label's own evidence on top of a prior centred on m,
/// the arm's mean reward in its other observations (per-arm minus this label's), worth w = min(n0, their count)
/// pseudo-samples. A new or rare label so starts from what the arm does elsewhere, and its own samples take over
/// once they outnumber n0; the prior is never stronger than the evidence behind it, so an arm seen nowhere starts
/// from Beta(1, 1), and n0 = 0 lets labels learn apart. A slot without a label (a spec with no label field) is
/// plain `thompson` on the per-arm statistics, draw for draw. Downstream pseudo-observations carry no label and
/// count for the arm as a whole. Discounting (gamma < 1) fades the per-label figures like the per-arm ones.
public struct ContextualThompsonPolicy: RouterPolicy {
    public static let name = "contextual_thompson"
    public static let summary = "Thompson sampling per label: learns which arm works for which label, "
        + "borrowing from the arm's other labels while a label has few samples"

    static let gamma = BetaThompsonPolicy.gamma
    static let priorCount = PolicyParameter(name: "n0", defaultValue: 5,
                                            range: ParameterRange(lower: 0, upper: 1_000_000),
                                            summary: "most pseudo-samples a label borrows from the arm's other labels (0 = none)")

    public static let parameterSpecs = [gamma, priorCount, .cap(default: 1), .floor(default: 0)]

    public let parameters: PolicyParameters
    public var arms: ArmTable
    public var contexts: [String: [ArmStatistics]] = [:]
    public let discount: Double
    private let n0: Double

    public init(parameters: PolicyParameters, arms: ArmTable) {
        self.parameters = parameters
        self.arms = arms
        self.discount = parameters.value(Self.gamma)
        self.n0 = parameters.value(Self.priorCount)
    }

    public func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
        let local = context.label.map { contexts[$0] ?? [] }
        let draws = eligible.map { arm in
            let pooled = arms.statistics[arm]
            // Unlabelled: the arm's own record, no prior beyond Beta(1, 1) (exactly `thompson`).
            let own = local.map { arm < $0.count ? $0[arm] : ArmStatistics() } ?? pooled
            let otherCount = local == nil ? 0 : max(0, pooled.count - own.count)
            let otherMean = otherCount > 0 ? min(1, max(0, (pooled.sum - own.sum) / otherCount)) : 0.5
            let weight = min(n0, otherCount)
            return rng.nextBeta(alpha: 1 + weight * otherMean + max(0, own.sum),
                                beta: 1 + weight * (1 - otherMean) + max(0, own.count - own.sum))
        }
        return ArgMax.pick(eligible, scores: draws, using: &rng)
    }

    /// The per-arm figures as every policy keeps them, then the label's (a real observation fades every label).
    public mutating func record(reward: Double, weight: Double, arm index: Int, context: String?, ticks: Bool) {
        recordPooled(reward: reward, weight: weight, arm: index, ticks: ticks)
        if ticks, discount < 1 {
            for label in contexts.keys {
                for other in arms.statistics.indices { contexts[label]?[other].discount(by: discount) }
            }
        }
        guard let context else { return }
        contexts[context, default: Array(repeating: ArmStatistics(), count: arms.count)][index]
            .add(reward: reward, weight: weight)
    }
}
