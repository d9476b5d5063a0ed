import GenPipeline

/// The standard `expect` figures, each read from the figure the report computes (`ReportData`), never again.
public enum ExpectationFigures {
    public static let standard: [ExpectationFigure] = [
        ExpectationFigure("accepted", bound: "min", type: .int, minimum: 0, summary: "accepted samples at least") { data in
            .success(Double(data.acceptedCount))
        },
        ExpectationFigure("acceptance_rate", bound: "min", type: .float, minimum: 0, maximum: 1,
                          summary: "accepted over candidates at least") { data in
            data.acceptanceRate.map { .success($0) } ?? .failure(Unmeasurable("no candidates"))
        },
        // Every enum label counts, even one never accepted.
        ExpectationFigure("label_share", bound: "min", type: .float, minimum: 0, maximum: 1,
                          summary: "the smallest label's share of the accepted samples at least (label balance)") { data in
            guard data.labelField != nil else { return .failure(Unmeasurable("the spec has no label field")) }
            guard data.acceptedCount > 0 else { return .success(0) }
            var counts = Dictionary(data.quotaTargets.keys.map { ($0, 0) }, uniquingKeysWith: { first, _ in first })
            for row in data.labels { counts[row.label ?? "(none)", default: 0] += row.count }
            return .success(Double(counts.values.min() ?? 0) / Double(data.acceptedCount))
        },
        ExpectationFigure("tokens_per_accepted", bound: "max", type: .float, minimum: 0, minimumExclusive: true,
                          summary: "tokens per accepted sample at most, rejected candidates included") { data in
            data.tokensPerAccepted.map { .success($0) } ?? .failure(Unmeasurable("nothing was accepted"))
        },
        ExpectationFigure("dollars_per_accepted", bound: "max", type: .float, minimum: 0, minimumExclusive: true,
                          summary: "dollars per accepted sample at most, at the models' declared prices") { data in
            guard data.acceptedCount > 0 else { return .failure(Unmeasurable("nothing was accepted")) }
            return data.dollarsPerAccepted.map { .success($0) } ?? .failure(Unmeasurable("no model declares a price"))
        },
        ExpectationFigure("distinct_2", bound: "min", type: .float, minimum: 0, maximum: 1,
                          summary: "distinct bigrams over all bigrams of the accepted texts at least (diversity)") { data in
            guard data.textField != nil else { return .failure(Unmeasurable("the schema has no text field")) }
            return data.finalDiversity.map { .success($0.distinct2) } ?? .failure(Unmeasurable("nothing was accepted"))
        },
        evaluation("accuracy", summary: "the last downstream evaluation's accuracy at least"),
        evaluation("macro_f1", summary: "the last downstream evaluation's macro-F1 at least"),
    ]

    /// A metric of the last downstream evaluation (the script's evaluate block).
    private static func evaluation(_ metric: String, summary: String) -> ExpectationFigure {
        ExpectationFigure(metric, bound: "min", type: .float, minimum: 0, maximum: 1, summary: summary) { data in
            guard !data.evaluations.isEmpty else { return .failure(Unmeasurable("the run made no downstream evaluation")) }
            return data.lastEvaluation(metric).map { .success($0) } ?? .failure(Unmeasurable("the last evaluation has no \(metric)"))
        }
    }
}
