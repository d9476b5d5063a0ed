import GenCore

/// A random projection whose matrix entries are +1 or -1, stored as bits and regenerated from a seed (never
/// saved). Projecting a sparse vector costs (non-zeros x outputs / 8) SIMD operations: each input dimension
/// contributes its weight times eight signs at once, read from a 256-entry table.
struct SignProjection: Sendable {
    let inputDimensions: Int
    let outputs: Int
    private let bytesPerRow: Int
    private let bits: [UInt8]

    /// `outputs` is rounded up to a multiple of 8.
    init(inputDimensions: Int, outputs: Int, random: SeededRandom) {
        var generator = random
        self.inputDimensions = inputDimensions
        self.bytesPerRow = (outputs + 7) / 8
        self.outputs = bytesPerRow * 8
        var bits = [UInt8]()
        bits.reserveCapacity(inputDimensions * bytesPerRow)
        while bits.count < inputDimensions * bytesPerRow {
            withUnsafeBytes(of: generator.next()) { bits.append(contentsOf: $0) }
        }
        self.bits = Array(bits.prefix(inputDimensions * bytesPerRow))
    }

    /// The projection of `vector` (`outputs` values; entry p is the sum of v_j * sign(j, p)).
    func project(_ vector: FeatureVector) -> [Float] {
        var result = [Float](repeating: 0, count: outputs)
        let width = bytesPerRow
        result.withUnsafeMutableBytes { output in
            signTable.withUnsafeBufferPointer { table in
                bits.withUnsafeBufferPointer { rows in
                    func add(_ dimension: Int, _ weight: Float) {
                        let start = dimension * width
                        for k in 0..<width {
                            let offset = k * MemoryLayout<SIMD8<Float>>.size
                            let sum = output.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                                + weight * table[Int(rows[start + k])]
                            output.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
                        }
                    }
                    switch vector {
                    case .sparse(let indices, let values):
                        for (index, value) in zip(indices, values) { add(Int(index), value) }
                    case .dense(let values):
                        for (index, value) in values.enumerated() where value != 0 { add(index, value) }
                    }
                }
            }
        }
        return result
    }

    /// The projection of a dense vector of doubles (the centre), computed the same way.
    func project(_ dense: [Double]) -> [Float] {
        project(.dense(dense.map { Float($0) }))
    }
}

/// For each byte value, the eight signs (+1 for a set bit, -1 for a clear one) it stands for.
private let signTable: [SIMD8<Float>] = (0..<256).map { byte in
    var lanes = SIMD8<Float>()
    for lane in 0..<8 { lanes[lane] = (byte >> lane) & 1 == 1 ? 1 : -1 }
    return lanes
}
