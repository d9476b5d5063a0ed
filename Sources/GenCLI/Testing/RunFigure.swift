import GenReport

/// What an `expect` block can bound (`min_X` / `max_X`), measured on the replayed run from the data the report shows.
enum RunFigure: String, CaseIterable {
    /// Accepted samples.
    case accepted
    /// Accepted over candidates.
    case acceptanceRate = "acceptance_rate"
    /// The smallest label's share of the accepted samples (label balance; every enum label counts, even unseen).
    case smallestLabelShare = "label_share"
    /// Tokens over accepted samples, rejected candidates' tokens included.
    case tokensPerAccepted = "tokens_per_accepted"
    /// Dollars over accepted samples at the models' declared prices.
    case dollarsPerAccepted = "dollars_per_accepted"
    /// Distinct bigrams over all bigrams of the accepted texts (the report's and the card's distinct-2).
    case distinct2 = "distinct_2"
    /// The last downstream evaluation's accuracy (the script's evaluate block).
    case accuracy
    /// The last downstream evaluation's macro-F1.
    case macroF1 = "macro_f1"

    /// The figure, or nil with the reason it cannot be measured on this run.
    func measure(_ data: ReportData) -> Result<Double, Unmeasurable> {
        let accepted = Double(data.acceptedCount)
        switch self {
        case .accepted:
            return .success(accepted)
        case .acceptanceRate:
            return data.acceptanceRate.map { .success($0) } ?? .failure(Unmeasurable("no candidates"))
        case .smallestLabelShare:
            guard data.labelField != nil else { return .failure(Unmeasurable("the spec has no label field")) }
            guard accepted > 0 else { return .success(0) }
            var counts = Dictionary(data.quotaTargets.keys.map { ($0, 0) }, uniquingKeysWith: { first, _ in first })
            for row in data.labels { counts[row.label ?? "(none)", default: 0] += row.count }
            return .success(Double(counts.values.min() ?? 0) / accepted)
        case .tokensPerAccepted:
            return data.tokensPerAccepted.map { .success($0) } ?? .failure(Unmeasurable("nothing was accepted"))
        case .dollarsPerAccepted:
            guard accepted > 0 else { return .failure(Unmeasurable("nothing was accepted")) }
            return data.dollarsPerAccepted.map { .success($0) } ?? .failure(Unmeasurable("no model declares a price"))
        case .distinct2:
            guard data.textField != nil else { return .failure(Unmeasurable("the schema has no text field")) }
            return data.finalDiversity.map { .success($0.distinct2) } ?? .failure(Unmeasurable("nothing was accepted"))
        case .accuracy, .macroF1:
            guard !data.evaluations.isEmpty else { return .failure(Unmeasurable("the run made no downstream evaluation")) }
            guard let value = data.lastEvaluation(rawValue) else { return .failure(Unmeasurable("the last evaluation has no \(rawValue)")) }
            return .success(value)
        }
    }
}

/// Why a figure cannot be measured (an expectation on it fails with this reason).
struct Unmeasurable: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
