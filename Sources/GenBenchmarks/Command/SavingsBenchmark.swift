import GenEngine
import GenPipeline

/// `gen-bench savings FILE`: what a script's router saves. The script runs as written and again with its
/// arms drawn uniformly at random (`router random()`, what one does without a router), with the same seeds
/// and target, on the script's own model servers; the figure is tokens per accepted sample.
enum SavingsBenchmark {
    static func run(
        script: String, count: Int?, seeds: [UInt64], engine: Engine, log: (String) -> Void
    ) async throws -> String {
        let policy = engine.compile(path: script).graph?.router.policy ?? "router"
        let uniform = TokenComparison.Variant(name: "random", header: "uniform (router random())") { graph in
            var graph = graph
            graph.router = RouterNode(policy: "random", parameters: [:], source: .synthesized)
            return graph
        }
        let comparison = try await TokenComparison.run(
            command: "savings", script: script, count: count, seeds: seeds,
            first: TokenComparison.Variant(name: policy, header: "the script's router (\(policy))", transform: nil),
            second: uniform, engine: engine, log: log)
        return comparison.table
    }
}
