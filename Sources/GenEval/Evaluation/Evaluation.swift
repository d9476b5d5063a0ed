/// The evaluation stage's entry points: train a named small model, score it, and report.
public enum Evaluation {
    /// More classes than this is a mistake (a text field used as the label), and would take gigabytes.
    public static let maxClasses = 256

    /// Stops before training when the labels cannot be classes.
    static func checkClassCount(_ samples: [LabeledText]) throws {
        let count = Set(samples.map(\.label)).count
        guard count <= maxClasses else { throw EvalError.tooManyClasses(count: count, limit: maxClasses) }
    }

    /// Trains `model` on `train` and scores it on `test` (normally real data). When `realTrain` is given,
    /// the same model is also trained on it and scored on `test`, as the "train on real" reference.
    public static func run(
        train: [LabeledText], test: [LabeledText], testSetName: String = "test", model: String = "logreg",
        seed: UInt64, realTrain: [LabeledText]? = nil, classifiers: ClassifierRegistry = .standard
    ) throws -> EvaluationReport {
        guard !test.isEmpty else { throw EvalError.emptyTestSet }
        let metrics = try trainAndScore(train: train, test: test, model: model, seed: seed, classifiers: classifiers)
        var reference: ReferenceResult?
        if let realTrain {
            let realMetrics = try trainAndScore(train: realTrain, test: test, model: model, seed: seed, classifiers: classifiers)
            reference = ReferenceResult(trainCount: realTrain.count, metrics: realMetrics)
        }
        return EvaluationReport(
            protocol: .heldOut(testSetName), model: model, seed: seed, trainCount: train.count,
            testCount: test.count, metrics: metrics, foldAccuracies: [], realTrainReference: reference)
    }

    /// Stratified k-fold cross-validation on `samples`, for when there is no real test set. Predictions of all
    /// folds are pooled into one set of metrics; the report is labelled `.crossValidation(folds)`.
    public static func crossValidate(
        samples: [LabeledText], folds: Int = 5, model: String = "logreg", seed: UInt64, classifiers: ClassifierRegistry = .standard
    ) throws -> EvaluationReport {
        guard folds >= 2 else { throw EvalError.invalidArgument("cross-validation needs at least 2 folds, got \(folds)") }
        guard samples.count >= folds else {
            throw EvalError.invalidArgument("cross-validation with \(folds) folds needs at least \(folds) samples, got \(samples.count)")
        }
        try checkClassCount(samples)
        let prototype = try classifiers.make(model, seed: seed)
        let encoded = EncodedDataset(samples, featurizer: prototype.featurizer)
        let assignment = StratifiedSplit.foldAssignment(samples, folds: folds, seed: seed)
        var predicted = [String](repeating: "", count: samples.count)
        var foldAccuracies: [Double] = []
        for fold in 0..<folds {
            let heldOut = assignment.indices.filter { assignment[$0] == fold }
            var classifier = prototype
            try classifier.fit(encoded.subset(assignment.indices.filter { assignment[$0] != fold }))
            var correct = 0
            for row in heldOut {
                predicted[row] = classifier.predict(vector: encoded.vectors[row])
                if predicted[row] == samples[row].label { correct += 1 }
            }
            foldAccuracies.append(Double(correct) / Double(heldOut.count))
        }
        let metrics = try ClassificationMetrics(truth: samples.map(\.label), predicted: predicted)
        return EvaluationReport(
            protocol: .crossValidation(folds), model: model, seed: seed, trainCount: samples.count,
            testCount: samples.count, metrics: metrics, foldAccuracies: foldAccuracies, realTrainReference: nil)
    }

    /// Fits a fresh model on `train` and returns its metrics on `test`.
    public static func trainAndScore(
        train: [LabeledText], test: [LabeledText], model: String, seed: UInt64, classifiers: ClassifierRegistry = .standard
    ) throws -> ClassificationMetrics {
        try checkClassCount(train)
        var classifier = try classifiers.make(model, seed: seed)
        try classifier.fit(EncodedDataset(train, featurizer: classifier.featurizer))
        let predictions = classifier.predict(test.map(\.text))
        return try ClassificationMetrics(truth: test.map(\.label), predicted: predictions)
    }
}
