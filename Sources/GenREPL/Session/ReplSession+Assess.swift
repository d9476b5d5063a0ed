import Foundation
import GenCore
import GenEngine
import GenStore

extension ReplSession {
    /// `:assess JSON`: the sample through the session's quality block, stage by stage, without generating
    /// anything. Model-backed stages are listed as not run: the REPL does not call model servers.
    func assess(_ text: String, at span: Span, in source: SourceFile) -> ReplReply {
        guard let graph = state.graph else {
            return .error("error: `:assess` needs a complete pipeline to take the quality block from; \(pipelineStatus)\n")
        }
        guard let sample = CanonicalJSON.parse(text) else {
            return failure(Messages.replSampleIsNotJSON("it does not parse as JSON"), at: span, in: source)
        }
        guard sample.objectValue != nil else {
            return failure(Messages.replSampleIsNotJSON("it is JSON, but not an object"), at: span, in: source)
        }
        do {
            let verdict = try engine.assess(sample: sample, graph: graph, scriptDirectory: scriptDirectory)
            return .output(Self.describe(verdict))
        } catch {
            return .error("error: the quality block failed on this sample: \(error)\n")
        }
    }

    /// `rule "one sentence"`, `score "on topic"`, `output schema`, `dedup near`, `novelty`.
    static func label(_ check: CheckRecord) -> String {
        switch check.kind {
        case "rule", "score": return "\(check.kind) \"\(check.stage)\""
        case "schema": return "output schema"
        default: return check.stage
        }
    }

    static func describe(_ verdict: SampleVerdict) -> String {
        // Quality is the mean of the scores that ran; with none it says nothing, so it is left out.
        let quality = verdict.checks.contains { $0.kind == CheckRecord.scoreKind } ? " (quality \(String(format: "%.2f", verdict.quality)))" : ""
        var lines = [verdict.passed ? "passes every in-process stage" + quality : "rejected: " + verdict.reasons.joined(separator: "; ")]
        for check in verdict.checks {
            let score = check.score.map { " " + String(format: "%.2f", $0) } ?? ""
            lines.append("  " + (check.passed ? "pass  " : "fail  ") + label(check) + score)
        }
        if !verdict.skippedModelStages.isEmpty {
            lines.append("  not run (they need a model server): " + verdict.skippedModelStages.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
