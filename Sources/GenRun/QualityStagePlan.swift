import GenCore
import GenPipeline
import GenQuality
import GenRuntime

/// One `rule` or `score` of the quality block, compiled once for the whole run.
struct CompiledStage: Sendable {
    let stage: ExpressionStage
    /// Nil for a rule; a score's weight in `quality` and its optional threshold.
    let score: (weight: Double, threshold: Double?)?
    let expression: CompiledExpression
    /// Argument expressions of each hoisted check, compiled over the same `sample` binding.
    let checkArguments: [[CompiledExpression]]
    /// True when some hoisted check is not in process: the stage then runs with the model stages, last.
    let needsModel: Bool

    var name: String { stage.name }
}

/// The quality block as a plan: compiled rules and scores in declared order, plus the dedup and
/// diversity settings that configure the in-process pool.
struct QualityStagePlan: Sendable {
    let stages: [CompiledStage]
    /// nil when the script declares no dedup (duplicates then pass).
    let dedupMethod: DedupMethod?
    /// `dedup near(x)`: estimated Jaccard at or above which a sample is a duplicate (1 for exact).
    let nearThreshold: Double
    /// `dedup semantic(x)`: centred cosine at or above which a sample is a duplicate.
    let semanticThreshold: Double?
    /// `diversity novelty(min: x)`: samples less novel than this are rejected.
    let minimumNovelty: Double?

    init(graph: PipelineGraph, interpreter: Interpreter, inProcess: InProcessCheckRegistry) throws {
        var compiled: [CompiledStage] = []
        var dedupMethod: DedupMethod?
        var nearThreshold = DedupConfig().nearThreshold
        var semanticThreshold: Double?
        var minimumNovelty: Double?
        func compile(_ stage: ExpressionStage, score: (weight: Double, threshold: Double?)?) throws -> CompiledStage {
            let context = "\(score == nil ? "rule" : "score") \"\(stage.name)\""
            return CompiledStage(
                stage: stage, score: score,
                expression: try interpreter.compile(stage.expression, bindings: ["sample"], context: context),
                checkArguments: try stage.modelChecks.map { check in
                    try check.arguments.map { try interpreter.compile($0, bindings: ["sample"], context: context) }
                },
                needsModel: stage.modelChecks.contains { inProcess.check(named: $0.check) == nil })
        }
        for stage in graph.quality {
            switch stage {
            case .rule(let rule):
                compiled.append(try compile(rule, score: nil))
            case .score(let score, let weight, let threshold):
                compiled.append(try compile(score, score: (weight, threshold)))
            case .dedup(let method, let threshold, _):
                dedupMethod = method
                switch method {
                case .exact: nearThreshold = 1
                case .near: nearThreshold = threshold ?? nearThreshold
                case .semantic: semanticThreshold = threshold ?? NoveltyScale().duplicateCosine
                }
            case .diversity(.novelty, let minimum, _):
                minimumNovelty = minimum
            case .hostGate:
                break  // HostGates runs them, with their own state.
            }
        }
        self.stages = compiled
        self.dedupMethod = dedupMethod
        self.nearThreshold = nearThreshold
        self.semanticThreshold = semanticThreshold
        self.minimumNovelty = minimumNovelty
    }

    /// The in-process pool's settings: the script's near and semantic thresholds.
    var qualityConfig: QualityConfig {
        var novelty = NoveltyScale()
        if let semanticThreshold { novelty.duplicateCosine = semanticThreshold }
        return QualityConfig(dedup: DedupConfig(nearThreshold: nearThreshold), novelty: novelty, seed: 0x7175_616C)
    }
}
