import Testing
@testable import GenQuality

/// `HashedTFIDF.cosine`: the similarity check's in-process fallback, on the features novelty uses.
@Suite struct TFIDFCosineTests {
    let corpus = ["the card was lost", "the weather is nice today", "check my balance please"]

    func cosine(_ a: String, _ b: String) throws -> Double { try HashedTFIDF.cosine(a, b, corpus: corpus) }

    @Test func identicalTextsScoreOne() throws {
        #expect(try cosine("I lost my debit card", "I lost my debit card") == 1)
        // Case and punctuation are not words.
        #expect(try cosine("Lost card!", "lost CARD") == 1)
    }

    @Test func disjointTextsScoreZero() throws {
        #expect(try cosine("I lost my debit card", "sunny weather tomorrow") == 0)
    }

    @Test func sharedRareWordsCountMoreThanSharedCommonOnes() throws {
        let rare = try cosine("the debit card", "a debit limit")
        let common = try cosine("the debit card", "the weather")
        #expect(rare > common)
        #expect(rare > 0 && rare < 1)
    }

    @Test func emptyTextScoresZero() throws {
        #expect(try cosine("", "anything at all") == 0)
        #expect(try cosine("...", "!!!") == 0)
    }
}
