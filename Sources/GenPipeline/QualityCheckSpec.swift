import GenCore

/// A check that quality rules and scores call: model-backed (`similarity`, `entails`, `judge`) or in process
/// (`valid`, and any a host registers). Calls are hoisted out of the expression into `ModelCheckNode`s the
/// runtime performs first; the implementation that publishes this signature is the one that runs.
public struct QualityCheckSpec: Codable, Sendable, Equatable {
    /// Where the check runs: in process (cheap, before any model stage) or through a model.
    public enum Execution: String, Codable, Sendable {
        case inProcess = "in process"
        case model
    }

    /// Parameters and positional order; a parameter named `using` (type model) picks the model that serves it.
    public var kind: KindSpec
    /// What the check yields to the expression (float scores in [0, 1], or bool for `valid`).
    public var result: GenType
    public var execution: Execution

    public init(kind: KindSpec, result: GenType, execution: Execution) {
        self.kind = kind
        self.result = result
        self.execution = execution
    }
}
