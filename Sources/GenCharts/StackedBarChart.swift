/// Bars stacked per category: e.g. how a batch's slots were shared among arms.
public struct StackedBarChart: Sendable {
    public var categories: [String]
    public var series: [BarSeries]
    public var options: ChartOptions

    public init(categories: [String], series: [BarSeries], options: ChartOptions) {
        self.categories = categories
        self.series = series
        self.options = options
    }

    /// The chart as an `<svg>` element. Negative values are drawn as zero (stacks only make sense for counts).
    public var svg: Markup {
        let layout = BandLabelLayout.choose(categories, plotWidth: ChartFrame.plotWidth(options))
        let frame = ChartFrame(options: options, legend: series.map { LegendEntry(name: $0.name, colorIndex: $0.colorIndex) },
                               bottomMargin: layout.bottomMargin(categories))
        let totals = categories.indices.map { index in series.reduce(0) { $0 + max(0, $1.value(at: index)) } }
        let yScale = frame.yScale(over: totals, includeZero: true)
        let band = BandScale(categories: categories, range: (frame.left, frame.right), paddingInner: categories.count > 60 ? 0.05 : 0.2)
        var bars: [Markup] = []
        for (index, category) in categories.enumerated() {
            var base = 0.0
            for row in series {
                let value = max(0, row.value(at: index))
                guard value > 0 else { continue }
                let top = base + value
                bars.append(BarMark.rect(
                    x: band.start(at: index), y: yScale(top), width: band.bandwidth, height: yScale(base) - yScale(top),
                    series: row, index: index, category: category, value: value,
                    tip: "\(options.xLabel) \(category): \(row.name) \(NumberText.exact(value)) of \(NumberText.exact(totals[index]))"))
                base = top
            }
        }
        return frame.svg([
            Axis.left(yScale, frame: frame, label: options.yLabel),
            .el("g", [("class", "bars")], bars),
            Axis.bottom(band, frame: frame, label: options.xLabel, layout: layout),
        ], kind: "stacked-bar-chart")
    }

    /// The chart as a standalone SVG document.
    public func render() -> String { Markup.standalone(svg) }
}
