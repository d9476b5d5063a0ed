import GenCore

/// An accepted sample the noise filter demoted: which candidate, what the classifier thought of its label.
public struct DemotionRecord: Sendable, Equatable {
    /// The candidate, by the batch and slot that made it (ordinals move when samples are demoted; these do not).
    public var batchIndex: Int
    public var slot: Int
    /// The sample's own label and the label the classifier prefers, with their out-of-fold probabilities.
    public var label: String
    public var predicted: String
    public var labelProbability: Double
    public var predictedProbability: Double
    public var probabilities: [String: Double]
    /// Filled when read back: the arm, the sample, the accepted ordinal it had and the pool size when demoted.
    public var arm: String = ""
    public var sample: JSONValue = .null
    public var ordinal: Int = 0
    public var afterAccepted: Int = 0

    public init(
        batchIndex: Int, slot: Int, label: String, predicted: String, labelProbability: Double, predictedProbability: Double,
        probabilities: [String: Double]
    ) {
        self.batchIndex = batchIndex
        self.slot = slot
        self.label = label
        self.predicted = predicted
        self.labelProbability = labelProbability
        self.predictedProbability = predictedProbability
        self.probabilities = probabilities
    }
}

/// The reason a demoted candidate carries in rejected.jsonl, inspect and the rejection counts.
public enum DemotionReason {
    public static let prefix = "demoted: likely mislabelled"

    public static func text(predicted: String, probability: Double) -> String {
        prefix + " (the classifier says `\(predicted)`, p \(NumberText.fixed(probability, 2)))"
    }
}
