import GenCLI
import Foundation
import GenCore
import GenEngine
import GenEval
import GenPipeline

/// `gen-bench utility FILE --test REAL.jsonl`: does the script make better training data than a plain loop?
/// Each seed runs the script as written and a plain baseline derived from it (one `naive` arm at temperature
/// 0.7 on the script's first model, no quality stages beyond the schema, no router to speak of), same count,
/// same server. The script's classifier is then trained on each dataset and tested on the real rows.
enum UtilityBenchmark {
    /// What one run produced and what its data is worth.
    struct Outcome {
        var accuracy: Double
        var macroF1: Double
        var tokens: Int
        var accepted: Int
        var seconds: Double
        var tokensPerAccepted: Double { accepted > 0 ? Double(tokens) / Double(accepted) : 0 }
    }

    struct Row {
        var seed: UInt64
        var script: Outcome
        var plain: Outcome
    }

    /// The issue's targets: at least this many accuracy points over the plain loop, at most this token ratio.
    static let targetPoints = 3.0
    static let targetTokenRatio = 1.5

    /// The baseline: what a hand-written loop over the same server does.
    static func plain(_ graph: PipelineGraph) -> PipelineGraph {
        var plain = graph
        let model = graph.arms.compactMap(\.model).first ?? graph.models.first?.name
        plain.arms = [ArmNode(name: "plain", kind: "naive", model: model, parameters: ["temperature": .double(0.7)], source: .synthesized)]
        plain.quality = []
        plain.router = RouterNode(policy: "random", parameters: [:], source: .synthesized)
        plain.evaluation = nil
        return plain
    }

    static func run(
        script: String, testPath: String, count: Int?, seeds: [UInt64], engine: Engine, keep: URL? = nil,
        log: @escaping (String) -> Void
    ) async throws -> (text: String, metTargets: Bool) {
        let compiled = engine.compile(path: script)
        guard let graph = compiled.graph, !compiled.hasErrors else { throw RunFailure.scriptHasErrors(compiled.rendered()) }
        let textField = graph.evaluation?.textField ?? "text"
        guard let labelField = graph.evaluation?.labelField ?? graph.spec.labelField else {
            throw UsageError(message: "`gen-bench utility` needs a script whose spec has a label field or an evaluate block")
        }
        let all = try LabeledTextLoader.read(path: testPath, textKey: textField, labelKey: labelField).samples
        guard !all.isEmpty else { throw UsageError(message: "\(testPath) has no `\(textField)`/`\(labelField)` rows") }
        let model = graph.evaluation?.classifier ?? "logreg"
        // Rows the script's evaluate block uses would steer its router (and its noise filter): the benchmark
        // tests on the other rows, and when too few are left (the same file) it drops the evaluate block instead.
        let used = usedTexts(graph.evaluation, textField: textField)
        let unseen = all.filter { !used.contains($0.text) }
        let leaks = unseen.count < minimumTestRows && (sameFile(graph.evaluation?.testPath, relativeTo: script, as: testPath) || unseen.count < all.count)
        let test = leaks ? all : unseen
        // Kept runs let `gen compare DIR/plain-SEED DIR/script-SEED` say which differences are beyond noise.
        let directory = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("gen-utility-\(UUID().uuidString)")
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        var rows: [Row] = []
        var baseline = 0.0  // the test set's majority-class accuracy, as the evaluation computes it
        for seed in seeds {
            var outcomes: [Outcome] = []
            for name in ["script", "plain"] {
                var request = RunRequest(
                    scriptPath: script, outDirectory: directory.appendingPathComponent("\(name)-\(seed)"), seed: seed, count: count)
                if name == "plain" {
                    request.graphTransform = { plain($0) }
                } else if leaks {
                    request.graphTransform = { var graph = $0; graph.evaluation = nil; return graph }
                }
                let started = Date()
                let result = try await engine.run(request)
                let seconds = Date().timeIntervalSince(started)
                let train = try LabeledTextLoader.read(path: result.exported.datasetURL.path, textKey: textField, labelKey: labelField).samples
                let report = try Evaluation.run(train: train, test: test, testSetName: testPath, model: model, seed: seed)
                baseline = report.metrics.majorityBaseline.accuracy
                let progress = result.outcome.progress
                outcomes.append(Outcome(accuracy: report.metrics.accuracy, macroF1: report.metrics.macroF1, tokens: progress.tokens,
                                        accepted: progress.accepted, seconds: seconds))
                log("seed \(seed), \(name): \(progress.accepted) accepted, \(progress.tokens) tokens, accuracy "
                    + NumberText.fixed(report.metrics.accuracy, 3) + "\n")
            }
            rows.append(Row(seed: seed, script: outcomes[0], plain: outcomes[1]))
        }
        var text = UtilityTable.render(script: script, testPath: testPath, testCount: test.count, model: model, rows: rows)
        text += "majority-class baseline on the test set: " + NumberText.fixed(baseline, 3) + "\n"
        if leaks {
            text += "note: the script's evaluate block uses rows of \(testPath), the benchmark's test set; it was left out of the script's runs so the test rows never steer the router\n"
        } else if test.count < all.count {
            text += "note: \(all.count - test.count) rows of \(testPath) are rows the script's evaluate block uses; the benchmark tests on the other \(test.count)\n"
        }
        if let keep, let seed = seeds.first {
            text += "runs kept in \(keep.path); compare one seed's with: gen compare \(keep.appendingPathComponent("plain-\(seed)").path) "
                + keep.appendingPathComponent("script-\(seed)").path + "\n"
        }
        let (targets, met) = UtilityTable.targets(rows)
        return (text + targets, met)
    }

    /// Fewer unseen test rows than this and the benchmark drops the evaluate block rather than test on them.
    static let minimumTestRows = 50

    /// The texts of the evaluate block's real rows (test and train): what the script's runs see.
    static func usedTexts(_ evaluation: EvaluationNode?, textField: String) -> Set<String> {
        guard let evaluation else { return [] }
        return Set((evaluation.test + evaluation.train).compactMap { $0[textField]?.stringValue })
    }

    /// True when the script's evaluate test file (relative to the script) is the benchmark's test file.
    static func sameFile(_ scriptRelative: String?, relativeTo script: String, as testPath: String) -> Bool {
        guard let scriptRelative else { return false }
        let base = URL(fileURLWithPath: script).deletingLastPathComponent()
        let resolved = URL(fileURLWithPath: scriptRelative, relativeTo: base).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved == URL(fileURLWithPath: testPath).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
