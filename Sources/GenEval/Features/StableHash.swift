/// FNV-1a over 32-bit code units, plus a final mixer.
///
/// Feature hashing must give the same bucket in every process and on every platform, so Swift's `Hasher`
/// (randomly seeded per process) is never used. FNV-1a's low bits are weak, hence the SplitMix64 finaliser.
enum StableHash {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// A starting state distinct per feature family (word, bigram, char n-gram), so equal strings differ.
    static func seed(_ namespace: UInt64) -> UInt64 {
        step(offsetBasis, namespace)
    }

    /// Folds one code unit (a Unicode scalar value or a whole sub-hash) into the running hash.
    @inline(__always)
    static func step(_ hash: UInt64, _ unit: UInt64) -> UInt64 {
        (hash ^ unit) &* prime
    }

    /// Avalanches the hash so that masking to a power-of-two bucket count uses well-mixed bits.
    @inline(__always)
    static func finalize(_ hash: UInt64) -> UInt64 {
        var z = hash
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
