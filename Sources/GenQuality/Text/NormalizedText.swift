import GenCore
/// A text reduced to what matters for duplicate and diversity checks: lowercased words, no punctuation,
/// single spaces. Computed once per sample and shared by every in-process stage.
public struct NormalizedText: Sendable, Equatable {
    /// The normalised text as UTF-8: words separated by one space, no leading or trailing space.
    public let bytes: [UInt8]
    /// One stable, well-mixed hash per word, in order (the unit of shingles, TF-IDF features and distinct-n).
    public let wordHashes: [UInt64]

    public init(bytes: [UInt8], wordHashes: [UInt64]) {
        self.bytes = bytes
        self.wordHashes = wordHashes
    }

    /// The normalised text as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var wordCount: Int { wordHashes.count }

    /// The exact-duplicate key: FNV-1a of the normalised bytes.
    public var exactHash: UInt64 { StableHash.fnv1a(bytes) }
}
