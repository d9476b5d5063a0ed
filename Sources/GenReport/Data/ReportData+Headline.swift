/// The run's headline figures, computed once here for the report, `gen compare` and `gen test`.
extension ReportData {
    /// Accepted samples over candidates; nil before any candidate.
    public var acceptanceRate: Double? { candidateCount > 0 ? Double(acceptedCount) / Double(candidateCount) : nil }

    /// All the run's tokens (rejected candidates' included) over accepted samples; nil before any is accepted.
    public var tokensPerAccepted: Double? { acceptedCount > 0 ? Double(tokens) / Double(acceptedCount) : nil }

    /// Dollars per accepted sample, rejected candidates included; nil when unknown or nothing was accepted.
    public var dollarsPerAccepted: Double? { acceptedCount > 0 ? dollars.map { $0 / Double(acceptedCount) } : nil }

    /// A figure of the last downstream evaluation ("accuracy", "macro_f1", "test_count", ...); nil without one.
    public func lastEvaluation(_ metric: String) -> Double? { evaluations.last?.metrics[metric]?.doubleValue }
}
