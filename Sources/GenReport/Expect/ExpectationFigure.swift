import GenPipeline

/// A figure an `expect` block bounds (`min_accepted: 12` is `accepted >= 12`), and how `gen test` measures it on
/// the replayed run from the data the report shows. The capabilities registry holds the table: the checker's
/// `expect` attributes and `gen test`'s measurements both come from it, so neither can name a figure the other lacks.
public struct ExpectationFigure: Sendable {
    /// The figure as `gen test` prints it (`acceptance_rate`).
    public let name: String
    /// The attribute a script writes (`min_acceptance_rate`): its type, range and summary, as `gen check` checks it.
    public let attribute: ParameterSpec
    /// The figure, or why it cannot be measured on this run (an expectation on it then fails with the reason).
    public let measure: @Sendable (ReportData) -> Result<Double, Unmeasurable>

    /// `bound` is "min" or "max": the attribute is `bound_name`.
    public init(
        _ name: String, bound: String, type: GenType, minimum: Double, maximum: Double? = nil, minimumExclusive: Bool = false,
        summary: String, measure: @escaping @Sendable (ReportData) -> Result<Double, Unmeasurable>
    ) {
        self.name = name
        attribute = ParameterSpec(
            name: bound + "_" + name, type: type, minimum: minimum, maximum: maximum, minimumExclusive: minimumExclusive, summary: summary)
        self.measure = measure
    }
}

/// Why a figure cannot be measured on a run.
public struct Unmeasurable: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
