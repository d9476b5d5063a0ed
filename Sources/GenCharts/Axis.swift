/// Axes with ticks, grid lines and labels.
public enum Axis {
    /// A left axis for `scale` with horizontal grid lines across the plot, tick labels and a rotated label.
    static func left(_ scale: LinearScale, frame: ChartFrame, label: String, tickCount: Int = 5) -> Markup {
        let step = scale.tickStep(count: tickCount)
        var grid: [Markup] = []
        var ticks: [Markup] = []
        for value in scale.ticks(count: tickCount) {
            let y = NumberText.coordinate(scale(value))
            grid.append(.el("line", [("x1", NumberText.coordinate(frame.left)), ("x2", NumberText.coordinate(frame.right)), ("y1", y), ("y2", y)]))
            ticks.append(.el("g", [("class", "tick"), ("data-value", NumberText.exact(value))], [
                .el("text", [("x", NumberText.coordinate(frame.left - 6)), ("y", y), ("dy", "0.32em"), ("text-anchor", "end")],
                    text: NumberText.tick(value, step: step)),
            ]))
        }
        let middle = (frame.top + frame.bottom) / 2
        let labelX = NumberText.coordinate(14)
        return .el("g", [("class", "axis axis-y")], [
            .el("g", [("class", "grid")], grid),
            .el("line", [("x1", NumberText.coordinate(frame.left)), ("x2", NumberText.coordinate(frame.left)),
                         ("y1", NumberText.coordinate(frame.top)), ("y2", NumberText.coordinate(frame.bottom))]),
            .el("g", [("class", "ticks")], ticks),
            .el("text", [("class", "axis-label"), ("x", labelX), ("y", NumberText.coordinate(middle)), ("text-anchor", "middle"),
                         ("transform", "rotate(-90 \(labelX) \(NumberText.coordinate(middle)))")], text: label),
        ])
    }

    /// A bottom axis for a numeric scale; `integers` keeps only whole-number ticks (batch numbers).
    static func bottom(_ scale: LinearScale, frame: ChartFrame, label: String, integers: Bool, tickCount: Int = 8) -> Markup {
        var step = scale.tickStep(count: tickCount)
        var values = scale.ticks(count: tickCount)
        if integers && step < 1 {
            step = 1
            values = values.filter { $0 == $0.rounded() }
        }
        let ticks: [Markup] = values.map { value in
            let x = NumberText.coordinate(scale(value))
            return .el("g", [("class", "tick"), ("data-value", NumberText.exact(value))], [
                .el("line", [("x1", x), ("x2", x), ("y1", NumberText.coordinate(frame.bottom)), ("y2", NumberText.coordinate(frame.bottom + 5))]),
                .el("text", [("x", x), ("y", NumberText.coordinate(frame.bottom + 18)), ("text-anchor", "middle")],
                    text: NumberText.tick(value, step: step)),
            ])
        }
        return baseline(frame: frame, ticks: ticks, label: label)
    }

    /// A bottom axis for bands: labels under band centres, upright, slanted or thinned (`BandLabelLayout`) so
    /// they never overlap.
    static func bottom(_ scale: BandScale, frame: ChartFrame, label: String, layout: BandLabelLayout = .thinned) -> Markup {
        let limit = BandLabelLayout.limit
        let indices = layout == .thinned
            ? scale.labelledIndices(minSpacing: BandLabelLayout.widest(scale.categories) + 8) : Array(scale.categories.indices)
        let y = frame.bottom + (layout == .slanted ? 14 : 18)
        let ticks: [Markup] = indices.map { index in
            let x = NumberText.coordinate(scale.center(at: index))
            let category = scale.categories[index]
            var attributes = [("x", x), ("y", NumberText.coordinate(y)), ("text-anchor", layout == .slanted ? "end" : "middle")]
            if layout == .slanted {
                attributes.append(("transform", "rotate(-\(NumberText.coordinate(BandLabelLayout.angle)) \(x) \(NumberText.coordinate(y)))"))
            }
            return .el("g", [("class", "tick"), ("data-value", category)], [
                .el("line", [("x1", x), ("x2", x), ("y1", NumberText.coordinate(frame.bottom)), ("y2", NumberText.coordinate(frame.bottom + 5))]),
                .el("text", attributes, [.el("title", text: category), .text(TextMetrics.truncated(category, limit: limit))]),
            ])
        }
        return baseline(frame: frame, ticks: ticks, label: label)
    }

    private static func baseline(frame: ChartFrame, ticks: [Markup], label: String) -> Markup {
        .el("g", [("class", "axis axis-x")], [
            .el("line", [("x1", NumberText.coordinate(frame.left)), ("x2", NumberText.coordinate(frame.right)),
                         ("y1", NumberText.coordinate(frame.bottom)), ("y2", NumberText.coordinate(frame.bottom))]),
            .el("g", [("class", "ticks")], ticks),
            .el("text", [("class", "axis-label"), ("x", NumberText.coordinate((frame.left + frame.right) / 2)),
                         ("y", NumberText.coordinate(frame.options.height - 6)), ("text-anchor", "middle")], text: label),
        ])
    }
}
