/// The order-2 Vendi score of a growing set of unit vectors, updated in O(d^2) per vector.
///
/// For unit vectors x_1..x_n with kernel K_ij = x_i . x_j, Vendi_2 = 1 / sum(lambda_i^2) over the eigenvalues
/// of K / n, which is n^2 / ||K||_F^2 = n^2 / ||C||_F^2 with C = sum x x^T (d x d), so no eigensolver and no
/// pairwise pass is needed: adding x changes ||C||_F^2 by 2 x^T C x + ||x||^4. It is the effective number of
/// distinct directions: k orthogonal vectors score k, k identical ones score 1.
public struct VendiTracker: Sendable, Equatable {
    public let dimensions: Int
    /// C, row-major, d x d.
    private(set) var matrix: [Float]
    private(set) var frobeniusSquared: Double = 0
    public private(set) var count = 0

    public init(dimensions: Int) {
        self.dimensions = dimensions
        matrix = Array(repeating: 0, count: dimensions * dimensions)
    }

    init(dimensions: Int, matrix: [Float], frobeniusSquared: Double, count: Int) {
        self.dimensions = dimensions
        self.matrix = matrix
        self.frobeniusSquared = frobeniusSquared
        self.count = count
    }

    /// The current score (0 for an empty set).
    public var score: Double {
        count == 0 || frobeniusSquared <= 0 ? 0 : Double(count) * Double(count) / frobeniusSquared
    }

    /// How much the score would change if `vector` (unit length, `dimensions` values) were added.
    public func gain(of vector: [Float]) -> Double {
        scoreAfterAdding(vector, quadratic: quadraticForm(vector)) - score
    }

    /// Adds a unit vector and returns the change in score.
    @discardableResult
    public mutating func add(_ vector: [Float]) -> Double {
        guard vector.count == dimensions else { return 0 }
        let before = score
        let quadratic = quadraticForm(vector)
        frobeniusSquared += 2 * quadratic + squaredNorm(vector) * squaredNorm(vector)
        count += 1
        let d = dimensions
        matrix.withUnsafeMutableBufferPointer { c in
            vector.withUnsafeBufferPointer { x in
                guard let matrixBase = c.baseAddress, let vectorBase = x.baseAddress else { return }
                for i in 0..<d {
                    let row = matrixBase + i * d
                    let scale = SIMD8<Float>(repeating: x[i])
                    var j = 0
                    while j + 8 <= d {
                        let current = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
                        let column = UnsafeRawPointer(vectorBase + j).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(row + j).storeBytes(of: current + scale * column, as: SIMD8<Float>.self)
                        j += 8
                    }
                    while j < d {
                        row[j] += x[i] * x[j]
                        j += 1
                    }
                }
            }
        }
        return score - before
    }

    private func scoreAfterAdding(_ vector: [Float], quadratic: Double) -> Double {
        let frobenius = frobeniusSquared + 2 * quadratic + squaredNorm(vector) * squaredNorm(vector)
        return frobenius <= 0 ? 0 : Double(count + 1) * Double(count + 1) / frobenius
    }

    /// x^T C x.
    private func quadraticForm(_ vector: [Float]) -> Double {
        guard vector.count == dimensions else { return 0 }
        let d = dimensions
        var total = 0.0
        matrix.withUnsafeBufferPointer { c in
            vector.withUnsafeBufferPointer { x in
                guard let matrixBase = c.baseAddress, let vectorBase = x.baseAddress else { return }
                for i in 0..<d {
                    // Eight partial sums, so the row's dot product runs in SIMD lanes.
                    let row = matrixBase + i * d
                    var partial = SIMD8<Float>()
                    var j = 0
                    while j + 8 <= d {
                        partial += UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
                            * UnsafeRawPointer(vectorBase + j).loadUnaligned(as: SIMD8<Float>.self)
                        j += 8
                    }
                    var sum = partial.sum()
                    while j < d {
                        sum += row[j] * x[j]
                        j += 1
                    }
                    total += Double(sum) * Double(x[i])
                }
            }
        }
        return total
    }

    private func squaredNorm(_ vector: [Float]) -> Double {
        vector.reduce(0) { $0 + Double($1) * Double($1) }
    }
}
