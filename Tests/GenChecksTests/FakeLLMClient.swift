import GenProviders

/// A scripted `LLMClient` that records every call, so tests can assert prompts and count model calls.
actor FakeLLMClient: LLMClient {
    typealias ChatHandler = @Sendable (ChatRequest) throws -> ChatResponse
    typealias EmbedHandler = @Sendable ([String]) throws -> [[Double]]

    private let chatHandler: ChatHandler
    private let embedHandler: EmbedHandler
    private(set) var chatRequests: [ChatRequest] = []
    private(set) var embedCalls: [[String]] = []

    init(
        chat: @escaping ChatHandler = { _ in ChatResponse(text: "", finishReason: .stop, usage: TokenUsage()) },
        embed: @escaping EmbedHandler = { texts in texts.map { _ in [1, 0] } }
    ) {
        chatHandler = chat
        embedHandler = embed
    }

    func chat(_ request: ChatRequest) async throws -> ChatResponse {
        chatRequests.append(request)
        return try chatHandler(request)
    }

    func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        embedCalls.append(texts)
        return EmbeddingResponse(vectors: try embedHandler(texts), usage: TokenUsage(promptTokens: texts.count * 3))
    }

    /// Chat plus embedding calls made so far.
    var callCount: Int { chatRequests.count + embedCalls.count }

    /// A chat answer with the given text, usage and first-token alternatives.
    static func answer(_ text: String, alternatives: [(String, Double)] = []) -> ChatResponse {
        let logprobs = alternatives.isEmpty ? [] : [
            TokenLogprob(
                token: text, logprob: alternatives.first?.1 ?? 0,
                alternatives: alternatives.map { TokenAlternative(token: $0.0, logprob: $0.1) }),
        ]
        return ChatResponse(
            text: text, finishReason: .stop, usage: TokenUsage(promptTokens: 40, completionTokens: 2), logprobs: logprobs)
    }
}
