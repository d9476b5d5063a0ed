import Foundation

/// Numerically stable softmax: scores shifted by their maximum before exponentiation.
enum Softmax {
    static func probabilities(_ scores: [Double]) -> [Double] {
        guard let top = scores.max() else { return [] }
        var result = scores.map { exp($0 - top) }
        let total = result.reduce(0, +)
        for index in result.indices { result[index] /= total }
        return result
    }
}
