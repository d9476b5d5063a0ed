/// The classifiers the evaluation stage can train, by name (`gen eval --model`, `evaluate { classifier: ... }`).
/// Hosts add their own with `register`; the engine's capabilities hold the registry the checker and the run use.
public struct ClassifierRegistry: Sendable {
    /// A fresh, unfitted, seeded classifier.
    public typealias Factory = @Sendable (_ seed: UInt64) throws -> any TextClassifier

    public private(set) var factories: [String: Factory] = [:]
    /// The name `evaluate` uses when the script names none.
    public private(set) var defaultName: String

    public init(defaultName: String) {
        self.defaultName = defaultName
    }

    /// Logistic regression (the default) and multinomial naive Bayes.
    public static let standard: ClassifierRegistry = {
        var registry = ClassifierRegistry(defaultName: "logreg")
        registry.register("logreg") { seed in LogisticRegression(featurizer: try HashedFeaturizer(), seed: seed) }
        registry.register("nb") { _ in NaiveBayes(featurizer: try HashedFeaturizer()) }
        return registry
    }()

    /// Adds a classifier; a later one with the same name replaces the earlier.
    public mutating func register(_ name: String, make: @escaping Factory) {
        factories[name] = make
    }

    /// The names, the default first, then the others sorted.
    public var names: [String] {
        [defaultName] + factories.keys.filter { $0 != defaultName }.sorted()
    }

    /// A new, unfitted model.
    public func make(_ name: String, seed: UInt64) throws -> any TextClassifier {
        guard let factory = factories[name] else { throw EvalError.unknownModel(name: name, available: names) }
        return try factory(seed)
    }
}
