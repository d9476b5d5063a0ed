import GenCore

/// 95% intervals for the figures `gen compare` judges against noise, each from what varies when the seeds do:
/// acceptance over the run's candidates and accuracy over the test rows (Wilson intervals of a proportion), and
/// tokens per accepted sample over the run's batches (each batch draws its own seeds: a ratio estimate whose
/// spread is the batches' spread). Two runs differ beyond noise on a figure when their intervals do not overlap.
enum NoiseIntervals {
    /// Accuracy `accuracy` measured on `testCount` real rows.
    static func accuracy(_ accuracy: Double?, testCount: Int?) -> IntervalEstimate? {
        guard let accuracy, let testCount, testCount > 0 else { return nil }
        return IntervalEstimate(name: "accuracy", successes: Int((accuracy * Double(testCount)).rounded()), trials: testCount)
    }

    /// Tokens per accepted sample (`value`, the run's figure, which also counts tokens spent outside batches such as
    /// evaluations) with the relative spread of the batches' ratio estimate (delta method); nil with fewer than two
    /// batches that accepted something.
    static func tokensPerAccepted(_ value: Double?, batches: [BatchSummary]) -> IntervalEstimate? {
        let pairs = batches.map { batch -> (tokens: Double, accepted: Double) in
            let generated = Double(batch.allocation.values.reduce(0, +))
            return (Double(batch.tokens), ((batch.metrics["accept_rate"] ?? 0) * generated).rounded())
        }
        let n = Double(pairs.count)
        let accepted = pairs.reduce(0) { $0 + $1.accepted }
        guard let value, pairs.count >= 2, accepted > 0 else { return nil }
        let ratio = pairs.reduce(0) { $0 + $1.tokens } / accepted
        let meanAccepted = accepted / n
        let residuals = pairs.reduce(0) { $0 + ($1.tokens - ratio * $1.accepted) * ($1.tokens - ratio * $1.accepted) }
        let relativeError = ratio > 0 ? (residuals / (n - 1) / n).squareRoot() / meanAccepted / ratio : 0
        return IntervalEstimate(name: "tokens per accepted", value: value, low: max(0, value * (1 - 1.96 * relativeError)),
                                high: value * (1 + 1.96 * relativeError))
    }
}
