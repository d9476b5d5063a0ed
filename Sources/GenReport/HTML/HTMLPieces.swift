import GenCharts

/// Small building blocks of the report page.
enum HTMLPieces {
    /// A section with a heading and an anchor.
    static func section(_ id: String, _ title: String, intro: String? = nil, _ children: [Markup]) -> Markup {
        var content: [Markup] = [.el("h2", text: title)]
        if let intro { content.append(.el("p", [("class", "intro")], text: intro)) }
        return .el("section", [("id", id)], content + children)
    }

    /// A chart with a caption explaining how to read it; `wide` spans the whole row (long time axes).
    static func figure(_ chart: Markup, caption: String, wide: Bool = false) -> Markup {
        .el("figure", [("class", wide ? "chart wide" : "chart")], [chart, .el("figcaption", text: caption)])
    }

    /// The drawing width of a chart that spans the row, so its text is drawn at about its real size.
    static let wideChartWidth = 1120.0

    /// What stands in for a chart that has no data: the chart's id + "-note" and the reason.
    static func note(_ chartID: String, title: String, because reason: String) -> Markup {
        .el("figure", [("class", "chart missing"), ("id", chartID + "-note")], [
            .el("h3", text: title),
            .el("p", [("class", "note")], text: "Not available because " + reason + "."),
        ])
    }

    /// A table; `numeric` columns are right-aligned.
    static func table(_ id: String, headers: [String], rows: [[Markup]], numeric: Set<Int> = [], caption: String? = nil) -> Markup {
        let head = Markup.el("thead", [], [.el("tr", [], headers.enumerated().map { index, header in
            .el("th", numeric.contains(index) ? [("class", "num"), ("scope", "col")] : [("scope", "col")], text: header)
        })])
        let body = Markup.el("tbody", [], rows.map { cells in
            .el("tr", [], cells.enumerated().map { index, cell in
                .el("td", numeric.contains(index) ? [("class", "num")] : [], [cell])
            })
        })
        var children: [Markup] = []
        if let caption { children.append(.el("caption", text: caption)) }
        children += [head, body]
        return .el("div", [("class", "table-wrap")], [.el("table", [("id", id)], children)])
    }

    /// Text in a table cell.
    static func cell(_ text: String) -> Markup { .text(text) }

    /// An arm name with its colour swatch, as in the charts' legends.
    static func arm(_ name: String, colorIndex: Int) -> Markup {
        .el("span", [("class", "arm")], [
            .el("span", [("class", "swatch"), ("style", "background:" + ChartTheme.color(colorIndex))], []),
            .text(name),
        ])
    }

    /// A definition list of label/value pairs.
    static func facts(_ pairs: [(String, Markup)]) -> Markup {
        .el("dl", [("class", "facts")], pairs.flatMap { [Markup.el("dt", text: $0.0), .el("dd", [], [$0.1])] })
    }

    /// A headline number.
    static func stat(_ label: String, _ value: String, detail: String? = nil) -> Markup {
        var children: [Markup] = [.el("div", [("class", "stat-value")], text: value), .el("div", [("class", "stat-label")], text: label)]
        if let detail { children.append(.el("div", [("class", "stat-detail")], text: detail)) }
        return .el("div", [("class", "stat")], children)
    }

    static func code(_ text: String) -> Markup { .el("code", text: text) }
}
