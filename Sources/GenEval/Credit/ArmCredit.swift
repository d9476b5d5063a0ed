/// How each arm's samples contributed to the downstream metric of the small model trained on the pool.
public struct ArmCreditResult: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable {
        case shapley
        case leaveOneOut
    }

    public var method: Method
    public var metric: EvaluationMetric
    public var model: String
    /// Arm names, sorted; `credits` follows this order.
    public var arms: [String]
    public var credits: [Double]
    /// The metric with every arm's samples in the training set.
    public var fullValue: Double
    /// The metric with no samples: always predicting the test set's most frequent label.
    public var emptyValue: Double
    /// How many models were trained.
    public var fits: Int

    /// The credit of one arm, or nil for an unknown name.
    public func credit(for arm: String) -> Double? {
        arms.firstIndex(of: arm).map { credits[$0] }
    }
}

/// Splits the downstream gain among arms. Value of a set of arms = the metric on `test` of a fresh, seeded
/// model trained on the union of those arms' samples; the empty set is worth the majority-class baseline.
public enum ArmCredit {
    /// Above this many arms, `automatic` switches from exact Shapley (2^K fits) to leave-one-arm-out (K + 1).
    public static let maxShapleyArms = 8

    /// Exact Shapley over arms when there are at most `maxShapleyArms`, leave-one-arm-out otherwise.
    /// `parallelism` caps the threads used for the independent model fits (default: all cores).
    public static func automatic(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String = "logreg",
        metric: EvaluationMetric = .accuracy, seed: UInt64, parallelism: Int? = nil,
        classifiers: ClassifierRegistry = .standard
    ) throws -> ArmCreditResult {
        samplesByArm.count <= maxShapleyArms
            ? try shapley(
                samplesByArm: samplesByArm, test: test, model: model, metric: metric, seed: seed, parallelism: parallelism,
                classifiers: classifiers)
            : try leaveOneOut(
                samplesByArm: samplesByArm, test: test, model: model, metric: metric, seed: seed, parallelism: parallelism,
                classifiers: classifiers)
    }

    /// Exact Shapley values over at most `maxShapleyArms` arms; the credits sum to fullValue - emptyValue.
    public static func shapley(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String = "logreg",
        metric: EvaluationMetric = .accuracy, seed: UInt64, parallelism: Int? = nil,
        classifiers: ClassifierRegistry = .standard
    ) throws -> ArmCreditResult {
        guard samplesByArm.count <= maxShapleyArms else {
            throw EvalError.invalidArgument(
                "exact Shapley needs at most \(maxShapleyArms) arms (2^K model fits), got \(samplesByArm.count); "
                    + "use leaveOneOut")
        }
        let game = try CoalitionGame(
            samplesByArm: samplesByArm, test: test, model: model, make: { try classifiers.make(model, seed: seed) }, metric: metric, seed: seed)
        let coalitions = (0..<(UInt32(1) << game.arms.count)).map { $0 }
        let values = try game.values(of: coalitions, parallelism: parallelism)
        let credits = try ShapleyValues.exact(players: game.arms.count) { values[$0] ?? game.emptyValue }
        return game.result(method: .shapley, values: values, credits: credits)
    }

    /// Leave-one-arm-out marginals: K + 1 fits; under-credits arms that duplicate each other.
    public static func leaveOneOut(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String = "logreg",
        metric: EvaluationMetric = .accuracy, seed: UInt64, parallelism: Int? = nil,
        classifiers: ClassifierRegistry = .standard
    ) throws -> ArmCreditResult {
        let game = try CoalitionGame(
            samplesByArm: samplesByArm, test: test, model: model, make: { try classifiers.make(model, seed: seed) }, metric: metric, seed: seed)
        let all = game.allArms
        let coalitions = [all] + (0..<game.arms.count).map { all & ~(UInt32(1) << $0) }
        let values = try game.values(of: coalitions, parallelism: parallelism)
        let credits = try ShapleyValues.leaveOneOut(players: game.arms.count) { values[$0] ?? game.emptyValue }
        return game.result(method: .leaveOneOut, values: values, credits: credits)
    }
}

/// The coalition value function: arms and test featurised once, then one seeded fit per coalition.
private struct CoalitionGame: Sendable {
    let arms: [String]
    let model: String
    /// A fresh, seeded, unfitted model for each coalition's fit.
    let make: @Sendable () throws -> any TextClassifier
    let metric: EvaluationMetric
    let seed: UInt64
    let encodedArms: [EncodedDataset]
    let testVectors: [SparseVector]
    let testLabels: [String]
    let emptyValue: Double

    init(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String, make: @escaping @Sendable () throws -> any TextClassifier,
        metric: EvaluationMetric,
        seed: UInt64
    ) throws {
        guard !test.isEmpty else { throw EvalError.emptyTestSet }
        guard !samplesByArm.isEmpty else { throw EvalError.invalidArgument("arm credit needs at least one arm") }
        guard samplesByArm.count <= 31 else { throw EvalError.invalidArgument("arm credit supports at most 31 arms") }
        let prototype = try make()
        let classes = Array(Set(samplesByArm.values.flatMap { $0.map(\.label) })).sorted()
        arms = samplesByArm.keys.sorted()
        encodedArms = arms.map {
            EncodedDataset(samplesByArm[$0] ?? [], featurizer: prototype.featurizer, classes: classes)
        }
        testVectors = prototype.featurizer.encode(test.map(\.text))
        testLabels = test.map(\.label)
        self.model = model
        self.make = make
        self.metric = metric
        self.seed = seed
        emptyValue = try Self.majorityBaseline(testLabels, metric: metric)
    }

    var allArms: UInt32 { UInt32((UInt64(1) << arms.count) - 1) }

    /// The best constant prediction on the test set: what a model that learned nothing would score.
    static func majorityBaseline(_ labels: [String], metric: EvaluationMetric) throws -> Double {
        var counts: [String: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        let majority = counts.keys.sorted().max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ""
        let predictions = [String](repeating: majority, count: labels.count)
        return metric.value(of: try ClassificationMetrics(truth: labels, predicted: predictions))
    }

    /// The training pool of a coalition: its arms' samples, in sorted arm order.
    func pool(_ coalition: UInt32) -> EncodedDataset {
        var pool = EncodedDataset(vectors: [], labels: [], classes: encodedArms.first?.classes ?? [])
        for (index, arm) in encodedArms.enumerated() where coalition & (UInt32(1) << index) != 0 {
            pool.vectors += arm.vectors
            pool.labels += arm.labels
        }
        return pool
    }

    /// The metric of a fresh model trained on the coalition's pool; an empty pool is worth the baseline.
    func value(of coalition: UInt32) throws -> Double {
        let pool = pool(coalition)
        guard pool.count > 0 else { return emptyValue }
        var classifier = try make()
        try classifier.fit(pool)
        let predictions = testVectors.map { classifier.predict(vector: $0) }
        return metric.value(of: try ClassificationMetrics(truth: testLabels, predicted: predictions))
    }

    /// The values of several coalitions, fitted in parallel.
    func values(of coalitions: [UInt32], parallelism: Int?) throws -> [UInt32: Double] {
        let game = self
        let results = try ParallelJobs.map(
            count: coalitions.count, parallelism: parallelism ?? ParallelJobs.defaultParallelism
        ) { try game.value(of: coalitions[$0]) }
        return Dictionary(zip(coalitions, results), uniquingKeysWith: { first, _ in first })
    }

    /// Packs the credits with the values they came from; `fits` counts coalitions with a non-empty pool.
    func result(method: ArmCreditResult.Method, values: [UInt32: Double], credits: [Double]) -> ArmCreditResult {
        let fits = values.keys.filter { coalition in
            encodedArms.indices.contains { coalition & (UInt32(1) << $0) != 0 && encodedArms[$0].count > 0 }
        }.count
        return ArmCreditResult(
            method: method, metric: metric, model: model, arms: arms, credits: credits,
            fullValue: values[allArms] ?? emptyValue, emptyValue: emptyValue, fits: fits)
    }
}
