/// How an `OpenAICompatibleClient` reaches its servers. Holds no secret: the API key is read from the
/// environment variable named here when the client is created.
public struct ClientConfiguration: Sendable, Hashable {
    /// The API roots, e.g. `http://127.0.0.1:8080/v1`; `/chat/completions` and `/embeddings` are appended.
    /// Several make a pool: requests are balanced over them and fail over between them.
    public var baseURLs: [String]
    /// The environment variable holding the API key (e.g. `OPENAI_API_KEY`); nil for servers without auth.
    public var apiKeyVariable: String?
    /// Seconds a request may go without an answer before it counts as timed out.
    public var timeout: Double
    /// Requests in flight at once, per endpoint: the ceiling of its adaptive limit.
    public var maxConcurrency: Int
    public var retry: RetryPolicy
    public var structuredOutput: StructuredOutputSetting
    /// The environment variable the script reads the URL from (`base_url: env("GEN_EMBED_URL", ...)`),
    /// named in "cannot reach" hints; nil when the URL is written in the script.
    public var urlVariable: String?
    /// Whether each endpoint's concurrency adapts (AIMD) to 429s, 5xx, timeouts and latency under the ceiling.
    public var adaptiveConcurrency: Bool
    /// Declared rate limits per endpoint; nil for none.
    public var requestsPerMinute: Int?
    public var tokensPerMinute: Int?

    public init(
        baseURL: String,
        apiKeyVariable: String? = nil,
        timeout: Double = 120,
        maxConcurrency: Int = 4,
        retry: RetryPolicy = RetryPolicy(),
        structuredOutput: StructuredOutputSetting = .automatic,
        urlVariable: String? = nil,
        pool: [String] = [],
        adaptiveConcurrency: Bool = true,
        requestsPerMinute: Int? = nil,
        tokensPerMinute: Int? = nil
    ) {
        self.baseURLs = pool.isEmpty ? [baseURL] : pool
        self.apiKeyVariable = apiKeyVariable
        self.timeout = max(0.01, timeout)
        self.maxConcurrency = max(1, maxConcurrency)
        self.retry = retry
        self.structuredOutput = structuredOutput
        self.urlVariable = urlVariable
        self.adaptiveConcurrency = adaptiveConcurrency
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
    }

    /// The first (or only) base URL.
    public var baseURL: String { baseURLs[0] }

    var addresses: [EndpointAddress] { baseURLs.map(EndpointAddress.init) }

    /// The base URLs as messages show them (query values redacted): one URL, or the pool's in brackets.
    var displayURL: String {
        let shown = addresses.map(\.display)
        return shown.count == 1 ? shown[0] : "[" + shown.joined(separator: ", ") + "]"
    }

    /// What to tell a user whose server does not answer: start the local one, or point elsewhere.
    var unreachableHint: String {
        let elsewhere = urlVariable.map { "set \($0)" }
            ?? (baseURLs.count > 1 ? "change the model's base_urls in the script" : "change the model's base_url in the script")
        return addresses.contains(where: \.isLocal)
            ? "Start it with `scripts/llm-server.sh start` or \(elsewhere)."
            : "Check the URL and the network, or \(elsewhere)."
    }
}
