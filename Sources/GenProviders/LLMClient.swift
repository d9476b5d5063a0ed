/// What the runtime needs from a language-model backend: chat completions and embeddings.
///
/// Production injects `OpenAICompatibleClient`; tests inject fakes, replays or the real client pointed
/// at a stub server.
public protocol LLMClient: Sendable {
    /// One chat completion. Throws `LLMError` with a user-facing message when the server cannot serve it.
    func chat(_ request: ChatRequest) async throws -> ChatResponse

    /// One embedding vector per text, in input order.
    func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse
}
