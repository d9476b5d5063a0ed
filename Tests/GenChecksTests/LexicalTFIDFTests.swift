import Testing
@testable import GenChecks

@Suite struct LexicalTFIDFTests {
    let tfidf = LexicalTFIDF(corpus: ["the card was lost", "the weather is nice today", "check my balance please"])

    @Test func identicalTextsScoreOne() {
        #expect(abs(tfidf.cosine("I lost my debit card", "I lost my debit card") - 1) < 1e-9)
        // Case and punctuation are not words.
        #expect(abs(tfidf.cosine("Lost card!", "lost CARD") - 1) < 1e-9)
    }

    @Test func disjointTextsScoreZero() {
        #expect(tfidf.cosine("I lost my debit card", "sunny weather tomorrow") == 0)
    }

    @Test func sharedRareWordsCountMoreThanSharedCommonOnes() {
        let rare = tfidf.cosine("the debit card", "a debit limit")
        let common = tfidf.cosine("the debit card", "the weather")
        #expect(rare > common)
        #expect(rare > 0 && rare < 1)
    }

    @Test func emptyTextScoresZero() {
        #expect(tfidf.cosine("", "anything at all") == 0)
        #expect(tfidf.cosine("...", "!!!") == 0)
    }
}
