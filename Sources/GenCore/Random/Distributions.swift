import Foundation

/// Draws from the distributions the router and the small models need, on an explicit seeded generator.
extension SeededRandom {
    /// A standard normal draw (Box-Muller; one of the pair is discarded to keep the state a single word).
    public mutating func nextNormal() -> Double {
        var u1 = nextUnit()
        while u1 <= .leastNonzeroMagnitude { u1 = nextUnit() }
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// A normal draw with the given mean and standard deviation.
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextNormal()
    }

    /// A Gamma(shape, 1) draw (Marsaglia-Tsang; shape < 1 boosted by U^(1/shape)).
    public mutating func nextGamma(shape: Double) -> Double {
        guard shape > 0 else { return 0 }
        if shape < 1 {
            let boost = pow(max(nextUnit(), .leastNonzeroMagnitude), 1 / shape)
            return nextGamma(shape: shape + 1) * boost
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextNormal()
            let v0 = 1 + c * x
            if v0 <= 0 { continue }
            let v = v0 * v0 * v0
            let u = nextUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(max(u, .leastNonzeroMagnitude)) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A Beta(alpha, beta) draw from two Gamma draws.
    public mutating func nextBeta(alpha: Double, beta: Double) -> Double {
        let x = nextGamma(shape: alpha)
        let y = nextGamma(shape: beta)
        let total = x + y
        return total > 0 ? x / total : 0.5
    }

    /// A uniform integer in 0..<upperBound (upperBound > 0), without modulo bias.
    public mutating func nextIndex(_ upperBound: Int) -> Int {
        precondition(upperBound > 0, "nextIndex needs a positive bound")
        return Int.random(in: 0..<upperBound, using: &self)
    }
}
