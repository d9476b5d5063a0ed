import GenCore
import GenStore

/// The noise filter's demotions as the report and the card list them: one row each, computed once so both
/// show the same samples and the same count.
public struct DemotedRow: Sendable, Equatable {
    public var text: String
    public var label: String
    /// The label the classifier preferred, and its out-of-fold probability.
    public var predicted: String
    public var probability: Double
    public var arm: String
    /// The pool size at the evaluation that demoted it.
    public var afterAccepted: Int

    public static let headers = ["sample", "its label", "the classifier's label", "probability", "arm", "after samples"]

    init(_ record: DemotionRecord, textField: String?) {
        text = textField.flatMap { record.sample[$0]?.stringValue } ?? CanonicalJSON.string(record.sample)
        label = record.label
        predicted = record.predicted
        probability = record.predictedProbability
        arm = record.arm
        afterAccepted = record.afterAccepted
    }

    /// The cells after the sample's text, as plain text.
    public var cells: [String] {
        [label, predicted, NumberText.fixed(probability, 2), arm, String(afterAccepted)]
    }

    /// The sentence both the card and the report put above the list.
    public static func intro(count: Int) -> String {
        "The noise filter (evaluate `noise_filter`) demoted \(count) accepted sample\(count == 1 ? "" : "s") as likely mislabelled: "
            + "a classifier trained on the rest of the pool (cross-validated) preferred another label at least as confidently as it "
            + "usually does for that label. They are not in dataset.jsonl (rejected.jsonl keeps them) and were replaced by new samples. "
            + "The classifier learned from synthetic data: it flags samples inconsistent with the rest, not ground truth."
    }
}
