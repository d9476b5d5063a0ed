import Testing
@testable import GenCharts

@Suite struct ChartRenderingTests {
    let options = ChartOptions(id: "c", title: "Chart", xLabel: "batch", yLabel: "value")

    @Test func linePathsAndAreas() {
        #expect(PathData.line([(x: 0, y: 10), (x: 5.5, y: 2.25), (x: 10, y: 0)]) == "M0 10 L5.5 2.25 L10 0")
        #expect(PathData.line([]) == "")
        #expect(PathData.area([(x: 0, upper: 1, lower: 3), (x: 2, upper: 0, lower: 4)]) == "M0 1 L2 0 L2 4 L0 3 Z")
        #expect(PathData.area([]) == "")
    }

    @Test func markupEscapesTextAndAttributes() {
        let node = Markup.el("text", [("data-series", "a<b&\"c\"'")], text: "x < y & z > w")
        #expect(node.render() == "<text data-series=\"a&lt;b&amp;&quot;c&quot;&#39;\">x &lt; y &amp; z &gt; w</text>")
        #expect(Markup.escapeText("bell\u{07}") == "bell\u{FFFD}")
        #expect(Markup.el("div").render() == "<div></div>")
        #expect(Markup.el("circle").render() == "<circle/>")
    }

    @Test func labelsWithMarkupCharactersStayWellFormedAndReadBack() throws {
        let name = "arm <b> & \"quoted\""
        let chart = LineChart(
            series: [LineSeries(name: name, points: [LinePoint(x: 0, y: 1), LinePoint(x: 1, y: 2)], colorIndex: 0)],
            options: ChartOptions(id: "esc", title: "Title with <tags> & \"quotes\"", xLabel: "x & y", yLabel: "<y>"))
        let parsed = ParsedSVG(chart.render())
        #expect(parsed.error == nil)
        #expect(parsed.all("g", className: "legend-item").map { $0.attributes["data-series"] } == [name])
        #expect(parsed.all("g", className: "series").first?.attributes["data-series"] == name)
    }

    @Test func lineChartDrawsOneMarkerPerPointWithItsData() throws {
        let points = (0..<5).map { LinePoint(x: Double($0), y: Double($0) * 0.1, band: (Double($0) * 0.1 - 0.05, Double($0) * 0.1 + 0.05)) }
        let chart = LineChart(series: [LineSeries(name: "good", points: points, colorIndex: 2)], options: options)
        let parsed = ParsedSVG(chart.render())
        #expect(parsed.error == nil)
        let markers = parsed.all("circle", className: "point")
        #expect(markers.count == 5)
        #expect(markers.compactMap { $0.attributes["data-y"].flatMap(Double.init) } == points.map(\.y))
        #expect(parsed.all("path", className: "band").count == 1)
        #expect(parsed.all("path", className: "line").first?.attributes["d"]?.hasPrefix("M") == true)
        // Higher values sit higher: the marker for 0.4 has a smaller cy than the one for 0.
        let ys = markers.compactMap { $0.attributes["cy"].flatMap(Double.init) }
        #expect(ys == ys.sorted(by: >))
        #expect(parsed.all("svg").first?.attributes["id"] == "c")
        #expect(parsed.all("title").count >= 1)
    }

    @Test func stackedBarHeightsAreProportionalToValues() throws {
        let chart = StackedBarChart(
            categories: ["0", "1", "2"],
            series: [BarSeries(name: "a", values: [2, 0, 4], colorIndex: 0), BarSeries(name: "b", values: [2, 4, 0], colorIndex: 1)],
            options: options)
        let parsed = ParsedSVG(chart.render())
        #expect(parsed.error == nil)
        let bars = parsed.all("rect", className: "bar")
        // Zero values draw nothing.
        #expect(bars.count == 4)
        let ratios = bars.compactMap { bar -> Double? in
            guard let height = bar.attributes["height"].flatMap(Double.init), let value = bar.attributes["data-value"].flatMap(Double.init) else { return nil }
            return height / value
        }
        #expect(ratios.count == 4)
        #expect(ratios.allSatisfy { abs($0 - ratios[0]) < 0.01 })
        // In category 0, b sits directly on top of a.
        let first = bars.filter { $0.attributes["data-category"] == "0" }
        let aTop = Double(first[0].attributes["y"] ?? "") ?? 0
        let bBottom = (Double(first[1].attributes["y"] ?? "") ?? 0) + (Double(first[1].attributes["height"] ?? "") ?? 0)
        #expect(abs(aTop - bBottom) < 0.02)
        #expect(parsed.all("g", className: "legend-item").count == 2)
    }

    @Test func groupedBarsHaveOneBarPerSeriesAndCategory() throws {
        let chart = GroupedBarChart(
            categories: ["x", "y"],
            series: [BarSeries(name: "a", values: [1, 3], colorIndex: 0), BarSeries(name: "b", values: [2], colorIndex: 1)],
            options: options)
        let parsed = ParsedSVG(chart.render())
        #expect(parsed.error == nil)
        let bars = parsed.all("rect", className: "bar")
        #expect(bars.count == 4)
        #expect(bars.map { $0.attributes["data-value"] } == ["1", "2", "3", "0"])
        let single = GroupedBarChart(categories: ["x"], values: [0.5], name: "rate", options: options)
        let singleParsed = ParsedSVG(single.render())
        #expect(singleParsed.all("g", className: "legend-item").isEmpty)
        #expect(singleParsed.all("rect", className: "bar").count == 1)
    }

    @Test func emptyAndDegenerateChartsAreStillWellFormed() {
        let empty = LineChart(series: [], options: options)
        #expect(ParsedSVG(empty.render()).error == nil)
        let flat = LineChart(series: [LineSeries(name: "s", points: [LinePoint(x: 3, y: 0.5)], colorIndex: 0)], options: options)
        let parsed = ParsedSVG(flat.render())
        #expect(parsed.error == nil)
        #expect(parsed.all("circle", className: "point").count == 1)
        #expect(ParsedSVG(StackedBarChart(categories: [], series: [], options: options).render()).error == nil)
    }

    @Test func themeDefinesEverySeriesColourForLightAndDark() {
        let css = ChartTheme.stylesheet
        for index in 0..<ChartTheme.seriesCount {
            #expect(css.contains("--gen-c\(index):\(ChartTheme.light[index])"))
            #expect(css.contains("--gen-c\(index):\(ChartTheme.dark[index])"))
        }
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(!css.contains("<") && !css.contains("&"))
        #expect(ChartTheme.color(9) == ChartTheme.color(1))
    }
}
