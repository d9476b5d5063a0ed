import GenCharts

/// One arm's figure with its 95% interval, as the report's tables show it.
struct IntervalEstimate: Equatable {
    var name: String
    var value: Double
    var low: Double
    var high: Double

    /// Mean +- 1.96 standard errors, clipped to [0, 1] like the router table.
    init(name: String, mean: Double, standardError: Double) {
        self.name = name
        value = mean
        low = max(0, mean - 1.96 * standardError)
        high = min(1, mean + 1.96 * standardError)
    }

    /// The Wilson score interval of `successes` out of `trials`: honest for small counts and rates near 0 or 1.
    init(name: String, successes: Int, trials: Int) {
        self.name = name
        let n = Double(max(trials, 1)), p = Double(successes) / n, z = 1.96
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / (1 + z * z / n)
        value = p
        low = max(0, centre - margin)
        high = min(1, centre + margin)
    }

    /// An interval on any scale (no clipping to [0, 1]).
    init(name: String, value: Double, low: Double, high: Double) {
        self.name = name
        self.value = value
        self.low = low
        self.high = high
    }

    func overlaps(_ other: IntervalEstimate) -> Bool { low <= other.high && other.low <= high }

    /// "0.447–0.492", as the router table shows it.
    var range: String {
        "\(NumberText.fixed(low, decimals: 3))\u{2013}\(NumberText.fixed(high, decimals: 3))"
    }

    var shown: String {
        "\(name) \(NumberText.fixed(value, decimals: 3)) (\(range))"
    }
}

/// Whether arms differ beyond noise on one figure. The test is the one a reader can do by eye on the tables:
/// two arms differ when their 95% intervals do not overlap (conservative; overlapping intervals are "within noise").
enum IntervalComparison {
    /// One sentence about `estimates` (two or more arms), naming `figure` ("mean reward").
    static func statement(_ estimates: [IntervalEstimate], figure: String) -> Finding? {
        guard estimates.count >= 2, let best = estimates.max(by: { $0.value < $1.value }) else { return nil }
        let listed = estimates.map(\.shown).joined(separator: ", ")
        let separated = estimates.filter { !$0.overlaps(best) }
        if estimates.allSatisfy({ a in estimates.allSatisfy { a.overlaps($0) } }) {
            return Finding(.note, "No real difference in \(figure) between the arms: their 95% intervals overlap (\(listed)). "
                + "The differences are within noise; more samples would be needed to tell the arms apart.")
        }
        let tied = estimates.filter { $0.name != best.name && $0.overlaps(best) }.map(\.name)
        var text = "\(best.name) has the highest \(figure); it is above \(Self.names(separated.map(\.name))) beyond noise"
        text += tied.isEmpty ? "" : ", and within noise of \(Self.names(tied))"
        return Finding(.note, text + " (95% intervals: \(listed)).")
    }

    static func names(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
