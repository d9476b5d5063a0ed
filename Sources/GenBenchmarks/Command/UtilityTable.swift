import Foundation
import GenCore

/// `gen-bench utility`'s table: per seed and over seeds (mean and standard deviation), and the targets.
enum UtilityTable {
    typealias Row = UtilityBenchmark.Row

    static func mean(_ values: [Double]) -> Double { BenchStatistics.mean(values) }
    static func deviation(_ values: [Double]) -> Double { BenchStatistics.deviation(values) }

    static func spread(_ values: [Double]) -> String {
        NumberText.fixed(mean(values), 3) + " \u{b1} " + NumberText.fixed(deviation(values), 3)
    }

    static func render(script: String, testPath: String, testCount: Int, model: String, rows: [Row]) -> String {
        let text = "gen-bench utility \(script): \(rows.first?.script.accepted ?? 0) accepted per run, seeds "
            + rows.map { String($0.seed) }.joined(separator: ", ") + "; \(model) tested on \(testPath) (\(testCount) real rows)\n"
        var table: [[String]] = []
        for (name, pick) in [("script", \Row.script), ("plain loop", \Row.plain)] {
            let outcomes = rows.map { $0[keyPath: pick] }
            table.append([name, spread(outcomes.map(\.accuracy)), spread(outcomes.map(\.macroF1)),
                          NumberText.fixed(mean(outcomes.map(\.tokensPerAccepted)), 1),
                          NumberText.fixed(mean(outcomes.map(\.seconds)), 0) + " s"])
        }
        for row in rows {
            table.append(["seed \(row.seed)", NumberText.fixed(row.script.accuracy, 3) + " vs " + NumberText.fixed(row.plain.accuracy, 3),
                          NumberText.fixed(row.script.macroF1, 3) + " vs " + NumberText.fixed(row.plain.macroF1, 3),
                          NumberText.fixed(row.script.tokensPerAccepted, 1) + " vs " + NumberText.fixed(row.plain.tokensPerAccepted, 1), ""])
        }
        return text + TextTable.render(header: ["", "accuracy", "macro-F1", "tokens/accepted", "wall time"], rows: table) + "\n"
    }

    /// The issue's two targets, each MET or MISSED with the measured figure.
    static func targets(_ rows: [Row]) -> (String, Bool) {
        let points = 100 * (mean(rows.map(\.script.accuracy)) - mean(rows.map(\.plain.accuracy)))
        let plainTokens = mean(rows.map(\.plain.tokensPerAccepted))
        let ratio = plainTokens > 0 ? mean(rows.map(\.script.tokensPerAccepted)) / plainTokens : 0
        let accuracyMet = points >= UtilityBenchmark.targetPoints
        let tokensMet = ratio <= UtilityBenchmark.targetTokenRatio
        var text = "accuracy over the plain loop: \(points >= 0 ? "+" : "")\(NumberText.fixed(points, 1)) points "
            + "(target +\(NumberText.fixed(UtilityBenchmark.targetPoints, 0))): \(accuracyMet ? "MET" : "MISSED")\n"
        text += "tokens per accepted sample: \(NumberText.fixed(ratio, 2))x the plain loop's "
            + "(target at most \(NumberText.fixed(UtilityBenchmark.targetTokenRatio, 1))x): \(tokensMet ? "MET" : "MISSED")\n"
        return (text, accuracyMet && tokensMet)
    }
}
