import Foundation

/// An `LLMClient` for any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp / llama-cpp-python).
///
/// Bounded concurrency per model, timeouts, retries with jittered exponential backoff, token accounting,
/// and structured output that works on every backend: the client tries OpenAI's `json_schema` form and,
/// when a server rejects `response_format`, switches to llama.cpp's `json_object` + `schema` form and
/// remembers that for the endpoint.
public struct OpenAICompatibleClient: LLMClient, ModelListing, CustomStringConvertible {
    public let configuration: ClientConfiguration
    /// Tokens spent through this client (share one accountant between clients for run totals).
    public let usage: UsageAccountant
    /// Also the batch-mode client's, for the batch API's calls.
    let sender: RetryingSender
    private let limiter: ConcurrencyLimiter
    private let endpoint: EndpointState

    /// Creates a client; reads the API key from `environment[configuration.apiKeyVariable]`.
    /// Throws `LLMError.missingAPIKey` when that variable is named but unset, `.invalidURL` for a non-http URL.
    public init(
        configuration: ClientConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sleeper: any Sleeper = TaskSleeper(),
        usage: UsageAccountant = UsageAccountant()
    ) throws {
        var apiKey: APIKey?
        if let variable = configuration.apiKeyVariable {
            guard let secret = environment[variable], !secret.isEmpty else { throw LLMError.missingAPIKey(variable: variable) }
            apiKey = APIKey(secret)
        }
        let url = URL(string: configuration.endpoint("models"))
        let scheme = url?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", url?.host?.isEmpty == false else {
            throw LLMError.invalidURL(url: apiKey?.redact(configuration.displayURL) ?? configuration.displayURL)
        }
        let endpoint = EndpointState()
        self.configuration = configuration
        self.usage = usage
        self.endpoint = endpoint
        self.limiter = ConcurrencyLimiter(permitsPerModel: configuration.maxConcurrency)
        self.sender = RetryingSender(
            configuration: configuration,
            // Room for several models' permits; the semaphores, not URLSession, do the bounding.
            transport: URLSessionTransport(timeout: configuration.timeout, maxConnections: max(16, configuration.maxConcurrency * 4)),
            sleeper: sleeper,
            jitter: JitterSource(seed: configuration.retry.seed),
            endpoint: endpoint,
            apiKey: apiKey
        )
    }

    public var description: String { "OpenAICompatibleClient(\(sender.redactedURL))" }

    /// The base URL as messages show it, any key in it redacted.
    public var redactedBaseURL: String { sender.redactedURL }

    public func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let started = ContinuousClock.now
        let delivery: RetryingSender.Delivery
        var dialect: StructuredOutputDialect?
        if request.outputSchema != nil {
            (delivery, dialect) = try await sendStructured(request)
        } else {
            delivery = try await sendChat(request, dialect: nil)
        }
        var response = try ChatWireFormat.response(
            delivery.reply.body, url: sender.redactedURL, latency: ContinuousClock.now - started, attempts: delivery.attempts)
        response.structuredOutput = dialect
        await usage.record(model: request.model, usage: response.usage, attempts: delivery.attempts)
        return response
    }

    public func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        guard !texts.isEmpty else { return EmbeddingResponse(vectors: [], usage: TokenUsage()) }
        let started = ContinuousClock.now
        let body = EmbeddingWireFormat.body(texts: texts, model: model)
        let delivery = try await limiter.semaphore(for: model).withPermit {
            try await sender.send("POST", path: "embeddings", body: body)
        }
        var response: EmbeddingResponse
        do {
            response = try EmbeddingWireFormat.decode(delivery.reply.body, expectedCount: texts.count)
        } catch {
            throw LLMError.malformedResponse(url: sender.redactedURL, reason: error.reason)
        }
        response.latency = ContinuousClock.now - started
        response.attempts = delivery.attempts
        await usage.record(model: model, usage: response.usage, attempts: delivery.attempts)
        return response
    }

    /// The model ids the server lists at `GET /models`: a cheap check, before any token is spent, that
    /// the server answers, accepts the key and speaks the OpenAI API. Throws the same `LLMError`s as `chat`.
    public func listModels() async throws -> [String] {
        let delivery = try await sender.send("GET", path: "models", body: nil)
        do throws(WireError) {
            let value = try WireError.parseJSON(delivery.reply.body)
            guard let items = value["data"]?.arrayValue else { throw WireError("no `data` list in the models answer") }
            return items.compactMap { $0["id"]?.stringValue }
        } catch {
            throw LLMError.malformedResponse(url: sender.redactedURL, reason: error.reason)
        }
    }

    private func sendChat(_ request: ChatRequest, dialect: StructuredOutputDialect?) async throws -> RetryingSender.Delivery {
        let body = ChatWireFormat.body(for: request, dialect: dialect)
        let isRefusal: (@Sendable (String) -> Bool)? = dialect == nil ? nil : Self.rejectsResponseFormat
        return try await limiter.semaphore(for: request.model).withPermit {
            try await sender.send("POST", path: "chat/completions", body: body, isRefusal: isRefusal)
        }
    }

    /// Sends with the endpoint's known dialect (OpenAI's first); on a rejection that names the response
    /// format, tries the other dialect once and remembers whichever the server accepted.
    private func sendStructured(_ request: ChatRequest) async throws -> (RetryingSender.Delivery, StructuredOutputDialect) {
        let first: StructuredOutputDialect
        switch configuration.structuredOutput {
        case .fixed(let dialect):
            return (try await sendChat(request, dialect: dialect), dialect)
        case .automatic:
            first = await endpoint.dialect ?? .jsonSchema
        }
        do {
            let delivery = try await sendChat(request, dialect: first)
            await endpoint.remember(first)
            return (delivery, first)
        } catch let LLMError.badRequest(url, _, message) where Self.rejectsResponseFormat(message) {
            let second = first.alternative
            do {
                let delivery = try await sendChat(request, dialect: second)
                await endpoint.remember(second)
                return (delivery, second)
            } catch let LLMError.badRequest(_, status, secondMessage) {
                throw LLMError.badRequest(url: url, status: status, serverMessage:
                    "the server accepts neither structured-output form; \(first.rawValue): \(message); \(second.rawValue): \(secondMessage)")
            }
        }
    }

    /// Whether an error message refuses the `response_format` field (as opposed to, say, the prompt).
    /// Seen: llama-cpp-python answers HTTP 500 "1 validation error: ... 'loc': ('body', 'response_format',
    /// 'type'), 'msg': "Input should be 'text' or 'json_object'"".
    @Sendable static func rejectsResponseFormat(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return ["response_format", "json_schema"].contains { lowered.contains($0) }
    }
}
