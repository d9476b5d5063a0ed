/// The little linear algebra similarity needs, on plain arrays.
enum VectorMath {
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in 0..<min(a.count, b.count) { sum += a[index] * b[index] }
        return sum
    }

    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    /// The cosine of the angle between `a` and `b`, or nil when either has (almost) no length.
    static func cosine(_ a: [Double], _ b: [Double]) -> Double? {
        let lengths = norm(a) * norm(b)
        guard lengths > 1e-12 else { return nil }
        return min(1, max(-1, dot(a, b) / lengths))
    }

    /// The component-wise mean; nil for no vectors or vectors of different widths.
    static func mean(_ vectors: [[Double]]) -> [Double]? {
        guard let width = vectors.first?.count, width > 0, vectors.allSatisfy({ $0.count == width }) else { return nil }
        var sum = [Double](repeating: 0, count: width)
        for vector in vectors {
            for index in 0..<width { sum[index] += vector[index] }
        }
        return sum.map { $0 / Double(vectors.count) }
    }

    static func subtract(_ a: [Double], _ b: [Double]) -> [Double] {
        zip(a, b).map { $0 - $1 }
    }
}
