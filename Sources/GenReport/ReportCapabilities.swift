import GenPipeline

/// What the report knows of the engine's capabilities: the quality checks' signatures (how each check runs and
/// what it measures), from the same value the checker and the run used (`Capabilities.reportView`).
public struct ReportCapabilities: Sendable, Equatable {
    public var qualityChecks: [QualityCheckSpec]

    public init(qualityChecks: [QualityCheckSpec] = []) {
        self.qualityChecks = qualityChecks
    }

    /// The signature of the check recorded under `kind`, if the engine knows it.
    func check(_ kind: String) -> QualityCheckSpec? {
        qualityChecks.first { $0.kind.name == kind }
    }
}
