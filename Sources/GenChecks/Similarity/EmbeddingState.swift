import GenCore
import GenProviders
import GenStore

/// What similarity remembers across calls: each embedding model's centre (computed once, even when many
/// samples ask at the same time) and the models found to serve no embeddings (asked once, not per sample).
actor EmbeddingState {
    struct Centre: Sendable {
        var mean: [Double]
        var referenceCount: Int
        /// Tokens spent embedding the references (reported once, by the call that computed the centre).
        var tokens: Int
    }

    private var centres: [String: Task<Centre, any Error>] = [:]
    private var unsupported: [String: String] = [:]

    /// The mean embedding of `references` for `model`, computed on first use.
    func centre(model: CheckModel, references: [String], cache: any CheckCache) async throws -> (centre: Centre, tokens: Int) {
        let key = model.cacheIdentity + "|" + SHA256.hex(references.joined(separator: "\u{1F}"))
        if let task = centres[key] { return (try await task.value, 0) }
        let task = Task<Centre, any Error> {
            let result = try await CachedEmbeddings.vectors(for: references, model: model, cache: cache)
            guard let mean = VectorMath.mean(result.vectors) else {
                throw ModelCheckError.badEmbeddings(model: model.name, reason: "reference vectors have different widths")
            }
            return Centre(mean: mean, referenceCount: references.count, tokens: result.tokens)
        }
        centres[key] = task
        do {
            let centre = try await task.value
            return (centre, centre.tokens)
        } catch {
            centres[key] = nil  // a failed centre (server down) is retried on the next call
            throw error
        }
    }

    func unsupportedReason(for model: CheckModel) -> String? { unsupported[model.cacheIdentity] }

    func markUnsupported(_ model: CheckModel, reason: String) { unsupported[model.cacheIdentity] = reason }
}
