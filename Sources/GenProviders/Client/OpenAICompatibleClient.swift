import GenCore
import Foundation

/// An `LLMClient` for any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp / llama-cpp-python).
///
/// One endpoint or a pool of them (balanced, with failover, circuit breakers and adaptive concurrency), timeouts, retries with jittered exponential backoff, token accounting,
/// and structured output that works on every backend: the client tries OpenAI's `json_schema` form and,
/// when a server rejects `response_format`, switches to llama.cpp's `json_object` + `schema` form and
/// remembers that for the endpoint.
public struct OpenAICompatibleClient: LLMClient, ModelListing, TrafficReporting, CustomStringConvertible {
    public let configuration: ClientConfiguration
    /// Tokens spent through this client (share one accountant between clients for run totals).
    public let usage: UsageAccountant
    /// Also the batch-mode client's, for the batch API's calls.
    let sender: RetryingSender
    private let dialects: DialectMemory

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
        for address in configuration.addresses {
            let url = URL(string: address.url("models"))
            let scheme = url?.scheme?.lowercased()
            guard scheme == "http" || scheme == "https", url?.host?.isEmpty == false else {
                throw LLMError.invalidURL(url: apiKey?.redact(address.display) ?? address.display)
            }
        }
        self.configuration = configuration
        self.usage = usage
        self.dialects = DialectMemory()
        self.sender = RetryingSender(
            configuration: configuration,
            // Room for every permit of every endpoint; the pool, not URLSession, does the bounding.
            transport: HTTPTransport(timeout: configuration.timeout, maxConnections: max(16, configuration.maxConcurrency * 2)),
            sleeper: sleeper,
            jitter: JitterSource(seed: configuration.retry.seed),
            apiKey: apiKey
        )
    }

    public var description: String { "OpenAICompatibleClient(\(sender.redactedURL))" }

    /// The base URL as messages show it, any key in it redacted.
    public var redactedBaseURL: String { sender.redactedURL }

    public func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let started = ContinuousClock.now
        let delivery: RetryingSender.Delivery<ChatResponse>
        var dialect: StructuredOutputDialect?
        if request.outputSchema != nil {
            (delivery, dialect) = try await sendStructured(request)
        } else {
            delivery = try await sendChat(request, dialect: nil)
        }
        var response = delivery.value
        response.latency = ContinuousClock.now - started
        response.attempts = delivery.attempts
        response.structuredOutput = dialect
        response.endpoint = delivery.endpoint
        await usage.record(model: request.model, usage: response.usage, attempts: delivery.attempts)
        return response
    }

    public func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        guard !texts.isEmpty else { return EmbeddingResponse(vectors: [], usage: TokenUsage()) }
        let started = ContinuousClock.now
        let body = EmbeddingWireFormat.body(texts: texts, model: model)
        let delivery = try await sender.send("POST", path: "embeddings", body: body) { body throws(WireError) in
            let response = try EmbeddingWireFormat.decode(body, expectedCount: texts.count)
            return (response, response.usage)
        }
        var response = delivery.value
        response.latency = ContinuousClock.now - started
        response.attempts = delivery.attempts
        await usage.record(model: model, usage: response.usage, attempts: delivery.attempts)
        return response
    }

    /// The model ids the servers list at `GET /models`: a cheap check, before any token is spent, that the
    /// servers answer, accept the key and speak the OpenAI API. Throws the same `LLMError`s as `chat`.
    /// In a pool every endpoint is asked: one that fails is taken out of rotation (its failure counted), and the
    /// check throws only when none answers.
    public func listModels() async throws -> [String] {
        if configuration.baseURLs.count == 1 {
            return try await sender.send("GET", path: "models", body: nil) { body throws(WireError) in
                (try Self.modelIDs(body), nil)
            }.value
        }
        var served: [String] = []
        var failures: [LLMError] = []
        for (address, result) in await sender.sendToEach("GET", path: "models") {
            switch result {
            case .success(let reply):
                do {
                    served += try Self.modelIDs(reply.body).filter { !served.contains($0) }
                } catch {
                    failures.append(.malformedResponse(url: address.display, reason: error.reason))
                }
            case .failure(let error):
                failures.append(error)
            }
        }
        if failures.count == configuration.baseURLs.count, let first = failures.first { throw first }
        return served
    }

    /// Each endpoint's traffic so far: requests, answers, failures, failovers and its concurrency limit.
    public func traffic() async -> [EndpointTraffic] {
        await sender.pool.traffic()
    }

    private static func modelIDs(_ body: Data) throws(WireError) -> [String] {
        let value = try WireError.parseJSON(body)
        guard let items = value["data"]?.arrayValue else { throw WireError("no `data` list in the models answer") }
        return items.compactMap { $0["id"]?.stringValue }
    }

    private func sendChat(_ request: ChatRequest, dialect: StructuredOutputDialect?) async throws -> RetryingSender.Delivery<ChatResponse> {
        let body = ChatWireFormat.body(for: request, dialect: dialect)
        let isRefusal: (@Sendable (String) -> Bool)? = dialect == nil ? nil : Self.rejectsResponseFormat
        // What a tokens-per-minute limit counts before the answer: the prompt (about 4 bytes a token) and max_tokens.
        let estimate = body.count / 4 + (request.maxTokens ?? 256)
        return try await sender.send(
            "POST", path: "chat/completions", body: body, estimatedTokens: estimate, isRefusal: isRefusal
        ) { body throws(WireError) in
            let response = try ChatWireFormat.decode(body)
            return (response, response.usage)
        }
    }

    /// Sends with the endpoint's known dialect (OpenAI's first); on a rejection that names the response
    /// format, tries the other dialect once and remembers whichever the server accepted.
    private func sendStructured(_ request: ChatRequest) async throws -> (RetryingSender.Delivery<ChatResponse>, StructuredOutputDialect) {
        let first: StructuredOutputDialect
        switch configuration.structuredOutput {
        case .fixed(let dialect):
            return (try await sendChat(request, dialect: dialect), dialect)
        case .automatic:
            first = await dialects.dialect ?? .jsonSchema
        }
        do {
            let delivery = try await sendChat(request, dialect: first)
            await dialects.remember(first)
            return (delivery, first)
        } catch let LLMError.badRequest(url, _, message) where Self.rejectsResponseFormat(message) {
            let second = first.alternative
            do {
                let delivery = try await sendChat(request, dialect: second)
                await dialects.remember(second)
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
