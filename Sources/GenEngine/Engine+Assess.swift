import Foundation
import GenCore
import GenPipeline
import GenRun
import GenRuntime
import GenStore

/// One sample through a graph's quality block, without a run: for the REPL and hosts trying rules out.
extension Engine {
    /// The outcome of every stage that needs no model (schema, rules, in-process scores, dedup and novelty
    /// against an empty pool), and the names of the model-backed stages that were not run.
    public func assess(sample: JSONValue, graph: PipelineGraph, scriptDirectory: URL) throws -> SampleVerdict {
        let interpreter = try Interpreter(graph: graph, registry: capabilities.functions, environment: scriptEnvironment(directory: scriptDirectory))
        let quality = try ScriptQuality(
            graph: graph, interpreter: interpreter, checker: nil, inProcess: capabilities.inProcessChecks, gates: capabilities.poolGates)
        let (assessment, skipped) = try quality.assessInProcess(sample)
        return SampleVerdict(passed: assessment.passed, reasons: assessment.reasons, checks: assessment.checks,
                             quality: assessment.quality, skippedModelStages: skipped)
    }
}

/// `Engine.assess`'s answer.
public struct SampleVerdict: Sendable {
    public var passed: Bool
    public var reasons: [String]
    /// Every stage that ran, in order, with its outcome and score.
    public var checks: [CheckRecord]
    public var quality: Double
    /// Stages that need a model server and were not run.
    public var skippedModelStages: [String]
}
