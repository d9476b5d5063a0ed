import GenCore

/// A train/test partition of labelled samples.
public struct TrainTestSplit: Sendable {
    public var train: [LabeledText]
    public var test: [LabeledText]
}

/// Seeded splits that keep each label's share the same on both sides.
public enum StratifiedSplit {
    /// Puts about `testFraction` of each label's samples in the test side; both sides keep the input order.
    /// A label with at least two samples always lands on both sides.
    public static func split(_ samples: [LabeledText], testFraction: Double, seed: UInt64) throws -> TrainTestSplit {
        guard testFraction > 0, testFraction < 1 else {
            throw EvalError.invalidArgument("test fraction must be strictly between 0 and 1, got \(testFraction)")
        }
        var rng = SeededRandom(seed: seed).derived("stratified-split")
        var isTest = [Bool](repeating: false, count: samples.count)
        for indices in indicesByLabel(samples) {
            var shuffled = indices
            shuffled.shuffle(using: &rng)
            var testCount = Int((Double(shuffled.count) * testFraction).rounded())
            if shuffled.count >= 2 { testCount = min(max(testCount, 1), shuffled.count - 1) }
            for index in shuffled.prefix(testCount) { isTest[index] = true }
        }
        var split = TrainTestSplit(train: [], test: [])
        for (index, sample) in samples.enumerated() {
            if isTest[index] { split.test.append(sample) } else { split.train.append(sample) }
        }
        return split
    }

    /// Assigns each sample a fold in 0..<folds, dealing each label's shuffled samples round-robin.
    public static func foldAssignment(_ samples: [LabeledText], folds: Int, seed: UInt64) -> [Int] {
        var rng = SeededRandom(seed: seed).derived("stratified-folds")
        var fold = [Int](repeating: 0, count: samples.count)
        var next = 0  // continues across labels so small labels do not all start in fold 0
        for indices in indicesByLabel(samples) {
            var shuffled = indices
            shuffled.shuffle(using: &rng)
            for index in shuffled {
                fold[index] = next % folds
                next += 1
            }
        }
        return fold
    }

    /// Sample indices grouped by label, labels in sorted order so the result never depends on hashing.
    static func indicesByLabel(_ samples: [LabeledText]) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        for (index, sample) in samples.enumerated() { groups[sample.label, default: []].append(index) }
        return groups.keys.sorted().map { groups[$0] ?? [] }
    }
}
