/// One sample whose label the rest of the pool contradicts: the out-of-fold model puts more weight on
/// `suggested` than on the sample's own `label`, and at least as much as it gives that class on average.
public struct LabelSuspect: Sendable, Equatable {
    /// The sample's position in the scanned list.
    public var index: Int
    public var label: String
    /// The class the classifier prefers.
    public var suggested: String
    public var labelProbability: Double
    public var suggestedProbability: Double
    /// The out-of-fold probability of every class.
    public var probabilities: [String: Double]

    /// How strongly the classifier prefers `suggested`; suspects are ranked by it.
    public var margin: Double { suggestedProbability - labelProbability }
}

/// What a scan found, or why it could not look.
public struct NoiseScan: Sendable, Equatable {
    /// Most likely mislabelled first (largest margin; ties in input order).
    public var suspects: [LabelSuspect]
    /// Why the pool was not scanned (too small, a label too rare); nil when it was.
    public var skipped: String?
    /// Per-class confidence threshold t_j: the mean out-of-fold p_j over the samples labelled j.
    public var thresholds: [String: Double]
}

/// Confident learning (Northcutt, Jiang and Chuang, 2021), the "off-diagonal of the confident joint" rule:
/// stratified K-fold out-of-fold probabilities, a per-class threshold t_j = mean p_j over samples labelled j,
/// and a sample labelled i is a suspect when some j != i has p_j >= t_j and p_j > p_i.
///
/// Out-of-fold matters: a model scoring its own training samples would agree with their labels, noise included.
/// The per-class threshold matters: a class the model is rarely sure of still gets its suspects.
public enum ConfidentLearning {
    public static func scan(
        _ samples: [LabeledText], folds: Int, model: String, seed: UInt64, classifiers: ClassifierRegistry = .standard
    ) throws -> NoiseScan {
        guard folds >= 2 else { throw EvalError.invalidArgument("the noise filter needs at least 2 folds, got \(folds)") }
        if let reason = skipReason(samples, folds: folds) { return NoiseScan(suspects: [], skipped: reason, thresholds: [:]) }
        try Evaluation.checkClassCount(samples)
        let (classes, probabilities) = try outOfFold(samples, folds: folds, model: model, seed: seed, classifiers: classifiers)
        let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let labels = samples.map { position[$0.label] ?? 0 }
        var sums = [Double](repeating: 0, count: classes.count), counts = sums
        for (row, label) in labels.enumerated() {
            sums[label] += probabilities[row][label]
            counts[label] += 1
        }
        let thresholds = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 1 }
        var suspects: [LabelSuspect] = []
        for (row, label) in labels.enumerated() {
            let p = probabilities[row]
            let rivals = classes.indices.filter { $0 != label && p[$0] >= thresholds[$0] && p[$0] > p[label] }
            guard let best = rivals.max(by: { p[$0] < p[$1] }) else { continue }
            suspects.append(LabelSuspect(
                index: row, label: classes[label], suggested: classes[best], labelProbability: p[label],
                suggestedProbability: p[best], probabilities: Dictionary(uniqueKeysWithValues: zip(classes, p))))
        }
        suspects.sort { ($1.margin, $0.index) < ($0.margin, $1.index) }
        return NoiseScan(suspects: suspects, skipped: nil, thresholds: Dictionary(uniqueKeysWithValues: zip(classes, thresholds)))
    }

    /// Why a pool cannot be scanned: too few samples to train K models, one label only, or a label whose only sample
    /// would be held out from the model judging it (that sample would always look mislabelled).
    static func skipReason(_ samples: [LabeledText], folds: Int) -> String? {
        guard samples.count >= 2 * folds else {
            return "\(samples.count) samples, under the \(2 * folds) that \(folds)-fold cross-validation needs"
        }
        var counts: [String: Int] = [:]
        for sample in samples { counts[sample.label, default: 0] += 1 }
        guard counts.count >= 2 else { return "only one label (\(counts.keys.first ?? "")) in the pool" }
        if let rare = counts.filter({ $0.value < 2 }).keys.min() { return "label \(rare) has a single sample" }
        return nil
    }

    /// Class names (sorted) and, per sample, the probabilities of a model that did not train on it.
    public static func outOfFold(
        _ samples: [LabeledText], folds: Int, model: String, seed: UInt64, classifiers: ClassifierRegistry = .standard
    ) throws -> (classes: [String], probabilities: [[Double]]) {
        let prototype = try classifiers.make(model, seed: seed)
        let encoded = EncodedDataset(samples, featurizer: prototype.featurizer)
        let assignment = StratifiedSplit.foldAssignment(samples, folds: folds, seed: seed)
        var probabilities = [[Double]](repeating: [], count: samples.count)
        for fold in 0..<folds {
            let training = assignment.indices.filter { assignment[$0] != fold }
            guard !training.isEmpty else { continue }
            var classifier = prototype
            try classifier.fit(encoded.subset(training))
            // A fold's model may not know every class; an unknown class has probability 0.
            let known = Dictionary(uniqueKeysWithValues: classifier.classes.enumerated().map { ($1, $0) })
            for row in assignment.indices where assignment[row] == fold {
                let p = classifier.predictProba(vector: encoded.vectors[row])
                probabilities[row] = encoded.classes.map { name in known[name].map { p[$0] } ?? 0 }
            }
        }
        return (encoded.classes, probabilities)
    }
}
