/// How one HTTP attempt on a pool's endpoint ended, in the terms its circuit breaker, concurrency controller
/// and counters need.
enum AttemptOutcome: Sendable, Equatable {
    /// 2xx; the answer's completion tokens when known (the latency signal is per token).
    case answered(completionTokens: Int?)
    case rateLimited(retryAfter: Double?)
    case serverError
    case timedOut
    /// Nothing listens at the address.
    case refused
    case connectionLost
    /// A 4xx other than 429: the request's fault, not the endpoint's.
    case rejected
    /// The caller gave up (a stop); says nothing about the endpoint.
    case cancelled

    /// Worth retrying on another endpoint of the pool at once.
    var isEndpointFault: Bool {
        switch self {
        case .rateLimited, .serverError, .timedOut, .refused, .connectionLost: return true
        case .answered, .rejected, .cancelled: return false
        }
    }
}

/// An endpoint lent to one attempt; give it back with `EndpointPool.finish`.
struct EndpointLease: Sendable {
    let member: Int
    let address: EndpointAddress
    let sentAt: Double
    let estimatedTokens: Int
}

/// Every endpoint of the pool is out of rotation (its circuit open after failures); the earliest is due for a
/// health check in `retryIn` seconds.
struct PoolUnavailable: Error, Sendable {
    let retryIn: Double
}
