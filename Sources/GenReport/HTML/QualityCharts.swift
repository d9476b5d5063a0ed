import GenCharts

/// Charts of what quality control accepted and why it rejected.
enum QualityCharts {
    static func acceptance(_ data: ReportData) -> Markup {
        let id = "chart-acceptance", title = "Pass rate per arm"
        let rows = data.arms.compactMap { arm in data.armSummaries.first { $0.arm == arm } }.filter { $0.generated > 0 }
        guard !rows.isEmpty else { return HTMLPieces.note(id, title: title, because: "no candidate has been generated yet") }
        let chart = GroupedBarChart(
            categories: rows.map(\.arm), values: rows.map(\.passRate), name: "pass rate",
            colorIndices: rows.map { data.colorIndex(of: $0.arm) },
            options: ChartOptions(id: id, title: title, summary: "Candidates that passed every check over generated candidates, per arm (the run summary's pass %).",
                                  xLabel: "arm", yLabel: "passed / generated", height: 280, yDomain: (0, 1)))
        return HTMLPieces.figure(chart.svg, caption: "Share of each arm's candidates that passed every quality gate.")
    }

    static func rejections(_ data: ReportData) -> Markup {
        let id = "chart-rejections", title = "Rejection reasons per arm"
        guard !data.rejections.isEmpty else {
            return HTMLPieces.note(id, title: title, because: "no candidate was rejected")
        }
        var totals: [String: Int] = [:]
        for row in data.rejections { totals[row.reason, default: 0] += row.count }
        let reasons = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let arms = data.arms.filter { arm in data.rejections.contains { $0.arm == arm } }
        let series = arms.map { arm in
            BarSeries(name: arm, values: reasons.map { reason in
                Double(data.rejections.first { $0.arm == arm && $0.reason == reason }?.count ?? 0)
            }, colorIndex: data.colorIndex(of: arm))
        }
        let chart = GroupedBarChart(categories: reasons, series: series, options: ChartOptions(
            id: id, title: title, summary: "How many candidates each quality stage rejected, per arm.",
            xLabel: "reason", yLabel: "rejected candidates", height: 300))
        return HTMLPieces.figure(chart.svg, caption: "Rejections by reason (most frequent first), one bar per arm. A candidate rejected for two reasons counts under both; \"over target\" marks good candidates left over once the target was met.")
    }
}
