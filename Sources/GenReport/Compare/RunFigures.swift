import GenCore

/// One run's headline figures, as `gen compare` puts them side by side.
struct RunFigures {
    var accepted: Int
    var candidates: Int
    var tokens: Int
    var dollars: Double?
    var accuracy: Double?
    var macroF1: Double?
    var distinct2: Double?
    var status: String
    var acceptanceRate: Double?
    var tokensPerAccepted: Double?
    var dollarsPerAccepted: Double?
    var accuracyInterval: IntervalEstimate?
    var tokensPerAcceptedInterval: IntervalEstimate?
    var dollarsPerAcceptedInterval: IntervalEstimate?
    var distinct2Interval: IntervalEstimate?

    init(_ data: ReportData) {
        accepted = data.acceptedCount
        candidates = data.candidateCount
        tokens = data.tokens
        dollars = data.dollars
        accuracy = data.lastEvaluation("accuracy")
        macroF1 = data.lastEvaluation("macro_f1")
        distinct2 = data.finalDiversity?.distinct2
        status = data.run.status.rawValue
        accuracyInterval = NoiseIntervals.accuracy(accuracy, testCount: data.lastEvaluation("test_count").map { Int($0) })
        acceptanceRate = data.acceptanceRate
        tokensPerAccepted = data.tokensPerAccepted
        tokensPerAcceptedInterval = NoiseIntervals.tokensPerAccepted(
            tokensPerAccepted, batches: data.batches, armBatches: data.armBatches)
        dollarsPerAccepted = data.dollarsPerAccepted
        dollarsPerAcceptedInterval = NoiseIntervals.dollarsPerAccepted(dollarsPerAccepted, armBatches: data.armBatches)
        distinct2Interval = NoiseIntervals.distinct2(distinct2, standardError: data.distinct2StandardError)
    }

    var acceptance: IntervalEstimate? {
        candidates > 0 ? IntervalEstimate(name: "acceptance", successes: accepted, trials: candidates) : nil
    }

    /// The figures with a 95% interval, by the row names `rows` uses.
    var intervals: [(figure: String, interval: IntervalEstimate?)] {
        [("acceptance_rate", acceptance), ("tokens_per_accepted", tokensPerAcceptedInterval),
         ("dollars_per_accepted", dollarsPerAcceptedInterval), ("distinct_2", distinct2Interval), ("accuracy", accuracyInterval)]
    }

    /// The rows both runs show, in order: name and value (nil when the run has none).
    var rows: [(String, Double?)] {
        [("accepted", Double(accepted)), ("candidates", Double(candidates)), ("acceptance_rate", acceptanceRate),
         ("tokens_per_accepted", tokensPerAccepted), ("dollars_per_accepted", dollarsPerAccepted),
         ("distinct_2", distinct2), ("accuracy", accuracy), ("macro_f1", macroF1)]
    }
}

/// One arm's results in one run.
struct ArmFigures {
    var pulls: Int
    var accepted: Int
    var passRate: Double
    var meanReward: Double
    var tokensPerAccepted: Double?

    init?(_ data: ReportData, arm: String) {
        guard let row = data.armSummaries.first(where: { $0.arm == arm }) else { return nil }
        pulls = row.generated
        accepted = row.accepted
        passRate = row.generated > 0 ? Double(row.passed) / Double(row.generated) : 0
        meanReward = row.meanReward
        tokensPerAccepted = row.accepted > 0 ? Double(row.tokens) / Double(row.accepted) : nil
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "pulls": .int(pulls), "accepted": .int(accepted), "pass_rate": .double(passRate), "mean_reward": .double(meanReward),
        ]
        fields["tokens_per_accepted"] = tokensPerAccepted.map(JSONValue.double)
        return .object(fields)
    }
}
