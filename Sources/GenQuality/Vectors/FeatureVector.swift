/// A vector for novelty and diversity: sparse (hashed TF-IDF features) or dense (an embedding from a model).
public enum FeatureVector: Sendable, Equatable {
    /// Strictly increasing indices below the index's dimensions, with their values.
    case sparse(indices: [UInt32], values: [Float])
    case dense([Float])

    /// Squared Euclidean length.
    public var normSquared: Double {
        switch self {
        case .sparse(_, let values): return values.reduce(0) { $0 + Double($1) * Double($1) }
        case .dense(let values): return values.reduce(0) { $0 + Double($1) * Double($1) }
        }
    }

    /// Dot product with a dense vector of doubles (the centre's running sum).
    func dot(_ dense: [Double]) -> Double {
        var total = 0.0
        switch self {
        case .sparse(let indices, let values):
            for (index, value) in zip(indices, values) { total += Double(value) * dense[Int(index)] }
        case .dense(let values):
            for (index, value) in values.enumerated() { total += Double(value) * dense[index] }
        }
        return total
    }

    /// Dot product with another vector of the same kind (a sparse and a dense vector never meet in one index).
    func dot(_ other: FeatureVector) -> Double {
        switch (self, other) {
        case (.sparse(let xi, let xv), .sparse(let yi, let yv)):
            return Self.sparseDot(xi[...], xv[...], yi[...], yv[...])
        case (.dense(let x), .dense(let y)):
            return Self.denseDot(x[...], y[...])
        default:
            return 0
        }
    }

    /// Merge of two sorted index lists; the advances are computed rather than branched on, since which
    /// side is behind is a coin toss the branch predictor loses.
    static func sparseDot(
        _ xi: ArraySlice<UInt32>, _ xv: ArraySlice<Float>, _ yi: ArraySlice<UInt32>, _ yv: ArraySlice<Float>
    ) -> Double {
        var a = xi.startIndex, b = yi.startIndex
        var total: Float = 0
        while a < xi.endIndex && b < yi.endIndex {
            let left = xi[a], right = yi[b]
            if left == right { total += xv[xv.startIndex + (a - xi.startIndex)] * yv[yv.startIndex + (b - yi.startIndex)] }
            a += left <= right ? 1 : 0
            b += right <= left ? 1 : 0
        }
        return Double(total)
    }

    static func denseDot(_ x: ArraySlice<Float>, _ y: ArraySlice<Float>) -> Double {
        var total: Float = 0
        for (left, right) in zip(x, y) { total += left * right }
        return Double(total)
    }

    /// Why this vector cannot enter an index of `dimensions` dimensions, or nil.
    func problem(dimensions: Int, sparse: Bool) -> QualityError? {
        switch self {
        case .sparse(let indices, let values):
            guard sparse else { return .invalidConfiguration("a sparse vector was given to an index of dense embeddings") }
            guard indices.count == values.count else {
                return .invalidConfiguration("sparse vector has \(indices.count) indices but \(values.count) values")
            }
            guard zip(indices, indices.dropFirst()).allSatisfy({ $0 < $1 }), (indices.last.map { Int($0) < dimensions } ?? true)
            else { return .invalidConfiguration("sparse vector indices must increase and stay below \(dimensions)") }
            return values.allSatisfy(\.isFinite) ? nil : .nonFiniteVector
        case .dense(let values):
            guard !sparse else { return .invalidConfiguration("a dense vector was given to an index of sparse features") }
            guard values.count == dimensions else { return .dimensionMismatch(expected: dimensions, got: values.count) }
            return values.allSatisfy(\.isFinite) ? nil : .nonFiniteVector
        }
    }
}
