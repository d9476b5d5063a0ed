/// The single number a credit computation or a reward optimises.
public enum EvaluationMetric: String, Sendable, Hashable, Codable, CaseIterable {
    case accuracy
    case macroF1

    public func value(of metrics: ClassificationMetrics) -> Double {
        switch self {
        case .accuracy: metrics.accuracy
        case .macroF1: metrics.macroF1
        }
    }
}
