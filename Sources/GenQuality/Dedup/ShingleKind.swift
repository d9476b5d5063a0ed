import GenCore
/// How a text is cut into shingles for MinHash, chosen by its length in words.
///
/// Short texts have too few word 3-grams for a useful Jaccard estimate (a 4-word text has 2), so they use
/// character 5-grams; long texts use word 5-grams, which are more selective. The ranges overlap, and a text
/// in an overlap is indexed under both kinds: two texts whose lengths are within a 0.7 ratio (the least any
/// pair with word-set Jaccard >= 0.7 can have) always share a kind, so no pair is missed at a boundary.
public enum ShingleKind: UInt8, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Character (UTF-8 byte) 5-grams of the normalised text, for texts of at most 9 words.
    case characters5
    /// Word 3-grams, for texts of 6 to 60 words.
    case words3
    /// Word 5-grams, for texts of 40 words or more.
    case words5

    /// The kinds a text with this many words is indexed under (one or two).
    public static func kinds(forWordCount words: Int) -> [ShingleKind] {
        allCases.filter { $0.wordRange.contains(words) }
    }

    var wordRange: ClosedRange<Int> {
        switch self {
        case .characters5: return 0...9
        case .words3: return 6...60
        case .words5: return 40...Int.max
        }
    }

    public var description: String {
        switch self {
        case .characters5: return "character 5-grams"
        case .words3: return "word 3-grams"
        case .words5: return "word 5-grams"
        }
    }

    /// The shingle hashes of a text (a text shorter than one shingle is one shingle).
    func shingles(of text: NormalizedText) -> [UInt64] {
        switch self {
        case .characters5: return Self.byteShingles(text.bytes, width: 5)
        case .words3: return Self.wordShingles(text.wordHashes, width: 3)
        case .words5: return Self.wordShingles(text.wordHashes, width: 5)
        }
    }

    static func wordShingles(_ words: [UInt64], width: Int) -> [UInt64] {
        guard words.count >= width else { return [combineAll(words[...])] }
        return (0...(words.count - width)).map { combineAll(words[$0..<$0 + width]) }
    }

    static func byteShingles(_ bytes: [UInt8], width: Int) -> [UInt64] {
        guard bytes.count >= width else { return [StableHash.mix(StableHash.fnv1a(bytes))] }
        var result = [UInt64]()
        result.reserveCapacity(bytes.count - width + 1)
        var window: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            window = (window << 8 | UInt64(byte)) & 0xFF_FFFF_FFFF  // the last 5 bytes
            if index >= width - 1 { result.append(StableHash.mix(window)) }
        }
        return result
    }

    private static func combineAll(_ hashes: ArraySlice<UInt64>) -> UInt64 {
        hashes.reduce(0x5851_F42D_4C95_7F2D) { StableHash.combine($0, $1) }
    }
}
