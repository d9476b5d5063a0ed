import GenCore
import GenRouter
import Foundation

/// How the arms' true mean rewards evolve over time in a benchmark problem.
public enum MeanPath: Sendable, Equatable {
    /// Stationary means.
    case fixed([Double])
    /// `phases[i]` holds for steps [i * length, (i + 1) * length); the last phase holds afterwards.
    case piecewise(length: Int, phases: [[Double]])
    /// `base[k] + amplitude * sin(2 pi t / period + k)`: smooth drift with a different phase per arm; from step
    /// `reversedFrom` on, arm k follows the curve of arm K-1-k (the ranking is reversed).
    case sinusoidal(base: [Double], amplitude: Double, period: Double, reversedFrom: Int)
    /// One path per slot label (context index); `means(at:)` alone gives the first label's.
    indirect case perContext([MeanPath])

    /// The means of all arms at step t (0-based sample index) for a slot with the given label (context index).
    public func means(at step: Int, context: Int) -> [Double] {
        guard case .perContext(let paths) = self, !paths.isEmpty else { return means(at: step) }
        return paths[context % paths.count].means(at: step)
    }

    /// The means of all arms at step t (0-based sample index).
    public func means(at step: Int) -> [Double] {
        switch self {
        case .perContext(let paths):
            return paths.first?.means(at: step) ?? []
        case .fixed(let means):
            return means
        case .piecewise(let length, let phases):
            return phases[min(step / length, phases.count - 1)]
        case .sinusoidal(let base, let amplitude, let period, let reversedFrom):
            let angle = 2 * Double.pi * Double(step) / period
            let curves = base.indices.map { base[$0] + amplitude * sin(angle + Double($0)) }
            return step < reversedFrom ? curves : curves.reversed()
        }
    }
}

/// How a reward is drawn from an arm's mean.
public enum RewardShape: Sendable, Equatable {
    /// 1 with probability mean, else 0.
    case bernoulli
    /// Beta(mean * c, (1 - mean) * c): continuous rewards in [0, 1] with the given mean.
    case beta(concentration: Double)
}
