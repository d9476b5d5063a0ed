import GenCore

/// MinHash signatures: for each of `permutations` random hash functions, the least hash over a text's
/// shingles. Two signatures agree in a slot with probability equal to the Jaccard similarity of the sets.
///
/// Each function is multiply-add on the (already well-mixed) 64-bit shingle hash, keeping the top 32 bits;
/// the coefficients come from a seeded generator, so signatures are reproducible and need not be saved.
public struct MinHasher: Sendable, Equatable {
    public let permutations: Int
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    public init(permutations: Int, random: SeededRandom) {
        var generator = random
        self.permutations = permutations
        multipliers = (0..<permutations).map { _ in generator.next() | 1 }
        increments = (0..<permutations).map { _ in generator.next() }
    }

    public func signature(of shingles: [UInt64]) -> [UInt32] {
        var minima = [UInt64](repeating: .max, count: permutations)
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                minima.withUnsafeMutableBufferPointer { out in
                    for shingle in shingles {
                        for slot in 0..<out.count {
                            out[slot] = Swift.min(out[slot], shingle &* a[slot] &+ b[slot])
                        }
                    }
                }
            }
        }
        return minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    /// The estimated Jaccard similarity: the share of slots where two signatures agree. Counted eight
    /// slots at a time without branches: matches are random, so a branch per slot mispredicted half the time.
    public static func similarity(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> Double {
        guard first.count == second.count, !first.isEmpty else { return 0 }
        let agree = first.withUnsafeBufferPointer { x in
            second.withUnsafeBufferPointer { y in
                let whole = x.count / 8 * 8
                var lanes = SIMD8<UInt32>()
                let one = SIMD8<UInt32>(repeating: 1), zero = SIMD8<UInt32>()
                let left = UnsafeRawPointer(x.baseAddress!), right = UnsafeRawPointer(y.baseAddress!)
                for slot in stride(from: 0, to: whole, by: 8) {
                    let a = left.loadUnaligned(fromByteOffset: slot * 4, as: SIMD8<UInt32>.self)
                    let b = right.loadUnaligned(fromByteOffset: slot * 4, as: SIMD8<UInt32>.self)
                    lanes &+= zero.replacing(with: one, where: a .== b)
                }
                var total = Int(lanes.wrappedSum())
                for slot in whole..<x.count where x[slot] == y[slot] { total += 1 }
                return total
            }
        }
        return Double(agree) / Double(first.count)
    }
}
