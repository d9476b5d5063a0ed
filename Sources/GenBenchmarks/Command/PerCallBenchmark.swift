import GenCore
import GenEngine
import GenPipeline

/// `gen-bench percall FILE [--per-call N]`: what asking for several samples per request saves. The script
/// runs with every model arm at `per_call: N` and again at `per_call: 1` (one sample per request), same
/// seeds, target and servers; the figure is tokens per accepted sample, rejected candidates included.
enum PerCallBenchmark {
    /// The target: at least this share fewer tokens per accepted sample than one sample per call.
    static let targetSaving = 0.30

    /// The graph with every model arm asking for `n` samples per request.
    static func perCall(_ n: Int, _ graph: PipelineGraph) -> PipelineGraph {
        var graph = graph
        for index in graph.arms.indices where graph.arms[index].model != nil {
            graph.arms[index].parameters["per_call"] = .int(n)
        }
        return graph
    }

    static func run(
        script: String, perCall n: Int, count: Int?, seeds: [UInt64], engine: Engine, log: (String) -> Void
    ) async throws -> (text: String, metTarget: Bool) {
        let comparison = try await TokenComparison.run(
            command: "percall", script: script, count: count, seeds: seeds,
            first: TokenComparison.Variant(name: "per_call \(n)", header: "per_call: \(n)") { perCall(n, $0) },
            second: TokenComparison.Variant(name: "per_call 1", header: "one sample per request") { perCall(1, $0) },
            engine: engine, log: log)
        let (grouped, single) = comparison.totals
        let saving = TokenComparison.saving(of: grouped, over: single)
        return (comparison.table + verdict(saving: saving), met(saving))
    }

    static func met(_ saving: Double?) -> Bool { (saving ?? 0) >= targetSaving }

    static func verdict(saving: Double?) -> String {
        let figure = saving.map { NumberText.fixed($0 * 100, 1) + "%" } ?? "-"
        return "tokens per accepted sample saved by per_call: \(figure) (target at least \(NumberText.fixed(targetSaving * 100, 0))%): "
            + (met(saving) ? "MET" : "MISSED") + "\n"
    }
}
