import Foundation

/// Numerically stable softmax: scores shifted by their maximum before exponentiation.
enum Softmax {
    static func probabilities(_ scores: [Double]) -> [Double] {
        var result = scores
        normalize(&result)
        return result
    }

    /// Turns scores into probabilities in place (no allocation: it runs once per SGD step).
    static func normalize(_ scores: inout [Double]) {
        guard let top = scores.max() else { return }
        var total = 0.0
        for index in scores.indices {
            scores[index] = exp(scores[index] - top)
            total += scores[index]
        }
        for index in scores.indices { scores[index] /= total }
    }
}
