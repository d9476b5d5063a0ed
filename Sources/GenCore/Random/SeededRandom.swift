/// A deterministic, seedable random number generator (SplitMix64).
///
/// Every stochastic decision in Gen (router draws, tie-breaks, template choices, MinHash seeds, SGD shuffles)
/// takes one of these explicitly, so `--seed N` reproduces a run exactly. Its whole state is one `UInt64`,
/// which makes it trivial to save in a run store and restore.
public struct SeededRandom: RandomNumberGenerator, Sendable, Equatable, Codable {
    /// The complete generator state; restoring it continues the same sequence.
    public var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A new generator whose sequence is independent of this one's, derived from a label.
    /// Used to give each component (router, arms, dedup) its own stream from one run seed.
    public func derived(_ label: String) -> SeededRandom {
        var mixer = SeededRandom(seed: state ^ StableHash.fnv1a(label))
        return SeededRandom(seed: mixer.next())
    }
}
