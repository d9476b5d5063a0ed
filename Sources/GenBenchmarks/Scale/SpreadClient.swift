import Foundation
import GenProviders
import Synchronization

/// One model over several endpoints: each request goes to the endpoint with the fewest requests outstanding,
/// each endpoint with its own `concurrency` limit. Stands in for endpoint pools until a model can name several
/// base URLs itself.
final class SpreadClient: LLMClient {
    let clients: [OpenAICompatibleClient]
    let outstanding: Mutex<[Int]>

    init(urls: [String], concurrency: Int) throws {
        clients = try urls.map { try OpenAICompatibleClient(configuration: ClientConfiguration(baseURL: $0, maxConcurrency: concurrency)) }
        outstanding = Mutex(Array(repeating: 0, count: urls.count))
    }

    func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let index = outstanding.withLock { counts in
            let index = counts.indices.min { counts[$0] < counts[$1] } ?? 0
            counts[index] += 1
            return index
        }
        defer { outstanding.withLock { $0[index] -= 1 } }
        return try await clients[index].chat(request)
    }

    func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        try await clients[0].embed(texts, model: model)
    }
}
