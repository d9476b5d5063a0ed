import GenCharts
import GenPipeline
import GenStore

/// The top of the report: what ran, with what, and the headline totals.
enum OverviewSection {
    static func header(_ data: ReportData) -> Markup {
        let name = data.graph?.spec.name ?? data.run.scriptPath.split(separator: "/").last.map(String.init) ?? data.run.scriptPath
        var status = data.run.status.rawValue
        if let detail = data.run.statusDetail { status += " (\(detail))" }
        return .el("header", [], [
            .el("p", [("class", "kicker")], text: "Gen run report"),
            .el("h1", text: name),
            .el("p", [("class", "subtitle")], [
                .text("Script "), HTMLPieces.code(data.run.scriptPath), .text(" \u{b7} seed \(data.run.seed) \u{b7} "),
                .el("span", [("class", "status status-\(data.run.status.rawValue)")], text: status),
            ]),
        ])
    }

    static func totals(_ data: ReportData) -> Markup {
        let accepted = data.acceptedCount
        let perAcceptedTokens = data.tokensPerAccepted.map { ReportFormat.integer(Int($0.rounded())) } ?? "n/a"
        let perAcceptedTime = accepted > 0 ? data.durationSeconds.map { ReportFormat.duration($0 / Double(accepted)) } ?? "n/a" : "n/a"
        return .el("div", [("class", "stats"), ("id", "totals")], [
            HTMLPieces.stat("accepted", ReportFormat.integer(accepted), detail: "of \(ReportFormat.integer(data.run.targetCount)) asked for"),
            HTMLPieces.stat("candidates", ReportFormat.integer(data.candidateCount),
                            detail: "\(ReportFormat.percent(accepted, of: data.candidateCount)) accepted"),
            HTMLPieces.stat("tokens", ReportFormat.integer(data.tokens), detail: "generation and judging"),
            HTMLPieces.stat("time", ReportFormat.duration(data.durationSeconds), detail: "\(data.batches.count) batches"),
            HTMLPieces.stat("tokens per accepted sample", perAcceptedTokens, detail: "\(perAcceptedTime) per accepted sample"),
            HTMLPieces.stat("cost", DollarText.amount(data.dollars), detail: costDetail(data)),
        ])
    }

    /// Under the run's dollars: per accepted sample, or how to get dollars at all.
    static func costDetail(_ data: ReportData) -> String {
        guard data.dollars != nil else { return "declare a model's `price:` to see dollars" }
        let each: String = data.dollarsPerAccepted.map { DollarText.amount($0) } ?? "n/a"
        return each + " per accepted sample, at the declared prices" + DollarText.partial(unpriced: data.graph?.unpricedModels ?? [])
    }

    static func facts(_ data: ReportData) -> Markup {
        var pairs: [(String, Markup)] = [
            ("script", HTMLPieces.code(data.run.scriptPath)),
            ("script SHA-256", .el("code", [("class", "hash")], text: data.run.scriptSHA256)),
            ("seed", .text(String(data.run.seed))),
            ("started", .text(ReportFormat.date(data.run.startedAt))),
            ("ended", .text(ReportFormat.date(data.run.endedAt))),
        ]
        if let graph = data.graph {
            pairs.append(("models", models(graph)))
            pairs.append(("router", .text(graph.router.policy + " (" + ReportFormat.parameters(graph.router.parameters.mapValues { NumberText.exact($0) }) + ")")))
            pairs.append(("domain", .text(graph.spec.domain)))
        } else if let problem = data.graphProblem {
            pairs.append(("pipeline", .el("span", [("class", "note")], text: "Not available because \(problem).")))
        }
        pairs.append(("run directory", HTMLPieces.code(data.directory.path)))
        return HTMLPieces.facts(pairs)
    }

    static func models(_ graph: PipelineGraph) -> Markup {
        guard !graph.models.isEmpty else { return .text("none declared (arms need no model)") }
        return .el("ul", [("class", "plain")], graph.models.map { model in
            .el("li", [], [HTMLPieces.code(model.name), .text(" = \(model.model) via \(model.provider) \(model.servedAt)" + (model.price.map { ", " + $0.summary } ?? "")
                + (model.batch.map { ", " + $0.summary } ?? ""))])
        })
    }

    /// What the figures support and what they do not, in plain sentences (the same ones the card states).
    static func findings(_ data: ReportData) -> Markup? {
        let findings = ReportFindings.all(data)
        guard !findings.isEmpty else { return nil }
        return HTMLPieces.section("findings", "What the figures say", [
            .el("ul", [("class", "findings"), ("id", "findings")], findings.map { finding in
                .el("li", [("class", "finding-\(finding.tone.rawValue)")],
                    (finding.tone == .warning ? [.el("span", [("class", "finding-tone")], text: "Warning: ")] : []) + [.text(finding.text)])
            }),
        ])
    }
}
