/// Bars side by side per category, one per series (a plain bar chart when there is one series).
public struct GroupedBarChart: Sendable {
    public var categories: [String]
    public var series: [BarSeries]
    public var options: ChartOptions

    public init(categories: [String], series: [BarSeries], options: ChartOptions) {
        self.categories = categories
        self.series = series
        self.options = options
    }

    /// A single-series bar chart without a legend.
    /// `colorIndices` gives each bar its own colour (one per category).
    public init(categories: [String], values: [Double], name: String, colorIndex: Int = 0, colorIndices: [Int]? = nil,
                options: ChartOptions) {
        var options = options
        options.showsLegend = false
        let series = BarSeries(name: name, values: values, colorIndex: colorIndex, valueColorIndices: colorIndices)
        self.init(categories: categories, series: [series], options: options)
    }

    /// The chart as an `<svg>` element; the y axis always includes zero so bar lengths compare.
    public var svg: Markup {
        let layout = BandLabelLayout.choose(categories, plotWidth: ChartFrame.plotWidth(options))
        let frame = ChartFrame(options: options, legend: series.map { LegendEntry(name: $0.name, colorIndex: $0.colorIndex) },
                               bottomMargin: layout.bottomMargin(categories))
        let values = series.flatMap { row in categories.indices.map { row.value(at: $0) } }
        let yScale = frame.yScale(over: values, includeZero: true)
        let outer = BandScale(categories: categories, range: (frame.left, frame.right), paddingInner: 0.25)
        var bars: [Markup] = []
        for (index, category) in categories.enumerated() {
            let start = outer.start(at: index)
            let inner = BandScale(categories: series.map(\.name), range: (start, start + outer.bandwidth), paddingInner: 0.08, paddingOuter: 0)
            for (position, row) in series.enumerated() {
                let value = row.value(at: index)
                let zero = yScale(0)
                let end = yScale(value)
                bars.append(BarMark.rect(
                    x: inner.start(at: position), y: min(zero, end), width: inner.bandwidth, height: abs(zero - end),
                    series: row, index: index, category: category, value: value,
                    tip: "\(category): \(row.name) \(NumberText.fixed(value, decimals: value == value.rounded() ? 0 : 3))"))
            }
        }
        return frame.svg([
            Axis.left(yScale, frame: frame, label: options.yLabel),
            .el("g", [("class", "bars")], bars),
            Axis.bottom(outer, frame: frame, label: options.xLabel, layout: layout),
        ], kind: "bar-chart")
    }

    /// The chart as a standalone SVG document.
    public func render() -> String { Markup.standalone(svg) }
}
