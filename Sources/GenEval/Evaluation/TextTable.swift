import Foundation

/// Plain-text tables with padded columns: the first column left-aligned, the others right-aligned.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
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
    static func decimal(_ value: Double, places: Int = 3) -> String {
        String(format: "%.\(places)f", value)
    }
}
