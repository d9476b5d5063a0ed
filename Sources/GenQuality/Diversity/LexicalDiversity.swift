import GenCore
/// Distinct-n and n-gram entropy of the accepted texts, kept incrementally in O(words) per text.
///
/// distinct-n = distinct n-grams / all n-grams over the set (n-grams do not cross texts). Entropy is the
/// Shannon entropy in bits of the n-gram frequency distribution, kept through sum(c log c): adding one
/// occurrence changes that sum by (c+1) log(c+1) - c log c.
public struct LexicalDiversity: Sendable, Equatable {
    var unigrams = NgramCounter()
    var bigrams = NgramCounter()

    public init() {}

    public var distinct1: Double { unigrams.distinctRatio }
    public var distinct2: Double { bigrams.distinctRatio }
    public var unigramEntropy: Double { unigrams.entropyBits }
    public var bigramEntropy: Double { bigrams.entropyBits }

    public mutating func add(_ text: NormalizedText) {
        var previous: UInt64?
        for word in text.wordHashes {
            unigrams.add(word)
            if let previous { bigrams.add(StableHash.combine(previous, word)) }
            previous = word
        }
    }
}
