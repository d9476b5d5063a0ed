import GenCore
import GenPipeline
import GenRuntime

/// One `rule` or `score` of the quality block, compiled once for the whole run.
struct CompiledStage: Sendable {
    let stage: QualityStage
    let expression: CompiledExpression
    /// Argument expressions of each hoisted model check, compiled over the same `sample` binding.
    let checkArguments: [[CompiledExpression]]

    /// `valid(sample)` is answered in process; anything else hoisted needs a model (or its lexical fallback).
    var needsModel: Bool { stage.modelChecks.contains { $0.check != "valid" } }
}

/// The quality block as a plan: compiled rules and scores in declared order, plus the dedup and
/// diversity settings that configure the in-process pool.
struct QualityStagePlan: Sendable {
    let stages: [CompiledStage]
    /// nil when the script declares no dedup (duplicates then pass); "exact", "near" or "semantic".
    let dedupMethod: String?
    let nearThreshold: Double
    let semanticThreshold: Double?
    /// `diversity novelty(min: x)`: samples less novel than this are rejected.
    let minimumNovelty: Double?

    init(graph: PipelineGraph, interpreter: Interpreter) throws {
        var compiled: [CompiledStage] = []
        var dedupMethod: String?
        var nearThreshold = 0.7
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
                    }))
            case .dedup:
                dedupMethod = stage.method
                if let threshold = stage.parameters["threshold"]?.doubleValue {
                    if stage.method == "semantic" { semanticThreshold = threshold } else { nearThreshold = threshold }
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
}
