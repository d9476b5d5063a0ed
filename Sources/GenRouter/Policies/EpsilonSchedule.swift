import Foundation

/// The exploration rate of epsilon-greedy over time:
/// `eps = max(min, epsilon * decay^b / (1 + t / t0))`, b = batches allocated before this one, t = observations.
///
/// The script's `decay` is multiplicative per batch (the form `epsilon_greedy(epsilon: 0.3, decay: 0.95, min: 0.02)`
/// promises). Giving `t0 > 0` adds the research notes' hyperbolic form 1/(1 + t/t0), which decays by samples rather
/// than batches and so does not depend on the batch size; with `decay: 1, t0: 500` it is that form alone.
/// The two factors multiply when both are given. Defaults (decay 1, t0 0) keep epsilon fixed.
public struct EpsilonSchedule: Sendable, Equatable {
    public var initial: Double
    public var decay: Double
    public var minimum: Double
    /// Observations over which epsilon halves in the hyperbolic form; 0 disables it.
    public var halfLife: Double

    public init(initial: Double, decay: Double, minimum: Double, halfLife: Double) {
        self.initial = initial
        self.decay = decay
        self.minimum = minimum
        self.halfLife = halfLife
    }

    public func epsilon(at clock: RouterClock) -> Double {
        var rate = initial * pow(decay, Double(clock.batches))
        if halfLife > 0 { rate /= 1 + Double(clock.observations) / halfLife }
        return max(minimum, rate)
    }
}
