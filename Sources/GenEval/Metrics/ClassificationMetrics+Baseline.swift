import GenCore

/// What an accuracy means: the accuracy of always predicting the test set's most frequent label, and whether
/// the model's predictions and the test labels have anything in common.
extension ClassificationMetrics {
    /// The most frequent true label and the accuracy of always predicting it (a model below this learned nothing).
    public var majorityBaseline: (label: String, accuracy: Double) {
        let best = perClass.max { ($0.support, $1.label) < ($1.support, $0.label) }
        return (best?.label ?? "", count > 0 ? Double(best?.support ?? 0) / Double(count) : 0)
    }

    /// True when no prediction is one of the test set's labels: train and test label sets are disjoint, so an
    /// accuracy of 0 says nothing about the data (a typo in a label, or another task's test set).
    public var predictsNoTestLabel: Bool {
        let trueLabels = Set(perClass.filter { $0.support > 0 }.map(\.label))
        let predicted = labels.indices.filter { column in confusion.contains { $0[column] > 0 } }.map { labels[$0] }
        return !predicted.isEmpty && trueLabels.isDisjoint(with: predicted)
    }

    /// Lines that put the accuracy in context, for every place that prints one.
    public var baselineNotes: [String] {
        let baseline = majorityBaseline
        var notes = ["majority-class baseline \(TextTable.decimal(baseline.accuracy)) (always `\(baseline.label)`)"]
        if predictsNoTestLabel {
            notes.append("warning: no prediction is one of the test labels: the training labels and the test labels do not overlap")
        } else if accuracy <= baseline.accuracy {
            notes.append("warning: accuracy is no better than always predicting `\(baseline.label)`")
        }
        return notes
    }
}
