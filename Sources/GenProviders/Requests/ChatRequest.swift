import GenCore

/// A chat completion request in backend-neutral terms; the client turns it into the server's wire form.
public struct ChatRequest: Sendable, Hashable {
    /// The model name the server knows (e.g. `smollm2`).
    public var model: String
    public var messages: [ChatMessage]
    /// Sampling temperature; nil leaves the server default.
    public var temperature: Double?
    /// Nucleus sampling mass; nil leaves the server default.
    public var topP: Double?
    /// Upper bound on generated tokens; nil leaves the server default.
    public var maxTokens: Int?
    /// Sampling seed, so a run with a fixed seed asks the server for reproducible output.
    public var seed: Int?
    /// Sequences at which the server stops generating.
    public var stop: [String]
    /// A JSON Schema the output must follow (structured output); nil for free text.
    /// The client picks the server's dialect for it, so callers never choose one.
    public var outputSchema: JSONValue?
    /// The schema's name, which OpenAI's `json_schema` form requires.
    public var schemaName: String
    /// When set, ask for log-probabilities with this many alternatives per generated token (0...20).
    public var topLogprobs: Int?

    public init(
        model: String,
        messages: [ChatMessage],
        temperature: Double? = nil,
        topP: Double? = nil,
        maxTokens: Int? = nil,
        seed: Int? = nil,
        stop: [String] = [],
        outputSchema: JSONValue? = nil,
        schemaName: String = "output",
        topLogprobs: Int? = nil
    ) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop
        self.outputSchema = outputSchema
        self.schemaName = schemaName
        self.topLogprobs = topLogprobs
    }
}
