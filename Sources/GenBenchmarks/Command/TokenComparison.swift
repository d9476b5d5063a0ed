import GenCLI
import Foundation
import GenCore
import GenEngine
import GenPipeline

/// One script run two ways (same seeds, target and model servers), compared on tokens per accepted sample:
/// `gen-bench savings` (its router against uniform draws) and `gen-bench percall` (one sample per request
/// against n) are both this comparison with a different second way.
struct TokenComparison {
    struct Figures {
        var tokens = 0, candidates = 0, accepted = 0
        var perAccepted: Double { accepted > 0 ? Double(tokens) / Double(accepted) : 0 }

        static func + (left: Figures, right: Figures) -> Figures {
            Figures(tokens: left.tokens + right.tokens, candidates: left.candidates + right.candidates,
                    accepted: left.accepted + right.accepted)
        }
    }

    /// One way of running the script: a name for the log and a column header for the table.
    struct Variant: Sendable {
        var name: String
        var header: String
        var transform: (@Sendable (PipelineGraph) -> PipelineGraph)?
    }

    struct Row {
        var seed: UInt64
        var first: Figures
        var second: Figures
    }

    var command: String
    var script: String
    var rows: [Row]
    var variants: (first: Variant, second: Variant)

    /// The second way's saving over the first, as a fraction of the first's tokens per accepted sample.
    static func saving(of cheaper: Figures, over costlier: Figures) -> Double? {
        costlier.perAccepted > 0 ? 1 - cheaper.perAccepted / costlier.perAccepted : nil
    }

    static func run(
        command: String, script: String, count: Int?, seeds: [UInt64], first: Variant, second: Variant, engine: Engine,
        log: (String) -> Void
    ) async throws -> TokenComparison {
        let compiled = engine.compile(path: script)
        guard compiled.graph != nil, !compiled.hasErrors else { throw RunFailure.scriptHasErrors(compiled.rendered()) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(command)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var rows: [Row] = []
        for seed in seeds {
            var figures: [Figures] = []
            for (position, variant) in [first, second].enumerated() {
                var request = RunRequest(
                    scriptPath: script, outDirectory: directory.appendingPathComponent("\(position)-\(seed)"), seed: seed, count: count)
                request.graphTransform = variant.transform
                let progress = try await engine.run(request).outcome.progress
                figures.append(Figures(tokens: progress.tokens, candidates: progress.candidates, accepted: progress.accepted))
                log("seed \(seed), \(variant.name): \(progress.accepted) accepted, \(progress.candidates) candidates, \(progress.tokens) tokens\n")
            }
            rows.append(Row(seed: seed, first: figures[0], second: figures[1]))
        }
        return TokenComparison(command: command, script: script, rows: rows, variants: (first, second))
    }

    var totals: (first: Figures, second: Figures) {
        (rows.reduce(Figures()) { $0 + $1.first }, rows.reduce(Figures()) { $0 + $1.second })
    }

    /// The table: per seed and over all seeds, each way's tokens, candidates and tokens per accepted sample,
    /// and what the first way saves over the second.
    var table: String {
        func cells(_ figures: Figures) -> String {
            String(figures.tokens).padding(to: 9) + String(figures.candidates).padding(to: 12)
                + String(format: "%.1f", figures.perAccepted).padding(to: 18)
        }
        func saving(_ first: Figures, _ second: Figures) -> String {
            Self.saving(of: first, over: second).map { String(format: "%.1f%%", $0 * 100) } ?? "-"
        }
        let accepted = rows.first?.first.accepted ?? 0
        var text = "gen-bench \(command) \(script): \(accepted) accepted per run, seeds "
            + rows.map { String($0.seed) }.joined(separator: ", ") + "\n"
        text += "".padding(to: 8) + variants.first.header.padding(to: 39) + variants.second.header.padding(to: 39) + "\n"
        text += "seed".padding(to: 8) + String(repeating: "tokens   candidates  tokens/accepted   ", count: 2) + "saving\n"
        for row in rows {
            text += String(row.seed).padding(to: 8) + cells(row.first) + cells(row.second) + saving(row.first, row.second) + "\n"
        }
        let (first, second) = totals
        text += "all".padding(to: 8) + cells(first) + cells(second) + saving(first, second) + "\n"
        return text
    }
}
