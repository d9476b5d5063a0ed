import GenCharts
import GenPipeline
import GenStore

/// The report's tables: per-arm summary, quality stages, router state, evaluations and example candidates.
enum ReportTables {
    static func armSummary(_ data: ReportData) -> Markup {
        let scoreStages = Set(data.shownStages.filter { $0.meanScore != nil }.map(\.stage)).sorted()
        let priced = data.dollars != nil
        let rows: [[Markup]] = data.arms.map { arm in
            let row = data.armSummaries.first { $0.arm == arm }
            let generated = row?.generated ?? 0, accepted = row?.accepted ?? 0, tokens = row?.tokens ?? 0
            let scores = scoreStages.compactMap { stage -> String? in
                data.stages.first { $0.arm == arm && $0.stage == stage }?.meanScore.map { "\(stage) \(NumberText.fixed($0, decimals: 2))" }
            }
            var cells: [Markup] = [
                HTMLPieces.arm(arm, colorIndex: data.colorIndex(of: arm)),
                .text(armDescription(arm, data.graph)),
                .text(ReportFormat.integer(generated)), .text(ReportFormat.integer(accepted)),
                .text(ReportFormat.percent(row?.passed ?? 0, of: generated)),
                .text(row.map { NumberText.fixed($0.meanReward, decimals: 3) } ?? "n/a"),
                .text(accepted > 0 ? ReportFormat.integer(Int((Double(tokens) / Double(accepted)).rounded())) : "n/a"),
            ]
            if priced { cells.append(.text(DollarText.cell(row?.dollarsPerAccepted))) }
            cells.append(.text(row.map { ReportFormat.duration($0.meanLatencySeconds) } ?? "n/a"))
            cells.append(.text(scores.isEmpty ? "none recorded" : scores.joined(separator: "; ")))
            return cells
        }
        // `$ / accepted` only when the run has a price, as in the run summary.
        return HTMLPieces.table(
            "table-arms", headers: ["arm", "strategy", "pulls", "accepted", "pass %", "mean reward", "tokens / accepted"]
                + (priced ? ["$ / accepted"] : []) + ["mean latency", "scores (mean)"],
            rows: rows, numeric: priced ? [2, 3, 4, 5, 6, 7, 8] : [2, 3, 4, 5, 6, 7])
    }

    static func armDescription(_ arm: String, _ graph: PipelineGraph?) -> String {
        guard let node = graph?.arms.first(where: { $0.name == arm }) else { return "not in the script" }
        let parameters = ReportFormat.parameters(node.parameters.mapValues(JSONText.short))
        return "\(node.kind)" + (node.model.map { " on \($0)" } ?? "") + " (\(parameters))"
    }

    static func stages(_ data: ReportData) -> Markup {
        let shown = data.shownStages
        let stages = shown.reduce(into: [String]()) { names, row in if !names.contains(row.stage) { names.append(row.stage) } }
        let arms = data.arms.filter { arm in shown.contains { $0.arm == arm } }
        let rows: [[Markup]] = stages.map { stage in
            let kind = shown.first { $0.stage == stage }?.kind ?? ""
            return [.text(stage), .text(kind)] + arms.map { arm in
                guard let row = shown.first(where: { $0.arm == arm && $0.stage == stage }) else { return .text("\u{2013}") }
                var text = "\(row.passed)/\(row.total) passed"
                if let score = row.meanScore { text += ", mean \(NumberText.fixed(score, decimals: 2))" }
                if row.cached > 0 { text += ", \(row.cached) cached" }
                return .text(text)
            }
        }
        return HTMLPieces.table("table-stages", headers: ["stage", "kind"] + arms, rows: rows)
    }

    /// Which method each check used (an embedding cosine or the lexical fallback, logprobs or text), where it
    /// ran and what it measures.
    static func checkMethods(_ data: ReportData) -> Markup? {
        guard !data.checkMethods.isEmpty else { return nil }
        let rows: [[Markup]] = data.checkMethods.map { row in
            let signature = data.capabilities.check(row.kind)
            return [.text(row.stage), .text(row.kind), .text(signature?.execution.rawValue ?? ""), .text(signature?.kind.summary ?? ""),
                    .text(row.method), .text(String(row.count))]
        }
        return HTMLPieces.table(
            "table-check-methods", headers: ["check", "kind", "runs", "what it measures", "how it was computed", "candidates"], rows: rows)
    }

    static func router(_ data: ReportData) -> Markup {
        guard let router = data.finalRouter else {
            return .el("p", [("class", "note"), ("id", "table-router-note")], text: "Not available because no router state was stored.")
        }
        let parameters = ReportFormat.parameters(router.parameters.mapValues { NumberText.exact($0) })
        var facts: [(String, Markup)] = [
            ("policy", HTMLPieces.code(router.policy)), ("parameters", .text(parameters)),
            ("clock", .text("\(ReportFormat.integer(router.batches)) batches, \(ReportFormat.integer(router.observations)) observations")),
        ]
        if let epsilon = router.epsilon { facts.append(("epsilon", .text(NumberText.fixed(epsilon, decimals: 4)))) }
        let rows: [[Markup]] = data.arms.map { arm in
            let estimate = router.estimates[arm]
            return [
                HTMLPieces.arm(arm, colorIndex: data.colorIndex(of: arm)),
                .text(estimate.map { NumberText.fixed($0.count, decimals: 1) } ?? "0"),
                .text(ReportFormat.decimal(estimate?.mean)),
                .text(ReportFormat.decimal(estimate?.standardError, 4)),
                .text(estimate.map { IntervalEstimate(name: arm, mean: $0.mean, standardError: $0.standardError).range } ?? "n/a"),
            ]
        }
        return .el("div", [("class", "router-state")], [
            HTMLPieces.facts(facts),
            HTMLPieces.table("table-router", headers: ["arm", "observations (N)", "mean reward", "standard error", "95% interval"],
                             rows: rows, numeric: [1, 2, 3, 4]),
        ])
    }

    static func evaluations(_ data: ReportData) -> Markup? {
        guard !data.evaluations.isEmpty else { return nil }
        let arms = data.arms.filter { arm in data.evaluations.contains { $0.credit[arm] != nil } }
        let rows: [[Markup]] = data.evaluations.map { evaluation in
            [
                .text(ReportFormat.integer(evaluation.afterAccepted)), .text(String(evaluation.batchIndex + 1)),
                .text(evaluation.protocolName),
                .text(ReportFormat.decimal(evaluation.metrics["accuracy"]?.doubleValue)),
                .text(ReportFormat.decimal(evaluation.metrics["majority_baseline"]?.doubleValue)),
                .text(ReportFormat.decimal(evaluation.metrics["macro_f1"]?.doubleValue)),
            ] + arms.map { .text(ReportFormat.decimal(evaluation.credit[$0], 4)) }
        }
        return HTMLPieces.table(
            "table-evaluations",
            headers: ["after accepted", "after batch", "protocol", "accuracy", "majority baseline", "macro-F1"] + arms.map { "credit: \($0)" },
            rows: rows, numeric: Set([0, 1, 3, 4, 5] + arms.indices.map { $0 + 6 }))
    }

    /// Pass % and mean reward per attribute value: which values the model handles, and which it cannot.
    static func attributes(_ data: ReportData) -> Markup? {
        guard !data.attributes.isEmpty else { return nil }
        let rows: [[Markup]] = data.attributes.map { row in
            [.text(row.attribute), .text(row.value), .text(ReportFormat.integer(row.generated)), .text(ReportFormat.integer(row.accepted)),
             .text(ReportFormat.percent(row.passed, of: row.generated)), .text(NumberText.fixed(row.meanReward, decimals: 3))]
        }
        return HTMLPieces.table("table-attributes", headers: ["attribute", "value", "candidates", "accepted", "pass %", "mean reward"],
                                rows: rows, numeric: [2, 3, 4, 5])
    }

    /// The values attribute discovery found at run start, per arm, dimension and label, with what asking cost.
    static func discovered(_ data: ReportData) -> Markup? {
        guard !data.discovered.isEmpty else { return nil }
        let rows: [[Markup]] = data.discovered.map { row in
            [.text(row.arm), .text(row.dimension), .text(row.label ?? "(every label)"), .text(row.values.joined(separator: "; ")),
             .text(ReportFormat.integer(row.calls)), .text(ReportFormat.integer(row.tokens))]
        }
        return HTMLPieces.table("table-discovered", headers: ["arm", "attribute", "label", "values", "calls", "tokens"],
                                rows: rows, numeric: [4, 5])
    }

    /// Each arm's candidates per label asked for: which arm pays for which label, what `contextual_thompson` learns.
    static func armLabels(_ data: ReportData) -> Markup? {
        guard Set(data.armLabels.map(\.label)).count > 1 else { return nil }
        let rows: [[Markup]] = data.armLabels.map { row in
            [HTMLPieces.arm(row.arm, colorIndex: data.colorIndex(of: row.arm)), .text(row.label), .text(ReportFormat.integer(row.generated)),
             .text(ReportFormat.integer(row.accepted)), .text(ReportFormat.percent(row.passed, of: row.generated)),
             .text(NumberText.fixed(row.meanReward, decimals: 3))]
        }
        return HTMLPieces.table("table-arm-labels", headers: ["arm", data.labelField ?? "label", "candidates", "accepted", "pass %", "mean reward"],
                                rows: rows, numeric: [2, 3, 4, 5])
    }

    /// Each model server's traffic and failures, whenever the run used one (a pool shows how the load was shared).
    static func endpoints(_ data: ReportData) -> Markup? {
        guard !data.endpoints.isEmpty else { return nil }
        let rows: [[Markup]] = data.endpoints.map { row in
            [.text(row.model), HTMLPieces.code(row.endpoint), .text(ReportFormat.integer(row.requests)), .text(ReportFormat.integer(row.answered)),
             .text(ReportFormat.integer(row.failures)), .text(ReportFormat.integer(row.failovers)), .text(ReportFormat.integer(row.circuitOpenings)),
             .text(ReportFormat.integer(row.promptTokens + row.completionTokens)),
             .text(row.concurrencyLimit.map { NumberText.fixed($0, decimals: 1) } ?? "-"),
             .text(row.lowestConcurrencyLimit.map { NumberText.fixed($0, decimals: 1) } ?? "-"),
             .text(row.failures == 0 ? "" : row.failureBreakdown)]
        }
        return HTMLPieces.table(
            "table-endpoints",
            headers: ["model", "server", "requests", "answered", "failed", "failovers", "circuit opened", "tokens", "limit", "lowest limit", "failures"],
            rows: rows, numeric: [2, 3, 4, 5, 6, 7, 8, 9],
            caption: "Every HTTP attempt, retries and structured-output negotiation included. A failover is an attempt that failed on this server and was sent to another "
                + "server of the pool at once; an opened circuit took the server out of rotation until a health check answered. The "
                + "limit is the server's adaptive concurrency (at most the model's max_concurrency).")
    }

    /// A few accepted samples of each label, so a reader sees what each label's data looks like.
    static func demoted(_ data: ReportData) -> Markup? {
        guard !data.demoted.isEmpty else { return nil }
        let rows: [[Markup]] = data.demoted.map { row in
            [.el("span", [("class", "sample")], text: ReportFormat.clipped(row.text, 280))] + row.cells.enumerated().map { index, cell in
                index == 3 ? HTMLPieces.arm(cell, colorIndex: data.colorIndex(of: cell)) : .text(cell)
            }
        }
        return HTMLPieces.table("table-demoted", headers: DemotedRow.headers, rows: rows, numeric: [3, 5],
                                caption: DemotedRow.intro(count: data.demoted.count))
    }

    static func labelExamples(_ data: ReportData) -> Markup? {
        guard let field = data.labelField, !data.labelExamples.isEmpty else { return nil }
        let rows: [[Markup]] = data.labelExamples.map { row in
            [.text(row.label ?? "(missing)"), .text(String(row.batchIndex + 1)), HTMLPieces.arm(row.arm, colorIndex: data.colorIndex(of: row.arm)),
             .el("span", [("class", "sample")], text: ReportFormat.clipped(row.text, 280))]
        }
        return HTMLPieces.table("table-label-examples", headers: [field, "batch", "arm", "sample"], rows: rows, numeric: [1])
    }

    static func samples(_ data: ReportData) -> Markup {
        let labelHeader = data.labelField ?? "label"
        let accepted: [[Markup]] = data.acceptedSamples.map { row in
            [.text(String(row.batchIndex + 1)), HTMLPieces.arm(row.arm, colorIndex: data.colorIndex(of: row.arm)),
             .text(row.label ?? ""), .text(NumberText.fixed(row.reward, decimals: 3)), .el("span", [("class", "sample")], text: ReportFormat.clipped(row.text, 280))]
        }
        let rejected: [[Markup]] = data.rejectedSamples.map { row in
            [.text(String(row.batchIndex + 1)), HTMLPieces.arm(row.arm, colorIndex: data.colorIndex(of: row.arm)),
             .text(row.reasons.joined(separator: "; ")), .el("span", [("class", "sample")], text: ReportFormat.clipped(row.text, 280))]
        }
        return .el("div", [("class", "samples")], [
            .el("h3", text: "Accepted (\(data.acceptedSamples.count) of \(ReportFormat.integer(data.acceptedCount)), spread over the run)"),
            accepted.isEmpty ? .el("p", [("class", "note")], text: "Nothing has been accepted yet.")
                : HTMLPieces.table("table-accepted", headers: ["batch", "arm", labelHeader, "reward", "sample"], rows: accepted, numeric: [0, 3]),
            .el("h3", text: "Rejected (one per batch, spread over the run)"),
            rejected.isEmpty ? .el("p", [("class", "note")], text: "Nothing has been rejected.")
                : HTMLPieces.table("table-rejected", headers: ["batch", "arm", "reasons", "candidate"], rows: rejected, numeric: [0]),
        ])
    }
}
