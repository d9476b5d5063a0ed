/// Maps model names (as written in `gen eval --model` and the `evaluate` block) to fresh, seeded classifiers.
public enum ModelRegistry {
    /// A constructor for one model kind.
    public typealias Factory = @Sendable (_ seed: UInt64) throws -> any TextClassifier

    /// The known models, by name.
    public static let factories: [String: Factory] = [
        "nb": { _ in NaiveBayes(featurizer: try HashedFeaturizer()) },
        "logreg": { seed in LogisticRegression(featurizer: try HashedFeaturizer(), seed: seed) },
    ]

    /// The model names, sorted.
    public static var names: [String] { factories.keys.sorted() }

    /// A new, unfitted model.
    public static func make(_ name: String, seed: UInt64) throws -> any TextClassifier {
        guard let factory = factories[name] else { throw EvalError.unknownModel(name: name, available: names) }
        return try factory(seed)
    }
}
