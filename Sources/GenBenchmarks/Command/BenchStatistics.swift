/// Means and spreads over seeds, shared by the benchmarks that report them.
enum BenchStatistics {
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// Sample standard deviation (0 for fewer than two values).
    static func deviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let centre = mean(values)
        return (values.reduce(0) { $0 + ($1 - centre) * ($1 - centre) } / Double(values.count - 1)).squareRoot()
    }
}
