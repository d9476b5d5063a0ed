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
    public static func automatic(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String = "logreg",
        metric: EvaluationMetric = .accuracy, seed: UInt64
    ) throws -> ArmCreditResult {
        samplesByArm.count <= maxShapleyArms
            ? try shapley(samplesByArm: samplesByArm, test: test, model: model, metric: metric, seed: seed)
            : try leaveOneOut(samplesByArm: samplesByArm, test: test, model: model, metric: metric, seed: seed)
    }

    /// Exact Shapley values over at most `maxShapleyArms` arms; the credits sum to fullValue - emptyValue.
    public static func shapley(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String = "logreg",
        metric: EvaluationMetric = .accuracy, seed: UInt64
    ) throws -> ArmCreditResult {
        guard samplesByArm.count <= maxShapleyArms else {
            throw EvalError.invalidArgument(
                "exact Shapley needs at most \(maxShapleyArms) arms (2^K model fits), got \(samplesByArm.count); use leaveOneOut")
        }
        var game = try CoalitionGame(samplesByArm: samplesByArm, test: test, model: model, metric: metric, seed: seed)
        let credits = try ShapleyValues.exact(players: game.arms.count) { try game.value(of: $0) }
        return game.result(method: .shapley, credits: credits)
    }

    /// Leave-one-arm-out marginals: K + 1 fits; under-credits arms that duplicate each other.
    public static func leaveOneOut(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String = "logreg",
        metric: EvaluationMetric = .accuracy, seed: UInt64
    ) throws -> ArmCreditResult {
        var game = try CoalitionGame(samplesByArm: samplesByArm, test: test, model: model, metric: metric, seed: seed)
        let credits = try ShapleyValues.leaveOneOut(players: game.arms.count) { try game.value(of: $0) }
        return game.result(method: .leaveOneOut, credits: credits)
    }
}

/// The coalition value function: arms and test featurised once, one seeded fit per coalition, values cached.
private struct CoalitionGame {
    let arms: [String]
    let model: String
    let metric: EvaluationMetric
    let seed: UInt64
    let encodedArms: [EncodedDataset]
    let testVectors: [SparseVector]
    let testLabels: [String]
    let emptyValue: Double
    var cache: [UInt32: Double] = [:]
    var fits = 0

    init(
        samplesByArm: [String: [LabeledText]], test: [LabeledText], model: String, metric: EvaluationMetric,
        seed: UInt64
    ) throws {
        guard !test.isEmpty else { throw EvalError.emptyTestSet }
        guard !samplesByArm.isEmpty else { throw EvalError.invalidArgument("arm credit needs at least one arm") }
        let prototype = try ModelRegistry.make(model, seed: seed)
        let classes = Array(Set(samplesByArm.values.flatMap { $0.map(\.label) })).sorted()
        arms = samplesByArm.keys.sorted()
        encodedArms = arms.map { EncodedDataset(samplesByArm[$0] ?? [], featurizer: prototype.featurizer, classes: classes) }
        testVectors = prototype.featurizer.encode(test.map(\.text))
        testLabels = test.map(\.label)
        self.model = model
        self.metric = metric
        self.seed = seed
        emptyValue = try Self.majorityBaseline(testLabels, metric: metric)
    }

    /// The best constant prediction on the test set: what a model that learned nothing would score.
    static func majorityBaseline(_ labels: [String], metric: EvaluationMetric) throws -> Double {
        var counts: [String: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        let majority = counts.keys.sorted().max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ""
        let predictions = [String](repeating: majority, count: labels.count)
        return metric.value(of: try ClassificationMetrics(truth: labels, predicted: predictions))
    }

    mutating func value(of coalition: UInt32) throws -> Double {
        if let known = cache[coalition] { return known }
        var pool = EncodedDataset(vectors: [], labels: [], classes: encodedArms.first?.classes ?? [])
        for (index, arm) in encodedArms.enumerated() where coalition & (UInt32(1) << index) != 0 {
            pool.vectors += arm.vectors
            pool.labels += arm.labels
        }
        var result = emptyValue
        if pool.count > 0 {
            var classifier = try ModelRegistry.make(model, seed: seed)
            try classifier.fit(pool)
            fits += 1
            let predictions = testVectors.map { classifier.predict(vector: $0) }
            result = metric.value(of: try ClassificationMetrics(truth: testLabels, predicted: predictions))
        }
        cache[coalition] = result
        return result
    }

    func result(method: ArmCreditResult.Method, credits: [Double]) -> ArmCreditResult {
        let all = UInt32((1 << arms.count) - 1)
        return ArmCreditResult(
            method: method, metric: metric, model: model, arms: arms, credits: credits,
            fullValue: cache[all] ?? emptyValue, emptyValue: emptyValue, fits: fits)
    }
}
