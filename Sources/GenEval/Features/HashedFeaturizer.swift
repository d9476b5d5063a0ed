import GenCore
/// Which hashed features a text becomes (fastText-style): word n-grams plus character n-grams inside words.
public struct FeatureConfiguration: Sendable, Hashable, Codable {
    /// log2 of the bucket count; 18 gives 262,144 buckets.
    public var bucketBits: Int
    /// Highest word n-gram order: 1 = unigrams, 2 = unigrams and bigrams.
    public var maxWordNGram: Int
    /// Character n-gram lengths taken inside `<word>` boundaries; an empty range disables them.
    public var minCharNGram: Int
    public var maxCharNGram: Int
    /// How much one character n-gram counts relative to a word n-gram. They outnumber word features several
    /// times over; at full weight they drown the words (measured: 0.5 beats 1 on all three shared sets).
    public var charNGramWeight: Double

    public init(
        bucketBits: Int = 18, maxWordNGram: Int = 2, minCharNGram: Int = 3, maxCharNGram: Int = 5,
        charNGramWeight: Double = 0.5
    ) {
        self.bucketBits = bucketBits
        self.maxWordNGram = maxWordNGram
        self.minCharNGram = minCharNGram
        self.maxCharNGram = maxCharNGram
        self.charNGramWeight = charNGramWeight
    }

    public static let standard = FeatureConfiguration()
}

/// Turns text into sparse bucket counts with a stable hash (same buckets in every process).
public struct HashedFeaturizer: Sendable, Hashable {
    public let configuration: FeatureConfiguration
    public var bucketCount: Int { 1 << configuration.bucketBits }

    private static let wordNamespace: UInt64 = 1
    private static let bigramNamespace: UInt64 = 2
    private static let charNamespace: UInt64 = 3
    private static let leftBoundary: UInt64 = 0x3C  // "<"
    private static let rightBoundary: UInt64 = 0x3E  // ">"

    public init(_ configuration: FeatureConfiguration = .standard) throws {
        guard (4...24).contains(configuration.bucketBits) else {
            throw EvalError.invalidArgument("bucketBits must be in 4...24, got \(configuration.bucketBits)")
        }
        guard (1...2).contains(configuration.maxWordNGram) else {
            throw EvalError.invalidArgument("maxWordNGram must be 1 or 2, got \(configuration.maxWordNGram)")
        }
        guard configuration.minCharNGram >= 1, configuration.maxCharNGram <= 8 else {
            throw EvalError.invalidArgument("character n-gram lengths must lie in 1...8")
        }
        guard configuration.charNGramWeight >= 0, configuration.charNGramWeight.isFinite else {
            throw EvalError.invalidArgument("charNGramWeight must be a finite number >= 0")
        }
        self.configuration = configuration
    }

    /// The raw term counts of one text.
    public func encode(_ text: String) -> SparseVector {
        let (scalars, tokens) = Tokenizer.tokenize(text)
        var accumulator = BucketAccumulator(expectedHits: tokens.count * 2 + scalars.count * 3)
        let mask = UInt64(bucketCount - 1)
        let charWeight = Float(configuration.charNGramWeight)
        func emit(_ hash: UInt64, weight: Float) {
            accumulator.add(Int32(truncatingIfNeeded: StableHash.mix(hash) & mask), weight: weight)
        }
        var previousWordHash: UInt64?
        for token in tokens {
            var wordHash = StableHash.seed(Self.wordNamespace)
            for position in token.start..<token.end { wordHash = StableHash.step(wordHash, UInt64(scalars[position])) }
            emit(wordHash, weight: 1)
            if configuration.maxWordNGram >= 2, let previous = previousWordHash {
                emit(StableHash.step(StableHash.step(StableHash.seed(Self.bigramNamespace), previous), wordHash), weight: 1)
            }
            previousWordHash = wordHash
            if token.isWord, charWeight > 0 {
                forEachCharNGram(scalars[token.start..<token.end]) { emit($0, weight: charWeight) }
            }
        }
        return accumulator.vector()
    }

    /// Encodes many texts.
    public func encode(_ texts: [String]) -> [SparseVector] {
        texts.map(encode)
    }

    /// Character n-grams of `<word>`: each start position extends one hash through the allowed lengths.
    private func forEachCharNGram(_ word: ArraySlice<UInt32>, _ body: (UInt64) -> Void) {
        let minLength = configuration.minCharNGram
        let maxLength = configuration.maxCharNGram
        guard minLength <= maxLength else { return }
        let count = word.count + 2  // with the boundary marks
        let first = word.startIndex
        for start in 0..<count {
            var hash = StableHash.seed(Self.charNamespace)
            var length = 0
            while length < maxLength, start + length < count {
                let position = start + length
                let unit = position == 0 ? Self.leftBoundary
                    : position == count - 1 ? Self.rightBoundary : UInt64(word[first + position - 1])
                hash = StableHash.step(hash, unit)
                length += 1
                if length >= minLength { body(hash) }
            }
        }
    }
}
