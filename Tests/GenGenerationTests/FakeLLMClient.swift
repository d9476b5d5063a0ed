import Foundation
import GenCore
import GenProviders

/// A scripted LLM: answers each request with the next reply, and records every request it saw.
final class FakeLLMClient: LLMClient, @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [Result<String, LLMError>]
    /// Answers by request instead of in arrival order (for requests sent concurrently).
    private let answer: (@Sendable (ChatRequest) -> Result<String, LLMError>)?
    private(set) var requests: [ChatRequest] = []

    init(replies: [Result<String, LLMError>]) {
        self.replies = replies
        self.answer = nil
    }

    init(answer: @escaping @Sendable (ChatRequest) -> Result<String, LLMError>) {
        self.replies = []
        self.answer = answer
    }

    func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let reply: Result<String, LLMError> = lock.withLock {
            requests.append(request)
            if let answer { return answer(request) }
            return replies.isEmpty ? .success("{}") : replies.removeFirst()
        }
        switch reply {
        case .success(let text):
            return ChatResponse(text: text, finishReason: .stop, usage: TokenUsage(promptTokens: 10, completionTokens: 5))
        case .failure(let error):
            throw error
        }
    }

    func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        throw LLMError.malformedResponse(url: "fake", reason: "no embeddings")
    }
}
