/// One point of a line, with an optional uncertainty band around it.
public struct LinePoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// The band's lower and upper edge at `x` (e.g. mean +- one standard error); nil draws no band here.
    public var band: (lower: Double, upper: Double)?

    public init(x: Double, y: Double, band: (lower: Double, upper: Double)? = nil) {
        self.x = x
        self.y = y
        self.band = band
    }

    public static func == (lhs: LinePoint, rhs: LinePoint) -> Bool {
        lhs.x == rhs.x && lhs.y == rhs.y && lhs.band?.lower == rhs.band?.lower && lhs.band?.upper == rhs.band?.upper
    }
}

/// A named line.
public struct LineSeries: Sendable, Equatable {
    public var name: String
    public var points: [LinePoint]
    /// Colour slot; the same arm keeps the same colour in every chart.
    public var colorIndex: Int

    public init(name: String, points: [LinePoint], colorIndex: Int) {
        self.name = name
        self.points = points
        self.colorIndex = colorIndex
    }
}

/// Lines over a numeric x axis, each with an optional shaded uncertainty band (an area chart when banded).
public struct LineChart: Sendable {
    public var series: [LineSeries]
    public var options: ChartOptions
    /// Whether x values are whole numbers (batches), so fractional ticks are dropped.
    public var integerX: Bool
    /// Widen the x domain to nice ticks (sample counts); false keeps it exactly at the data (batch 1...N).
    public var niceX: Bool

    /// Beyond this many points a series draws invisible markers (they still carry the data and tooltips).
    static let visibleMarkerLimit = 60

    public init(series: [LineSeries], options: ChartOptions, integerX: Bool = true, niceX: Bool = false) {
        self.series = series
        self.options = options
        self.integerX = integerX
        self.niceX = niceX
    }

    /// The chart as an `<svg>` element (styled by `ChartTheme.stylesheet` in the page).
    public var svg: Markup {
        let frame = ChartFrame(options: options, legend: series.map { LegendEntry(name: $0.name, colorIndex: $0.colorIndex) })
        let points = series.flatMap(\.points)
        let xs = points.map(\.x)
        let xScale = niceX
            ? LinearScale.nice(over: xs, range: (frame.left, frame.right), tickCount: 6)
            : LinearScale(domain: (xs.min() ?? 0, xs.max() ?? 1), range: (frame.left, frame.right))
        let ys = points.flatMap { [$0.y] + ($0.band.map { [$0.lower, $0.upper] } ?? []) }
        let yScale = frame.yScale(over: ys, includeZero: false)
        var layers: [Markup] = [
            Axis.left(yScale, frame: frame, label: options.yLabel),
            Axis.bottom(xScale, frame: frame, label: options.xLabel, integers: integerX),
        ]
        for line in series {
            layers.append(group(for: line, x: xScale, y: yScale))
        }
        return frame.svg(layers, kind: "line-chart")
    }

    private func group(for line: LineSeries, x: LinearScale, y: LinearScale) -> Markup {
        let color = ChartTheme.color(line.colorIndex)
        var children: [Markup] = []
        let banded = line.points.compactMap { point in point.band.map { (x: x(point.x), upper: y($0.upper), lower: y($0.lower)) } }
        if !banded.isEmpty {
            children.append(.el("path", [("class", "band"), ("d", PathData.area(banded)), ("style", "fill:" + color)]))
        }
        children.append(.el("path", [
            ("class", "line"), ("d", PathData.line(line.points.map { (x: x($0.x), y: y($0.y)) })), ("style", "stroke:" + color),
        ]))
        let radius = line.points.count <= Self.visibleMarkerLimit ? "3" : "0"
        let markers: [Markup] = line.points.map { point in
            var tip = "\(line.name): \(NumberText.exact(point.x)) \u{2192} \(NumberText.fixed(point.y, decimals: 3))"
            if let band = point.band {
                tip += " (\(NumberText.fixed(band.lower, decimals: 3))\u{2013}\(NumberText.fixed(band.upper, decimals: 3)))"
            }
            return .el("circle", [
                ("class", "point"), ("cx", NumberText.coordinate(x(point.x))), ("cy", NumberText.coordinate(y(point.y))), ("r", radius),
                ("data-x", NumberText.exact(point.x)), ("data-y", NumberText.exact(point.y)), ("style", "fill:" + color),
            ], [.el("title", text: tip)])
        }
        children.append(.el("g", [("class", "points")], markers))
        return .el("g", [("class", "series"), ("data-series", line.name)], children)
    }

    /// The chart as a standalone SVG document.
    public func render() -> String { Markup.standalone(svg) }
}
