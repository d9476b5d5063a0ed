/// One endpoint's concurrency limit, found by additive increase and multiplicative decrease (AIMD), as TCP
/// finds a link's rate. Answers in time raise it by `increase` per round trip (up to the declared ceiling): a
/// quarter request, measured against a rate-limiting server (`gen-bench aimd`), where a whole request per round
/// trip met the limit about four times as often for no more throughput. An overload signal cuts it, by
/// `rateLimitedFactor` for a 429 (the server said exactly "too fast") and by `failureFactor` for a timeout or 5xx
/// (a struggling server). One congestion event cuts once: signals from requests sent before the last cut say
/// nothing new and are ignored.
///
/// Latency is a signal too, normalised by the answer's length (an LLM's latency grows with the tokens it writes):
/// recent seconds per completion token above `latencyTolerance` times their long-run average mean the server has
/// started queueing requests.
public struct AdaptiveConcurrency: Sendable {
    public let ceiling: Double
    public let isEnabled: Bool
    public var increase = 0.25
    public var rateLimitedFactor = 0.9
    public var failureFactor = 0.5
    public var latencyTolerance = 2.5
    public private(set) var limit: Double
    /// The lowest limit reached (the report shows how far the controller had to back off).
    public private(set) var lowest: Double
    private var lastCut = -Double.infinity
    private var fastSecondsPerToken: Double?
    private var slowSecondsPerToken: Double?
    private var samples = 0

    /// Slow start: the limit starts at `initialLimit` (or the ceiling, if lower) and grows by one per answer
    /// (doubling every round trip) until the first overload, then additively: a server that limits far below
    /// the ceiling is not hit with the ceiling's worth of requests at once. 16, not 4: ramping a fleet of
    /// 16-request servers up from 4 cost `gen-bench scale` about a tenth of a 30-second run (81.6% of the ideal
    /// rate at one server against 91.1% without the controller), while `gen-bench aimd` finds its rates as well
    /// from 16 without a storm of 429s.
    public init(ceiling: Int, enabled: Bool = true, initialLimit: Int = 16) {
        self.ceiling = Double(max(1, ceiling))
        self.isEnabled = enabled
        self.limit = enabled ? min(self.ceiling, Double(max(1, initialLimit))) : self.ceiling
        self.lowest = self.limit
    }

    private var slowStart = true
    private var smoothedLatency: Double?

    /// How long the endpoint should send nothing after a 429 that named no Retry-After: one request's share of
    /// a round trip at the current limit, so the slot the 429 freed is not refilled at once into the same wall.
    public var pauseAfterRateLimit: Double {
        guard isEnabled, let latency = smoothedLatency else { return 0 }
        return latency / max(1, limit)
    }

    /// Requests that may be in flight now.
    public var permits: Int { max(1, Int(limit.rounded(.down))) }

    public enum Signal: Sendable { case rateLimited, failed }

    public mutating func answered(sentAt: Double, now: Double, completionTokens: Int?) {
        guard isEnabled else { return }
        let latency = now - sentAt
        smoothedLatency = smoothedLatency.map { 0.9 * $0 + 0.1 * latency } ?? latency
        if let tokens = completionTokens, tokens > 0, isSlow(seconds: latency, tokens: tokens) {
            cut(by: rateLimitedFactor, sentAt: sentAt, now: now)
            return
        }
        // Additive, but at least 2% a round trip: a limit in the hundreds must not take minutes to win back a cut.
        limit = min(ceiling, limit + (slowStart ? 1 : max(increase, 0.02 * limit) / limit))
    }

    public mutating func overloaded(_ signal: Signal, sentAt: Double, now: Double) {
        guard isEnabled else { return }
        cut(by: signal == .rateLimited ? rateLimitedFactor : failureFactor, sentAt: sentAt, now: now)
    }

    private mutating func cut(by factor: Double, sentAt: Double, now: Double) {
        guard sentAt >= lastCut else { return }
        // Leaving slow start the limit has overshot by up to a round trip's doubling: halve it, as TCP does.
        let factor = slowStart ? min(factor, 0.5) : factor
        slowStart = false
        // Every cut takes at least one request off: at a limit of 3.5, 10% would leave 3 permits and change nothing.
        limit = max(1, min(limit * factor, Double(permits - 1) + 0.5))
        lowest = min(lowest, limit)
        lastCut = now
    }

    /// Whether answers now take far longer per token than they have been taking: a fast average (about the last
    /// ten answers) against a slow one (about the last hundred), after fifty answers. A slow average, not the best
    /// ever seen: the lowest point of a noisy average sits far below its mean, and measured against it ordinary
    /// lognormal latency looked like queueing (`gen-bench scale` lost a fifth of its throughput to such cuts).
    private mutating func isSlow(seconds: Double, tokens: Int) -> Bool {
        let perToken = seconds / Double(tokens)
        samples += 1
        let fast = fastSecondsPerToken.map { 0.9 * $0 + 0.1 * perToken } ?? perToken
        let slow = slowSecondsPerToken.map { 0.99 * $0 + 0.01 * perToken } ?? perToken
        fastSecondsPerToken = fast
        slowSecondsPerToken = slow
        return samples > 50 && fast > latencyTolerance * slow
    }
}
