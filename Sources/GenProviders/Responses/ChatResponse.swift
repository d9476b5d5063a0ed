/// Why the server stopped generating.
public struct FinishReason: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A natural end or a stop sequence.
    public static let stop = FinishReason(rawValue: "stop")
    /// `max_tokens` ran out: the text is probably cut short.
    public static let length = FinishReason(rawValue: "length")
    /// The server did not say.
    public static let unknown = FinishReason(rawValue: "unknown")

    public var description: String { rawValue }
}

/// The result of one chat completion.
public struct ChatResponse: Sendable, Hashable {
    /// The generated text (the first choice).
    public var text: String
    public var finishReason: FinishReason
    public var usage: TokenUsage
    /// Wall time from the call until the answer was decoded, retries included.
    public var latency: Duration
    /// HTTP attempts made, 1 when nothing was retried (dialect fallbacks not counted).
    public var attempts: Int
    /// The model name the server reported, when it did.
    public var model: String?
    /// Per-token log-probabilities when the request asked for them; empty otherwise.
    public var logprobs: [TokenLogprob]
    /// The structured-output form the server accepted; nil for free-text requests.
    public var structuredOutput: StructuredOutputDialect?
    /// The base URL of the endpoint that answered (redacted), so a pool's work can be traced; nil from fakes.
    public var endpoint: String?

    public init(
        text: String,
        finishReason: FinishReason,
        usage: TokenUsage,
        latency: Duration = .zero,
        attempts: Int = 1,
        model: String? = nil,
        logprobs: [TokenLogprob] = [],
        structuredOutput: StructuredOutputDialect? = nil
    ) {
        self.text = text
        self.finishReason = finishReason
        self.usage = usage
        self.latency = latency
        self.attempts = attempts
        self.model = model
        self.logprobs = logprobs
        self.structuredOutput = structuredOutput
    }

    /// The alternatives for the first generated token (most likely first), the judge's yes/no evidence.
    public var firstTokenAlternatives: [TokenAlternative] { logprobs.first?.alternatives ?? [] }
}
