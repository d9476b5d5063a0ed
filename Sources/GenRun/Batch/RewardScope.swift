import GenCore
import GenGeneration
import GenStore

/// One batch's reward scope: each sample's own figures, its arm's figures in the batch and the pool's, assembled
/// into `RewardInputs` with a value for every `RewardMetric` and every declared score.
///
/// A sample's batch figures are its own arm's: the whole batch's would give every arm the same value, which tells
/// the router nothing. Pool figures (vendi, distinct-n) are shared.
struct RewardScope: Sendable {
    let byArm: [String: MetricValues]
    let pool: MetricValues
    /// Tokens per generated candidate over the run so far, this batch included (what `relative_cost` divides by).
    let meanCost: Double
    /// The quality block's score names, in declared order.
    let scoreNames: [String]

    init(assessments: [Assessment], candidates: [Candidate], pool: MetricValues, previousTokens: Int, previousCandidates: Int,
         scoreNames: [String]) {
        self.byArm = Self.armMetrics(assessments, candidates: candidates)
        self.pool = pool
        self.meanCost = Self.meanCost(
            previousTokens: previousTokens, previousCandidates: previousCandidates,
            batch: zip(candidates, assessments).map { $0.tokens + $1.judgeTokens })
        self.scoreNames = scoreNames
    }

    /// The inputs of one candidate's reward.
    func inputs(_ candidate: Candidate, _ assessment: Assessment) -> RewardInputs {
        var metrics = byArm[candidate.arm] ?? Self.batchMetrics([], candidates: [])
        for metric in RewardMetric.allCases where metric.scope == .pool { metrics[metric] = pool[metric] ?? 0 }
        let cost = Double(candidate.tokens + assessment.judgeTokens)
        metrics[.passed] = assessment.passed ? 1 : 0
        metrics[.quality] = assessment.quality
        metrics[.novelty] = assessment.novelty
        metrics[.cost] = cost
        metrics[.relativeCost] = meanCost > 0 ? cost / meanCost : 1
        var scores: [String: Double] = [:]
        for name in scoreNames { scores[name] = assessment.scores[name] ?? 0 }
        return RewardInputs(metrics: metrics, scores: scores)
    }

    /// Tokens per generated candidate over the run so far, this batch included (generation and judge calls):
    /// 1 is an average sample and an arm that spends twice the tokens sees 2. Restored totals make it the same
    /// after a resume.
    static func meanCost(previousTokens: Int, previousCandidates: Int, batch: [Int]) -> Double {
        let candidates = previousCandidates + batch.count
        return candidates == 0 ? 0 : Double(previousTokens + batch.reduce(0, +)) / Double(candidates)
    }

    /// `batchMetrics` of each arm's candidates in the batch.
    static func armMetrics(_ assessments: [Assessment], candidates: [Candidate]) -> [String: MetricValues] {
        var byArm: [String: (assessments: [Assessment], candidates: [Candidate])] = [:]
        for (candidate, assessment) in zip(candidates, assessments) {
            byArm[candidate.arm, default: ([], [])].assessments.append(assessment)
            byArm[candidate.arm, default: ([], [])].candidates.append(candidate)
        }
        return byArm.mapValues { batchMetrics($0.assessments, candidates: $0.candidates) }
    }

    /// The figures of a set of candidates (a batch, or one arm's part of it): every `.armInBatch` metric.
    static func batchMetrics(_ assessments: [Assessment], candidates: [Candidate]) -> MetricValues {
        let count = Double(max(1, assessments.count))
        let passed = assessments.filter(\.passed)
        let duplicates = assessments.filter { $0.checks.contains { $0.kind == CheckRecord.dedupKind && !$0.passed } }
        let accepted = Double(max(1, passed.count))
        let tokens = candidates.reduce(0) { $0 + $1.tokens } + assessments.reduce(0) { $0 + $1.judgeTokens }
        return [
            .acceptRate: Double(passed.count) / count,
            .dupRate: Double(duplicates.count) / count,
            .meanScore: assessments.reduce(0) { $0 + $1.quality } / count,
            .meanNovelty: assessments.reduce(0) { $0 + $1.novelty } / count,
            // This batch's samples that passed, each against the pool before the batch.
            .diversityGain: passed.reduce(0) { $0 + $1.diversityGain },
            .tokens: Double(tokens),
            .latency: candidates.reduce(0) { $0 + $1.latencySeconds } / count,
            .tokensPerAccepted: passed.isEmpty ? Double(tokens) : Double(tokens) / accepted,
            // Cost in tokens: the store has no prices, and tokens are what every backend bills.
            .costPerAccepted: passed.isEmpty ? Double(tokens) : Double(tokens) / accepted,
        ]
    }

    /// The batch's figures as stored, with each arm's under "arms" (the report reads the numeric top level).
    static func stored(batch: MetricValues, arms: [String: MetricValues]) -> JSONValue {
        func object(_ values: MetricValues) -> [String: JSONValue] {
            Dictionary(uniqueKeysWithValues: values.map { ($0.key.name, JSONValue.double($0.value)) })
        }
        var top = object(batch)
        top["arms"] = .object(arms.mapValues { .object(object($0)) })
        return .object(top)
    }
}
