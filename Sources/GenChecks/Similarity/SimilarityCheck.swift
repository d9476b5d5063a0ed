import GenCore
import GenPipeline
import GenProviders
import GenQuality
import GenRun

/// `similarity(a, b, using: embedder)`: the cosine of the two texts' embeddings from the model's
/// `/v1/embeddings`, after centring (see `ReferenceTexts`); without a model, or when the model serves no
/// embeddings, a lexical TF-IDF cosine computed in-process. The method says which one was used.
///
/// The score is the cosine clipped to [0, 1]: opposite directions are as dissimilar as orthogonal ones.
public struct SimilarityCheck: ModelCheckKind {
    public let signature = QualityCheckSpec(kind: KindSpec(family: "check", name: "similarity", parameters: [
        ParameterSpec(name: "a", type: .string, isRequired: true, summary: "first text"),
        ParameterSpec(name: "b", type: .string, isRequired: true, summary: "second text"),
        ParameterSpec(name: "using", type: .model, summary: "the embedding model (without one: in-process TF-IDF)"),
    ], positional: ["a", "b"], summary: "cosine similarity in [0, 1] (lexical without a model)"), result: .float, execution: .model)
    private let state = EmbeddingState()

    public init() {}

    public func run(_ invocation: CheckInvocation) async throws -> ModelCheckOutcome {
        let a = try invocation.text(at: 0, named: "a")
        let b = try invocation.text(at: 1, named: "b")
        guard let model = invocation.model else {
            return lexical(a, b, invocation, reason: "no embedding model")
        }
        if let reason = await state.unsupportedReason(for: model) {
            return lexical(a, b, invocation, reason: reason)
        }
        do {
            return try await embedded(a, b, model: model, invocation)
        } catch let error as LLMError {
            guard let reason = Self.servesNoEmbeddings(error, model: model) else { throw error }
            await state.markUnsupported(model, reason: reason)
            return lexical(a, b, invocation, reason: reason)
        }
    }

    private func embedded(_ a: String, _ b: String, model: CheckModel, _ invocation: CheckInvocation) async throws -> ModelCheckOutcome {
        let references = ReferenceTexts.forSpec(invocation.context.spec)
        let (centre, centreTokens) = try await state.centre(model: model, references: references, cache: invocation.cache)
        let pair = try await CachedEmbeddings.vectors(for: [a, b], model: model, cache: invocation.cache)
        let raw = VectorMath.cosine(pair.vectors[0], pair.vectors[1]) ?? 0
        var centred = VectorMath.cosine(
            VectorMath.subtract(pair.vectors[0], centre.mean), VectorMath.subtract(pair.vectors[1], centre.mean))
        // Identical texts have identical vectors; say so even when a vector sits on the centre itself.
        if a == b { centred = 1 }
        let method = centred == nil
            ? "embedding cosine, uncentred: a vector equals the centre (\(model.name))"
            : "embedding cosine centred on \(centre.referenceCount) reference texts (\(model.name))"
        let cosine = centred ?? raw
        let tokens = pair.tokens + centreTokens
        return ModelCheckOutcome(
            score: max(0, cosine), method: method,
            detail: .object([
                "model": .string(model.name),
                "cosine": .double(cosine),
                "raw_cosine": .double(raw),
                "dimension": .int(pair.vectors[0].count),
                "references": .int(centre.referenceCount),
            ]),
            tokens: tokens, cached: pair.fetched == 0 && tokens == 0)
    }

    private func lexical(_ a: String, _ b: String, _ invocation: CheckInvocation, reason: String) -> ModelCheckOutcome {
        let spec = invocation.context.spec
        let corpus = ReferenceTexts.forSpec(spec) + [spec.domain] + spec.constraints
        let cosine = (try? HashedTFIDF.cosine(a, b, corpus: corpus)) ?? 0
        return ModelCheckOutcome(
            score: cosine, method: "tf-idf cosine (\(reason))",
            detail: .object(["cosine": .double(cosine), "corpus": .int(corpus.count)]))
    }

    /// A reason when `error` means the model has no embeddings endpoint (a chat-only model or server), nil
    /// for failures that are not about embeddings (server down, timeouts), which must surface.
    static func servesNoEmbeddings(_ error: LLMError, model: CheckModel) -> String? {
        switch error {
        case .notFound, .badRequest:
            return "model `\(model.name)` serves no embeddings"
        case .serverError(_, _, let message, _) where message.lowercased().contains("embedding"):
            return "model `\(model.name)` serves no embeddings"
        default:
            return nil
        }
    }
}
