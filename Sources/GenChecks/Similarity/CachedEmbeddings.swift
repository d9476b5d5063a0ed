import GenCore
import GenProviders

/// Embeddings through the content cache: texts already embedded by this model cost nothing, the rest go to
/// the server in one call. Raw (uncentred) vectors are cached, so a change of centre never stales the cache.
enum CachedEmbeddings {
    static let cacheKind = "embedding"
    static let version = 1

    struct Result {
        var vectors: [[Double]]
        /// Tokens the server reported for the texts it embedded now (0 when all came from the cache).
        var tokens: Int
        var fetched: Int
    }

    static func vectors(for texts: [String], model: CheckModel, cache: any CheckCache) async throws -> Result {
        var vectors = try await lookUp(texts, model: model, cache: cache)
        let missing = vectors.indices.filter { vectors[$0] == nil }
        guard !missing.isEmpty else { return Result(vectors: vectors.map { $0 ?? [] }, tokens: 0, fetched: 0) }
        // Misses are filled one caller per text at a time; a text another caller filled meanwhile is then found
        // stored (see `KeyedGate`), so each distinct text is asked for once per run.
        let keys = missing.map { cacheKind + "\u{0}" + key(texts[$0], model) }
        return try await cache.gate.holding(keys) { waited in
            if waited {
                let refreshed = try await lookUp(missing.map { texts[$0] }, model: model, cache: cache)
                for (index, vector) in zip(missing, refreshed) { vectors[index] = vector }
            }
            let stillMissing = missing.filter { vectors[$0] == nil }
            var tokens = 0
            if !stillMissing.isEmpty {
                // Each distinct text is embedded once, even when it appears twice.
                var unique: [String] = []
                for index in stillMissing where !unique.contains(texts[index]) { unique.append(texts[index]) }
                let response = try await embed(unique, model: model)
                tokens = response.tokens
                for (text, vector) in zip(unique, response.vectors) {
                    try await cache.store(.array(vector.map(JSONValue.double)), kind: cacheKind, key: key(text, model))
                    for index in stillMissing where texts[index] == text { vectors[index] = vector }
                }
            }
            return Result(vectors: vectors.map { $0 ?? [] }, tokens: tokens, fetched: stillMissing.count)
        }
    }

    /// Each text's cached vector, or nil.
    private static func lookUp(_ texts: [String], model: CheckModel, cache: any CheckCache) async throws -> [[Double]?] {
        var vectors: [[Double]?] = []
        for text in texts {
            let stored = try await cache.value(kind: cacheKind, key: key(text, model))
            vectors.append(stored.flatMap(decode))
        }
        return vectors
    }

    /// Vectors for `texts` in order, in one request or one request per text (see `CheckModel.embedsInBatches`),
    /// checked for count and width.
    private static func embed(_ texts: [String], model: CheckModel) async throws -> (vectors: [[Double]], tokens: Int) {
        var responses: [EmbeddingResponse] = []
        if model.embedsInBatches {
            responses = [try await model.client.embed(texts, model: model.model)]
        } else {
            // Sequential on purpose: the client bounds concurrency per model anyway, and this keeps order simple.
            for text in texts { responses.append(try await model.client.embed([text], model: model.model)) }
        }
        let vectors = responses.flatMap(\.vectors)
        guard vectors.count == texts.count else {
            throw ModelCheckError.badEmbeddings(model: model.name, reason: "asked for \(texts.count) vectors, got \(vectors.count)")
        }
        guard let width = vectors.first?.count, width > 0, vectors.allSatisfy({ $0.count == width }) else {
            throw ModelCheckError.badEmbeddings(model: model.name, reason: "vectors are empty or of different widths")
        }
        return (vectors, responses.reduce(0) { $0 + $1.usage.totalTokens })
    }

    static func key(_ text: String, _ model: CheckModel) -> String {
        CheckCacheKey.make(model: model.cacheIdentity, version: version, inputs: ["text": .string(text)])
    }

    private static func decode(_ value: JSONValue) -> [Double]? {
        guard let items = value.arrayValue, !items.isEmpty else { return nil }
        let numbers = items.compactMap(\.doubleValue)
        return numbers.count == items.count ? numbers : nil
    }
}
