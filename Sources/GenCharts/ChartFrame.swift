/// The plot area inside a chart after the title, legend and axes have taken their margins, and the SVG wrapper.
struct ChartFrame {
    let options: ChartOptions
    let legend: [LegendEntry]
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    static let titleHeight = 22.0

    init(options: ChartOptions, legend: [LegendEntry], leftMargin: Double = 60, bottomMargin: Double = 46) {
        self.options = options
        self.legend = options.showsLegend ? legend : []
        let legendWidth = options.width - 16 - 16
        let legendHeight = self.legend.isEmpty ? 0 : Legend.height(self.legend, width: legendWidth) + 6
        left = leftMargin
        right = options.width - 18
        top = 8 + Self.titleHeight + legendHeight + 8
        bottom = max(top + 40, options.height - bottomMargin)
    }

    /// The y scale: the options' fixed domain, or nice ticks over `values` (with zero for bars, whose lengths compare).
    func yScale(over values: [Double], includeZero: Bool) -> LinearScale {
        if let fixed = options.yDomain {
            return LinearScale(domain: (fixed.lower, fixed.upper), range: (bottom, top))
        }
        return LinearScale.nice(over: values, includeZero: includeZero, range: (bottom, top))
    }

    var plotWidth: Double { right - left }

    /// The plot's width before a frame exists (a chart choosing its label layout first).
    static func plotWidth(_ options: ChartOptions, leftMargin: Double = 60) -> Double { options.width - 18 - leftMargin }
    var plotHeight: Double { bottom - top }

    /// The whole `<svg>`: accessible name and description, title, legend, then the chart's own layers.
    func svg(_ layers: [Markup], kind: String) -> Markup {
        let titleID = options.id + "-title"
        let descID = options.id + "-desc"
        var children: [Markup] = [
            .el("title", [("id", titleID)], text: options.title),
            .el("desc", [("id", descID)], text: options.summary.isEmpty ? options.title : options.summary),
            .el("rect", [("class", "background"), ("x", "0"), ("y", "0"), ("width", NumberText.coordinate(options.width)),
                         ("height", NumberText.coordinate(options.height)), ("style", "fill:none")]),
            .el("text", [("class", "chart-title"), ("x", "16"), ("y", "22")], text: options.title),
        ]
        if !legend.isEmpty {
            children.append(Legend.markup(legend, x: 16, y: 8 + Self.titleHeight + 4, width: options.width - 32))
        }
        children += layers
        return .el("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("id", options.id), ("class", "gen-chart " + kind),
            ("viewBox", "0 0 \(NumberText.coordinate(options.width)) \(NumberText.coordinate(options.height))"),
            ("width", NumberText.coordinate(options.width)), ("height", NumberText.coordinate(options.height)),
            ("role", "img"), ("aria-labelledby", titleID + " " + descID),
        ], children)
    }
}

extension Markup {
    /// The chart as a standalone SVG document with the theme stylesheet embedded.
    static func standalone(_ svg: Markup) -> String {
        guard case .element(let name, let attributes, let children) = svg else { return svg.render() }
        let style = Markup.el("style", [], [.raw(ChartTheme.stylesheet)])
        return Markup.element(name, attributes: attributes, children: [style] + children).render()
    }
}
