import Foundation

/// When and how long to wait before retrying a failed request.
///
/// Retried: connection errors, timeouts, HTTP 429 and 5xx. The wait before retry n (n = 1, 2, ...) is
/// `min(maxDelay, baseDelay * 2^(n-1))`, shortened by a random fraction of at most `jitter` so that
/// concurrent requests do not retry in lock step; a server's Retry-After is honoured as a lower bound,
/// capped at `maxRetryAfter`.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included (1 disables retries).
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The fraction of each delay that is random, in [0, 1]; 0 gives exact exponential delays.
    public var jitter: Double
    /// The longest Retry-After the client will wait; longer requests are cut to this.
    public var maxRetryAfter: Duration
    /// Seed of the jitter draws, so retry timing is reproducible too.
    public var seed: UInt64

    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(20),
        jitter: Double = 0.5,
        maxRetryAfter: Duration = .seconds(120),
        seed: UInt64 = 0
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = min(max(jitter, 0), 1)
        self.maxRetryAfter = maxRetryAfter
        self.seed = seed
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before retry number `retry` (1-based), given a uniform draw in [0, 1) and the server's Retry-After.
    public func delay(beforeRetry retry: Int, unitDraw: Double, retryAfter: Duration? = nil) -> Duration {
        let exponent = Double(max(0, retry - 1))
        let exponential = min(maxDelay.seconds, baseDelay.seconds * pow(2, exponent))
        let jittered = exponential * (1 - jitter * unitDraw)
        guard let retryAfter else { return .seconds(jittered) }
        return .seconds(min(max(jittered, retryAfter.seconds), maxRetryAfter.seconds))
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
