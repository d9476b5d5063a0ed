/// Running totals for one model.
public struct UsageTotals: Sendable, Hashable, Codable {
    /// Requests that succeeded.
    public var requests: Int = 0
    /// HTTP attempts spent on them, retries included.
    public var attempts: Int = 0
    public var promptTokens: Int = 0
    public var completionTokens: Int = 0

    public init() {}

    public var totalTokens: Int { promptTokens + completionTokens }
}

/// Counts tokens per model across every request of a run (clients can share one accountant).
public actor UsageAccountant {
    private var byModel: [String: UsageTotals] = [:]

    public init() {}

    /// Records one successful request.
    public func record(model: String, usage: TokenUsage, attempts: Int) {
        var totals = byModel[model] ?? UsageTotals()
        totals.requests += 1
        totals.attempts += attempts
        totals.promptTokens += usage.promptTokens
        totals.completionTokens += usage.completionTokens
        byModel[model] = totals
    }

    /// Totals for one model (zeros when it was never used).
    public func totals(for model: String) -> UsageTotals {
        byModel[model] ?? UsageTotals()
    }

    /// Totals for every model used so far.
    public func allTotals() -> [String: UsageTotals] {
        byModel
    }
}
