/// Number text for messages, tables and benchmark figures, in one place.
public enum NumberText {
    /// `value` with `digits` decimals ("0.84"), without Foundation's `String(format:)`, which is slow on
    /// Linux and would be paid by every rejected duplicate's message.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return "\(value)" }
        let whole = UInt64(scaled)
        let integer = String(whole / UInt64(scale))
        let sign = value < 0 && whole != 0 ? "-" : ""
        guard digits > 0 else { return sign + integer }
        let fraction = String(whole % UInt64(scale))
        return sign + integer + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// A figure as `gen test` and `gen compare` show it: a whole number as one (`12`), else three decimals, or
    /// three significant digits below 0.1 (a dollar figure per sample is a fraction of a cent: `0.000213`).
    public static func figure(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return fixed(value, decimals(forMagnitude: abs(value)))
    }

    /// Three, or enough for three significant digits below 0.1.
    public static func decimals(forMagnitude magnitude: Double) -> Int {
        guard magnitude > 0, magnitude < 0.1, magnitude.isFinite else { return 3 }
        var decimals = 3, scaled = magnitude * 1000
        while scaled < 100, decimals < 17 { scaled *= 10; decimals += 1 }
        return decimals
    }

    /// Short text: `1` not `1.0`, `0.995` as is, `inf` for infinity.
    public static func compact(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// Plain-text tables with padded columns: the first column left-aligned, the others right-aligned.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let columnCount = all.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A fixed three-decimal number, the precision every figure in a report uses.
    public static func decimal(_ value: Double, places: Int = 3) -> String {
        NumberText.fixed(value, places)
    }
}
