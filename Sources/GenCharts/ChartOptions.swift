/// What every chart needs besides its data: identity, words, size and an optional fixed y domain.
public struct ChartOptions: Sendable {
    /// The SVG element's id (unique in a page); tests and links find the chart by it.
    public var id: String
    /// Drawn above the chart and used as its accessible name.
    public var title: String
    /// A sentence for screen readers (`<desc>`) describing what the chart shows.
    public var summary: String
    public var xLabel: String
    public var yLabel: String
    public var width: Double
    public var height: Double
    /// A fixed y domain (rates in 0...1); nil fits the data.
    public var yDomain: (lower: Double, upper: Double)?
    /// Whether to draw the legend (one-series charts usually need none).
    public var showsLegend: Bool

    public init(
        id: String, title: String, summary: String = "", xLabel: String = "", yLabel: String = "", width: Double = 560,
        height: Double = 300, yDomain: (lower: Double, upper: Double)? = nil, showsLegend: Bool = true
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
        self.yDomain = yDomain
        self.showsLegend = showsLegend
    }
}

/// One named entry in a legend, with its colour slot.
public struct LegendEntry: Sendable, Equatable {
    public var name: String
    public var colorIndex: Int

    public init(name: String, colorIndex: Int) {
        self.name = name
        self.colorIndex = colorIndex
    }
}
