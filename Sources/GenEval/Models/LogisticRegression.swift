import Foundation
import GenCore

/// Multinomial (softmax) logistic regression with L2, trained by seeded SGD over log-TF-IDF, L2-normalised
/// hashed features.
///
/// The L2 shrinkage is applied lazily through one scale factor (w = scale * v), so each step touches only
/// the sample's non-zero features; that keeps 10k-sample fits well under a second.
public struct LogisticRegression: TextClassifier {
    /// Training settings; the defaults suit short-text topic, sentiment and spam sets.
    public struct Hyperparameters: Sendable, Hashable, Codable {
        public var epochs: Int
        /// The step size at the start; it decays linearly to near zero over training.
        public var learningRate: Double
        /// Per-sample L2 penalty strength.
        public var l2: Double
        /// Buckets present in fewer training texts than this are ignored.
        public var minimumDocumentFrequency: Int

        public init(epochs: Int = 5, learningRate: Double = 1, l2: Double = 1e-6, minimumDocumentFrequency: Int = 2) {
            self.epochs = epochs
            self.learningRate = learningRate
            self.l2 = l2
            self.minimumDocumentFrequency = minimumDocumentFrequency
        }
    }

    public let name = "logreg"
    public let featurizer: HashedFeaturizer
    public let hyperparameters: Hyperparameters
    public let seed: UInt64
    public private(set) var classes: [String] = []
    /// Weights laid out bucket-major: `[bucket * classCount + class]`, so one feature's weights share a cache line.
    private var weights: [Float] = []
    private var bias: [Double] = []
    private var inverseDocumentFrequencies: [Float] = []

    public init(featurizer: HashedFeaturizer, hyperparameters: Hyperparameters = Hyperparameters(), seed: UInt64) {
        self.featurizer = featurizer
        self.hyperparameters = hyperparameters
        self.seed = seed
    }

    public mutating func fit(_ raw: EncodedDataset) throws {
        try FitCheck.validate(raw)
        guard hyperparameters.epochs >= 1, hyperparameters.learningRate > 0, hyperparameters.l2 >= 0 else {
            throw EvalError.invalidArgument("logreg needs epochs >= 1, learningRate > 0 and l2 >= 0")
        }
        let data = raw.compacted()
        let idf = Self.inverseDocumentFrequency(
            data.vectors, bucketCount: featurizer.bucketCount,
            minimumDocumentFrequency: hyperparameters.minimumDocumentFrequency)
        let inputs = data.vectors.map { $0.logScaledUnitNorm(weights: idf) }
        var trainer = SGDTrainer(
            classCount: data.classes.count, bucketCount: featurizer.bucketCount, hyperparameters: hyperparameters)
        var rng = SeededRandom(seed: seed).derived("logreg-sgd")
        var order = Array(inputs.indices)
        let totalSteps = Double(hyperparameters.epochs * inputs.count)
        var step = 0.0
        for _ in 0..<hyperparameters.epochs {
            order.shuffle(using: &rng)
            for row in order {
                let rate = hyperparameters.learningRate * max(1 - step / totalSteps, 1e-4)
                trainer.update(inputs[row], label: data.labels[row], rate: rate)
                step += 1
            }
        }
        (weights, bias) = trainer.finished()
        classes = data.classes
        inverseDocumentFrequencies = idf
    }

    /// Smoothed IDF, log((1 + n) / (1 + df)) + 1: down-weights n-grams that occur in most texts. Buckets seen in
    /// fewer than `minimumDocumentFrequency` texts get weight 0: with few samples, n-grams unique to one text
    /// let SGD memorise that text instead of learning features that generalise. Tiny sets (under 50 texts)
    /// keep every bucket, since there each n-gram may be the only evidence.
    static func inverseDocumentFrequency(
        _ vectors: [SparseVector], bucketCount: Int, minimumDocumentFrequency: Int
    ) -> [Float] {
        var documentFrequency = [Int32](repeating: 0, count: bucketCount)
        for vector in vectors {
            for index in vector.indices where index.isBucket(below: bucketCount) {
                documentFrequency[Int(index)] += 1
            }
        }
        let documents = Double(vectors.count)
        let minimum = vectors.count < 50 ? 1 : max(1, Int32(clamping: minimumDocumentFrequency))
        return documentFrequency.map { $0 < minimum ? 0 : Float(log((1 + documents) / (1 + Double($0))) + 1) }
    }

    public func predictProba(vector: SparseVector) -> [Double] {
        guard !classes.isEmpty else { return [] }
        var scores = bias
        Self.addScores(vector.logScaledUnitNorm(weights: inverseDocumentFrequencies), weights: weights, scale: 1, into: &scores)
        return Softmax.probabilities(scores)
    }

    /// scores[c] += scale * sum_j x_j * w[j, c], skipping indices outside the weight table.
    static func addScores(_ input: SparseVector, weights: [Float], scale: Double, into scores: inout [Double]) {
        let classCount = scores.count
        let bucketCount = weights.count / max(classCount, 1)
        weights.withUnsafeBufferPointer { table in
            scores.withUnsafeMutableBufferPointer { out in
                for (index, value) in zip(input.indices, input.values) where index.isBucket(below: bucketCount) {
                    let base = Int(index) * classCount
                    let x = Double(value) * scale
                    for label in 0..<classCount { out[label] += x * Double(table[base + label]) }
                }
            }
        }
    }
}

/// The mutable state of one SGD run: scaled weights, bias and reusable buffers.
private struct SGDTrainer {
    let classCount: Int
    let l2: Double
    var weights: [Float]
    var scale = 1.0
    var bias: [Double]
    var scores: [Double]

    init(classCount: Int, bucketCount: Int, hyperparameters: LogisticRegression.Hyperparameters) {
        self.classCount = classCount
        self.l2 = hyperparameters.l2
        weights = [Float](repeating: 0, count: classCount * bucketCount)
        bias = [Double](repeating: 0, count: classCount)
        scores = bias
    }

    /// One step on the cross-entropy of one sample plus the L2 shrinkage.
    mutating func update(_ input: SparseVector, label: Int, rate: Double) {
        for index in 0..<classCount { scores[index] = bias[index] }
        LogisticRegression.addScores(input, weights: weights, scale: scale, into: &scores)
        Softmax.normalize(&scores)
        scores[label] -= 1  // now the gradient of the loss with respect to the scores
        let gradient = scores
        scale *= max(1 - rate * l2, 1e-3)
        let classCount = classCount
        let bucketCount = weights.count / classCount
        let step = rate / scale
        weights.withUnsafeMutableBufferPointer { table in
            for (index, value) in zip(input.indices, input.values) where index.isBucket(below: bucketCount) {
                let base = Int(index) * classCount
                let x = Double(value) * step
                for target in 0..<classCount { table[base + target] -= Float(x * gradient[target]) }
            }
        }
        for target in 0..<classCount { bias[target] -= rate * gradient[target] }
        if scale < 1e-6 { foldScale() }
    }

    /// Multiplies the scale into the weights before it underflows Float precision.
    mutating func foldScale() {
        let factor = Float(scale)
        for index in weights.indices { weights[index] *= factor }
        scale = 1
    }

    mutating func finished() -> ([Float], [Double]) {
        foldScale()
        return (weights, bias)
    }
}
