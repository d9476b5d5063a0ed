import Foundation
import GenCore

/// UCB1: the arm with the highest `mean + sqrt(c * ln t / n)`; every arm is tried once first.
///
/// Within a batch, slots already given count as pending pulls (n and t grow, the mean does not), so a batch
/// spreads over arms whose bounds are close instead of landing whole on one arm.
public struct UCB1Policy: RouterPolicy {
    public static let name = "ucb1"
    public static let summary = "upper confidence bound on the mean reward"

    static let exploration = PolicyParameter(name: "c", defaultValue: 2,
                                             range: ParameterRange(lower: 0, upper: 100),
                                             summary: "exploration constant inside the square root (2 = classic UCB1)")

    public static let parameterSpecs = [exploration, .cap(default: 1), .floor(default: 0)]

    public let parameters: PolicyParameters
    public var arms: ArmTable
    public var discount: Double { 1 }
    private let c: Double

    public init(parameters: PolicyParameters, arms: ArmTable) {
        self.parameters = parameters
        self.arms = arms
        self.c = parameters.value(Self.exploration)
    }

    public func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
        let untried = ArgMax.untried(eligible, arms: arms, context: context)
        if !untried.isEmpty { return untried[rng.nextIndex(untried.count)] }
        let logTotal = log(max(1, arms.totalCount + Double(context.pendingTotal)))
        let bounds = eligible.map { arm in
            let stats = arms.statistics[arm]
            let pulls = stats.count + Double(context.pending[arm])
            let mean = stats.count > 0 ? stats.sum / stats.count : 0
            return mean + (c * logTotal / pulls).squareRoot()
        }
        return ArgMax.pick(eligible, scores: bounds, using: &rng)
    }
}
