/// How an `OpenAICompatibleClient` reaches its server. Holds no secret: the API key is read from the
/// environment variable named here when the client is created.
public struct ClientConfiguration: Sendable, Hashable {
    /// The API root, e.g. `http://127.0.0.1:8080/v1`; `/chat/completions` and `/embeddings` are appended.
    public var baseURL: String
    /// The environment variable holding the API key (e.g. `OPENAI_API_KEY`); nil for servers without auth.
    public var apiKeyVariable: String?
    /// Seconds a request may go without an answer before it counts as timed out.
    public var timeout: Double
    /// Requests in flight at once, per model name.
    public var maxConcurrency: Int
    public var retry: RetryPolicy
    public var structuredOutput: StructuredOutputSetting
    /// The environment variable users set to point Gen at another server; named in "cannot reach" hints.
    public var urlVariable: String

    public init(
        baseURL: String,
        apiKeyVariable: String? = nil,
        timeout: Double = 120,
        maxConcurrency: Int = 4,
        retry: RetryPolicy = RetryPolicy(),
        structuredOutput: StructuredOutputSetting = .automatic,
        urlVariable: String = "GEN_LLM_URL"
    ) {
        self.baseURL = baseURL
        self.apiKeyVariable = apiKeyVariable
        self.timeout = max(0.01, timeout)
        self.maxConcurrency = max(1, maxConcurrency)
        self.retry = retry
        self.structuredOutput = structuredOutput
        self.urlVariable = urlVariable
    }

    /// The base URL without trailing slashes, as shown in messages.
    var displayURL: String {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// What to tell a user whose server does not answer: start the local one, or point elsewhere.
    var unreachableHint: String {
        let local = ["127.0.0.1", "localhost", "[::1]"].contains { displayURL.contains("://\($0)") }
        return local
            ? "Start it with `scripts/llm-server.sh start` or set \(urlVariable)."
            : "Check the URL and the network, or set \(urlVariable)."
    }
}
