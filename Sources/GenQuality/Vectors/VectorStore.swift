/// The accepted vectors, packed: sparse rows as (index, value) pairs with row starts (CSR), dense rows back
/// to back. Dot products read the packed arrays without copying a row.
///
/// A sparse row's indices and values are interleaved, not two arrays: verifying a shortlisted row is a
/// random read into tens of MB at a large pool, and one array makes it one cache miss instead of two.
struct VectorStore: Sendable, Equatable {
    struct Pair: Equatable {
        var index: UInt32
        var value: Float
    }

    let sparse: Bool
    let dimensions: Int
    private(set) var starts: [Int32] = [0]
    private var pairs: [Pair] = []
    private var denseValues: [Float] = []

    init(sparse: Bool, dimensions: Int) {
        self.sparse = sparse
        self.dimensions = dimensions
    }

    /// Rows read back from saved state (sparse: `indices` and `values` of equal length); check `problem`.
    init(sparse: Bool, dimensions: Int, starts: [Int32], indices: [UInt32], values: [Float]) {
        self.sparse = sparse
        self.dimensions = dimensions
        if sparse {
            self.starts = starts
            pairs = zip(indices, values).map { Pair(index: $0, value: $1) }
        } else {
            denseValues = values
        }
    }

    var count: Int { sparse ? starts.count - 1 : (dimensions == 0 ? 0 : denseValues.count / dimensions) }

    /// The sparse rows' indices and values, or the dense rows' values, as saved.
    var indices: [UInt32] { pairs.map(\.index) }
    var values: [Float] { sparse ? pairs.map(\.value) : denseValues }

    mutating func append(_ vector: FeatureVector) {
        switch vector {
        case .sparse(let rowIndices, let rowValues):
            for (index, value) in zip(rowIndices, rowValues) { pairs.append(Pair(index: index, value: value)) }
            starts.append(Int32(pairs.count))
        case .dense(let rowValues):
            denseValues.append(contentsOf: rowValues)
        }
    }

    func vector(_ row: Int) -> FeatureVector {
        if sparse {
            let range = Int(starts[row])..<Int(starts[row + 1])
            return .sparse(indices: pairs[range].map(\.index), values: pairs[range].map(\.value))
        }
        return .dense(Array(denseValues[row * dimensions..<(row + 1) * dimensions]))
    }

    func dot(_ row: Int, _ query: FeatureVector) -> Double {
        switch query {
        case .sparse(let queryIndices, let queryValues):
            guard sparse else { return 0 }
            return pairs.withUnsafeBufferPointer { pairs in
                queryIndices.withUnsafeBufferPointer { xi in
                    queryValues.withUnsafeBufferPointer { xv in
                        var a = 0, b = Int(starts[row])
                        let end = Int(starts[row + 1])
                        var total: Float = 0
                        while a < xi.count && b < end {
                            let left = xi[a], right = pairs[b].index
                            if left == right { total += xv[a] * pairs[b].value }
                            a += left <= right ? 1 : 0
                            b += right <= left ? 1 : 0
                        }
                        return Double(total)
                    }
                }
            }
        case .dense(let queryValues):
            guard !sparse else { return 0 }
            return FeatureVector.denseDot(queryValues[...], denseValues[row * dimensions..<(row + 1) * dimensions])
        }
    }

    func dot(_ row: Int, _ dense: [Double]) -> Double {
        var total = 0.0
        if sparse {
            for position in Int(starts[row])..<Int(starts[row + 1]) {
                total += Double(pairs[position].value) * dense[Int(pairs[position].index)]
            }
        } else {
            let base = row * dimensions
            for offset in 0..<dimensions { total += Double(denseValues[base + offset]) * dense[offset] }
        }
        return total
    }

    /// Why packed arrays read back from saved state are unusable, or nil.
    var problem: String? {
        if sparse {
            guard starts.first == 0, starts.last.map({ Int($0) == pairs.count }) == true,
                  zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return "sparse rows are inconsistent" }
            for row in 0..<count {
                let rowPairs = pairs[Int(starts[row])..<Int(starts[row + 1])]
                guard zip(rowPairs, rowPairs.dropFirst()).allSatisfy({ $0.index < $1.index }),
                      rowPairs.last.map({ Int($0.index) < dimensions }) ?? true
                else { return "sparse row \(row) has unsorted or out-of-range indices" }
            }
            return pairs.allSatisfy(\.value.isFinite) ? nil : "stored vectors contain NaN or infinity"
        }
        if dimensions <= 0 || denseValues.count % dimensions != 0 { return "dense rows do not match the dimensions" }
        return denseValues.allSatisfy(\.isFinite) ? nil : "stored vectors contain NaN or infinity"
    }
}
