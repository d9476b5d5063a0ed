import GenCore
import GenRouter
import Foundation

extension RouterBenchmark {
    /// A fixed-width text table: problem, batch, contender, seeds, regret ± standard error, reference, ratio.
    public static func table(_ rows: [Row]) -> String {
        let header = ["problem", "batch", "policy", "seeds", "regret", "± se", "reference", "ratio"]
        let body = rows.map { row in
            [row.problem, String(row.batch), row.contender, String(row.seeds),
             String(format: "%.1f", row.meanRegret), String(format: "%.1f", row.standardError),
             row.reference.map { NumberText.compact($0) } ?? "-",
             row.ratio.map { String(format: "%.2f", $0) } ?? "-"]
        }
        let all = [header] + body
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let leftAligned: Set<Int> = [0, 2]
        return all.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
