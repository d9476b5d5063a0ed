import GenCore
import GenPipeline
import GenQuality
import GenRuntime

/// One `rule` or `score` of the quality block, compiled once for the whole run.
struct CompiledStage: Sendable {
    let stage: QualityStage
    let expression: CompiledExpression
    /// Argument expressions of each hoisted check, compiled over the same `sample` binding.
    let checkArguments: [[CompiledExpression]]
    /// True when some hoisted check is not in process: the stage then runs with the model stages, last.
    let needsModel: Bool
}

/// The quality block as a plan: compiled rules and scores in declared order, plus the dedup and
/// diversity settings that configure the in-process pool.
struct QualityStagePlan: Sendable {
    let stages: [CompiledStage]
    /// nil when the script declares no dedup (duplicates then pass); "exact", "near" or "semantic".
    let dedupMethod: String?
    /// `dedup near(x)`: estimated Jaccard at or above which a sample is a duplicate (1 for exact).
    let nearThreshold: Double
    /// `dedup semantic(x)`: centred cosine at or above which a sample is a duplicate.
    let semanticThreshold: Double?
    /// `diversity novelty(min: x)`: samples less novel than this are rejected.
    let minimumNovelty: Double?

    init(graph: PipelineGraph, interpreter: Interpreter, inProcess: InProcessCheckRegistry) throws {
        var compiled: [CompiledStage] = []
        var dedupMethod: String?
        var nearThreshold = DedupConfig().nearThreshold
        var semanticThreshold: Double?
        var minimumNovelty: Double?
        for stage in graph.quality {
            switch stage.kind {
            case .rule, .score:
                guard let expression = stage.expression else { continue }
                let context = "\(stage.kind.rawValue) \"\(stage.name)\""
                compiled.append(CompiledStage(
                    stage: stage,
                    expression: try interpreter.compile(expression, bindings: ["sample"], context: context),
                    checkArguments: try stage.modelChecks.map { check in
                        try check.arguments.map { try interpreter.compile($0, bindings: ["sample"], context: context) }
                    },
                    needsModel: stage.modelChecks.contains { inProcess.check(named: $0.check) == nil }))
            case .dedup:
                dedupMethod = stage.method
                let threshold = stage.parameters["threshold"]?.doubleValue
                if stage.method == "semantic" {
                    semanticThreshold = threshold ?? NoveltyScale().duplicateCosine
                } else if let threshold {
                    nearThreshold = threshold
                }
            case .diversity:
                minimumNovelty = stage.parameters["min"]?.doubleValue
            }
        }
        self.stages = compiled
        self.dedupMethod = dedupMethod
        self.nearThreshold = dedupMethod == "exact" ? 1.0 : nearThreshold
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
