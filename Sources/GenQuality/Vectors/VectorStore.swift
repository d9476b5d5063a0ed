/// The accepted vectors, packed: sparse rows as one index array and one value array with row starts
/// (CSR), dense rows back to back. Dot products read the packed arrays without copying a row.
struct VectorStore: Sendable, Equatable {
    let sparse: Bool
    let dimensions: Int
    private(set) var starts: [Int32] = [0]
    private(set) var indices: [UInt32] = []
    private(set) var values: [Float] = []

    init(sparse: Bool, dimensions: Int) {
        self.sparse = sparse
        self.dimensions = dimensions
    }

    init(sparse: Bool, dimensions: Int, starts: [Int32], indices: [UInt32], values: [Float]) {
        self.sparse = sparse
        self.dimensions = dimensions
        self.starts = starts
        self.indices = indices
        self.values = values
    }

    var count: Int { sparse ? starts.count - 1 : (dimensions == 0 ? 0 : values.count / dimensions) }

    mutating func append(_ vector: FeatureVector) {
        switch vector {
        case .sparse(let rowIndices, let rowValues):
            indices.append(contentsOf: rowIndices)
            values.append(contentsOf: rowValues)
            starts.append(Int32(indices.count))
        case .dense(let rowValues):
            values.append(contentsOf: rowValues)
        }
    }

    func vector(_ row: Int) -> FeatureVector {
        if sparse {
            let range = Int(starts[row])..<Int(starts[row + 1])
            return .sparse(indices: Array(indices[range]), values: Array(values[range]))
        }
        return .dense(Array(values[row * dimensions..<(row + 1) * dimensions]))
    }

    func dot(_ row: Int, _ query: FeatureVector) -> Double {
        switch query {
        case .sparse(let queryIndices, let queryValues):
            guard sparse else { return 0 }
            let range = Int(starts[row])..<Int(starts[row + 1])
            return FeatureVector.sparseDot(queryIndices[...], queryValues[...], indices[range], values[range])
        case .dense(let queryValues):
            guard !sparse else { return 0 }
            return FeatureVector.denseDot(queryValues[...], values[row * dimensions..<(row + 1) * dimensions])
        }
    }

    func dot(_ row: Int, _ dense: [Double]) -> Double {
        var total = 0.0
        if sparse {
            for position in Int(starts[row])..<Int(starts[row + 1]) {
                total += Double(values[position]) * dense[Int(indices[position])]
            }
        } else {
            let base = row * dimensions
            for offset in 0..<dimensions { total += Double(values[base + offset]) * dense[offset] }
        }
        return total
    }

    /// Why packed arrays read back from saved state are unusable, or nil.
    var problem: String? {
        if sparse {
            guard starts.first == 0, starts.last.map({ Int($0) == indices.count }) == true, indices.count == values.count,
                  zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return "sparse rows are inconsistent" }
            for row in 0..<count {
                let rowIndices = indices[Int(starts[row])..<Int(starts[row + 1])]
                guard zip(rowIndices, rowIndices.dropFirst()).allSatisfy({ $0 < $1 }),
                      rowIndices.last.map({ Int($0) < dimensions }) ?? true
                else { return "sparse row \(row) has unsorted or out-of-range indices" }
            }
        } else if dimensions <= 0 || values.count % dimensions != 0 {
            return "dense rows do not match the dimensions"
        }
        return values.allSatisfy(\.isFinite) ? nil : "stored vectors contain NaN or infinity"
    }
}
