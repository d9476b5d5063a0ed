import GenCLI
import Foundation
import GenCore
import GenEngine
import GenPipeline

/// `gen-bench savings FILE`: what a script's router saves. The script runs as written and again with its
/// arms drawn uniformly at random (`router random()`, what one does without a router), with the same seeds
/// and target, on the script's own model servers; the figure is tokens per accepted sample.
enum SavingsBenchmark {
    struct Figures {
        var tokens = 0, candidates = 0, accepted = 0
        var perAccepted: Double { accepted > 0 ? Double(tokens) / Double(accepted) : 0 }

        static func + (left: Figures, right: Figures) -> Figures {
            Figures(tokens: left.tokens + right.tokens, candidates: left.candidates + right.candidates,
                    accepted: left.accepted + right.accepted)
        }
    }

    static func run(
        script: String, count: Int?, seeds: [UInt64], engine: Engine, log: (String) -> Void
    ) async throws -> String {
        let compiled = engine.compile(path: script)
        guard let graph = compiled.graph, !compiled.hasErrors else { throw RunFailure.scriptHasErrors(compiled.rendered()) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-savings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let uniform = RouterNode(policy: "random", parameters: [:], source: .synthesized)
        var rows: [(seed: UInt64, router: Figures, uniform: Figures)] = []
        for seed in seeds {
            var figures: [Figures] = []
            for (name, router) in [("router", RouterNode?.none), ("uniform", uniform)] {
                var request = RunRequest(
                    scriptPath: script, outDirectory: directory.appendingPathComponent("\(name)-\(seed)"), seed: seed, count: count)
                request.routerOverride = router
                let result = try await engine.run(request)
                let progress = result.outcome.progress
                figures.append(Figures(tokens: progress.tokens, candidates: progress.candidates, accepted: progress.accepted))
                log("seed \(seed), \(name == "router" ? graph.router.policy : "random"): \(progress.accepted) accepted, "
                    + "\(progress.candidates) candidates, \(progress.tokens) tokens\n")
            }
            rows.append((seed, figures[0], figures[1]))
        }
        return table(script: script, policy: graph.router.policy, rows: rows)
    }

    static func table(script: String, policy: String, rows: [(seed: UInt64, router: Figures, uniform: Figures)]) -> String {
        func cells(_ figures: Figures) -> String {
            String(figures.tokens).padding(to: 9) + String(figures.candidates).padding(to: 12)
                + String(format: "%.1f", figures.perAccepted).padding(to: 18)
        }
        func saving(_ router: Figures, _ uniform: Figures) -> String {
            uniform.perAccepted > 0 ? String(format: "%.1f%%", (1 - router.perAccepted / uniform.perAccepted) * 100) : "-"
        }
        let accepted = rows.first?.router.accepted ?? 0
        var text = "gen-bench savings \(script): \(accepted) accepted per run, seeds "
            + rows.map { String($0.seed) }.joined(separator: ", ") + "\n"
        text += "".padding(to: 8) + "the script's router (\(policy))".padding(to: 39) + "uniform (router random())".padding(to: 39) + "\n"
        text += "seed".padding(to: 8) + String(repeating: "tokens   candidates  tokens/accepted   ", count: 2) + "saving\n"
        for row in rows {
            text += String(row.seed).padding(to: 8) + cells(row.router) + cells(row.uniform) + saving(row.router, row.uniform) + "\n"
        }
        let router = rows.reduce(Figures()) { $0 + $1.router }, uniform = rows.reduce(Figures()) { $0 + $1.uniform }
        text += "all".padding(to: 8) + cells(router) + cells(uniform) + saving(router, uniform) + "\n"
        return text
    }
}
