/// The result of one embeddings call: one pooled vector per input text, in input order.
public struct EmbeddingResponse: Sendable, Hashable {
    public var vectors: [[Double]]
    public var usage: TokenUsage
    public var latency: Duration
    public var attempts: Int
    /// True when the server sent one vector per token and the client mean-pooled them.
    public var pooledFromTokens: Bool

    public init(vectors: [[Double]], usage: TokenUsage, latency: Duration = .zero, attempts: Int = 1, pooledFromTokens: Bool = false) {
        self.vectors = vectors
        self.usage = usage
        self.latency = latency
        self.attempts = attempts
        self.pooledFromTokens = pooledFromTokens
    }

    /// The vector width (0 when there are no vectors).
    public var dimension: Int { vectors.first?.count ?? 0 }
}
