/// The outcome of one evaluation: Codable for the run store, rendered as text for people (`rendered`).
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// Held-out test or cross-validation: always shown first when rendered.
    public var `protocol`: EvaluationProtocol
    public var model: String
    public var seed: UInt64
    public var trainCount: Int
    /// Samples scored: the test set, or every training sample once across the folds.
    public var testCount: Int
    /// Scores on the test set, or pooled over all cross-validation folds.
    public var metrics: ClassificationMetrics
    /// Accuracy of each fold; empty for a held-out test.
    public var foldAccuracies: [Double]
    /// The same model trained on a real training set and scored on the same test set, when one was given.
    public var realTrainReference: ReferenceResult?
}

/// The "train on real" comparison line: what the synthetic data is trying to match.
public struct ReferenceResult: Sendable, Hashable, Codable {
    public var trainCount: Int
    public var metrics: ClassificationMetrics
}
