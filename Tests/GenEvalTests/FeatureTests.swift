import GenCore
import Testing
@testable import GenEval

@Suite struct FeatureTests {
    @Test func tokenizerLowercasesAndSplitsPunctuation() {
        #expect(Tokenizer.words("Hello, World!  It's 42") == ["hello", ",", "world", "!", "it", "'", "s", "42"])
        #expect(Tokenizer.words("Ünïcode STRASSE\tcafé") == ["ünïcode", "strasse", "café"])
        #expect(Tokenizer.words("   ").isEmpty)
    }

    @Test func stableHashIsStandardFNV1a() {
        // Published FNV-1a 64-bit test vectors: "" and "a".
        #expect(StableHash.offsetBasis == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.step(StableHash.offsetBasis, UInt64(UInt8(ascii: "a"))) == 0xAF63_DC4C_8601_EC8C)
    }

    @Test func wordCountsWithoutCharNGrams() throws {
        let featurizer = try HashedFeaturizer(FeatureConfiguration(maxWordNGram: 1, charNGramWeight: 0))
        let once = featurizer.encode("ab")
        let twice = featurizer.encode("ab AB")
        #expect(once.values == [1])
        #expect(twice.indices == once.indices)
        #expect(twice.values == [2])
    }

    @Test func charNGramMassMatchesHandCount() throws {
        // "<abc>" has three 3-grams, two 4-grams and one 5-gram; plus the word itself.
        let featurizer = try HashedFeaturizer(FeatureConfiguration(maxWordNGram: 1, charNGramWeight: 0.5))
        let vector = featurizer.encode("abc")
        #expect(vector.values.reduce(0, +) == 1 + 6 * 0.5)
        #expect(Set(vector.indices).count == vector.indices.count)
        let bigrams = try HashedFeaturizer(FeatureConfiguration(maxWordNGram: 2, charNGramWeight: 0))
        #expect(bigrams.encode("a b c").values.reduce(0, +) == 3 + 2)
    }

    @Test func bucketsAreStableAndInRange() throws {
        let featurizer = try HashedFeaturizer()
        let first = featurizer.encode("The quick brown fox jumps over the lazy dog.")
        let second = try HashedFeaturizer().encode("The quick brown fox jumps over the lazy dog.")
        #expect(first == second)
        #expect(first.indices.allSatisfy { $0 >= 0 && Int($0) < featurizer.bucketCount })
    }

    @Test func rejectsBadConfiguration() {
        #expect(throws: EvalError.self) { try HashedFeaturizer(FeatureConfiguration(bucketBits: 40)) }
        #expect(throws: EvalError.self) { try HashedFeaturizer(FeatureConfiguration(maxWordNGram: 3)) }
        #expect(throws: EvalError.self) { try HashedFeaturizer(FeatureConfiguration(charNGramWeight: -1)) }
    }

    @Test func logScaledUnitNormDropsZeroWeightsAndNormalises() {
        let vector = SparseVector(indices: [1, 2, 3], values: [1, 3, 1])
        let scaled = vector.logScaledUnitNorm(weights: [0, 1, 1, 0])
        #expect(scaled.indices == [1, 2])
        let norm = scaled.values.reduce(0) { $0 + $1 * $1 }
        #expect(abs(norm - 1) < 1e-6)
        #expect(scaled.values[1] > scaled.values[0])  // log(1 + 3) > log(1 + 1)
    }
}
