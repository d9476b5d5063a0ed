/// Precision, recall, F1 and support of one class.
public struct ClassScores: Sendable, Hashable, Codable {
    public var label: String
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// How many true samples of this class there were.
    public var support: Int
}

/// Accuracy, macro-F1, per-class scores and the confusion matrix of predictions against the truth.
public struct ClassificationMetrics: Sendable, Hashable, Codable {
    /// Sorted union of true and predicted labels; rows and columns of `confusion` follow this order.
    public var labels: [String]
    /// `confusion[t][p]` counts samples of true label `labels[t]` predicted as `labels[p]`.
    public var confusion: [[Int]]
    public var perClass: [ClassScores]
    public var accuracy: Double
    /// The unweighted mean of per-class F1 over `labels` (an undefined precision or recall counts as 0).
    public var macroF1: Double
    public var count: Int

    public init(truth: [String], predicted: [String]) throws {
        guard truth.count == predicted.count else {
            throw EvalError.mismatchedLengths(texts: truth.count, labels: predicted.count)
        }
        guard !truth.isEmpty else { throw EvalError.emptyTestSet }
        let labels = Array(Set(truth).union(predicted)).sorted()
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (actual, guess) in zip(truth, predicted) {
            if let row = position[actual], let column = position[guess] { confusion[row][column] += 1 }
        }
        self.init(labels: labels, confusion: confusion)
    }

    /// Derives every score from a confusion matrix (rows = truth); also used to pool cross-validation folds.
    public init(labels: [String], confusion: [[Int]]) {
        let size = labels.count
        var perClass: [ClassScores] = []
        var correct = 0
        var total = 0
        for index in 0..<size {
            let truePositives = confusion[index][index]
            let support = confusion[index].reduce(0, +)
            let predictedCount = (0..<size).reduce(0) { $0 + confusion[$1][index] }
            let precision = predictedCount > 0 ? Double(truePositives) / Double(predictedCount) : 0
            let recall = support > 0 ? Double(truePositives) / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            perClass.append(ClassScores(label: labels[index], precision: precision, recall: recall, f1: f1, support: support))
            correct += truePositives
            total += support
        }
        self.labels = labels
        self.confusion = confusion
        self.perClass = perClass
        self.count = total
        self.accuracy = total > 0 ? Double(correct) / Double(total) : 0
        self.macroF1 = perClass.isEmpty ? 0 : perClass.map(\.f1).reduce(0, +) / Double(perClass.count)
    }
}
