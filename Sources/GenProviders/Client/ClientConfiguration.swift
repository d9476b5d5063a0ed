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
    /// The environment variable the script reads the URL from (`base_url: env("GEN_EMBED_URL", ...)`),
    /// named in "cannot reach" hints; nil when the URL is written in the script.
    public var urlVariable: String?

    public init(
        baseURL: String,
        apiKeyVariable: String? = nil,
        timeout: Double = 120,
        maxConcurrency: Int = 4,
        retry: RetryPolicy = RetryPolicy(),
        structuredOutput: StructuredOutputSetting = .automatic,
        urlVariable: String? = nil
    ) {
        self.baseURL = baseURL
        self.apiKeyVariable = apiKeyVariable
        self.timeout = max(0.01, timeout)
        self.maxConcurrency = max(1, maxConcurrency)
        self.retry = retry
        self.structuredOutput = structuredOutput
        self.urlVariable = urlVariable
    }

    /// The base URL's path part without trailing slashes, and its query string (a key some services take there).
    private var parts: (base: String, query: String?) {
        let pieces = baseURL.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var base = String(pieces[0])
        while base.hasSuffix("/") { base.removeLast() }
        return (base, pieces.count > 1 ? String(pieces[1]) : nil)
    }

    /// The base URL as shown in messages: every query value redacted, since a key may travel there.
    var displayURL: String {
        let (base, query) = parts
        guard let query, !query.isEmpty else { return base }
        let redacted = query.split(separator: "&").map { pair in
            pair.split(separator: "=", maxSplits: 1).first.map { "\($0)=<redacted>" } ?? "<redacted>"
        }
        return base + "?" + redacted.joined(separator: "&")
    }

    /// The URL of an endpoint: the path goes before the query (`/models` was appended after it).
    func endpoint(_ path: String) -> String {
        let (base, query) = parts
        return base + "/" + path + (query.map { "?" + $0 } ?? "")
    }

    /// What to tell a user whose server does not answer: start the local one, or point elsewhere.
    var unreachableHint: String {
        let local = ["127.0.0.1", "localhost", "[::1]"].contains { displayURL.contains("://\($0)") }
        let elsewhere = urlVariable.map { "set \($0)" } ?? "change the model's base_url in the script"
        return local
            ? "Start it with `scripts/llm-server.sh start` or \(elsewhere)."
            : "Check the URL and the network, or \(elsewhere)."
    }
}
