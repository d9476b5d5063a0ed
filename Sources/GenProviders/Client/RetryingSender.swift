import Foundation

/// Sends one request over a model's endpoint pool, retrying what is worth retrying and turning every failure
/// into an `LLMError`.
///
/// Retried (up to `RetryPolicy.maxAttempts`): timeouts, broken connections, HTTP 429 (Retry-After honoured)
/// and 5xx. When another endpoint of the pool is healthy the retry goes there at once (a failover); with
/// nowhere else to go it waits the policy's backoff. Not retried: 4xx, answers that are not JSON, and
/// "connection refused" when no endpoint ever answered, which means nothing is running: the run should stop
/// at once with a hint, not spend minutes in backoff. A refusal after a server has answered (a restart) is retried.
struct RetryingSender: Sendable {
    let configuration: ClientConfiguration
    let transport: HTTPTransport
    let sleeper: any Sleeper
    let jitter: JitterSource
    let pool: EndpointPool
    let apiKey: APIKey?

    init(
        configuration: ClientConfiguration, transport: HTTPTransport, sleeper: any Sleeper, jitter: JitterSource,
        apiKey: APIKey?
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sleeper = sleeper
        self.jitter = jitter
        self.apiKey = apiKey
        var headers = ["Accept": "application/json"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey.secret)" }
        let probeTimeout = min(configuration.timeout, 5)
        pool = EndpointPool(
            addresses: configuration.addresses, maxConcurrency: configuration.maxConcurrency,
            adaptive: configuration.adaptiveConcurrency, requestsPerMinute: configuration.requestsPerMinute,
            tokensPerMinute: configuration.tokensPerMinute
        ) { [headers] address in
            // The health check of an endpoint whose circuit cooled down: does it list its models?
            guard let url = URL(string: address.url("models")),
                  let reply = try? await transport.send("GET", to: url, body: nil, headers: headers, timeout: probeTimeout)
            else { return false }
            return (200..<300).contains(reply.status)
        }
    }

    /// A decoded 2xx answer, the attempts it took and the endpoint that gave it.
    struct Delivery<Value: Sendable>: Sendable {
        var value: Value
        var attempts: Int
        var endpoint: String
    }

    /// What to do after a failed attempt: wait and retry, or give up with this error.
    private struct Setback {
        var finalError: LLMError
        var retryAfter: Duration?
    }

    /// Sends the request and decodes its 2xx answer with `decode` (the value and its token usage, which the pool
    /// counts per endpoint). `isRefusal` marks 5xx messages that are really a refusal of this request
    /// (llama-cpp-python answers an unknown `response_format` with HTTP 500): those fail at once as `badRequest`.
    /// `estimatedTokens` is what a declared tokens-per-minute limit reserves before the usage is known.
    /// `contentType` is the body's (a batch file is uploaded as multipart).
    func send<Value: Sendable>(
        _ method: String, path: String, body: Data?, contentType: String = "application/json", estimatedTokens: Int? = nil,
        isRefusal: (@Sendable (String) -> Bool)? = nil,
        decode: (Data) throws(WireError) -> (Value, TokenUsage?)
    ) async throws -> Delivery<Value> {
        let estimate = estimatedTokens ?? (body?.count ?? 0) / 4
        var attempt = 0
        var avoiding: Int?
        var lastError: LLMError?
        while true {
            attempt += 1
            let lease: EndpointLease
            do {
                lease = try await pool.acquire(estimatedTokens: estimate, avoiding: avoiding)
            } catch let unavailable as PoolUnavailable {
                let error = lastError ?? .connectionLost(
                    url: redactedURL, reason: "every endpoint of the pool is failing its health checks", attempts: attempt)
                guard attempt < configuration.retry.maxAttempts else { throw error }
                try await backOff(after: attempt, atLeast: .seconds(unavailable.retryIn))
                continue
            }
            let url: URL
            do {
                url = try endpointURL(lease.address, path)
            } catch {
                await pool.finish(lease, .rejected)
                throw error
            }
            let setback: Setback
            do {
                let reply = try await transport.send(
                    method, to: url, body: body, headers: headers(body: body, contentType: contentType), timeout: configuration.timeout)
                if (200..<300).contains(reply.status) {
                    return try await deliver(reply, lease: lease, attempts: attempt, decode: decode)
                }
                await pool.finish(lease, outcome(of: reply, isRefusal: isRefusal))
                setback = try judge(reply, at: lease.address, path: path, attempt: attempt, isRefusal: isRefusal)
            } catch let failure as TransportFailure {
                await pool.finish(lease, outcome(of: failure))
                setback = try await judge(failure, at: lease.address, attempt: attempt)
            } catch let error as LLMError {
                throw error
            } catch {
                await pool.finish(lease, .cancelled)
                throw error
            }
            lastError = setback.finalError
            guard attempt < configuration.retry.maxAttempts else { throw setback.finalError }
            if await pool.hasOtherClosed(than: lease.member) {
                await pool.recordFailover(from: lease.member)
                avoiding = lease.member
                continue
            }
            try await backOff(after: attempt, atLeast: setback.retryAfter)
        }
    }

    /// `send` for a body read as it is (the batch API's files and objects, decoded by their caller).
    func sendRaw(_ method: String, path: String, body: Data?, contentType: String = "application/json") async throws -> Delivery<Data> {
        try await send(method, path: path, body: body, contentType: contentType) { body throws(WireError) in (body, nil) }
    }

    /// Sends to each endpoint once, without retries or balancing (the start-up check of every server in a pool).
    func sendToEach(_ method: String, path: String) async -> [(address: EndpointAddress, result: Result<HTTPReply, LLMError>)] {
        let addresses = await pool.addresses
        var results: [(EndpointAddress, Result<HTTPReply, LLMError>)] = []
        for (index, address) in addresses.enumerated() {
            do {
                let reply = try await transport.send(
                    method, to: try endpointURL(address, path), body: nil, headers: headers(body: nil, contentType: nil), timeout: configuration.timeout)
                await pool.markAnswered(index)
                if (200..<300).contains(reply.status) {
                    results.append((address, .success(reply)))
                } else {
                    do {
                        let setback = try judge(reply, at: address, path: path, attempt: 1, isRefusal: nil)
                        results.append((address, .failure(setback.finalError)))
                    } catch let error as LLMError {
                        results.append((address, .failure(error)))
                    } catch {}
                }
            } catch let failure as TransportFailure {
                await pool.markDown(index)
                let reason = failure.reason
                results.append((address, .failure(.unreachable(url: redact(address.display), reason: reason, hint: configuration.unreachableHint))))
            } catch let error as LLMError {
                results.append((address, .failure(error)))
            } catch {
                results.append((address, .failure(.connectionLost(url: redact(address.display), reason: "\(error)", attempts: 1))))
            }
        }
        return results
    }

    /// The base URLs as shown in messages, with any key (e.g. in a query string) redacted.
    var redactedURL: String { redact(configuration.displayURL) }

    private func deliver<Value: Sendable>(
        _ reply: HTTPReply, lease: EndpointLease, attempts: Int, decode: (Data) throws(WireError) -> (Value, TokenUsage?)
    ) async throws -> Delivery<Value> {
        do {
            let (value, usage) = try decode(reply.body)
            await pool.finish(lease, .answered(completionTokens: usage?.completionTokens))
            if let usage {
                await pool.recordUsage(
                    member: lease.member, estimated: lease.estimatedTokens, prompt: usage.promptTokens, completion: usage.completionTokens)
            }
            return Delivery(value: value, attempts: attempts, endpoint: redact(lease.address.display))
        } catch {
            await pool.finish(lease, .answered(completionTokens: nil))
            throw LLMError.malformedResponse(url: redact(lease.address.display), reason: error.reason)
        }
    }

    private func backOff(after attempt: Int, atLeast floor: Duration?) async throws {
        let draw = await jitter.nextUnit()
        try await sleeper.sleep(for: configuration.retry.delay(beforeRetry: attempt, unitDraw: draw, retryAfter: floor))
    }

    private func headers(body: Data?, contentType: String?) -> [String: String] {
        var headers = ["Accept": "application/json"]
        if body != nil { headers["Content-Type"] = contentType ?? "application/json" }
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey.secret)" }
        return headers
    }

    private func endpointURL(_ address: EndpointAddress, _ path: String) throws -> URL {
        let text = address.url(path)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw LLMError.invalidURL(url: redact(address.display))
        }
        return url
    }

    private func outcome(of reply: HTTPReply, isRefusal: (@Sendable (String) -> Bool)?) -> AttemptOutcome {
        switch reply.status {
        case 429:
            // The endpoint's pause is capped like the client's own wait: a server's "Retry-After: 86400" must
            // not park a pool of one for a day after the retry policy has already given up waiting.
            let asked = RetryAfter.parse(reply.header("Retry-After")).map(\.seconds)
            return .rateLimited(retryAfter: asked.map { min($0, configuration.retry.maxRetryAfter.seconds) })
        case 500...599 where isRefusal?(ServerMessage.extract(from: reply.body)) == true: return .declinedFormat
        case 500...599: return .serverError
        case 400...499 where isRefusal?(ServerMessage.extract(from: reply.body)) == true: return .declinedFormat
        default: return .rejected
        }
    }

    private func outcome(of failure: TransportFailure) -> AttemptOutcome {
        switch failure {
        case .refused, .unknownHost: return .refused
        case .timedOut: return .timedOut
        case .connectionLost: return .connectionLost
        case .badURL, .responseTooLarge: return .rejected
        }
    }

    /// A non-2xx answer: retry (429, 5xx) or fail now (everything else).
    private func judge(_ reply: HTTPReply, at address: EndpointAddress, path: String, attempt: Int, isRefusal: (@Sendable (String) -> Bool)?) throws -> Setback {
        let url = redact(address.display)
        let message = redact(ServerMessage.extract(from: reply.body))
        let retryAfter = RetryAfter.parse(reply.header("Retry-After"))
        switch reply.status {
        case 429:
            return Setback(finalError: .rateLimited(url: url, attempts: attempt), retryAfter: retryAfter)
        case 500...599 where isRefusal?(message) == true:
            throw LLMError.badRequest(url: url, status: reply.status, serverMessage: message)
        case 500...599:
            return Setback(finalError: .serverError(url: url, status: reply.status, serverMessage: message, attempts: attempt),
                           retryAfter: retryAfter)
        case 401, 403:
            throw LLMError.unauthorized(url: url, status: reply.status, keyVariable: configuration.apiKeyVariable, serverMessage: message)
        case 404:
            throw LLMError.notFound(url: url, path: "/" + path, serverMessage: message)
        default:
            throw LLMError.badRequest(url: url, status: reply.status, serverMessage: message)
        }
    }

    /// No answer at all: retry (timeouts, broken connections, refusals while some endpoint has answered) or fail now.
    private func judge(_ failure: TransportFailure, at address: EndpointAddress, attempt: Int) async throws -> Setback {
        let url = redact(address.display)
        switch failure {
        case .refused, .unknownHost:
            let unreachable = LLMError.unreachable(url: url, reason: failure.reason, hint: configuration.unreachableHint)
            if await pool.noneRunning { throw unreachable }
            return Setback(finalError: unreachable)
        case .badURL:
            throw LLMError.invalidURL(url: url)
        case .timedOut:
            return Setback(finalError: .timeout(url: url, seconds: configuration.timeout, attempts: attempt))
        case .connectionLost(let reason):
            return Setback(finalError: .connectionLost(url: url, reason: redact(reason), attempts: attempt))
        case .responseTooLarge(let limit):
            throw LLMError.malformedResponse(url: url, reason: "the answer grew past \(limit >> 20) MB; Gen stopped reading it")
        }
    }

    /// `text` with the API key (if any) masked: every message built from what a server sent goes through here.
    func redact(_ text: String) -> String {
        apiKey?.redact(text) ?? text
    }
}

extension TransportFailure {
    /// The failure in a few words, for messages.
    var reason: String {
        switch self {
        case .refused: return "connection refused"
        case .unknownHost: return "unknown host"
        case .timedOut: return "timed out"
        case .connectionLost(let reason): return reason
        case .badURL: return "not a URL"
        case .responseTooLarge(let limit): return "the answer grew past \(limit >> 20) MB"
        }
    }
}
