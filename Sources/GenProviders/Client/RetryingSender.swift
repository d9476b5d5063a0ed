import Foundation

/// Sends one request, retrying what is worth retrying and turning every failure into an `LLMError`.
///
/// Retried (up to `RetryPolicy.maxAttempts`): timeouts, broken connections, HTTP 429 (Retry-After
/// honoured) and 5xx. Not retried: 4xx, answers that are not JSON, and "connection refused" from a server
/// that never answered, which means it is not running: the run should stop at once with a hint,
/// not spend minutes in backoff. A refusal after the server has answered (a restart) is retried.
struct RetryingSender: Sendable {
    let configuration: ClientConfiguration
    let transport: URLSessionTransport
    let sleeper: any Sleeper
    let jitter: JitterSource
    let endpoint: EndpointState
    let apiKey: APIKey?

    /// A 2xx reply and the attempts it took.
    struct Delivery: Sendable {
        var reply: HTTPReply
        var attempts: Int
    }

    /// What to do after a failed attempt: wait and retry, or give up with this error.
    private struct Setback {
        var finalError: LLMError
        var retryAfter: Duration?
    }

    /// Sends the request. `isRefusal` marks 5xx messages that are really a refusal of this request
    /// (llama-cpp-python answers an unknown `response_format` with HTTP 500): those fail at once as
    /// `badRequest` instead of being retried. `contentType` is the body's (a batch file is uploaded as multipart).
    func send(
        _ method: String, path: String, body: Data?, contentType: String = "application/json",
        isRefusal: (@Sendable (String) -> Bool)? = nil
    ) async throws -> Delivery {
        let url = try endpointURL(path)
        let headers = headers(contentType: contentType)
        var attempt = 0
        while true {
            attempt += 1
            let setback: Setback
            do {
                let reply = try await transport.send(method, to: url, body: body, headers: headers, timeout: configuration.timeout)
                await endpoint.markAnswered()
                if (200..<300).contains(reply.status) { return Delivery(reply: reply, attempts: attempt) }
                setback = try judge(reply, path: path, attempt: attempt, isRefusal: isRefusal)
            } catch let failure as TransportFailure {
                setback = try await judge(failure, attempt: attempt)
            }
            guard attempt < configuration.retry.maxAttempts else { throw setback.finalError }
            let draw = await jitter.nextUnit()
            try await sleeper.sleep(for: configuration.retry.delay(beforeRetry: attempt, unitDraw: draw, retryAfter: setback.retryAfter))
        }
    }

    /// The base URL as shown in messages, with any key (e.g. in a query string) redacted.
    var redactedURL: String { redact(configuration.displayURL) }

    private var displayURL: String { redactedURL }

    private func headers(contentType: String) -> [String: String] {
        var headers = ["Content-Type": contentType, "Accept": "application/json"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey.secret)" }
        return headers
    }

    private func endpointURL(_ path: String) throws -> URL {
        let text = configuration.endpoint(path)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw LLMError.invalidURL(url: displayURL)
        }
        return url
    }

    /// A non-2xx answer: retry (429, 5xx) or fail now (everything else).
    private func judge(_ reply: HTTPReply, path: String, attempt: Int, isRefusal: (@Sendable (String) -> Bool)?) throws -> Setback {
        let message = redact(ServerMessage.extract(from: reply.body))
        let retryAfter = RetryAfter.parse(reply.header("Retry-After"))
        switch reply.status {
        case 429:
            return Setback(finalError: .rateLimited(url: displayURL, attempts: attempt), retryAfter: retryAfter)
        case 500...599 where isRefusal?(message) == true:
            throw LLMError.badRequest(url: displayURL, status: reply.status, serverMessage: message)
        case 500...599:
            return Setback(finalError: .serverError(url: displayURL, status: reply.status, serverMessage: message, attempts: attempt),
                           retryAfter: retryAfter)
        case 401, 403:
            throw LLMError.unauthorized(url: displayURL, status: reply.status, keyVariable: configuration.apiKeyVariable, serverMessage: message)
        case 404:
            throw LLMError.notFound(url: displayURL, path: "/" + path, serverMessage: message)
        default:
            throw LLMError.badRequest(url: displayURL, status: reply.status, serverMessage: message)
        }
    }

    /// No answer at all: retry (timeouts, broken connections, refusals after the server once answered) or fail now.
    private func judge(_ failure: TransportFailure, attempt: Int) async throws -> Setback {
        switch failure {
        case .refused:
            let unreachable = LLMError.unreachable(url: displayURL, reason: "connection refused", hint: configuration.unreachableHint)
            guard await endpoint.hasAnswered else { throw unreachable }
            return Setback(finalError: unreachable)
        case .unknownHost:
            throw LLMError.unreachable(url: displayURL, reason: "unknown host", hint: configuration.unreachableHint)
        case .badURL:
            throw LLMError.invalidURL(url: displayURL)
        case .timedOut:
            return Setback(finalError: .timeout(url: displayURL, seconds: configuration.timeout, attempts: attempt))
        case .connectionLost(let reason):
            return Setback(finalError: .connectionLost(url: displayURL, reason: redact(reason), attempts: attempt))
        case .responseTooLarge(let limit):
            throw LLMError.malformedResponse(url: displayURL, reason: "the answer grew past \(limit >> 20) MB; Gen stopped reading it")
        }
    }

    /// `text` with the API key (if any) masked: every message built from what a server sent goes through here.
    func redact(_ text: String) -> String {
        apiKey?.redact(text) ?? text
    }
}
