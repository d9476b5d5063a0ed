/// Hashes that are identical on every run and platform: fingerprints saved in the run store, feature-hashing
/// buckets, seed derivation. FNV-1a with a SplitMix64 finaliser, in one place.
///
/// Swift's `Hasher` is randomly seeded per process, so it must never produce a value that outlives the process.
public enum StableHash {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Folds one unit (a byte, a Unicode scalar value or a whole sub-hash) into a running FNV-1a hash.
    @inlinable @inline(__always)
    public static func step(_ hash: UInt64, _ unit: UInt64) -> UInt64 {
        (hash ^ unit) &* prime
    }

    /// FNV-1a over bytes: simple, stable, and fast enough for short texts.
    @inlinable
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes { hash = step(hash, UInt64(byte)) }
        return hash
    }

    /// FNV-1a of a string's UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(text.utf8)
    }

    /// A starting state distinct per namespace (word, bigram, char n-gram features), so equal strings differ.
    public static func seed(_ namespace: UInt64) -> UInt64 {
        step(offsetBasis, namespace)
    }

    /// The SplitMix64 finaliser: spreads every input bit over the whole word (FNV's low bits are weak), so
    /// masking to a power-of-two bucket count uses well-mixed bits.
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An order-dependent combination of two hashes (for n-grams: combine(a, b) != combine(b, a)).
    @inlinable
    public static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix((first &* 0x9E37_79B9_7F4A_7C15) ^ second)
    }
}
