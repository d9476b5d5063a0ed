import GenCore
import GenRouter
/// A policy configuration the benchmark runs: a label for the table, a registered policy and its arguments.
public struct BenchmarkContender: Sendable, Equatable {
    public var label: String
    public var policy: String
    public var arguments: [String: Double]
    /// Runs only on problems whose slots carry labels: without them a contextual policy is `thompson` draw for
    /// draw, so its rows would repeat thompson's.
    public var labelledOnly: Bool

    public init(label: String, policy: String, arguments: [String: Double] = [:], labelledOnly: Bool = false) {
        self.label = label
        self.policy = policy
        self.arguments = arguments
        self.labelledOnly = labelledOnly
    }

    /// Every registered policy with its defaults, plus greedy (R2 has a reference for it), the decaying
    /// epsilon-greedy configuration from the design example, and gaussian_thompson without discounting (gamma 1),
    /// which shows what the default memory of 200 samples costs on R1's small, noisy gap; contextual_thompson on
    /// the labelled problem (R6) only.
    public static let standard: [BenchmarkContender] = [
        BenchmarkContender(label: "random", policy: "random"),
        BenchmarkContender(label: "greedy", policy: "epsilon_greedy", arguments: ["epsilon": 0]),
        BenchmarkContender(label: "eps 0.1", policy: "epsilon_greedy"),
        BenchmarkContender(label: "eps .3 decay .95 min .02", policy: "epsilon_greedy",
                           arguments: ["epsilon": 0.3, "decay": 0.95, "min": 0.02]),
        BenchmarkContender(label: "ucb1", policy: "ucb1"),
        BenchmarkContender(label: "thompson", policy: "thompson"),
        BenchmarkContender(label: "gaussian_thompson", policy: "gaussian_thompson"),
        BenchmarkContender(label: "gaussian_thompson gamma 1", policy: "gaussian_thompson", arguments: ["gamma": 1]),
        BenchmarkContender(label: "contextual_thompson", policy: "contextual_thompson", labelledOnly: true),
    ]
}
