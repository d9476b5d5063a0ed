import Testing
import GenCore

@Suite struct GenStringLiteralTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(GenStringLiteral.quote("plain") == "\"plain\"")
        #expect(GenStringLiteral.quote("say \"hi\"\\now") == "\"say \\\"hi\\\"\\\\now\"")
        #expect(GenStringLiteral.quote("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"")
        #expect(GenStringLiteral.quote("bell\u{7}") == "\"bell\\u{7}\"")
        #expect(GenStringLiteral.quote("café 🎬") == "\"café 🎬\"")
    }
}
