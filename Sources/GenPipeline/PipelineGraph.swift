/// The checked, lowered pipeline: the only thing the runtime sees of a script.
///
/// Codable and Sendable so it can be saved beside a run, diffed in git (`gen graph --format json`
/// writes it with sorted keys) and handed across actors.
public struct PipelineGraph: Codable, Sendable, Equatable {
    /// The language version the script declared (`gen 0.1`).
    public var languageVersion: String
    /// The script's path as given and a SHA-256 of its text (and its imports), for run provenance.
    public var script: ScriptIdentity
    public var models: [ModelNode]
    public var spec: SpecNode
    public var arms: [ArmNode]
    public var router: RouterNode
    /// Quality stages in the order the script declares them.
    public var quality: [QualityStage]
    /// Reward per generated sample, in [0, 1]; free names are metrics (`passed`, `quality`, `novelty`, ...).
    public var reward: IRExpr
    public var evaluation: EvaluationNode?
    /// Top-level `let` values, evaluated at compile time.
    public var constants: [String: IRConstant]
    /// User functions reachable from any expression in the graph.
    public var functions: [FunctionNode]
    /// Environment variables the script read through `env()`/`public_env()` (names only); absent in graphs
    /// stored before it existed and when the script read none.
    public var environment: [EnvironmentUse]?
    /// Files the script read (`read_jsonl`, `read_lines`) in the order first read; absent in graphs stored before
    /// it existed and when the script read none.
    public var dataFiles: [DataFileUse]?
    /// The `expect` block: what `gen test` checks on the script's replayed run (the runtime ignores it); absent
    /// when the script has none.
    public var expectations: [ExpectationNode]?

    public init(
        languageVersion: String, script: ScriptIdentity, models: [ModelNode], spec: SpecNode, arms: [ArmNode],
        router: RouterNode, quality: [QualityStage], reward: IRExpr, evaluation: EvaluationNode?,
        constants: [String: IRConstant], functions: [FunctionNode]
    ) {
        self.languageVersion = languageVersion
        self.script = script
        self.models = models
        self.spec = spec
        self.arms = arms
        self.router = router
        self.quality = quality
        self.reward = reward
        self.evaluation = evaluation
        self.constants = constants
        self.functions = functions
    }
}

public struct ScriptIdentity: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
