/// A legend of colour swatches and names, wrapped into rows that fit the chart's width.
public enum Legend {
    static let rowHeight = 18.0
    static let maxNameLength = 32

    /// Rows of entries that fit in `width` pixels, in order.
    static func rows(_ entries: [LegendEntry], width: Double) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var current: [LegendEntry] = []
        var used = 0.0
        for entry in entries {
            let itemWidth = Self.itemWidth(entry)
            if !current.isEmpty && used + itemWidth > width {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(entry)
            used += itemWidth
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    static func itemWidth(_ entry: LegendEntry) -> Double {
        12 + 6 + TextMetrics.width(TextMetrics.truncated(entry.name, limit: maxNameLength)) + 18
    }

    /// The legend group with its top-left corner at (x, y).
    public static func markup(_ entries: [LegendEntry], x: Double, y: Double, width: Double) -> Markup {
        var items: [Markup] = []
        for (rowIndex, row) in rows(entries, width: width).enumerated() {
            var cursor = x
            let top = y + Double(rowIndex) * rowHeight
            for entry in row {
                let shown = TextMetrics.truncated(entry.name, limit: maxNameLength)
                items.append(.el("g", [("class", "legend-item"), ("data-series", entry.name)], [
                    .el("title", text: entry.name),
                    .el("rect", [
                        ("x", NumberText.coordinate(cursor)), ("y", NumberText.coordinate(top + 1)), ("width", "12"), ("height", "12"),
                        ("rx", "2"), ("style", "fill:" + ChartTheme.color(entry.colorIndex)),
                    ]),
                    .el("text", [("x", NumberText.coordinate(cursor + 18)), ("y", NumberText.coordinate(top + 11))], text: shown),
                ]))
                cursor += itemWidth(entry)
            }
        }
        return .el("g", [("class", "legend")], items)
    }

    /// The height the legend takes for `entries` in `width` pixels.
    static func height(_ entries: [LegendEntry], width: Double) -> Double {
        Double(rows(entries, width: width).count) * rowHeight
    }
}
