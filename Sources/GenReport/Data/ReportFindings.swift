import GenCharts
import GenPipeline
import GenStore

/// A sentence the report and the card state about the run's figures: what they support and what they do not.
public struct Finding: Sendable, Equatable {
    public enum Tone: String, Sendable { case note, warning }
    public var tone: Tone
    public var text: String

    init(_ tone: Tone, _ text: String) {
        self.tone = tone
        self.text = text
    }
}

/// The statements computed once from `ReportData`, for the HTML report and the dataset card alike.
public enum ReportFindings {
    /// Below this standard deviation (scores are in [0, 1]) a score hardly tells one sample from another.
    static let flatScoreDeviation = 0.05
    /// Fewer scored candidates than this say too little about a score's spread.
    static let minimumScored = 10

    public static func all(_ data: ReportData) -> [Finding] {
        var findings: [Finding] = []
        if let rewards = rewardComparison(data) { findings.append(rewards) }
        if let acceptance = acceptanceComparison(data) { findings.append(acceptance) }
        findings += flatScores(data)
        if let baseline = baseline(data) { findings.append(baseline) }
        return findings
    }

    /// The router's final mean reward per arm with its 95% interval.
    static func rewardComparison(_ data: ReportData) -> Finding? {
        guard let router = data.finalRouter else { return nil }
        let estimates = data.arms.compactMap { arm in
            router.estimates[arm].flatMap { $0.count >= 2 ? IntervalEstimate(name: arm, mean: $0.mean, standardError: $0.standardError) : nil }
        }
        return IntervalComparison.statement(estimates, figure: "mean reward")
    }

    /// Pass % per arm (the run summary's figure) with Wilson intervals.
    static func acceptanceComparison(_ data: ReportData) -> Finding? {
        let estimates = data.arms.compactMap { arm in
            data.armSummaries.first { $0.arm == arm && $0.generated >= 2 }.map {
                IntervalEstimate(name: arm, successes: $0.passed, trials: $0.generated)
            }
        }
        // Identical rates (all 100%) need no sentence about noise.
        guard Set(estimates.map(\.value)).count > 1 else { return nil }
        return IntervalComparison.statement(estimates, figure: "pass rate")
    }

    /// A weighted score that barely varies over the candidates carries weight in the reward but no signal.
    static func flatScores(_ data: ReportData) -> [Finding] {
        guard let graph = data.graph else { return [] }
        let weights = graph.quality.compactMap { stage -> (String, Double)? in
            if case .score(let expression, let weight, _) = stage, weight > 0 { return (expression.name, weight) }
            return nil
        }
        let totalWeight = weights.reduce(0) { $0 + $1.1 }
        return weights.compactMap { name, weight -> Finding? in
            guard let spread = ScoreSpread(data.stages.filter { $0.stage == name && $0.kind == "score" }),
                  spread.count >= minimumScored, spread.deviation < flatScoreDeviation else { return nil }
            let share = totalWeight > 0 ? Int((100 * weight / totalWeight).rounded()) : 0
            return Finding(.warning, "The score \"\(name)\" is nearly constant: mean \(NumberText.fixed(spread.mean, decimals: 3)), "
                + "standard deviation \(NumberText.fixed(spread.deviation, decimals: 3)) over \(spread.count) candidates, yet it carries "
                + "\(share)% of the quality weight. It hardly tells good samples from bad, so it adds cost and noise to the reward, "
                + "not signal: use a stronger judge model, or drop it or lower its weight.")
        }
    }

    /// The last evaluation against the majority-class baseline and, when measured, training on real data.
    static func baseline(_ data: ReportData) -> Finding? {
        guard let last = data.evaluations.last, let accuracy = last.metrics["accuracy"]?.doubleValue,
              let majority = last.metrics["majority_baseline"]?.doubleValue else { return nil }
        let figures = "accuracy \(NumberText.fixed(accuracy, decimals: 3)) after \(last.afterAccepted) samples, "
            + "majority-class baseline \(NumberText.fixed(majority, decimals: 3))"
        if accuracy <= majority {
            return Finding(.warning, "The classifier trained on this data is no better than always predicting the most common label "
                + "(\(figures)): the data has not taught it anything measurable yet.")
        }
        var text = "The classifier trained on this data beats the majority-class baseline (\(figures))"
        if let real = last.metrics["real_train_accuracy"]?.doubleValue {
            text += "; trained on real data it scores \(NumberText.fixed(real, decimals: 3))"
        }
        return Finding(.note, text + ".")
    }
}

/// Mean and standard deviation of one score over every arm's candidates, pooled from per-arm rows.
struct ScoreSpread {
    var count: Int
    var mean: Double
    var deviation: Double

    init?(_ rows: [StageOutcomeRow]) {
        let scored = rows.filter { $0.scored > 0 && $0.meanScore != nil && $0.meanSquareScore != nil }
        count = scored.reduce(0) { $0 + $1.scored }
        guard count > 0 else { return nil }
        mean = scored.reduce(0) { $0 + Double($1.scored) * ($1.meanScore ?? 0) } / Double(count)
        let square = scored.reduce(0) { $0 + Double($1.scored) * ($1.meanSquareScore ?? 0) } / Double(count)
        deviation = max(0, square - mean * mean).squareRoot()
    }
}
