import GenCharts

/// How long the accepted texts are, per label: a length that differs by label is a shortcut a classifier
/// can learn instead of the task.
enum LengthChart {
    /// At most this many labels get their own bars; more share one series.
    static let maxLabelSeries = 8

    static func histogram(_ data: ReportData) -> Markup {
        let id = "chart-lengths", title = "Length of the accepted texts"
        guard let field = data.textField, let longest = data.textLengths.map(\.words).max() else {
            let reason = data.textField == nil ? "the output schema has no string field to measure" : "nothing has been accepted yet"
            return HTMLPieces.note(id, title: title, because: reason)
        }
        let width = max(1, Int(NiceTicks.step(span: Double(longest + 1), count: 10).rounded(.up)))
        let bins = longest / width + 1
        let categories = (0..<bins).map { width == 1 ? String($0) : "\($0 * width)\u{2013}\($0 * width + width - 1)" }
        let labels = Array(Set(data.textLengths.compactMap(\.label))).sorted()
        let groups: [(String, [LabelledLength])] = labels.count >= 2 && labels.count <= maxLabelSeries
            ? labels.map { label in (label, data.textLengths.filter { $0.label == label }) }
            : [("accepted", data.textLengths)]
        let series = groups.enumerated().map { offset, group in
            var counts = [Double](repeating: 0, count: bins)
            for length in group.1 { counts[length.words / width] += 1 }
            return BarSeries(name: group.0, values: counts, colorIndex: 4 + offset)
        }
        let chart = GroupedBarChart(categories: categories, series: series, options: ChartOptions(
            id: id, title: title, summary: "Accepted samples by the number of words in '\(field)'" + (groups.count > 1 ? ", per label." : "."),
            xLabel: "words in '\(field)'", yLabel: "samples", height: 280, showsLegend: groups.count > 1))
        return HTMLPieces.figure(chart.svg, caption: caption(groups, field: field))
    }

    /// Median, shortest and longest per group, so the chart's message is also in words.
    static func caption(_ groups: [(String, [LabelledLength])], field: String) -> String {
        let parts = groups.map { name, lengths in
            let sorted = lengths.map(\.words).sorted()
            let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            return "\(groups.count > 1 ? name + ": " : "")median \(median) words (\(sorted.first ?? 0)\u{2013}\(sorted.last ?? 0))"
        }
        var text = "Words per accepted '\(field)' value; " + parts.joined(separator: "; ") + "."
        if groups.count > 1 { text += " Lengths that differ by label let a classifier learn length instead of the task." }
        return text
    }
}
