/// One line of an `expect` block: a figure of the replayed run and its bound (`min_acceptance_rate: 0.7` is
/// `acceptance_rate >= 0.7`). Only `gen test` reads it; a run ignores it.
public struct ExpectationNode: Codable, Sendable, Equatable {
    /// The figure measured (`acceptance_rate`): one of the capabilities registry's expectation figures.
    public var figure: String
    /// True for a minimum (`min_`), false for a maximum (`max_`).
    public var isMinimum: Bool
    public var bound: Double
    public var source: SourceRef

    public init(figure: String, isMinimum: Bool, bound: Double, source: SourceRef) {
        self.figure = figure
        self.isMinimum = isMinimum
        self.bound = bound
        self.source = source
    }

    /// The attribute as the script spells it.
    public var attribute: String { (isMinimum ? "min_" : "max_") + figure }
}
