import GenCore
import Foundation
import GenProviders
import GenStore

/// The words and tables `gen run` prints: a live block on a terminal, one line per batch otherwise,
/// and the per-arm summary at the end. Pure functions of the progress, so they are tested exactly.
public enum ProgressText {
    /// One line per batch for logs and pipes.
    public static func line(_ progress: RunProgress) -> String {
        var parts = [
            "batch \(progress.batchIndex)",
            "accepted \(progress.accepted)/\(progress.target)",
            "candidates \(progress.candidates)",
            "tokens \(progress.tokens)",
        ]
        if let epsilon = progress.epsilon { parts.append("epsilon " + fixed(epsilon, 3)) }
        parts.append(fixed(progress.samplesPerMinute, 1) + " samples/min")
        return parts.joined(separator: "  ")
    }

    /// The status block redrawn in place on a terminal.
    public static func block(_ progress: RunProgress, width: Int = 72) -> String {
        let fraction = progress.target > 0 ? min(1, Double(progress.accepted) / Double(progress.target)) : 0
        let barWidth = max(10, min(40, width - 40))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        var lines = [
            "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] "
                + "\(progress.accepted)/\(progress.target) accepted  (\(progress.candidates) candidates, batch \(progress.batchIndex))",
        ]
        var rate = fixed(progress.samplesPerMinute, 1) + " samples/min  tokens \(progress.tokens)"
        if let eta = progress.etaSeconds { rate += "  ETA " + duration(eta) }
        if let epsilon = progress.epsilon { rate += "  epsilon " + fixed(epsilon, 3) }
        lines.append(rate)
        for arm in progress.arms {
            lines.append("  " + pad(arm.name, 14) + pad("pulls \(arm.pulls)", 11) + pad("accepted \(arm.accepted)", 14)
                         + "reward " + fixed(arm.meanReward, 3))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary table printed when the run ends.
    public static func summary(_ progress: RunProgress) -> String {
        // `$/accepted` only when the run has a price: a column of dashes says less than the cost line below.
        let priced = progress.dollars != nil
        let header = ["arm", "pulls", "accepted", "pass %", "mean reward", "tokens/accepted"] + (priced ? ["$/accepted"] : []) + ["top rejection"]
        var rows = [header]
        for arm in progress.arms {
            let top = arm.rejections.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }
            rows.append([
                arm.name, "\(arm.pulls)", "\(arm.accepted)", fixed(arm.acceptanceRate * 100, 1), fixed(arm.meanReward, 3),
                arm.tokensPerAccepted.map { fixed($0, 1) } ?? "-",
            ] + (priced ? [DollarText.cell(arm.dollarsPerAccepted)] : []) + [
                top.map { "\($0.key) (\($0.value))" } ?? "-",
            ])
        }
        let demoted = progress.demoted > 0 ? "demoted \(progress.demoted) as likely mislabelled (the noise filter; see the report)\n" : ""
        let surplus = progress.arms.reduce(0) { $0 + max(0, $1.passed - $1.accepted) } - progress.demoted
        let text = table(rows) + cost(progress) + "\n" + servers(progress.endpoints) + discovered(progress.discovered) + demoted
        guard surplus > 0 else { return text }
        // Without this note "accepted 7, pass 100%" over 10 pulls reads as a mistake.
        return text + "pass % counts \(surplus) candidate\(surplus == 1 ? "" : "s") that passed every check after the target "
            + "was reached (in rejected.jsonl as \"over target\")\n"
    }

    /// The run's dollars at its models' declared prices, in total and per accepted sample (rejected candidates,
    /// model checks and attribute discovery included): the store's `dollarsSpent`, the figure the report and the
    /// card show.
    public static func cost(_ progress: RunProgress) -> String {
        guard let dollars = progress.dollars else { return "cost: " + DollarText.unknown }
        let each = progress.dollarsPerAccepted.map { ", \(DollarText.amount($0)) per accepted sample" } ?? ""
        return "cost: \(DollarText.amount(dollars))" + each + DollarText.partial(unpriced: progress.unpricedModels)
    }

    /// Each model server's traffic, when there is something to tell: a pool (several servers) or failures.
    public static func servers(_ rows: [EndpointTraffic]) -> String {
        let pooled = Set(rows.map(\.model)).count < rows.count
        guard pooled || rows.contains(where: { $0.failures > 0 || $0.circuitOpenings > 0 }) else { return "" }
        var lines = [["model", "server", "requests", "answered", "failovers", "circuit opened", "limit (lowest)", "failures"]]
        for row in rows {
            let limit = row.concurrencyLimit.map { fixed($0, 1) + (row.lowestConcurrencyLimit.map { " (" + fixed($0, 1) + ")" } ?? "") } ?? "-"
            lines.append([row.model, row.endpoint, "\(row.requests)", "\(row.answered)", "\(row.failovers)", "\(row.circuitOpenings)",
                          limit, row.failures == 0 ? "-" : row.failureBreakdown])
        }
        return "model servers:\n" + table(lines)
    }

    /// A batch-mode model's wait: `model hosted: waiting on batch batch_abc (in_progress, 120/400 done)`, or how it ended.
    public static func batchAPI(model: String, _ progress: BatchProgress) -> String {
        let counts = progress.total.map { "\(progress.done ?? 0)/\($0) done" }
        guard !["completed", "failed", "expired", "cancelled"].contains(progress.status) else {
            return "model \(model): batch \(progress.batchID) \(progress.status)" + (counts.map { " (\($0))" } ?? "")
        }
        return "model \(model): waiting on batch \(progress.batchID) (" + ([progress.status] + [counts].compactMap { $0 }).joined(separator: ", ") + ")"
    }

    /// The values attribute discovery found, one line per arm, dimension and label.
    static func discovered(_ rows: [DiscoveredAttribute]) -> String {
        guard !rows.isEmpty else { return "" }
        let tokens = rows.reduce(0) { $0 + $1.tokens }
        return "attribute values discovered at run start (\(tokens) tokens, stored in the run):\n" + rows.map { row in
            "  \(row.arm).\(row.dimension)" + (row.label.map { " [\($0)]" } ?? "") + ": " + row.values.joined(separator: "; ") + "\n"
        }.joined()
    }

    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.enumerated().map { index, row in
            let line = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : pad(cell, widths[column] + 2)
            }.joined()
            return index == 0 ? line + "\n" + String(repeating: "-", count: widths.reduce(0, +) + 2 * (columns - 1)) : line
        }.joined(separator: "\n") + "\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? "\(total / 3600)h\(String(format: "%02d", (total % 3600) / 60))m"
            : total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }
}
