import Foundation

/// A sparse feature vector: distinct bucket indices (in first-occurrence order) with their values.
public struct SparseVector: Sendable, Hashable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    /// log(1 + tf) damping, optional per-bucket weights (IDF; weight 0 drops the entry), then unit L2 norm:
    /// long texts and repeated or ubiquitous n-grams do not dominate the dot product.
    public func logScaledUnitNorm(weights: [Float]? = nil) -> SparseVector {
        var result = SparseVector()
        result.indices.reserveCapacity(indices.count)
        result.values.reserveCapacity(indices.count)
        for (index, value) in zip(indices, values) {
            var scaled = Self.logOnePlus(value)
            if let weights { scaled *= index.isBucket(below: weights.count) ? weights[Int(index)] : 0 }
            guard scaled != 0 else { continue }
            result.indices.append(index)
            result.values.append(scaled)
        }
        let norm = result.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for position in result.values.indices { result.values[position] /= norm } }
        return result
    }

    /// log(1 + k/2) for k = 0..<64: counts are whole or half (character n-grams weigh 0.5 by default), and
    /// log1p was a tenth of all arm-credit time.
    private static let halfStepLogs: [Float] = (0..<64).map { Float(log1p(Double($0) / 2)) }

    @inline(__always)
    static func logOnePlus(_ value: Float) -> Float {
        let doubled = value * 2
        if doubled >= 0, doubled < 64, doubled == doubled.rounded(.towardZero) { return halfStepLogs[Int(doubled)] }
        return Float(log1p(Double(value)))
    }
}

extension Int32 {
    /// Whether this index addresses a table of `count` buckets; vectors built by hand may hold anything.
    @inline(__always)
    func isBucket(below count: Int) -> Bool {
        self >= 0 && Int(self) < count
    }
}
