/// A small, seeded, deterministic text classifier that the evaluation stage picks by name.
///
/// Models fit on featurised data (`EncodedDataset`) so one featurisation can serve many fits;
/// the text-level `fit`/`predict` conveniences below featurise with the model's own featurizer.
public protocol TextClassifier: Sendable {
    /// The registry name, e.g. "logreg".
    var name: String { get }
    /// How this model turns text into features.
    var featurizer: HashedFeaturizer { get }
    /// The class names in probability order; empty before `fit`.
    var classes: [String] { get }
    /// Trains from scratch on encoded samples (replacing any previous fit).
    mutating func fit(_ data: EncodedDataset) throws
    /// Class probabilities for one encoded text, aligned with `classes`.
    func predictProba(vector: SparseVector) -> [Double]
}

extension TextClassifier {
    /// Trains on texts and their labels.
    public mutating func fit(texts: [String], labels: [String]) throws {
        guard texts.count == labels.count else {
            throw EvalError.mismatchedLengths(texts: texts.count, labels: labels.count)
        }
        let samples = zip(texts, labels).map { LabeledText(text: $0, label: $1) }
        try fit(EncodedDataset(samples, featurizer: featurizer))
    }

    /// Class probabilities for a text, aligned with `classes`.
    public func predictProba(_ text: String) -> [Double] {
        predictProba(vector: featurizer.encode(text))
    }

    /// The most probable class of an encoded text (ties go to the first class); "" before `fit`.
    public func predict(vector: SparseVector) -> String {
        let probabilities = predictProba(vector: vector)
        var best = -1
        for index in probabilities.indices where best < 0 || probabilities[index] > probabilities[best] { best = index }
        return best >= 0 && best < classes.count ? classes[best] : ""
    }

    /// The most probable class of a text.
    public func predict(_ text: String) -> String {
        predict(vector: featurizer.encode(text))
    }

    /// Predictions for many texts.
    public func predict(_ texts: [String]) -> [String] {
        texts.map { predict($0) }
    }
}

/// Shared argument checks for `fit`.
enum FitCheck {
    static func validate(_ data: EncodedDataset) throws {
        guard data.count > 0 else { throw EvalError.emptyTrainingSet }
        guard data.vectors.count == data.labels.count else {
            throw EvalError.mismatchedLengths(texts: data.vectors.count, labels: data.labels.count)
        }
        guard data.labels.allSatisfy({ $0 >= 0 && $0 < data.classes.count }) else {
            throw EvalError.invalidArgument("a label index lies outside the class list")
        }
    }
}
