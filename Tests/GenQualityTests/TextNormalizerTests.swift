import GenCore
import Testing

@testable import GenQuality

struct TextNormalizerTests {
    @Test func caseWhitespaceAndPunctuationDoNotMatter() {
        let a = TextNormalizer.normalize("  Hello,   WORLD!!  How are you?")
        let b = TextNormalizer.normalize("hello world how are you")
        #expect(a.text == "hello world how are you")
        #expect(a.exactHash == b.exactHash)
        #expect(a.wordHashes == b.wordHashes)
    }

    @Test func apostrophesJoinAndOtherPunctuationSeparates() {
        #expect(TextNormalizer.normalize("Don't stop").text == "dont stop")
        #expect(TextNormalizer.normalize("Don\u{2019}t stop").text == "dont stop")
        #expect(TextNormalizer.normalize("e-mail/phone").text == "e mail phone")
    }

    @Test func compatibilityFormsFoldToTheirPlainLetters() {
        // Full-width letters and the "fi" ligature are NFKC-equivalent to plain ASCII.
        #expect(TextNormalizer.normalize("\u{FF28}\u{FF49} \u{FB01}ne").text == "hi fine")
        #expect(TextNormalizer.normalize("Café").text == "café")
        #expect(TextNormalizer.normalize("Cafe\u{301}").exactHash == TextNormalizer.normalize("CAFÉ").exactHash)
    }

    @Test func symbolsSeparateWordsWithoutChangingThem() {
        #expect(TextNormalizer.normalize("I paid £25 – “twice”…").text == "i paid 25 twice")
        #expect(TextNormalizer.normalize("Brand™ ½ price").text == "brandtm 1 2 price")  // NFKC: ™ -> TM, ½ -> 1⁄2
    }

    @Test func emptyAndPunctuationOnlyTextsHaveNoWords() {
        #expect(TextNormalizer.normalize("").wordCount == 0)
        #expect(TextNormalizer.normalize("?!... --").text == "")
    }

    @Test func hashesAreStableAcrossRuns() {
        // FNV-1a of "hello": a published test vector, so the fingerprint never depends on the process.
        #expect(StableHash.fnv1a("hello") == 0xA430_D846_80AA_BD0B)
    }
}

struct TextRulesTests {
    @Test func lengthCountsCharacters() {
        #expect(TextRules.length("café") == 4)
        #expect(TextRules.length("👍🏽 ok") == 4)
    }

    @Test func lengthProblemsNameTheBound() {
        #expect(TextRules.lengthProblem("abc", min: 5, max: nil) == "3 characters, fewer than the minimum 5")
        #expect(TextRules.lengthProblem("abcdef", min: nil, max: 5) == "6 characters, more than the maximum 5")
        #expect(TextRules.lengthProblem("abcde", min: 5, max: 5) == nil)
    }

    @Test func matchesSearchesWhileWholeMatchAnchors() throws {
        #expect(try TextRules.matches("card 4111111111111111 lost", pattern: "[0-9]{12,19}"))
        #expect(try !TextRules.matches("card 4111 lost", pattern: "[0-9]{12,19}"))
        #expect(try !TextRules.matchesWhole("card 4111111111111111", pattern: "[0-9]{12,19}"))
        #expect(try TextRules.matchesWhole("ab", pattern: "a|ab"))
    }

    @Test func invalidPatternIsAnErrorNotACrash() {
        #expect(throws: QualityError.self) { try TextRules.matches("x", pattern: "(unclosed") }
    }

    @Test func wordCountUsesTheNormalisedWords() {
        #expect(TextRules.wordCount("Hi -- I lost my card!") == 5)
    }
}

struct FormattingTests {
    @Test func fixedDecimals() {
        #expect(NumberText.fixed(0.125, 2) == "0.13")  // an exact tie rounds away from zero
        #expect(NumberText.fixed(0.8, 2) == "0.80")
        #expect(NumberText.fixed(12.0, 0) == "12")
        #expect(NumberText.fixed(-0.05, 3) == "-0.050")
        #expect(NumberText.fixed(0.9999, 2) == "1.00")
        #expect(NumberText.fixed(.nan, 2) == "nan")
    }
}
