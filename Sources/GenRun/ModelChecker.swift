import GenCore
import GenPipeline
import GenRuntime

/// Performs the model-backed checks a quality expression uses (`similarity`, `entails`, `judge`).
///
/// The checker has hoisted each call into a `ModelCheckNode`; the run loop evaluates its argument
/// expressions and hands the values here, then feeds the results back into the expression as
/// `modelCheckResult(index)`. Implementations cache by content, so a resumed run re-pays nothing.
public protocol ModelChecker: Sendable {
    func run(_ check: ModelCheckNode, arguments: [Value], context: ModelCheckContext) async throws -> ModelCheckOutcome
}

/// What a check may need beyond its arguments: the spec (for rubrics built from the domain and constraints).
public struct ModelCheckContext: Sendable {
    public var spec: SpecNode
    public var sample: JSONValue

    public init(spec: SpecNode, sample: JSONValue) {
        self.spec = spec
        self.sample = sample
    }
}

/// A check's result: a score in [0, 1] plus how it was obtained, for the store and the report.
public struct ModelCheckOutcome: Sendable, Equatable {
    public var score: Double
    /// How the score was computed, e.g. "embedding cosine (embedder)", "tf-idf cosine (no embedding model)",
    /// "P(yes) from logprobs", "yes/no text (server returned no logprobs)".
    public var method: String
    /// Per-criterion scores, the judge's raw answer, probabilities: whatever explains the score.
    public var detail: JSONValue
    public var tokens: Int
    /// The part of `tokens` the model wrote (the rest it read), for the price of output tokens; 0 for embeddings.
    public var completionTokens = 0
    public var cached: Bool

    public init(score: Double, method: String, detail: JSONValue = .null, tokens: Int = 0, cached: Bool = false) {
        self.score = score
        self.method = method
        self.detail = detail
        self.tokens = tokens
        self.cached = cached
    }

    /// This outcome with the completion part of its tokens taken from the call's usage.
    public func writing(_ completionTokens: Int) -> ModelCheckOutcome {
        var outcome = self
        outcome.completionTokens = min(max(0, completionTokens), tokens)
        return outcome
    }
}
