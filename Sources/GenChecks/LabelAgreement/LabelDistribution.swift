import Foundation
import GenProviders

/// The model's probability for each lettered label, read from the first token's alternatives (" A", "A)",
/// "a" all count for A), normalised over the labels; nil when no letter is among them.
struct LabelDistribution: Equatable {
    var probabilities: [Double]
    /// How much of the first token's mass went to any letter: low means the model was not answering.
    var mass: Double

    init?(alternatives: [TokenAlternative], labelCount: Int) {
        var raw = [Double](repeating: 0, count: labelCount)
        for alternative in alternatives {
            if let index = Self.index(alternative.token, labelCount: labelCount) { raw[index] += alternative.probability }
        }
        let total = raw.reduce(0, +)
        guard total > 0 else { return nil }
        mass = total
        probabilities = raw.map { $0 / total }
    }

    init(probabilities: [Double], mass: Double) {
        self.probabilities = probabilities
        self.mass = mass
    }

    /// The letter's label index, or nil for any other token.
    static func index(_ token: String, labelCount: Int) -> Int? {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)).uppercased()
        guard trimmed.count == 1, let scalar = trimmed.unicodeScalars.first, scalar.isASCII,
              scalar.value >= 65, Int(scalar.value) - 65 < labelCount else { return nil }
        return Int(scalar.value) - 65
    }

    /// Contextual calibration: each label's probability divided by its probability on content-free inputs,
    /// renormalised, so a model that says "A" to everything no longer favours the first label.
    func calibrated(by prior: [Double]) -> [Double] {
        let floor = 1e-6
        let weighted = zip(probabilities, prior).map { $0 / max($1, floor) }
        let total = weighted.reduce(0, +)
        return total > 0 ? weighted.map { $0 / total } : probabilities
    }

    /// The mean of several distributions (the content-free inputs' answers).
    static func mean(_ distributions: [LabelDistribution], labelCount: Int) -> [Double] {
        guard !distributions.isEmpty else { return [Double](repeating: 1 / Double(max(labelCount, 1)), count: labelCount) }
        return (0..<labelCount).map { index in distributions.reduce(0) { $0 + $1.probabilities[index] } / Double(distributions.count) }
    }
}
