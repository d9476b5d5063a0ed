/// A named row of bar values, one per category.
public struct BarSeries: Sendable, Equatable {
    public var name: String
    /// One value per category, in category order; missing trailing values count as zero.
    public var values: [Double]
    public var colorIndex: Int
    /// A colour slot per value, when each bar of a one-series chart stands for something else (an arm each).
    public var valueColorIndices: [Int]?

    public init(name: String, values: [Double], colorIndex: Int, valueColorIndices: [Int]? = nil) {
        self.name = name
        self.values = values
        self.colorIndex = colorIndex
        self.valueColorIndices = valueColorIndices
    }

    func colorIndex(at index: Int) -> Int {
        guard let colors = valueColorIndices, index < colors.count else { return colorIndex }
        return colors[index]
    }

    func value(at index: Int) -> Double {
        index < values.count && values[index].isFinite ? values[index] : 0
    }
}

/// One bar rectangle with its data and tooltip.
enum BarMark {
    /// Bars narrower than `outlineMinimumWidth` drop the background-coloured outline that separates stacked
    /// segments, which would otherwise stripe a dense chart.
    static let outlineMinimumWidth = 5.0

    static func rect(x: Double, y: Double, width: Double, height: Double, series: BarSeries, index: Int, category: String,
                     value: Double, tip: String) -> Markup {
        let outline = width < outlineMinimumWidth ? ";stroke:none" : ""
        return .el("rect", [
            ("class", "bar"), ("x", NumberText.coordinate(x)), ("y", NumberText.coordinate(y)),
            ("width", NumberText.coordinate(max(0, width))), ("height", NumberText.coordinate(max(0, height))),
            ("data-series", series.name), ("data-category", category), ("data-value", NumberText.exact(value)),
            ("style", "fill:" + ChartTheme.color(series.colorIndex(at: index)) + outline),
        ], [.el("title", text: tip)])
    }
}
