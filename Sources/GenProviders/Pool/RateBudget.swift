/// Declared request and token rates of one endpoint (`rpm:`, `tpm:`), kept by two token buckets that refill
/// continuously: a request waits until both hold enough. Each bucket holds at most one second's worth, so
/// requests are paced evenly instead of bursting a minute's allowance into the first second.
///
/// Tokens are not known before the answer, so a request reserves an estimate (its prompt's bytes / 4 plus its
/// max_tokens, as hosted APIs count it) and the difference is settled when the usage comes back.
struct RateBudget: Sendable {
    private var requests: Bucket?
    private var tokens: Bucket?

    init(requestsPerMinute: Int?, tokensPerMinute: Int?, now: Double) {
        requests = requestsPerMinute.map { Bucket(perMinute: Double($0), now: now) }
        tokens = tokensPerMinute.map { Bucket(perMinute: Double($0), now: now) }
    }

    var isLimited: Bool { requests != nil || tokens != nil }

    /// Seconds until a request costing `estimatedTokens` may go; 0 when it may go now.
    mutating func wait(estimatedTokens: Int, now: Double) -> Double {
        max(requests?.wait(for: 1, now: now) ?? 0, tokens?.wait(for: Double(estimatedTokens), now: now) ?? 0)
    }

    mutating func spend(estimatedTokens: Int) {
        requests?.take(1)
        tokens?.take(Double(estimatedTokens))
    }

    /// Gives back (or takes more of) the tokens the estimate got wrong.
    mutating func settle(estimated: Int, actual: Int) {
        tokens?.take(Double(actual - estimated))
    }

    struct Bucket: Sendable {
        let perSecond: Double
        let capacity: Double
        private(set) var level: Double
        private var updated: Double

        init(perMinute: Double, now: Double) {
            perSecond = max(perMinute, 1) / 60
            capacity = max(1, perSecond)
            level = capacity
            updated = now
        }

        mutating func wait(for amount: Double, now: Double) -> Double {
            level = min(capacity, level + (now - updated) * perSecond)
            updated = now
            // A request larger than the bucket goes when the bucket is full, or it would never go.
            let needed = min(amount, capacity)
            return level >= needed ? 0 : (needed - level) / perSecond
        }

        mutating func take(_ amount: Double) {
            level -= amount
        }
    }
}
