import Foundation

/// Multinomial naive Bayes over hashed feature counts, with additive (Lidstone) smoothing.
///
/// Fits in one pass and needs no seed; a strong baseline on short texts and the cheapest model for
/// the 2^K coalition fits of arm credit.
public struct NaiveBayes: TextClassifier {
    public let name = "nb"
    public let featurizer: HashedFeaturizer
    public private(set) var classes: [String] = []
    /// Pseudo-count added to every bucket of every class.
    public let smoothing: Double
    private var logPriors: [Double] = []
    /// log P(bucket | class), laid out bucket-major: `[bucket * classCount + class]`.
    private var logLikelihoods: [Float] = []

    public init(featurizer: HashedFeaturizer, smoothing: Double = 0.1) {
        self.featurizer = featurizer
        self.smoothing = smoothing
    }

    public mutating func fit(_ raw: EncodedDataset) throws {
        try FitCheck.validate(raw)
        guard smoothing > 0, smoothing.isFinite else { throw EvalError.invalidArgument("naive Bayes needs smoothing > 0") }
        guard raw.vectors.allSatisfy({ $0.values.allSatisfy { $0 >= 0 } }) else {
            throw EvalError.invalidArgument("naive Bayes needs non-negative feature counts")
        }
        let data = raw.compacted()
        let classCount = data.classes.count
        let bucketCount = featurizer.bucketCount
        // Counts become log-likelihoods in place; empty slots (most of them) share one value per class,
        // so the 2^18 x classes table costs one pass and few log calls (this fit runs 2^K times in arm credit).
        var table = [Float](repeating: 0, count: bucketCount * classCount)
        var totals = [Double](repeating: 0, count: classCount)
        var documents = [Double](repeating: 0, count: classCount)
        for (vector, label) in zip(data.vectors, data.labels) {
            documents[label] += 1
            for (index, value) in zip(vector.indices, vector.values) where index.isBucket(below: bucketCount) {
                table[Int(index) * classCount + label] += value
                totals[label] += Double(value)
            }
        }
        let denominators = totals.map { log($0 + smoothing * Double(bucketCount)) }
        let unseen = denominators.map { Float(log(smoothing) - $0) }
        for slot in table.indices {
            let label = slot % classCount
            let count = Double(table[slot])
            table[slot] = count == 0 ? unseen[label] : Float(log(count + smoothing) - denominators[label])
        }
        classes = data.classes
        logPriors = documents.map { log($0 / Double(data.count)) }
        logLikelihoods = table
    }

    public func predictProba(vector: SparseVector) -> [Double] {
        let classCount = classes.count
        guard classCount > 0 else { return [] }
        var scores = logPriors
        for (index, value) in zip(vector.indices, vector.values) where index.isBucket(below: featurizer.bucketCount) {
            let base = Int(index) * classCount
            for label in 0..<classCount { scores[label] += Double(value) * Double(logLikelihoods[base + label]) }
        }
        return Softmax.probabilities(scores)
    }
}
