import GenPipeline
import GenProviders

/// A declared `model` as a check sees it: the client that reaches it and the model name the server knows.
public struct CheckModel: Sendable {
    /// The script's name for it (`model judge = ...`), used in methods and messages.
    public var name: String
    public var client: any LLMClient
    /// The model name sent to the server (e.g. `smollm2`).
    public var model: String
    /// What makes two models the same for the cache: the server address and the model name, so a cached
    /// judgment from one server is never reused for another that happens to share a model name.
    public var cacheIdentity: String
    /// Whether several texts may share one `/v1/embeddings` request. Off by default: llama-cpp-python 0.3.x
    /// (per-token embeddings) returns correct vectors only for the first input of a batch and unrelated
    /// ones for the rest (measured: an input's batched vs single-request vectors had cosine -0.002), so
    /// texts go one per request unless a host knows its server batches correctly.
    public var embedsInBatches: Bool

    public init(name: String, client: any LLMClient, model: String, cacheIdentity: String? = nil, embedsInBatches: Bool = false) {
        self.name = name
        self.client = client
        self.model = model
        self.cacheIdentity = cacheIdentity ?? model
        self.embedsInBatches = embedsInBatches
    }

    /// One `CheckModel` per declared model that has a client; the engine shares its clients (and their token
    /// accounting) with the arms by passing them here, keyed by the model's declared name.
    public static func from(graph: PipelineGraph, clients: [String: any LLMClient]) -> [String: CheckModel] {
        var models: [String: CheckModel] = [:]
        for node in graph.models {
            guard let client = clients[node.name] else { continue }
            models[node.name] = CheckModel(
                name: node.name, client: client, model: node.model, cacheIdentity: "\(node.baseURL)|\(node.model)")
        }
        return models
    }
}
