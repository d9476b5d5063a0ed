/// What a router knows about one arm: discounted count, sum of rewards and sum of squared rewards.
///
/// Every policy reads the same three numbers, so a late pseudo-observation (`N += w; S += w*v; Q += w*v^2`)
/// means the same thing to all of them, and the state serialises as `[N, S, Q]`.
public struct ArmStatistics: Sendable, Equatable, Hashable {
    /// Effective number of observations (fractional after discounting or weighted pseudo-observations).
    public var count: Double
    /// Effective sum of rewards.
    public var sum: Double
    /// Effective sum of squared rewards.
    public var sumOfSquares: Double

    public init(count: Double = 0, sum: Double = 0, sumOfSquares: Double = 0) {
        self.count = count
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    /// The empirical mean, or nil before any observation.
    public var mean: Double? {
        count > 0 ? sum / count : nil
    }

    /// Adds one reward with the given weight (1 for a generated sample).
    public mutating func add(reward: Double, weight: Double) {
        count += weight
        sum += weight * reward
        sumOfSquares += weight * reward * reward
    }

    /// Fades old evidence: multiplies all three sums by `factor` (gamma per observation on the global clock).
    public mutating func discount(by factor: Double) {
        count *= factor
        sum *= factor
        sumOfSquares *= factor
    }
}
