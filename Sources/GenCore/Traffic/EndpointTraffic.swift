/// What one server of a model did: requests sent, answers, failures by kind, failovers away from it, circuit
/// openings, tokens, and its adaptive concurrency limit. The HTTP client counts it (cumulative over the
/// client's life); the run store adds up the differences batch by batch, so a resumed run's figures cover every
/// session; the run summary, the report and the tests read the store's totals.
public struct EndpointTraffic: Sendable, Hashable, Codable {
    /// The script's model name (set by the run; the client does not know it).
    public var model: String
    /// The server's base URL as messages show it (query values redacted).
    public var endpoint: String
    /// HTTP attempts sent (retries included, and a server declining one structured-output form before the other).
    public var requests = 0
    /// 2xx answers.
    public var answered = 0
    public var rateLimited = 0
    public var serverErrors = 0
    public var timeouts = 0
    /// Refused or broken connections.
    public var connectionFailures = 0
    /// Other 4xx answers (refusals of the request itself, not the server's fault).
    public var rejected = 0
    /// Attempts that failed here and were sent to another server of the pool at once.
    public var failovers = 0
    public var circuitOpenings = 0
    public var promptTokens = 0
    public var completionTokens = 0
    /// The adaptive concurrency limit now, and the lowest it fell to; nil when unknown.
    public var concurrencyLimit: Double?
    public var lowestConcurrencyLimit: Double?

    public init(model: String = "", endpoint: String) {
        self.model = model
        self.endpoint = endpoint
    }

    public var failures: Int { rateLimited + serverErrors + timeouts + connectionFailures + rejected }

    /// The failures by kind, e.g. "3 refused or broken connections, 1 timeout"; empty when there were none.
    public var failureBreakdown: String {
        [(connectionFailures, "refused or broken connection", "refused or broken connections"), (timeouts, "timeout", "timeouts"),
         (serverErrors, "5xx", "5xx"), (rateLimited, "429", "429"), (rejected, "other 4xx", "other 4xx")]
            .filter { $0.0 > 0 }
            .map { count, one, many in "\(count) \(count == 1 ? one : many)" }
            .joined(separator: ", ")
    }

    /// The counts added since `earlier` (the same server); the limits are the latest values, not differences.
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

/// Anything that reports its servers' traffic (the HTTP client; fakes in tests).
public protocol TrafficReporting: Sendable {
    func traffic() async -> [EndpointTraffic]
}
