import GenCore
import GenStore

/// 95% intervals for the figures `gen compare` judges against noise, each from what varies when the seeds do:
/// acceptance over the run's candidates and accuracy over the test rows (Wilson intervals of a proportion); tokens
/// and dollars per accepted sample over the run's batches (each batch draws its own seeds: a ratio estimate whose
/// spread is the batches' spread); distinct-2 over the accepted texts (jackknife, `DistinctJackknife`). Two runs
/// differ beyond noise on a figure when their intervals do not overlap.
enum NoiseIntervals {
    /// Accuracy `accuracy` measured on `testCount` real rows.
    static func accuracy(_ accuracy: Double?, testCount: Int?) -> IntervalEstimate? {
        guard let accuracy, let testCount, testCount > 0 else { return nil }
        return IntervalEstimate(name: "accuracy", successes: Int((accuracy * Double(testCount)).rounded()), trials: testCount)
    }

    /// Tokens per accepted sample (`value`, the run's figure, which also counts tokens spent outside batches such as
    /// evaluations) with the relative spread of the batches' tokens over their accepted samples (counted from the
    /// candidates, so a batch's surplus and later demotions are not counted as accepted); nil with fewer than two
    /// batches or nothing accepted.
    static func tokensPerAccepted(_ value: Double?, batches: [BatchSummary], armBatches: [ArmBatchRow]) -> IntervalEstimate? {
        let accepted = Dictionary(armBatches.map { ($0.batchIndex, $0.accepted) }, uniquingKeysWith: +)
        let pairs = batches.map { (cost: Double($0.tokens), accepted: Double(accepted[$0.index] ?? 0)) }
        return perAccepted("tokens per accepted", value, pairs: pairs)
    }

    /// Dollars per accepted sample (`value`, the run's figure, which also counts attribute discovery) with the
    /// relative spread of the batches' dollars over their accepted samples; nil when a batch's price is unknown.
    static func dollarsPerAccepted(_ value: Double?, armBatches: [ArmBatchRow]) -> IntervalEstimate? {
        var pairs: [Int: (cost: Double?, accepted: Double)] = [:]
        for row in armBatches {
            let sum = pairs[row.batchIndex] ?? (0, 0)
            pairs[row.batchIndex] = (sum.cost.flatMap { cost in row.dollars.map { cost + $0 } }, sum.accepted + Double(row.accepted))
        }
        let known = pairs.values.compactMap { pair in pair.cost.map { (cost: $0, accepted: pair.accepted) } }
        guard known.count == pairs.count else { return nil }
        return perAccepted("dollars per accepted", value, pairs: known)
    }

    /// The final distinct-2 +- 1.96 jackknife standard errors.
    static func distinct2(_ value: Double?, standardError: Double?) -> IntervalEstimate? {
        guard let value, let standardError else { return nil }
        return IntervalEstimate(name: "distinct-2", mean: value, standardError: standardError)
    }

    /// A cost per accepted sample around the run's `value`, with the relative spread of the batches' ratio estimate
    /// (delta method); nil with fewer than two batches or nothing accepted.
    private static func perAccepted(_ name: String, _ value: Double?, pairs: [(cost: Double, accepted: Double)]) -> IntervalEstimate? {
        let n = Double(pairs.count)
        let accepted = pairs.reduce(0) { $0 + $1.accepted }
        guard let value, pairs.count >= 2, accepted > 0 else { return nil }
        let ratio = pairs.reduce(0) { $0 + $1.cost } / accepted
        let meanAccepted = accepted / n
        let residuals = pairs.reduce(0) { $0 + ($1.cost - ratio * $1.accepted) * ($1.cost - ratio * $1.accepted) }
        let relativeError = ratio > 0 ? (residuals / (n - 1) / n).squareRoot() / meanAccepted / ratio : 0
        return IntervalEstimate(name: name, value: value, low: max(0, value * (1 - 1.96 * relativeError)),
                                high: value * (1 + 1.96 * relativeError))
    }
}
