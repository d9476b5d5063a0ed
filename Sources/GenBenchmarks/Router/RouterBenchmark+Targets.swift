import GenCore
import GenRouter
/// One of issue 4's router targets, judged on benchmark rows.
public struct BenchmarkTarget: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var passed: Bool
    public var detail: String

    public var description: String {
        (passed ? "PASS  " : "FAIL  ") + name + ": " + detail
    }
}

extension RouterBenchmark {
    /// The targets: figures near the references (within 20%; less regret than the reference also passes),
    /// discounted Gaussian TS at least 25% better than UCB1 and Beta TS on R3 and R5 at batch 20, contextual TS
    /// at least 50% better than Beta and Gaussian TS on R6, and batch 20 costing under 15% more than batch 1 for
    /// the Thompson policies. Targets whose rows are missing are skipped.
    public static func targets(_ rows: [Row]) -> [BenchmarkTarget] {
        var checks: [BenchmarkTarget] = []
        for row in rows {
            guard let ratio = row.ratio else { continue }
            checks.append(BenchmarkTarget(
                name: "\(row.problem) batch \(row.batch) \(row.contender) near reference",
                passed: ratio <= 1.2, detail: "ratio \(format(ratio)) (\(row.contender) within 20% or better)"))
        }
        func regret(_ problem: String, _ batch: Int, _ contender: String) -> Double? {
            rows.first { $0.problem == problem && $0.batch == batch && $0.contender == contender }?.meanRegret
        }
        func beats(_ problem: String, _ batch: Int, _ winner: String, _ rival: String, by margin: Double) {
            guard let won = regret(problem, batch, winner), let other = regret(problem, batch, rival) else { return }
            checks.append(BenchmarkTarget(
                name: "\(problem) batch \(batch) \(winner) beats \(rival) by \(format(100 * margin))%",
                passed: won <= (1 - margin) * other,
                detail: "\(format(won)) vs \(format(other)) (\(format(100 * (1 - won / other)))% less)"))
        }
        for problem in ["R3", "R5"] {
            for rival in ["ucb1", "thompson"] { beats(problem, 20, "gaussian_thompson", rival, by: 0.25) }
        }
        // R6: told each slot's label, the contextual policy should lose at most half what a blind Thompson loses.
        for batch in [1, 20] {
            for rival in ["thompson", "gaussian_thompson"] { beats("R6", batch, "contextual_thompson", rival, by: 0.5) }
        }
        let problems = Set(rows.map(\.problem)).sorted()
        for problem in problems {
            for contender in ["thompson", "gaussian_thompson", "contextual_thompson"] {
                guard let single = regret(problem, 1, contender), let batched = regret(problem, 20, contender) else {
                    continue
                }
                checks.append(BenchmarkTarget(
                    name: "\(problem) \(contender) batch 20 under 15% over batch 1",
                    passed: batched <= 1.15 * single,
                    detail: "\(format(batched)) vs \(format(single)) (\(format(100 * (batched / single - 1)))% more)"))
            }
        }
        return checks
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return NumberText.compact(rounded)
    }
}
