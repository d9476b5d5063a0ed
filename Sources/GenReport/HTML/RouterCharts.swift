import GenCharts

/// Charts of what the router chose and what it believed: the story of the run's learning.
enum RouterCharts {
    /// Beyond this many batches, consecutive batches share a bar so bars stay readable.
    static let maxBars = 100

    /// Slots per arm in each batch (or run of batches), stacked: the router's choices over time.
    static func armChoices(_ data: ReportData) -> Markup {
        let id = "chart-arm-choices", title = "Arm choices per batch"
        guard !data.batches.isEmpty else { return HTMLPieces.note(id, title: title, because: "the run has no batch yet") }
        let size = (data.batches.count + maxBars - 1) / maxBars
        let bins = stride(from: 0, to: data.batches.count, by: size).map { data.batches[$0..<min($0 + size, data.batches.count)] }
        let categories = bins.map { bin in
            bin.count == 1 ? String(bin[bin.startIndex].index + 1) : "\(bin[bin.startIndex].index + 1)\u{2013}\(bin[bin.endIndex - 1].index + 1)"
        }
        let series = data.arms.map { arm in
            BarSeries(name: arm, values: bins.map { bin in Double(bin.reduce(0) { $0 + ($1.allocation[arm] ?? 0) }) },
                      colorIndex: data.colorIndex(of: arm))
        }
        let chart = StackedBarChart(
            categories: categories, series: series,
            options: ChartOptions(id: id, title: title, summary: "Slots the router gave each arm in each batch, stacked.",
                                  xLabel: size == 1 ? "batch" : "batches (\(size) per bar)", yLabel: "slots",
                                  width: HTMLPieces.wideChartWidth, height: 300))
        var caption = "Each bar is one batch; its segments are the slots the router gave each arm. An arm that keeps winning takes over the bars."
        if size > 1 { caption = "Each bar sums \(size) consecutive batches (\(data.batches.count) in all); its segments are the slots the router gave each arm. An arm that keeps winning takes over the bars." }
        return HTMLPieces.figure(chart.svg, caption: caption, wide: true)
    }

    /// The router's mean reward per arm after each batch, with a 95% band (mean +- 1.96 standard errors).
    static func armReward(_ data: ReportData) -> Markup {
        let id = "chart-arm-reward", title = "Mean reward per arm (router's estimate)"
        let series = data.arms.compactMap { arm -> LineSeries? in
            let points = data.batches.compactMap { batch -> LinePoint? in
                guard let estimate = batch.estimates[arm] else { return nil }
                let interval = IntervalEstimate(name: arm, mean: estimate.mean, standardError: estimate.standardError)
                return LinePoint(x: Double(batch.index + 1), y: estimate.mean, band: (interval.low, interval.high))
            }
            return points.isEmpty ? nil : LineSeries(name: arm, points: points, colorIndex: data.colorIndex(of: arm))
        }
        guard !series.isEmpty else {
            return HTMLPieces.note(id, title: title, because: "no batch stored a router state with per-arm statistics")
        }
        let chart = LineChart(series: series, options: ChartOptions(
            id: id, title: title, summary: "The router's running mean reward for each arm after every batch, with a 95% band.",
            xLabel: "batch", yLabel: "mean reward", height: 320, yDomain: (0, 1)))
        return HTMLPieces.figure(chart.svg, caption: "Lines are the router's mean reward per arm after each batch (including credit from downstream evaluations); shaded bands are mean \u{b1} 1.96 standard errors. Bands narrow as evidence accumulates.")
    }

    /// The exploration rate after each batch (epsilon-greedy policies only).
    static func exploration(_ data: ReportData) -> Markup {
        let id = "chart-epsilon", title = "Exploration rate (epsilon)"
        let points = data.batches.compactMap { batch in batch.epsilon.map { LinePoint(x: Double(batch.index + 1), y: $0) } }
        guard !points.isEmpty else {
            let policy = data.finalRouter?.policy ?? data.graph?.router.policy ?? "unknown"
            let reason = data.batches.isEmpty
                ? "the run has no batch yet"
                : "the router policy '\(policy)' has no exploration rate (only epsilon-greedy policies do)"
            return HTMLPieces.note(id, title: title, because: reason)
        }
        let top = points.map(\.y).max() ?? 1
        let chart = LineChart(
            series: [LineSeries(name: "epsilon", points: points, colorIndex: 4)],
            options: ChartOptions(id: id, title: title, summary: "The share of slots given to random exploration after each batch.",
                                  xLabel: "batch", yLabel: "epsilon", height: 260,
                                  yDomain: (0, top > 0 ? NiceTicks.niceDomain(0, top, count: 4).upper : 1), showsLegend: false))
        return HTMLPieces.figure(chart.svg, caption: "The share of slots the router hands out at random to keep learning; it decays as the router grows confident.")
    }
}
