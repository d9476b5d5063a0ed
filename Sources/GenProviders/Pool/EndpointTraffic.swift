/// What one endpoint of a model's pool did: requests sent, answers, failures by kind, and what the pool's
/// controllers made of it. Counts are cumulative over the client's life; the run store adds up the
/// differences batch by batch, so a resumed run's report covers every session.
public struct EndpointTraffic: Sendable, Hashable, Codable {
    /// The endpoint's base URL as messages show it (query values redacted).
    public var endpoint: String
    /// HTTP attempts sent (retries included).
    public var requests = 0
    /// 2xx answers.
    public var answered = 0
    public var rateLimited = 0
    public var serverErrors = 0
    public var timeouts = 0
    /// Refused or broken connections.
    public var connectionFailures = 0
    /// Other 4xx answers (refusals of the request itself, not the endpoint's fault).
    public var rejected = 0
    /// Attempts that failed here and were retried on another endpoint of the pool.
    public var failovers = 0
    public var circuitOpenings = 0
    public var promptTokens = 0
    public var completionTokens = 0
    /// The adaptive concurrency limit now, and the lowest it fell to.
    public var concurrencyLimit: Double = 0
    public var lowestConcurrencyLimit: Double = 0

    public init(endpoint: String) {
        self.endpoint = endpoint
    }

    public var failures: Int { rateLimited + serverErrors + timeouts + connectionFailures + rejected }

    /// The counts added since `earlier` (same endpoint); the limits are the latest values, not differences.
    public func since(_ earlier: EndpointTraffic?) -> EndpointTraffic {
        guard let earlier else { return self }
        var delta = self
        delta.requests -= earlier.requests
        delta.answered -= earlier.answered
        delta.rateLimited -= earlier.rateLimited
        delta.serverErrors -= earlier.serverErrors
        delta.timeouts -= earlier.timeouts
        delta.connectionFailures -= earlier.connectionFailures
        delta.rejected -= earlier.rejected
        delta.failovers -= earlier.failovers
        delta.circuitOpenings -= earlier.circuitOpenings
        delta.promptTokens -= earlier.promptTokens
        delta.completionTokens -= earlier.completionTokens
        return delta
    }

    /// True when nothing was counted (no row needs writing).
    public var isEmpty: Bool { requests == 0 && failovers == 0 && circuitOpenings == 0 }
}

/// Anything that reports its endpoints' traffic (the HTTP client; fakes in tests).
public protocol TrafficReporting: Sendable {
    func traffic() async -> [EndpointTraffic]
}
